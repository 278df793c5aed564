/* pd-settings-dialog.h — the administrator's Settings window: every value
 * of the `setting` table (deadlines, fees, goals, password age, backup
 * rotation …), one page per section, with its description.  Save writes
 * the changed values in one transaction through pd_settings_set, which
 * checks the role and the value; a refused value shows next to its field
 * and nothing is saved. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_SETTINGS_DIALOG (pd_settings_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdSettingsDialog, pd_settings_dialog, PD, SETTINGS_DIALOG, GtkWindow)

GtkWidget *pd_settings_dialog_new  (GtkWindow        *parent,
                                    PdContext        *ctx);
/* What the Save button does; FALSE (dialog kept) when a value is refused. */
gboolean   pd_settings_dialog_save (PdSettingsDialog *self);

G_END_DECLS
