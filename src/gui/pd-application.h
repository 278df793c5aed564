/* pd-application.h — the GtkApplication: opens the database (creating the
 * demo estate on first run) and the main window. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_APPLICATION (pd_application_get_type ())
G_DECLARE_FINAL_TYPE (PdApplication, pd_application, PD, APPLICATION, GtkApplication)

PdApplication *pd_application_new         (void);
PdContext     *pd_application_get_context (PdApplication *self);
/* "Restore from…" after pd_backup_prepare_restore accepted @backup_path:
 * closes every window and the database, replaces it (pd_backup_restore)
 * and opens it again, with a login when it has accounts.  When the
 * restore fails the previous database is back and the error is shown. */
void           pd_application_restore     (PdApplication *self,
                                           const char    *backup_path);
/* Shows @error in a modal message dialog on @parent. */
void           pd_show_error              (GtkWidget    *parent,
                                           const char   *primary,
                                           const GError *error);

G_END_DECLS
