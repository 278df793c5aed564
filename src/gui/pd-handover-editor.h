/* pd-handover-editor.h — one handover being worked on: papers, people,
 * meter readings, keys and cards, the inspection checklist and the defects,
 * with Save (Ctrl+S), Finish inspection, Hand over and close, Delete.
 * Emits "deleted" when its handover was deleted. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_HANDOVER_EDITOR (pd_handover_editor_get_type ())
G_DECLARE_FINAL_TYPE (PdHandoverEditor, pd_handover_editor, PD, HANDOVER_EDITOR, GtkBox)

PdHandoverEditor *pd_handover_editor_new             (PdContext        *ctx);
void              pd_handover_editor_set_context     (PdHandoverEditor *self,
                                                      PdContext        *ctx);
/* Shows handover @handover_id (0: none), reading it afresh. */
void              pd_handover_editor_load            (PdHandoverEditor *self,
                                                      gint64            handover_id);
gint64            pd_handover_editor_get_handover_id (PdHandoverEditor *self);

G_END_DECLS
