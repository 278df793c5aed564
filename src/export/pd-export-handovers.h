/* pd-export-handovers.h — the handover register as a workbook: one sheet
 * with every handover of the period (status, checklist and defect counts,
 * late notices and passed deadlines, meter readings, keys), one with every
 * defect still open today (the list to chase contractors with).  Owners'
 * names are personal data: the export is logged. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

/* Handovers dated from @from_day up to (not including) @before_day; either
 * may be NULL for no limit. */
gboolean pd_export_handovers (PdContext  *ctx,
                              const char *from_day,
                              const char *before_day,
                              const char *path,
                              guint      *n_handovers,
                              guint      *n_defects,
                              GError    **error);

G_END_DECLS
