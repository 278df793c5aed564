/* The administrator's windows, driven under Xvfb: an administrator adds a
 * user through the Users dialog (a row in user_account, to be changed at the
 * first login) and sets the password age; a clerk cannot open it; the
 * Settings dialog saves in one go or refuses beside the field; "restore
 * from" a file that is not a PropDesk database shows an error and leaves the
 * database untouched; "back up to" writes a sound copy and logs it. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "pd-backup.h"
#include "pd-demo.h"
#include "pd-error.h"
#include "pd-export-log-dialog.h"
#include "pd-form-dialog.h"
#include "pd-form-field.h"
#include "pd-i18n.h"
#include "pd-office-actions.h"
#include "pd-settings.h"
#include "pd-settings-dialog.h"
#include "pd-test-fixture.h"
#include "pd-test-gui.h"
#include "pd-user.h"
#include "pd-users-dialog.h"

static void
spin (void)
{
  for (int i = 0; i < 10; i++)
    {
      pd_test_gui_spin ();
      g_usleep (2000);
    }
}

/* The visible toplevels of @type (none, one …). */
static guint
count_toplevels (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        count++;
    }
  return count;
}

static GtkWidget *
office_window (PdContext *ctx)
{
  GtkWidget *window = gtk_window_new ();

  pd_office_actions_install (GTK_WINDOW (window), ctx);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  return window;
}

static void
close_all (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i - 1);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        gtk_window_destroy (GTK_WINDOW (window));
    }
  spin ();
}

static void
fill (PdFormDialog *dialog,
      const char   *key,
      const char   *text)
{
  PdFormField *field = pd_form_field_find (GTK_WIDGET (dialog), key);

  g_assert_nonnull (field);
  gtk_editable_set_text (GTK_EDITABLE (pd_form_field_get_child (field)), text);
}

static void
test_admin_adds_user (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 09:00:00");
  GtkWidget *window = office_window (ctx);
  GtkWidget *users, *max_age;
  PdFormDialog *add;
  PdFormField *field;
  g_autoptr (PdUser) user = NULL;

  pd_context_set_user (ctx, "tester", PD_ROLE_ADMIN);
  g_assert_true (gtk_widget_activate_action (window, "office.users", NULL));
  spin ();
  users = pd_test_gui_find_toplevel (window, PD_TYPE_USERS_DIALOG);
  pd_test_gui_shot (users, "users-dialog");

  g_assert_true (gtk_widget_activate_action (users, "users.add", NULL));
  spin ();
  add = PD_FORM_DIALOG (pd_test_gui_find_toplevel (window, PD_TYPE_FORM_DIALOG));
  fill (add, "name", "liu");
  fill (add, "display_name", "刘客服");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pd_form_field_get_child (pd_form_field_find (GTK_WIDGET (add), "role"))),
                              1);
  fill (add, "new_password", "first-pass-1");
  fill (add, "repeat", "first-pass-2");
  pd_test_gui_shot (GTK_WIDGET (add), "users-add");
  /* A typing slip: refused beside the second password, nobody created. */
  g_assert_false (pd_form_dialog_accept (add));
  field = pd_form_field_find (GTK_WIDGET (add), "repeat");
  g_assert_cmpstr (pd_form_field_get_error (field), ==, _("Repeat the password: the two passwords differ."));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM user_account", NULL), ==, 0);

  fill (add, "repeat", "first-pass-1");
  g_assert_true (pd_form_dialog_accept (add));
  spin ();
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM user_account WHERE name = 'liu' "
                                       "AND display_name = '刘客服' AND role = 'supervisor' "
                                       "AND must_change = 1 AND password_changed_on = '2026-11-23'", NULL), ==, 1);
  user = pd_user_authenticate (ctx, "liu", "first-pass-1", NULL, NULL);
  g_assert_nonnull (user);
  pd_context_set_user (ctx, "tester", PD_ROLE_ADMIN);
  /* The list shows the new account. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (pd_test_gui_find (users, GTK_TYPE_COLUMN_VIEW, "users"))))), ==, 1);

  /* Passwords every 30 days, saved from the same window. */
  max_age = pd_test_gui_find (users, GTK_TYPE_SPIN_BUTTON, "max-age");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (max_age)), ==, 90);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (max_age), 30);
  g_assert_true (gtk_widget_activate_action (users, "users.save-max-age", NULL));
  g_assert_cmpint (pd_settings_get_int (ctx, PD_SETTING_PASSWORD_MAX_AGE, 0), ==, 30);

  /* Reset: the user must change the password at the next login. */
  g_assert_true (pd_database_exec (pd_context_get_database (ctx), "UPDATE user_account SET must_change = 0", NULL));
  g_assert_true (gtk_widget_activate_action (users, "users.reset", NULL));
  spin ();
  add = PD_FORM_DIALOG (pd_test_gui_find_toplevel (window, PD_TYPE_FORM_DIALOG));
  fill (add, "new_password", "temporary-9");
  fill (add, "repeat", "temporary-9");
  g_assert_true (pd_form_dialog_accept (add));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM user_account WHERE must_change = 1", NULL), ==, 1);

  /* Another role, then deactivated (after a question) and back. */
  g_assert_true (gtk_widget_activate_action (users, "users.role", NULL));
  spin ();
  add = PD_FORM_DIALOG (pd_test_gui_find_toplevel (window, PD_TYPE_FORM_DIALOG));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pd_form_field_get_child (pd_form_field_find (GTK_WIDGET (add), "role"))),
                              2);
  g_assert_true (pd_form_dialog_accept (add));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM user_account WHERE role = 'manager'", NULL), ==, 1);
  g_assert_true (gtk_widget_activate_action (users, "users.deactivate", NULL));
  spin ();
  gtk_dialog_response (GTK_DIALOG (pd_test_gui_find_toplevel (window, GTK_TYPE_MESSAGE_DIALOG)),
                       GTK_RESPONSE_ACCEPT);
  spin ();
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM user_account WHERE active = 0", NULL), ==, 1);
  g_assert_true (gtk_widget_activate_action (users, "users.reactivate", NULL));
  spin ();
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM user_account WHERE active = 1", NULL), ==, 1);
  close_all (GTK_TYPE_WINDOW);
}

static void
test_clerk_cannot_open (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 09:00:00");
  g_autoptr (GError) error = NULL;
  GtkWidget *window;

  pd_context_set_user (ctx, "zhang", PD_ROLE_CLERK);
  window = office_window (ctx);
  gtk_widget_activate_action (window, "office.users", NULL);
  gtk_widget_activate_action (window, "office.settings", NULL);
  gtk_widget_activate_action (window, "office.export-log", NULL);
  spin ();
  g_assert_cmpuint (count_toplevels (PD_TYPE_EXPORT_LOG_DIALOG), ==, 0);
  g_assert_cmpuint (count_toplevels (PD_TYPE_USERS_DIALOG), ==, 0);
  g_assert_cmpuint (count_toplevels (PD_TYPE_SETTINGS_DIALOG), ==, 0);
  /* The gate is in the core too. */
  g_assert_cmpint (pd_user_create (ctx, "sneaky", NULL, PD_ROLE_ADMIN, "sneaky-pass-1", FALSE, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM user_account", NULL), ==, 0);
  close_all (GTK_TYPE_WINDOW);
}

static void
test_settings_dialog (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 09:00:00");
  GtkWidget *window = office_window (ctx);
  GtkWidget *dialog;
  PdFormField *daily, *weekly;

  g_assert_true (gtk_widget_activate_action (window, "office.settings", NULL));
  spin ();
  dialog = pd_test_gui_find_toplevel (window, PD_TYPE_SETTINGS_DIALOG);
  pd_test_gui_shot (dialog, "settings-dialog");
  daily = pd_form_field_find (dialog, "backup.keep_daily");
  weekly = pd_form_field_find (dialog, "backup.keep_weekly");
  g_assert_nonnull (daily);
  gtk_editable_set_text (GTK_EDITABLE (pd_form_field_get_child (daily)), "14");
  gtk_editable_set_text (GTK_EDITABLE (pd_form_field_get_child (weekly)), "several");
  /* One refused value: nothing saved, the message beside its field. */
  g_assert_false (pd_settings_dialog_save (PD_SETTINGS_DIALOG (dialog)));
  g_assert_nonnull (pd_form_field_get_error (weekly));
  g_assert_cmpint (pd_settings_get_int (ctx, "backup.keep_daily", 0), ==, 7);
  g_assert_cmpint (pd_settings_get_int (ctx, "backup.keep_weekly", 0), ==, 4);

  gtk_editable_set_text (GTK_EDITABLE (pd_form_field_get_child (weekly)), "6");
  gtk_editable_set_text (GTK_EDITABLE (pd_form_field_get_child (pd_form_field_find (dialog,
    "renovation.deposit_fen"))), "3500");
  g_assert_true (pd_settings_dialog_save (PD_SETTINGS_DIALOG (dialog)));
  g_assert_cmpint (pd_settings_get_int (ctx, "backup.keep_daily", 0), ==, 14);
  g_assert_cmpint (pd_settings_get_int (ctx, "backup.keep_weekly", 0), ==, 6);
  g_assert_cmpint (pd_settings_get_int (ctx, "renovation.deposit_fen", 0), ==, 350000);
  close_all (GTK_TYPE_WINDOW);
}

static GtkMessageDialog *
the_message (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return GTK_MESSAGE_DIALOG (window);
    }
  g_error ("no message dialog open");
  return NULL;
}

static char *
message_text (GtkMessageDialog *dialog,
              const char       *property)
{
  char *text = NULL;

  g_object_get (dialog, property, &text, NULL);
  return text;
}

static char *
digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

static void
test_restore_refuses_foreign (void)
{
  g_autofree char *dir = g_build_filename (pd_test_tmpdir (), "office", NULL);
  g_autofree char *db = g_build_filename (dir, "propdesk.db", NULL);
  g_autofree char *notes = g_build_filename (pd_test_tmpdir (), "notes.db", NULL);
  g_autofree char *usb = g_build_filename (pd_test_tmpdir (), "usb-copy.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *primary = NULL;
  g_autofree char *secondary = NULL;
  g_autofree char *backups = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PdContext) ctx = NULL;
  GtkMessageDialog *message;
  GtkWidget *window;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  ctx = pd_test_context_open (db, "2026-11-23 09:00:00");
  g_assert_true (pd_demo_generate (ctx, 12, 1, &error));
  g_assert_true (pd_database_exec (pd_context_get_database (ctx), "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (notes, "not a database, just notes\n", -1, NULL));
  window = office_window (ctx);
  before = digest (db);

  pd_office_restore_from (GTK_WINDOW (window), ctx, notes);
  spin ();
  message = the_message ();
  pd_test_gui_shot (GTK_WIDGET (message), "restore-refused");
  primary = message_text (message, "text");
  secondary = message_text (message, "secondary-text");
  g_assert_cmpstr (primary, ==, _("This file cannot be restored; nothing was changed"));
  g_assert_nonnull (strstr (secondary, notes));
  gtk_window_destroy (GTK_WINDOW (message));
  spin ();

  /* Untouched: same bytes, nothing moved aside, no safety backup made. */
  after = digest (db);
  g_assert_cmpstr (after, ==, before);
  backups = pd_backup_dir_for (db);
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit", NULL), ==, 12);

  /* A clerk may back up to a stick, logged, but not restore. */
  pd_context_set_user (ctx, "zhang", PD_ROLE_CLERK);
  pd_office_backup_to (GTK_WINDOW (window), ctx, usb);
  spin ();
  message = the_message ();
  g_clear_pointer (&primary, g_free);
  primary = message_text (message, "text");
  g_assert_cmpstr (primary, ==, _("Backup written"));
  gtk_window_destroy (GTK_WINDOW (message));
  g_assert_true (pd_backup_check_file (usb, NULL));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log WHERE user_name = 'zhang' "
                                       "AND what = 'database backup' AND file = ?", usb), ==, 1);
  pd_context_set_user (ctx, "tester", PD_ROLE_ADMIN);
  {
    GtkWidget *log_window = office_window (ctx);
    GtkWidget *log;

    g_assert_true (gtk_widget_activate_action (log_window, "office.export-log", NULL));
    spin ();
    log = pd_test_gui_find_toplevel (window, PD_TYPE_EXPORT_LOG_DIALOG);
    pd_test_gui_shot (log, "export-log");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
      GTK_COLUMN_VIEW (pd_test_gui_find (log, GTK_TYPE_COLUMN_VIEW, "log"))))), ==, 1);
    gtk_window_destroy (GTK_WINDOW (log));
    gtk_window_destroy (GTK_WINDOW (log_window));
  }
  pd_context_set_user (ctx, "zhang", PD_ROLE_CLERK);
  pd_office_restore_from (GTK_WINDOW (window), ctx, usb);
  spin ();
  message = the_message ();
  g_clear_pointer (&secondary, g_free);
  secondary = message_text (message, "secondary-text");
  g_assert_nonnull (strstr (secondary, pd_role_label (PD_ROLE_ADMIN)));
  gtk_window_destroy (GTK_WINDOW (message));
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));

  /* An administrator with a sound backup is asked first. */
  pd_context_set_user (ctx, "tester", PD_ROLE_ADMIN);
  pd_office_restore_from (GTK_WINDOW (window), ctx, usb);
  spin ();
  message = the_message ();
  g_clear_pointer (&primary, g_free);
  primary = message_text (message, "text");
  g_assert_cmpstr (primary, ==, _("Replace the database with this backup?"));
  pd_test_gui_shot (GTK_WIDGET (message), "restore-confirm");
  gtk_dialog_response (GTK_DIALOG (message), GTK_RESPONSE_CANCEL);
  spin ();
  g_assert_false (g_file_test (backups, G_FILE_TEST_EXISTS));
  close_all (GTK_TYPE_WINDOW);
}

int
main (int    argc,
      char **argv)
{
  pd_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/users-gui/admin-adds-user", test_admin_adds_user);
  g_test_add_func ("/users-gui/clerk-cannot-open", test_clerk_cannot_open);
  g_test_add_func ("/users-gui/settings-dialog", test_settings_dialog);
  g_test_add_func ("/users-gui/restore-refuses-foreign", test_restore_refuses_foreign);
  return g_test_run ();
}
