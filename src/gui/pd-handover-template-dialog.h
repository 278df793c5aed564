/* pd-handover-template-dialog.h — the settings page of the inspection
 * checklist: per unit use, the rooms × items in walking order, added,
 * removed, moved and saved (supervisor). */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

GtkWidget *pd_handover_template_dialog_new (GtkWindow *parent,
                                            PdContext *ctx);

G_END_DECLS
