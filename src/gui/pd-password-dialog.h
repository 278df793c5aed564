/* pd-password-dialog.h — the logged-in user changes their password:
 * current password, new one twice.  Forced after an admin reset or when the
 * password is older than the setting allows (then it cannot be skipped). */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

/* @changed is FALSE when the dialog was cancelled. */
typedef void (*PdPasswordDoneFunc) (gboolean changed,
                                    gpointer user_data);

#define PD_TYPE_PASSWORD_DIALOG (pd_password_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdPasswordDialog, pd_password_dialog, PD, PASSWORD_DIALOG, GtkWindow)

GtkWidget *pd_password_dialog_new (GtkWindow         *parent,
                                   PdContext         *ctx,
                                   gboolean           forced,
                                   PdPasswordDoneFunc done,
                                   gpointer           user_data);

G_END_DECLS
