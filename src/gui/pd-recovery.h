/* pd-recovery.h — what happens at start when the database is damaged or
 * unreadable: a clear dialog that offers the newest good backup.  The
 * damaged file is moved aside, never overwritten. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*PdRecoveryDone) (gpointer user_data,
                                gboolean restored);

/* Shows the dialog for @db_path, damaged as @problem says; calls @done with
 * TRUE after a successful restore, FALSE when the user quits or no backup
 * could be restored. */
void pd_recovery_offer (GtkApplication *app,
                        const char     *db_path,
                        const GError   *problem,
                        PdRecoveryDone  done,
                        gpointer        user_data);

G_END_DECLS
