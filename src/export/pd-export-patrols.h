/* pd-export-patrols.h — the monthly patrol statistics workbook (DOMAIN §4,
 * §8): a summary sheet (vacant units due, patrols due and done on
 * schedule, the on-time rate, patrols, anomalies found / closed / open,
 * key loans and those overdue), then the month by building, anomalies by
 * type, the anomalies open at the month's end, who patrolled, and the
 * overdue key loans.  The figures are pd_patrol_stats_month's. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

/* @month "YYYY-MM" (a field error on "month" otherwise).  Inspectors' and
 * borrowers' names leave the office, so the export is logged. */
gboolean pd_export_patrols (PdContext  *ctx,
                            const char *month,
                            const char *path,
                            GError    **error);

G_END_DECLS
