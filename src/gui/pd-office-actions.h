/* pd-office-actions.h — the window's "office" actions, reached from its
 * menu and keyboard: Users… and Settings… (administrators), Back up to…
 * (anyone: a copy on a USB stick), Restore from… and Export log
 * (administrators).
 *
 * The administrator-only actions are disabled for other roles (the menu
 * hides them); the core refuses the same things anyway
 * (pd_context_require_role), so the gate is not only in the GUI. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

/* Inserts the "office" action group into @window and sets the actions'
 * keyboard shortcuts on its application. */
void pd_office_actions_install (GtkWindow  *window,
                                PdContext  *ctx);

/* What the file choosers lead to, callable without one (tests). */
void pd_office_backup_to       (GtkWindow  *window,
                                PdContext  *ctx,
                                const char *path);
/* Refuses with an error dialog (nothing changed) a file that is not a
 * sound PropDesk database or a user who is not an administrator;
 * otherwise asks for confirmation, backs the current database up and
 * hands over to pd_application_restore. */
void pd_office_restore_from    (GtkWindow  *window,
                                PdContext  *ctx,
                                const char *path);

G_END_DECLS
