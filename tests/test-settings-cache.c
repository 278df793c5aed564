/* The settings cache (pd-settings.c): a get always returns what the table
 * holds for this connection — after a set, a raw UPDATE, a rollback of
 * either, another connection's commit, a restore and a reopen — and inside
 * a transaction repeated gets do not read the table again. */
#include "config.h"

#include <glib/gstdio.h>

#include "pd-backup.h"
#include "pd-settings.h"
#include "pd-test-fixture.h"

#define KEY "survey.route_days"
#define NOW "2026-11-23 09:00:00"
#define LOOKUP_SQL "SELECT key, value, kind, section, description FROM setting WHERE key = ?"

static char *
db_path (const char *name)
{
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), name, NULL);

  g_unlink (path);
  return g_steal_pointer (&path);
}

/* The value in the table as this connection reads it now. */
static gint64
stored (PdContext *ctx)
{
  return pd_database_query_int (pd_context_get_database (ctx),
                                "SELECT CAST (value AS INTEGER) FROM setting WHERE key = ?", KEY, NULL);
}

static void
set (PdContext  *ctx,
     const char *value)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (pd_settings_set (ctx, KEY, value, &error));
  g_assert_no_error (error);
}

/* Opens a transaction and starts its snapshot with a read. */
static void
begin_reading (PdContext *ctx)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (pd_database_begin (pd_context_get_database (ctx), &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM setting", NULL), >, 0);
}

static void
commit (PdContext *ctx)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (pd_database_commit (pd_context_get_database (ctx), &error));
  g_assert_no_error (error);
}

/* How many times the settings lookup statement has run on @ctx. */
static int
lookups (PdContext *ctx)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx), LOOKUP_SQL, NULL);

  g_assert_nonnull (stmt);
  return sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_RUN, FALSE);
}

static void
test_set_then_get (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  int before;

  set (ctx, "3");
  begin_reading (ctx);
  g_assert_cmpint (pd_settings_get_int (ctx, KEY, -1), ==, 3);
  /* The cache serves the second get inside the transaction. */
  before = lookups (ctx);
  g_assert_cmpint (pd_settings_get_int (ctx, KEY, -1), ==, 3);
  g_assert_cmpint (lookups (ctx), ==, before);
  set (ctx, "6");
  g_assert_cmpint (pd_settings_get_int (ctx, KEY, -1), ==, 6);
  g_autofree char *text = pd_settings_get_text (ctx, KEY, NULL);
  g_assert_cmpstr (text, ==, "6");
  commit (ctx);
  g_assert_cmpint (pd_settings_get_int (ctx, KEY, -1), ==, 6);
  begin_reading (ctx);
  g_assert_cmpint (pd_settings_get_int (ctx, KEY, -1), ==, 6);
  commit (ctx);
}

static void
test_rollbacks (void)
{
  g_autofree char *path = db_path ("rollback.db");
  g_autoptr (PdContext) ctx = pd_test_context_open (path, NOW);
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (GError) error = NULL;

  set (ctx, "4");
  /* A set rolled back with its savepoint. */
  begin_reading (ctx);
  g_assert_cmpint (pd_settings_get_int (ctx, KEY, -1), ==, 4);
  g_assert_true (pd_database_begin (database, &error));
  set (ctx, "9");
  g_assert_cmpint (pd_settings_get_int (ctx, KEY, -1), ==, 9);
  pd_database_rollback (database);
  g_assert_cmpint (stored (ctx), ==, 4);
  g_assert_cmpint (pd_settings_get_int (ctx, KEY, -1), ==, 4);
  pd_database_rollback (database);

  /* A raw UPDATE, then a raw ROLLBACK of the whole transaction. */
  g_assert_true (pd_database_exec (database, "BEGIN", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_settings_get_int (ctx, KEY, -1), ==, 4);
  g_assert_true (pd_database_exec (database, "UPDATE setting SET value = '11' WHERE key = '" KEY "'", &error));
  g_assert_cmpint (pd_settings_get_int (ctx, KEY, -1), ==, 11);
  g_assert_true (pd_database_exec (database, "ROLLBACK", &error));
  begin_reading (ctx);
  g_assert_cmpint (stored (ctx), ==, 4);
  g_assert_cmpint (pd_settings_get_int (ctx, KEY, -1), ==, 4);
  commit (ctx);
}

static void
test_other_connection (void)
{
  g_autofree char *path = db_path ("two.db");
  g_autoptr (PdContext) a = pd_test_context_open (path, NOW);
  g_autoptr (PdContext) b = pd_test_context_open (path, NOW);

  set (a, "2");
  begin_reading (a);
  g_assert_cmpint (pd_settings_get_int (a, KEY, -1), ==, 2);
  /* b commits while a reads: a's snapshot still holds 2, as the table
   * reads inside it. */
  set (b, "7");
  g_assert_cmpint (stored (a), ==, 2);
  g_assert_cmpint (pd_settings_get_int (a, KEY, -1), ==, 2);
  commit (a);
  /* The next snapshot shows b's value, cached or not. */
  begin_reading (a);
  g_assert_cmpint (pd_settings_get_int (a, KEY, -1), ==, 7);
  commit (a);
  set (b, "8");
  g_assert_cmpint (pd_settings_get_int (a, KEY, -1), ==, 8);
  begin_reading (a);
  g_assert_cmpint (pd_settings_get_int (a, KEY, -1), ==, 8);
  commit (a);
}

static void
test_restore_and_reopen (void)
{
  g_autofree char *path = db_path ("restore.db");
  g_autofree char *backup = db_path ("restore-backup.db");
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (PdContext) ctx = pd_test_context_open (path, NOW);

    set (ctx, "5");
    g_assert_true (pd_backup_write (pd_context_get_database (ctx), backup, &error));
    g_assert_no_error (error);
    begin_reading (ctx);
    g_assert_cmpint (pd_settings_get_int (ctx, KEY, -1), ==, 5);
    set (ctx, "12");
    commit (ctx);
    g_assert_cmpint (pd_settings_get_int (ctx, KEY, -1), ==, 12);
  }
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (path, NOW);

    begin_reading (ctx);
    g_assert_cmpint (pd_settings_get_int (ctx, KEY, -1), ==, 12);
    commit (ctx);
  }
  {
    g_autofree char *aside = NULL;
    g_autoptr (PdContext) ctx = NULL;

    g_assert_true (pd_backup_restore (path, backup, &aside, &error));
    g_assert_no_error (error);
    ctx = pd_test_context_open (path, NOW);
    begin_reading (ctx);
    g_assert_cmpint (pd_settings_get_int (ctx, KEY, -1), ==, 5);
    commit (ctx);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/settings/cache/set-then-get", test_set_then_get);
  g_test_add_func ("/settings/cache/rollbacks", test_rollbacks);
  g_test_add_func ("/settings/cache/other-connection", test_other_connection);
  g_test_add_func ("/settings/cache/restore-and-reopen", test_restore_and_reopen);
  return g_test_run ();
}
