/* pd-handover-checklist-view.h — the inspection checklist of a handover,
 * entered room by room from the keyboard: 1 OK, 2 defect (with a note),
 * 3 not applicable, each moving on to the next item.  Emits "changed"
 * after every write. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_HANDOVER_CHECKLIST_VIEW (pd_handover_checklist_view_get_type ())
G_DECLARE_FINAL_TYPE (PdHandoverChecklistView, pd_handover_checklist_view, PD, HANDOVER_CHECKLIST_VIEW, GtkBox)

void  pd_handover_checklist_view_set_context  (PdHandoverChecklistView *self,
                                               PdContext               *ctx);
/* Shows the checklist of @handover_id (0: none); editable while @status
 * is in_progress. */
void  pd_handover_checklist_view_load         (PdHandoverChecklistView *self,
                                               gint64                   handover_id,
                                               const char              *status);
/* "answered/total", e.g. "12/44". */
char *pd_handover_checklist_view_get_progress (PdHandoverChecklistView *self);
/* Selects item @position (what the keys act on). */
void  pd_handover_checklist_view_select       (PdHandoverChecklistView *self,
                                               guint                    position);

G_END_DECLS
