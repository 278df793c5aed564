/* pd-handover-defect-dialog.h — the two small dialogs of a defect: record
 * or edit it (room, description, responsible party, deadline as a date or
 * +N working days), and re-inspect it (fixed, or not fixed with a new
 * deadline).  Errors show under the field; @done runs after a successful
 * write, and the dialog closes. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"
#include "pd-handover-defect.h"

G_BEGIN_DECLS

/* @defect NULL: a new defect of @handover_id. */
GtkWidget *pd_handover_defect_dialog_new      (GtkWidget              *parent,
                                               PdContext              *ctx,
                                               gint64                  handover_id,
                                               const PdHandoverDefect *defect,
                                               GCallback               done,
                                               gpointer                user_data);
GtkWidget *pd_handover_reinspect_dialog_new   (GtkWidget              *parent,
                                               PdContext              *ctx,
                                               const PdHandoverDefect *defect,
                                               GCallback               done,
                                               gpointer                user_data);

G_END_DECLS
