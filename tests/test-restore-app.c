/* "Restore from…" in the running application, under Xvfb: the admin picks
 * a sound backup and confirms; the windows close, the database is replaced
 * (the current one kept aside and in a before-restore backup) and a new
 * window opens on the restored data. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>

#include "pd-application.h"
#include "pd-backup.h"
#include "pd-demo.h"
#include "pd-office-actions.h"
#include "pd-test-fixture.h"
#include "pd-test-gui.h"
#include "pd-window.h"

typedef struct
{
  PdApplication   *app;
  char            *backup;
  PdTestAppWindows windows;
  gint64           vehicles_after;
} Run;

static gboolean
confirm_restore (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        {
          gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_ACCEPT);
          return G_SOURCE_REMOVE;
        }
    }
  g_error ("no confirmation asked");
  return G_SOURCE_REMOVE;
}

/* The first window restores, the second is on the restored data. */
static void
after_window (guint    nth,
              gpointer data)
{
  Run *run = data;

  if (nth == 1)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));

      pd_office_restore_from (window, pd_application_get_context (run->app), run->backup);
      g_timeout_add (200, confirm_restore, run);
      return;
    }
  run->vehicles_after = pd_test_count (pd_application_get_context (run->app), "SELECT count(*) FROM vehicle", NULL);
  g_application_quit (G_APPLICATION (run->app));
}

static void
test_restore_in_app (void)
{
  g_autofree char *dir = g_build_filename (pd_test_tmpdir (), "office", NULL);
  g_autofree char *db = g_build_filename (dir, "propdesk.db", NULL);
  g_autofree char *good = g_build_filename (pd_test_tmpdir (), "friday.db", NULL);
  g_autofree char *backups = pd_backup_dir_for (db);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) kept = NULL;
  g_autofree char *aside = NULL;
  gint64 vehicles;
  char *argv[] = { (char *) "propdesk", (char *) "--db", db, NULL };
  Run run = { .windows = { .window_type = PD_TYPE_WINDOW, .delay_ms = 500, .after_window = after_window } };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, "2026-11-23 09:00:00");
    PdDatabase *database = pd_context_get_database (ctx);

    g_assert_true (pd_demo_generate (ctx, 12, 1, &error));
    /* No accounts: the application opens without a login. */
    g_assert_true (pd_database_exec (database, "DELETE FROM user_account", &error));
    g_assert_true (pd_backup_write (database, good, &error));
    vehicles = pd_test_count (ctx, "SELECT count(*) FROM vehicle", NULL);
    g_assert_cmpint (vehicles, >, 0);
    g_assert_true (pd_database_exec (database, "DELETE FROM vehicle", &error));
    g_assert_no_error (error);
  }

  run.app = pd_application_new ();
  run.backup = good;
  run.windows.data = &run;
  pd_test_gui_run_app (G_APPLICATION (run.app), argv, &run.windows, 60);
  g_object_unref (run.app);

  g_assert_cmpuint (run.windows.windows_seen, ==, 2);
  g_assert_cmpint (run.vehicles_after, ==, vehicles);
  /* The replaced database is kept aside, and in a before-restore backup. */
  aside = pd_test_kept_aside (db);
  g_assert_nonnull (aside);
  kept = pd_backup_list (backups);
  g_assert_cmpuint (kept->len, >=, 1);
  {
    gboolean before_restore = FALSE;
    for (guint i = 0; i < kept->len; i++)
      if (strstr (kept->pdata[i], "before-restore") != NULL)
        {
          g_autoptr (PdContext) old = pd_test_context_open (kept->pdata[i], NULL);
          before_restore = TRUE;
          g_assert_cmpint (pd_test_count (old, "SELECT count(*) FROM vehicle", NULL), ==, 0);
        }
    g_assert_true (before_restore);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/restore-app/restore-in-app", test_restore_in_app);
  return g_test_run ();
}
