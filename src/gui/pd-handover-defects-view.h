/* pd-handover-defects-view.h — the defects of a handover: deadlines and
 * the 24-hour notice highlighted, add and edit during the inspection,
 * notice sent, re-inspection (fixed / not fixed with a new deadline).
 * Emits "changed" after every write. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_HANDOVER_DEFECTS_VIEW (pd_handover_defects_view_get_type ())
G_DECLARE_FINAL_TYPE (PdHandoverDefectsView, pd_handover_defects_view, PD, HANDOVER_DEFECTS_VIEW, GtkBox)

void  pd_handover_defects_view_set_context (PdHandoverDefectsView *self,
                                            PdContext             *ctx);
void  pd_handover_defects_view_load        (PdHandoverDefectsView *self,
                                            gint64                 handover_id,
                                            const char            *status);
/* "open/total" for the tab title. */
char *pd_handover_defects_view_get_summary (PdHandoverDefectsView *self);
/* Selects defect @position (what Edit and Re-inspect act on). */
void  pd_handover_defects_view_select      (PdHandoverDefectsView *self,
                                            guint                  position);

G_END_DECLS
