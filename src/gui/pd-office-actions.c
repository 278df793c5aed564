/* pd-office-actions.c — see pd-office-actions.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-backup.h"
#include "pd-export-log-dialog.h"
#include "pd-office-actions.h"
#include "pd-settings-dialog.h"
#include "pd-users-dialog.h"

static const struct
{
  const char *action;
  const char *accel;
  PdRole      role;
} office_actions[] = {
  { "users", "<Control><Shift>l", PD_ROLE_ADMIN },
  { "settings", "<Control>comma", PD_ROLE_ADMIN },
  { "backup", "<Control><Shift>b", PD_ROLE_CLERK },
  { "restore", "<Control><Shift>r", PD_ROLE_ADMIN },
  { "export-log", "<Control><Shift>e", PD_ROLE_ADMIN },
};

static PdContext *
window_context (GtkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "pd-office-context");
}

/* The dialogs are transient for the window; the core checks the role again
 * before every write. */
static void
show_users (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       window)
{
  gtk_window_present (GTK_WINDOW (pd_users_dialog_new (window, window_context (window))));
}

static void
show_settings (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       window)
{
  gtk_window_present (GTK_WINDOW (pd_settings_dialog_new (window, window_context (window))));
}

static void
show_export_log (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       window)
{
  gtk_window_present (GTK_WINDOW (pd_export_log_dialog_new (window, window_context (window))));
}

static void
inform (GtkWindow  *window,
        const char *primary,
        const char *secondary)
{
  GtkWidget *dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_INFO, GTK_BUTTONS_CLOSE, "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
pd_office_backup_to (GtkWindow  *window,
                     PdContext  *ctx,
                     const char *path)
{
  g_autoptr (GError) error = NULL;

  if (!pd_backup_export (ctx, path, &error))
    pd_show_error (GTK_WIDGET (window), _("The backup could not be written"), error);
  else
    inform (window, _("Backup written"), path);
}

typedef void (*FileChosen) (GtkWindow  *window,
                            PdContext  *ctx,
                            const char *path);

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                gpointer         window)
{
  FileChosen chosen = g_object_get_data (G_OBJECT (chooser), "pd-chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      chosen (window, window_context (window), path);
    }
  g_object_unref (chooser);
}

/* A native chooser of PropDesk databases (a USB stick shows up in it). */
static void
choose_database (GtkWindow           *window,
                 const char          *title,
                 GtkFileChooserAction action,
                 const char          *accept,
                 const char          *suggested_name,
                 FileChosen           chosen)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, window, action, accept, _("_Cancel"));
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PropDesk databases (*.db)"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "pd-chosen", chosen);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), window);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
choose_backup (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       window)
{
  g_autoptr (GDateTime) now = pd_context_now (window_context (window));
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M");
  /* Translators: suggested file name of a manual backup; %s is date and time */
  g_autofree char *name = g_strdup_printf (_("propdesk-backup-%s.db"), stamp);

  choose_database (window, _("Back Up To"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"), name,
                   pd_office_backup_to);
}

typedef struct
{
  GtkWindow *window;
  char      *path;
} Restore;

static void
restore_free (Restore *restore)
{
  g_clear_object (&restore->window);
  g_free (restore->path);
  g_free (restore);
}

/* At idle, once the confirmation is gone: the restore closes every window,
 * this one included. */
static gboolean
restore_at_idle (gpointer data)
{
  Restore *restore = data;
  GtkApplication *app = gtk_window_get_application (restore->window);
  g_autoptr (GError) error = NULL;
  g_autofree char *safety = pd_backup_prepare_restore (window_context (restore->window), restore->path,
                                                       &error);

  if (safety == NULL)
    pd_show_error (GTK_WIDGET (restore->window), _("Nothing was restored"), error);
  else if (PD_IS_APPLICATION (app))
    {
      g_autoptr (GtkApplication) held = g_object_ref (app);
      /* The window (and through it the database) must be able to go. */
      g_clear_object (&restore->window);
      pd_application_restore (PD_APPLICATION (held), restore->path);
    }
  return G_SOURCE_REMOVE;
}

static void
on_restore_confirmed (GtkDialog *dialog,
                      int        response,
                      Restore   *restore)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, restore_at_idle, restore, (GDestroyNotify) restore_free);
  else
    restore_free (restore);
}

void
pd_office_restore_from (GtkWindow  *window,
                        PdContext  *ctx,
                        const char *path)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;
  Restore *restore;

  if (!pd_backup_check_restore (ctx, path, &error))
    {
      pd_show_error (GTK_WIDGET (window), _("This file cannot be restored; nothing was changed"), error);
      return;
    }
  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("Replace the database with this backup?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
    /* Translators: %s is the backup file */
    _("Everything entered since the backup “%s” was made will be gone from the database. "
      "The current database is backed up first and kept. PropDesk then reopens and asks for a login."),
    path);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Restore"), GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  restore = g_new0 (Restore, 1);
  restore->window = g_object_ref (window);
  restore->path = g_strdup (path);
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_confirmed), restore);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
choose_restore (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       window)
{
  choose_database (window, _("Restore From"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL,
                   pd_office_restore_from);
}

void
pd_office_actions_install (GtkWindow *window,
                           PdContext *ctx)
{
  static const GActionEntry entries[] = {
    { "users", show_users },
    { "settings", show_settings },
    { "backup", choose_backup },
    { "restore", choose_restore },
    { "export-log", show_export_log },
  };
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkApplication *app = gtk_window_get_application (window);

  g_object_set_data_full (G_OBJECT (window), "pd-office-context", g_object_ref (ctx), g_object_unref);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), window);
  for (guint i = 0; i < G_N_ELEMENTS (office_actions); i++)
    {
      g_autofree char *detailed = g_strconcat ("office.", office_actions[i].action, NULL);
      const char *accels[] = { office_actions[i].accel, NULL };
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (group), office_actions[i].action);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                                   pd_context_get_role (ctx) >= office_actions[i].role);
      if (app != NULL)
        gtk_application_set_accels_for_action (app, detailed, accels);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (window), "office", G_ACTION_GROUP (group));
}
