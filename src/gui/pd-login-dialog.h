/* pd-login-dialog.h — the login at start, shown when the database has user
 * accounts: user name (the last one remembered), password (never shown),
 * Enter to log in; a wrong password gives a clear message and, after three
 * failures, a short pause.  A password that must be changed (reset by an
 * admin, or too old) leads straight to the change-password dialog. */
#pragma once

#include <gtk/gtk.h>

#include "pd-user.h"

G_BEGIN_DECLS

/* @user (valid during the call) is NULL when the login was abandoned. */
typedef void (*PdLoginDoneFunc) (PdUser  *user,
                                 gpointer user_data);

#define PD_TYPE_LOGIN_DIALOG (pd_login_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdLoginDialog, pd_login_dialog, PD, LOGIN_DIALOG, GtkWindow)

GtkWidget *pd_login_dialog_new (GtkApplication *app,
                                PdContext      *ctx,
                                PdLoginDoneFunc done,
                                gpointer        user_data);

G_END_DECLS
