/* pd-export-release.h — the release register as a workbook: one row per
 * slip of the period (the month for the monthly report), and a summary of
 * slips by reason and state.  Carrier ID numbers and applicants' phones
 * are masked unless asked for and allowed (pd-export-log.h); every export
 * is logged. */
#pragma once

#include "pd-release-register.h"

G_BEGIN_DECLS

/* Writes the slips @filter selects (its from/to give the period) to
 * @path.  @n_rows (may be NULL) receives the number of slips written. */
gboolean pd_export_release_register (PdContext             *ctx,
                                     const PdReleaseFilter *filter,
                                     const char            *path,
                                     gboolean               unmasked,
                                     guint                 *n_rows,
                                     GError               **error);

G_END_DECLS
