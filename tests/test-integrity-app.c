/* The full integrity check runs after the first frame, in a worker: a
 * database whose schema is sound but whose records are damaged opens, then
 * its window closes and the recovery dialog offers the newest good backup;
 * restoring it brings a window on the restored data. */
#include "config.h"

#include <gtk/gtk.h>

#include "pd-application.h"
#include "pd-backup.h"
#include "pd-demo.h"
#include "pd-error.h"
#include "pd-test-fixture.h"
#include "pd-test-gui.h"
#include "pd-window.h"

typedef struct
{
  PdApplication   *app;
  PdTestAppWindows windows;
  gboolean         window_closed;  /* the first window, before the dialog */
  gboolean         dialog_seen;
  gint64           units_after;
} Run;

static GtkWidget *
visible_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

/* A moment after the second window (the one on the restored data). */
static void
check_restored (guint    nth,
                gpointer data)
{
  Run *run = data;

  if (nth < 2)
    return;
  run->units_after = pd_test_count (pd_application_get_context (run->app), "SELECT count(*) FROM unit", NULL);
  g_application_quit (G_APPLICATION (run->app));
}

/* The recovery dialog: the damaged database's window is gone by then. */
static void
on_dialog_added (GtkApplication *app,
                 GtkWindow      *window,
                 Run            *run)
{
  if (GTK_IS_MESSAGE_DIALOG (window) && run->windows.windows_seen == 1 && !run->dialog_seen)
    {
      GList *windows = gtk_application_get_windows (app);

      run->dialog_seen = TRUE;
      run->window_closed = TRUE;
      for (GList *l = windows; l != NULL; l = l->next)
        if (PD_IS_WINDOW (l->data))
          run->window_closed = FALSE;
    }
}

static gboolean
answer_dialog (gpointer data)
{
  Run *run = data;
  GtkWidget *dialog = run->dialog_seen ? visible_message_dialog () : NULL;

  if (dialog == NULL)
    return G_SOURCE_CONTINUE;
  gtk_dialog_response (GTK_DIALOG (dialog), 1);  /* Restore the backup */
  return G_SOURCE_REMOVE;
}

/* Garbles the middle of a few leaf pages of the audit log: nothing the
 * window reads at start, but PRAGMA quick_check finds it. */
static void
damage_records (const char *db)
{
  g_autoptr (GArray) pages = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *data = NULL;
  gsize length;
  gint64 page_size;

  {
    /* A connection of its own: opening through PdContext would migrate. */
    sqlite3 *handle = NULL;
    sqlite3_stmt *stmt;

    g_assert_cmpint (sqlite3_open_v2 (db, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA page_size", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    page_size = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT pageno FROM dbstat WHERE name = 'audit_log' "
                                         "AND pagetype = 'leaf' ORDER BY pageno LIMIT 3 OFFSET 5",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 page = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (pages, page);
      }
    sqlite3_finalize (stmt);
    sqlite3_exec (handle, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    sqlite3_close (handle);
  }
  g_assert_cmpuint (pages->len, ==, 3);
  g_assert_true (g_file_get_contents (db, &data, &length, NULL));
  for (guint i = 0; i < pages->len; i++)
    {
      gsize start = (g_array_index (pages, gint64, i) - 1) * page_size;
      for (gsize at = start + 8; at < start + page_size && at < length; at++)
        data[at] = (char) (at * 13);
    }
  g_assert_true (g_file_set_contents (db, data, length, NULL));
}

static void
test_deferred_check (void)
{
  g_autofree char *dir = g_build_filename (pd_test_tmpdir (), "office", NULL);
  g_autofree char *db = g_build_filename (dir, "propdesk.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) problem = NULL;
  g_autofree char *aside = NULL;
  gboolean full_check_due = FALSE;
  gint64 units;
  char *argv[] = { (char *) "propdesk", (char *) "--db", db, NULL };
  Run run = { .windows = { .window_type = PD_TYPE_WINDOW, .delay_ms = 300, .after_window = check_restored } };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, "2026-11-23 09:00:00");
    PdDatabase *database = pd_context_get_database (ctx);
    g_autoptr (GDateTime) now = g_date_time_new_local (2026, 11, 23, 8, 0, 0);
    g_autofree char *backup = NULL;

    g_assert_true (pd_demo_generate (ctx, 40, 5, &error));
    /* No accounts: the application opens without a login. */
    g_assert_true (pd_database_exec (database, "DELETE FROM user_account", &error));
    units = pd_test_count (ctx, "SELECT count(*) FROM unit", NULL);
    backup = pd_backup_automatic (database, "start", now, 7, 4, &error);
    g_assert_no_error (error);
    g_assert_nonnull (backup);
  }
  damage_records (db);

  /* Before the window only the schema is checked; the full check is owed. */
  g_assert_true (pd_backup_start_check_file (db, &full_check_due, &error));
  g_assert_no_error (error);
  g_assert_true (full_check_due);
  g_assert_false (pd_backup_quick_check_file (db, &problem));
  g_assert_error (problem, PD_DATABASE_ERROR, PD_DATABASE_ERROR_CORRUPT);

  run.app = pd_application_new ();
  run.windows.data = &run;
  g_signal_connect (run.app, "window-added", G_CALLBACK (on_dialog_added), &run);
  g_timeout_add (100, answer_dialog, &run);
  pd_test_gui_run_app (G_APPLICATION (run.app), argv, &run.windows, 60);
  g_object_unref (run.app);

  g_assert_true (run.dialog_seen);
  g_assert_true (run.window_closed);
  g_assert_cmpuint (run.windows.windows_seen, ==, 2);
  g_assert_cmpint (run.units_after, ==, units);
  g_assert_true (pd_backup_quick_check_file (db, NULL));
  aside = pd_test_kept_aside (db);
  g_assert_nonnull (aside);
}

/* A file that opening would migrate is checked in full before: a damaged
 * one must not be written. */
static void
test_full_check_before_migration (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "old.db", NULL);
  g_autoptr (GError) error = NULL;
  gboolean full_check_due = TRUE;

  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, "2026-11-23 09:00:00");
    g_assert_true (pd_demo_generate (ctx, 40, 5, &error));
    /* As an older PropDesk left it (the number only: nothing here reads
     * the schema further). */
    g_assert_true (pd_database_exec (pd_context_get_database (ctx), "PRAGMA user_version = 12", &error));
  }
  g_assert_true (pd_backup_start_check_file (db, &full_check_due, &error));
  g_assert_false (full_check_due);
  damage_records (db);
  g_assert_false (pd_backup_start_check_file (db, &full_check_due, &error));
  g_assert_error (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_CORRUPT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/integrity-app/deferred-check", test_deferred_check);
  g_test_add_func ("/integrity-app/full-check-before-migration", test_full_check_before_migration);
  return g_test_run ();
}
