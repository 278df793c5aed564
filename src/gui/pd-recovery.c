/* pd-recovery.c — see pd-recovery.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-backup.h"
#include "pd-recovery.h"

typedef struct
{
  char          *db_path;
  char          *backup;
  PdRecoveryDone done;
  gpointer       user_data;
} Recovery;

enum { RESPONSE_RESTORE = 1 };

static void
recovery_free (Recovery *recovery)
{
  g_free (recovery->db_path);
  g_free (recovery->backup);
  g_free (recovery);
}

static void
on_response (GtkDialog *dialog,
             int        response,
             Recovery  *recovery)
{
  gboolean restored = FALSE;

  if (response == RESPONSE_RESTORE && recovery->backup != NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *aside = NULL;

      restored = pd_backup_restore (recovery->db_path, recovery->backup, &aside, &error);
      if (!restored)
        g_warning ("restore failed: %s", error->message);
      else
        g_message ("restored %s from %s; damaged file kept as %s", recovery->db_path,
                   recovery->backup, aside ? aside : "-");
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  recovery->done (recovery->user_data, restored);
  recovery_free (recovery);
}

void
pd_recovery_offer (GtkApplication *app,
                   const char     *db_path,
                   const GError   *problem,
                   PdRecoveryDone  done,
                   gpointer        user_data)
{
  g_autofree char *dir = pd_backup_dir_for (db_path);
  Recovery *recovery = g_new0 (Recovery, 1);
  GtkWidget *dialog;

  recovery->db_path = g_strdup (db_path);
  recovery->backup = pd_backup_newest_good (dir);
  recovery->done = done;
  recovery->user_data = user_data;

  dialog = gtk_message_dialog_new (NULL, GTK_DIALOG_MODAL, GTK_MESSAGE_ERROR, GTK_BUTTONS_NONE,
                                   "%s", _("The database is damaged and cannot be used"));
  if (recovery->backup != NULL)
    {
      g_autofree char *name = g_path_get_basename (recovery->backup);
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
        /* Translators: %1$s the problem, %2$s the backup file's name, %3$s its folder */
        _("%1$s\n\nThe newest good backup is %2$s (in %3$s). Restore it? The damaged file will be kept beside it under a new name; nothing is overwritten."),
        problem->message, name, dir);
      gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Quit"), GTK_RESPONSE_CLOSE);
      gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Restore the backup"), RESPONSE_RESTORE);
      gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_RESTORE);
    }
  else
    {
      gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
        /* Translators: %1$s the problem, %2$s the backup folder */
        _("%1$s\n\nNo good backup was found in %2$s. Restore one with “propdesk-cli restore FILE” or copy a backup into that folder, then start PropDesk again. The damaged file has not been changed."),
        problem->message, dir);
      gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Quit"), GTK_RESPONSE_CLOSE);
    }
  gtk_window_set_title (GTK_WINDOW (dialog), _("PropDesk — database damaged"));
  if (app != NULL)
    gtk_application_add_window (app, GTK_WINDOW (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), recovery);
  gtk_window_present (GTK_WINDOW (dialog));
}
