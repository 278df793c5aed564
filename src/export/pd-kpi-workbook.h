/* pd-kpi-workbook.h — the monthly KPI report (DOMAIN §8) as a workbook:
 * sheet 1 the figures, one line each, for the month, the month before and
 * the same month last year (counts as numbers, rates with a percent format,
 * deductions in yuan with two decimals, "—" for a rate with nothing to
 * divide by); sheet 2 the charts (counts and rates of the three months).
 * No personal data: the export is not logged. */
#pragma once

#include "pd-kpi.h"

G_BEGIN_DECLS

/* Writes the report of @month ("YYYY-MM") to @path. */
gboolean pd_kpi_workbook_write (PdContext  *ctx,
                                const char *month,
                                const char *path,
                                GError    **error);

G_END_DECLS
