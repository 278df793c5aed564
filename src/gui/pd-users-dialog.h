/* pd-users-dialog.h — the administrator's Users window: every account with
 * its role, password date and state; add a user (who chooses their own
 * password at the first login), reset a forgotten password (changed at the
 * next login), deactivate an account, and how often everyone must change
 * their password (security.password_max_age_days).
 *
 * Opened from the office.users action, which only administrators have;
 * every write goes through pd-user / pd-settings, which check the role. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_USERS_DIALOG (pd_users_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdUsersDialog, pd_users_dialog, PD, USERS_DIALOG, GtkWindow)

GtkWidget *pd_users_dialog_new (GtkWindow *parent,
                                PdContext *ctx);

G_END_DECLS
