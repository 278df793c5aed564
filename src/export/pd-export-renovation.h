/* pd-export-renovation.h — the renovation register and a month's figures
 * as a workbook: sheet 1 the register (every application up to the month's
 * end, with its dates and deposit ledger totals), sheet 2 the month's
 * figures (applications, approvals, reviews answered and on time,
 * violations and deductions, acceptances, refunds), sheet 3 the month's
 * violations. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

/* @first and @next: the month's first day and the first day after it.
 * Names of applicants leave the office, so the export is logged.
 * *@n_rows (may be NULL) gets the register's row count. */
gboolean pd_export_renovations (PdContext  *ctx,
                                const char *first,
                                const char *next,
                                const char *path,
                                guint      *n_rows,
                                GError    **error);

G_END_DECLS
