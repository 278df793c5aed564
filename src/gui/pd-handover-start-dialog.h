/* pd-handover-start-dialog.h — starting a handover (Ctrl+N): the unit (its
 * state shown, a refusal said at once), the owner from the owner file or a
 * new one, and the date.  Emits "started" with the new handover's id. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_HANDOVER_START_DIALOG (pd_handover_start_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdHandoverStartDialog, pd_handover_start_dialog, PD, HANDOVER_START_DIALOG, GtkDialog)

PdHandoverStartDialog *pd_handover_start_dialog_new      (GtkWindow             *parent,
                                                          PdContext             *ctx);
void                   pd_handover_start_dialog_set_unit (PdHandoverStartDialog *self,
                                                          const char            *unit_code);
/* What the Start button does; the new id, or -1 with @error. */
gint64                 pd_handover_start_dialog_start    (PdHandoverStartDialog *self,
                                                          GError               **error);

G_END_DECLS
