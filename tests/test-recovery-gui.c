/* At start, a damaged database leads to a dialog offering the newest good
 * backup; accepting restores it and keeps the damaged file aside. */
#include "config.h"

#include <gtk/gtk.h>

#include "pd-backup.h"
#include "pd-demo.h"
#include "pd-recovery.h"
#include "pd-test-fixture.h"

static gboolean done_called;
static gboolean done_restored;

static void
on_done (gpointer user_data,
         gboolean restored)
{
  done_called = TRUE;
  done_restored = restored;
}

static GtkWidget *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static void
test_restore_offered (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "office.db", NULL);
  g_autofree char *dir = pd_backup_dir_for (db);
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) problem = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *data = NULL;
  gsize length;
  GtkWidget *dialog;

  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, "2026-11-23 09:00:00");
    g_assert_true (pd_demo_generate (ctx, 80, 3, &error));
    g_autoptr (GDateTime) now = g_date_time_new_local (2026, 11, 23, 9, 0, 0);
    backup = pd_backup_automatic (pd_context_get_database (ctx), "start", now, 7, 4, &error);
    g_assert_no_error (error);
    sqlite3_exec (pd_database_get_handle (pd_context_get_database (ctx)),
                  "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  }
  g_assert_true (g_file_get_contents (db, &data, &length, NULL));
  for (gsize i = 12000; i < 30000 && i < length; i++)
    data[i] = (char) (i * 13);
  g_assert_true (g_file_set_contents (db, data, length, NULL));
  g_assert_false (pd_backup_quick_check_file (db, &problem));

  pd_recovery_offer (NULL, db, problem, on_done, NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (done_called);
  g_assert_true (done_restored);
  g_assert_true (pd_backup_check_file (db, NULL));
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, NULL);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit", NULL), ==, 80);
  }
  /* The damaged file still exists beside it, untouched. */
  {
    g_autofree char *path = pd_test_kept_aside (db);
    g_autofree char *kept = NULL;
    gsize kept_length;
    g_assert_nonnull (path);
    g_assert_true (g_file_get_contents (path, &kept, &kept_length, NULL));
    g_assert_cmpmem (kept, kept_length, data, length);
  }
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recovery/restore-offered", test_restore_offered);
  return g_test_run ();
}
