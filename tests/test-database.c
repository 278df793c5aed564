/* Database layer: migrations, refusal of newer files, audit log, settings. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pd-audit.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-export-log.h"
#include "pd-person.h"
#include "pd-settings.h"
#include "pd-test-fixture.h"

static void
test_migrations_from_empty (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NULL);

  g_assert_cmpint (pd_test_count (ctx, "PRAGMA user_version", NULL), ==, pd_database_schema_version ());
  g_assert_cmpint (pd_database_schema_version (), >=, 2);
  /* Settings and the 2026 calendar are preloaded. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM setting", NULL), >=, 25);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM calendar_day WHERE day LIKE '2026-%'", NULL), ==, 39);
  g_assert_cmpint (pd_test_count (ctx, "PRAGMA foreign_keys", NULL), ==, 1);
}

static void
test_reopen_and_previous_version (void)
{
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "upgrade.db", NULL);
  g_autoptr (GError) error = NULL;

  /* A database as the first schema version left it is upgraded in place. */
  {
    g_autoptr (PdDatabase) old = pd_database_open_at_version (path, 1, &error);
    g_assert_no_error (error);
    g_assert_cmpint (pd_database_query_int (old, "PRAGMA user_version", NULL, NULL), ==, 1);
    g_assert_cmpint (pd_database_query_int (old, "SELECT count(*) FROM calendar_day", NULL, NULL), ==, 0);
    g_assert_true (pd_database_exec (old, "INSERT INTO estate (code, name) VALUES ('OLD', '老小区')", NULL));
  }
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (path, NULL);
    sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx), "PRAGMA journal_mode", NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_reset (stmt);
    g_assert_cmpint (pd_test_count (ctx, "PRAGMA user_version", NULL), ==, pd_database_schema_version ());
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM calendar_day WHERE day = '2026-10-01'", NULL), ==, 1);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM estate WHERE name = '老小区'", NULL), ==, 1);
  }
}

static void
test_newer_database_refused (void)
{
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "newer.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdContext) ctx = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", pd_database_schema_version () + 5);
  sqlite3 *raw;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  ctx = pd_context_open (path, &error);
  g_assert_null (ctx);
  g_assert_error (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer"));
}

static void
test_not_a_database_refused (void)
{
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "garbage.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdContext) ctx = NULL;

  g_assert_true (g_file_set_contents (path, "this is a spreadsheet, not a database, honestly....", -1, NULL));
  ctx = pd_context_open (path, &error);
  g_assert_null (ctx);
  g_assert_error (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_NOT_PROPDESK);
}

static void
test_audit_rows (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-02 09:30:00");
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) unit = pd_unit_new ();
  g_autoptr (GPtrArray) entries = NULL;
  gint64 estate = pd_estate_current_id (ctx, &error);
  PdAuditEntry *last;

  g_assert_no_error (error);
  unit->code = g_strdup ("3-2-1201");
  unit->gross_area = 89.5;
  g_assert_cmpint (pd_unit_create (ctx, estate, unit, &error), >, 0);
  g_assert_no_error (error);
  unit->gross_area = 91.25;
  g_free (unit->layout);
  unit->layout = g_strdup ("三室两厅");
  g_assert_true (pd_unit_update (ctx, unit, &error));
  g_assert_no_error (error);

  entries = pd_audit_list_record (ctx, "unit", unit->id, &error);
  g_assert_no_error (error);
  /* insert + two changed fields, newest first */
  g_assert_cmpuint (entries->len, ==, 3);
  last = entries->pdata[entries->len - 1];
  g_assert_cmpstr (last->action, ==, "insert");
  g_assert_nonnull (strstr (last->new_value, "\"code\":\"3-2-1201\""));
  g_assert_cmpstr (last->user_name, ==, "tester");
  g_assert_cmpstr (last->at, ==, "2026-03-02 09:30:00");
  for (guint i = 0; i < 2; i++)
    {
      PdAuditEntry *entry = entries->pdata[i];
      g_assert_cmpstr (entry->action, ==, "update");
      if (g_str_equal (entry->field, "gross_area"))
        {
          g_assert_cmpstr (entry->old_value, ==, "89.5");
          g_assert_cmpstr (entry->new_value, ==, "91.25");
        }
      else
        {
          g_assert_cmpstr (entry->field, ==, "layout");
          g_assert_cmpstr (entry->old_value, ==, "");
          g_assert_cmpstr (entry->new_value, ==, "三室两厅");
        }
    }
}

static gint64
temp_triggers (PdContext *ctx)
{
  return pd_test_count (ctx, "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger'", NULL);
}

/* The audit triggers are made before a connection's first write, not when
 * it opens (issue #8: 30 ms of the GUI's start); every kind of first write
 * is still logged. */
static void
test_audit_lazy (void)
{
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "audit-lazy.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) unit = pd_unit_new ();
  g_autofree char *id_text = NULL;
  gint64 id;

  g_remove (path);
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (path, "2026-03-02 09:30:00");

    /* Opened and read: no trigger yet. */
    g_assert_cmpint (temp_triggers (ctx), ==, 0);
    g_assert_true (pd_database_set_cache_size (pd_context_get_database (ctx), 4096, &error));
    g_assert_no_error (error);
    g_assert_cmpint (temp_triggers (ctx), ==, 0);
    /* The first write, a prepared INSERT: logged. */
    unit->code = g_strdup ("3-2-1201");
    id = pd_unit_create (ctx, pd_estate_current_id (ctx, NULL), unit, &error);
    g_assert_no_error (error);
    id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    g_assert_cmpint (temp_triggers (ctx), >, 0);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'unit' "
                                         "AND action = 'insert' AND user_name = 'tester' AND record_id = ?",
                                    id_text), ==, 1);
  }
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (path, "2026-03-03 10:00:00");

    /* The first write of this connection, a script: logged. */
    g_assert_cmpint (temp_triggers (ctx), ==, 0);
    g_assert_true (pd_database_exec (pd_context_get_database (ctx),
                                     "UPDATE unit SET layout = '两室一厅' WHERE code = '3-2-1201'", &error));
    g_assert_no_error (error);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'unit' "
                                         "AND action = 'update' AND field = 'layout' AND new_value = '两室一厅' "
                                         "AND at = '2026-03-03 10:00:00'", NULL), ==, 1);
  }
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (path, "2026-03-04 11:00:00");
    g_autoptr (PdUnit) read = pd_unit_get (ctx, id, &error);

    /* A prepared UPDATE first: logged field by field. */
    g_assert_no_error (error);
    g_free (read->layout);
    read->layout = g_strdup ("三室两厅");
    g_assert_true (pd_unit_update (ctx, read, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                         "AND field = 'layout' AND old_value = '两室一厅' AND new_value = '三室两厅' "
                                         "AND at = '2026-03-04 11:00:00'", NULL), ==, 1);
    /* Only the fields that changed, a NULL on either side included. */
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                         "AND at = '2026-03-04 11:00:00'", NULL), ==, 1);
    g_assert_true (pd_database_exec (pd_context_get_database (ctx),
                                     "UPDATE unit SET gross_area = 88.5 WHERE code = '3-2-1201';"
                                     "UPDATE unit SET gross_area = NULL, layout = '一室' WHERE code = '3-2-1201'",
                                     &error));
    g_assert_no_error (error);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                         "AND at = '2026-03-04 11:00:00'", NULL), ==, 4);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                         "AND field = 'gross_area' AND old_value = 88.5 AND new_value IS NULL "
                                         "AND record_id = ?", id_text), ==, 1);
  }
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (path, "2026-03-05 12:00:00");
    PdDatabase *database = pd_context_get_database (ctx);
    sqlite3 *handle = pd_database_get_handle (database);

    /* A write to a table that is not audited (an export's line) makes no
     * trigger; the next write that reaches an audited table does. */
    g_assert_true (pd_export_log_add (ctx, "owners", 3, FALSE, "/tmp/x.xlsx", &error));
    g_assert_no_error (error);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log WHERE what = 'owners'", NULL), ==, 1);
    g_assert_cmpint (temp_triggers (ctx), ==, 0);
    /* Made behind the database object's back, so that the hook stays
     * pending: a table that is not audited whose own trigger writes an
     * audited one.  Writing it is a write to unit. */
    g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE unit_feed (code TEXT);"
                                           "CREATE TRIGGER unit_feed_insert AFTER INSERT ON unit_feed BEGIN "
                                           "INSERT INTO unit (estate_id, entrance_id, code) "
                                           "SELECT estate_id, entrance_id, new.code FROM unit WHERE code = '3-2-1201'; END;"
                                           /* For the next connections: an audited table whose rows
                                            * go with a row of one that is not. */
                                           "CREATE TABLE feed_batch (id INTEGER PRIMARY KEY);"
                                           "CREATE TABLE feed_item (id INTEGER PRIMARY KEY, batch_id INTEGER "
                                           "REFERENCES feed_batch (id) ON DELETE CASCADE, note TEXT);"
                                           "INSERT INTO audited_table VALUES ('feed_item');"
                                           "INSERT INTO feed_batch VALUES (7);"
                                           "INSERT INTO feed_item VALUES (70, 7, '第一批')",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_true (pd_database_exec (database, "INSERT INTO unit_feed VALUES ('3-2-1202')", &error));
    g_assert_no_error (error);
    g_assert_cmpint (temp_triggers (ctx), >, 0);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'unit' "
                                         "AND action = 'insert' AND at = '2026-03-05 12:00:00' "
                                         "AND json_extract (new_value, '$.code') = '3-2-1202'", NULL), ==, 1);
  }
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (path, "2026-03-06 12:00:00");
    sqlite3_stmt *stmt;

    /* The same through a prepared statement. */
    g_assert_cmpint (temp_triggers (ctx), ==, 0);
    stmt = pd_database_prepare (pd_context_get_database (ctx), "INSERT INTO unit_feed VALUES (?)", &error);
    g_assert_no_error (error);
    g_assert_cmpint (temp_triggers (ctx), >, 0);
    pd_bind_text (stmt, 1, "3-2-1203");
    g_assert_true (pd_database_step_done (pd_context_get_database (ctx), stmt, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'unit' "
                                         "AND action = 'insert' AND at = '2026-03-06 12:00:00' "
                                         "AND json_extract (new_value, '$.code') = '3-2-1203'", NULL), ==, 1);
  }
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (path, "2026-03-07 12:00:00");

    /* A foreign-key action: deleting the batch deletes its audited items. */
    g_assert_true (pd_database_exec (pd_context_get_database (ctx), "DELETE FROM feed_batch WHERE id = 7", &error));
    g_assert_no_error (error);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM feed_item", NULL), ==, 0);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'feed_item' "
                                         "AND action = 'delete' AND record_id = 70 "
                                         "AND json_extract (old_value, '$.note') = '第一批'", NULL), ==, 1);
  }
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (path, "2026-03-08 12:00:00");
    g_autoptr (PdUnit) again = pd_unit_new ();
    g_autoptr (PdUnit) next = pd_unit_new ();
    g_autoptr (GError) refused = NULL;
    gint64 next_id;

    /* A first write that the database refuses after the triggers were
     * made in its transaction: the rollback takes them away, and the
     * writes after it are logged all the same. */
    again->code = g_strdup ("3-2-1201");
    g_assert_cmpint (pd_unit_create (ctx, pd_estate_current_id (ctx, NULL), again, &refused), <, 0);
    g_assert_error (refused, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DUPLICATE);
    next->code = g_strdup ("3-2-1204");
    next_id = pd_unit_create (ctx, pd_estate_current_id (ctx, NULL), next, &error);
    g_assert_no_error (error);
    g_assert_cmpint (next_id, >, 0);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'unit' "
                                         "AND action = 'insert' AND at = '2026-03-08 12:00:00' "
                                         "AND json_extract (new_value, '$.code') = '3-2-1204'", NULL), ==, 1);
    g_free (next->layout);
    next->layout = g_strdup ("一室一厅");
    next->id = next_id;
    g_assert_true (pd_unit_update (ctx, next, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'unit' "
                                         "AND action = 'update' AND field = 'layout' AND new_value = '一室一厅' "
                                         "AND at = '2026-03-08 12:00:00'", NULL), ==, 1);
  }
  g_remove (path);
}

static char *
index_names (PdDatabase *database)
{
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT group_concat (name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'index' "
    "AND tbl_name = 'bulk' ORDER BY name)", NULL);
  char *names;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  names = g_strdup (pd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return names;
}

/* Indexes dropped for a bulk write and made again after it: the named ones
 * or every CREATE INDEX one, never the index of a UNIQUE constraint, made
 * again from the schema's own text; a rollback puts them back. */
static void
test_indexes_dropped_and_made (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NULL);
  PdDatabase *database = pd_context_get_database (ctx);
  static const char *const only_b[] = { "bulk_b", NULL };
  const char *all = "bulk_b bulk_c sqlite_autoindex_bulk_1";
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) definitions = NULL;
  g_autofree char *names = NULL;

  g_assert_true (pd_database_exec (database,
    "CREATE TABLE bulk (a TEXT UNIQUE, b TEXT, c INTEGER);"
    "CREATE INDEX bulk_b ON bulk (b);"
    "CREATE UNIQUE INDEX bulk_c ON bulk (c) WHERE c > 0;", &error));
  g_assert_no_error (error);

  definitions = pd_database_drop_indexes (database, "bulk", only_b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (definitions->len, ==, 1);
  g_assert_cmpstr (definitions->pdata[0], ==, "CREATE INDEX bulk_b ON bulk (b)");
  names = index_names (database);
  g_assert_cmpstr (names, ==, "bulk_c sqlite_autoindex_bulk_1");
  g_clear_pointer (&names, g_free);
  g_assert_true (pd_database_make_indexes (database, definitions, &error));
  g_assert_no_error (error);
  names = index_names (database);
  g_assert_cmpstr (names, ==, all);
  g_clear_pointer (&names, g_free);
  g_clear_pointer (&definitions, g_ptr_array_unref);

  /* All of them, in a transaction rolled back: back as they were, and the
   * UNIQUE ones refuse a duplicate again. */
  g_assert_true (pd_database_begin (database, &error));
  definitions = pd_database_drop_indexes (database, "bulk", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (definitions->len, ==, 2);
  names = index_names (database);
  g_assert_cmpstr (names, ==, "sqlite_autoindex_bulk_1");
  g_clear_pointer (&names, g_free);
  pd_database_rollback (database);
  names = index_names (database);
  g_assert_cmpstr (names, ==, all);
  g_assert_true (pd_database_exec (database, "INSERT INTO bulk VALUES ('x', 'y', 1)", &error));
  g_assert_no_error (error);
  g_assert_false (pd_database_exec (database, "INSERT INTO bulk VALUES ('z', 'y', 1)", NULL));

  /* A definition that cannot be made again fails, with the error. */
  g_ptr_array_set_size (definitions, 0);
  g_ptr_array_add (definitions, g_strdup ("CREATE UNIQUE INDEX bulk_b2 ON bulk (b)"));
  g_assert_true (pd_database_exec (database, "INSERT INTO bulk VALUES ('w', 'y', 2)", &error));
  g_assert_no_error (error);
  g_assert_false (pd_database_make_indexes (database, definitions, &error));
  g_assert_error (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, "UNIQUE"));
}

/* A connection takes no mutex in each call (it is used by one thread),
 * its statement journals stay in memory while its large sorts may go to
 * temporary files (pd_database_library_init), and its statement cache
 * survives the wait for the first write. */
static void
test_connection_mode (void)
{
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "mode.db", NULL);
  g_autoptr (PdContext) ctx = NULL;
  sqlite3_stmt *stmt;

  g_remove (path);
  ctx = pd_test_context_open (path, "2026-03-02 09:30:00");
  g_assert_null (sqlite3_db_mutex (pd_database_get_handle (pd_context_get_database (ctx))));
  g_assert_cmpint (pd_test_pragma_now (ctx, "temp_store"), ==, 0);
  /* While the audit hook waits for a first write, compiling a statement
   * compiles none of the cached ones again. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit", NULL), ==, 0);
  stmt = pd_database_prepare (pd_context_get_database (ctx), "SELECT count(*) FROM unit", NULL);
  g_assert_cmpint (sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_REPREPARE, FALSE), ==, 0);
  g_assert_cmpint (temp_triggers (ctx), ==, 0);
  g_clear_object (&ctx);
  g_remove (path);
}

static void
test_settings (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 fen = 0;

  g_assert_cmpint (pd_settings_get_int (ctx, "renovation.deposit_fen", 0), ==, 300000);
  g_assert_cmpint (pd_settings_get_int (ctx, "renovation.review_working_days", 0), ==, 3);
  g_assert_true (pd_settings_set (ctx, "renovation.deposit_fen", "5000.50", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_settings_get_int (ctx, "renovation.deposit_fen", 0), ==, 500050);

  g_assert_false (pd_settings_set (ctx, "renovation.deposit_fen", "12.345", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (pd_error_get_field (error), ==, "renovation.deposit_fen");
  g_clear_error (&error);
  g_assert_cmpint (pd_settings_get_int (ctx, "renovation.deposit_fen", 0), ==, 500050);

  g_assert_false (pd_settings_set (ctx, "patrol.policy", "daily", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pd_settings_set (ctx, "patrol.policy", "weekly", &error));
  text = pd_settings_get_text (ctx, "patrol.policy", NULL);
  g_assert_cmpstr (text, ==, "weekly");

  /* A percentage over 100 is refused as such, not as a negative number. */
  g_assert_false (pd_settings_set (ctx, "survey.coverage_goal_pct", "101", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_RANGE);
  g_assert_cmpstr (pd_error_get_field (error), ==, "survey.coverage_goal_pct");
  g_assert_nonnull (strstr (error->message, "from 0 to 100"));
  g_clear_error (&error);
  g_assert_false (pd_settings_set (ctx, "survey.coverage_goal_pct", "-1", &error));
  g_assert_nonnull (strstr (error->message, "0 or more"));
  g_clear_error (&error);
  g_assert_true (pd_settings_set (ctx, "survey.coverage_goal_pct", "100", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_settings_get_int (ctx, "survey.coverage_goal_pct", 0), ==, 100);

  /* Exports are masked unless the export itself asks otherwise (role-gated
   * and logged): no setting turns the masking off (migration 024). */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM setting WHERE key = 'privacy.mask_exports'", NULL), ==, 0);
  g_assert_false (pd_settings_set (ctx, "privacy.mask_exports", "0", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Only an administrator changes settings. */
  pd_context_set_user (ctx, "clerk1", PD_ROLE_CLERK);
  g_assert_false (pd_settings_set (ctx, "patrol.policy", "twice_monthly", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_true (pd_fen_parse ("￥3,000.5", "x", "X", &fen, NULL));
  g_assert_cmpint (fen, ==, 300050);
  g_assert_true (pd_fen_parse ("12元", "x", "X", &fen, NULL));
  g_assert_cmpint (fen, ==, 1200);
  g_assert_false (pd_fen_parse ("abc", "x", "X", &fen, NULL));
  /* Found by fuzzing: 18 digits overflowed the fen. */
  g_assert_false (pd_fen_parse ("110105194912310021", "x", "X", &fen, NULL));
  g_assert_true (pd_fen_parse ("99999999999999", "x", "X", &fen, NULL));
  g_assert_cmpint (fen, ==, G_GINT64_CONSTANT (9999999999999900));
  {
    g_autofree char *a = pd_fen_format (300050);
    g_autofree char *b = pd_fen_format (-1250);
    g_autofree char *c = pd_fen_format (5);
    g_assert_cmpstr (a, ==, "3000.50");
    g_assert_cmpstr (b, ==, "-12.50");
    g_assert_cmpstr (c, ==, "0.05");
  }
}

/* Table and column names reach the triggers' SQL quoted: a name with
 * quotes in it still gets its insert, update and delete logged, the bulk
 * path drops and restores its insert trigger by the same name, and the
 * trigger names stay audit_<table>_<action>. */
static void
test_audit_quoted_names (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-02 09:30:00");
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (GError) error = NULL;
  const char *odd_insert = "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger' AND name = 'audit_od\"d''s_insert'";

  /* (The triggers are made before the connection's first write.) */
  g_assert_true (pd_database_ready_to_write (database, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger' AND name IN "
                                       "('audit_unit_insert', 'audit_unit_update', 'audit_unit_delete')", NULL), ==, 3);
  g_assert_true (pd_database_exec (database,
    "CREATE TABLE \"od\"\"d's\" (id INTEGER PRIMARY KEY, \"it's \"\"x\"\"\" TEXT);"
    "INSERT INTO audited_table (name) VALUES ('od\"d''s')", &error));
  g_assert_no_error (error);
  g_assert_true (pd_audit_install_triggers (database, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, odd_insert, NULL), ==, 1);

  g_assert_true (pd_database_exec (database,
    "INSERT INTO \"od\"\"d's\" (id, \"it's \"\"x\"\"\") VALUES (1, 'a');"
    "UPDATE \"od\"\"d's\" SET \"it's \"\"x\"\"\" = 'b' WHERE id = 1;"
    "DELETE FROM \"od\"\"d's\" WHERE id = 1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = ? AND record_id = 1 AND "
                                       "action = 'insert' AND new_value = '{\"id\":1,\"it''s \\\"x\\\"\":\"a\"}'",
                                  "od\"d's"), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = ? AND action = 'update' AND "
                                       "field = 'it''s \"x\"' AND old_value = 'a' AND new_value = 'b'",
                                  "od\"d's"), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = ? AND action = 'delete'",
                                  "od\"d's"), ==, 1);

  /* Bulk: the insert trigger is dropped by its name, the rows logged at
   * the end, the trigger put back. */
  g_assert_true (pd_database_begin (database, &error));
  g_assert_true (pd_audit_bulk_begin (database, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, odd_insert, NULL), ==, 0);
  g_assert_true (pd_database_exec (database, "INSERT INTO \"od\"\"d's\" (id) VALUES (2)", &error));
  g_assert_true (pd_audit_bulk_end (database, &error));
  g_assert_no_error (error);
  g_assert_true (pd_database_commit (database, &error));
  g_assert_cmpint (pd_test_count (ctx, odd_insert, NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = ? AND record_id = 2 AND "
                                       "action = 'insert'", "od\"d's"), ==, 1);
}

/* SQLite's memory statistics take a global mutex on every allocation
 * (about a tenth of a 95,000-row import); they are switched off before the
 * first database opens, so nothing is counted. */
static void
test_no_memory_statistics (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NULL);
  sqlite3_int64 current = -1, highest = -1;

  g_assert_true (pd_database_exec (pd_context_get_database (ctx),
                                   "CREATE TEMP TABLE filler AS WITH RECURSIVE n(i) AS "
                                   "(SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
                                   "SELECT i, printf('%0100d', i) AS text FROM n", NULL));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM filler", NULL), ==, 5000);
  g_assert_cmpint (sqlite3_status64 (SQLITE_STATUS_MEMORY_USED, &current, &highest, 0), ==, SQLITE_OK);
  g_assert_cmpint (current, ==, 0);
  g_assert_cmpint (highest, ==, 0);
  g_assert_cmpint (sqlite3_memory_used (), ==, 0);
}

/* The JSON of a created or deleted record (pd-audit-row.c) leaves out the
 * fields that are NULL or empty and is otherwise what json_object() makes
 * of the same values: numbers in SQLite's text, quotes, backslashes and
 * control characters escaped, Chinese as it is.  The bulk path writes the
 * same text as the trigger. */
static void
test_audit_row_json (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-02 09:30:00");
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (GError) error = NULL;
  const char *expected = "{\"id\":1,\"n\":0,\"r\":79.31,\"t\":\"张\\\"三\\\\\\n\\t\\u0001\"}";
  const char *matches_json_object =
    "SELECT count(*) FROM audit_log WHERE table_name = 'kinds' AND action = ? AND json_valid (coalesce (new_value, old_value)) "
    "AND json (coalesce (new_value, old_value)) = json_object ('id', record_id, 'n', 0, 'r', 79.31, "
    "'t', '张\"三\\' || char (10, 9, 1))";
  g_autoptr (PdPerson) person = pd_person_new ();

  g_assert_true (pd_database_ready_to_write (database, &error));
  g_assert_no_error (error);
  pd_database_exec (database,
    "CREATE TABLE kinds (id INTEGER PRIMARY KEY, e TEXT, n INTEGER, absent REAL, r REAL, t TEXT);"
    "INSERT INTO audited_table (name) VALUES ('kinds')", &error);
  g_assert_no_error (error);
  g_assert_true (pd_audit_install_triggers (database, &error));
  g_assert_no_error (error);
  g_assert_true (pd_database_exec (database,
    "INSERT INTO kinds VALUES (1, '', 0, NULL, 79.31, '张\"三\\' || char (10, 9, 1))", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'kinds' AND new_value = ?",
                                  expected), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, matches_json_object, "insert"), ==, 1);

  /* The bulk path: the same text, and a delete keeps the row the same way. */
  g_assert_true (pd_database_begin (database, &error));
  g_assert_true (pd_audit_bulk_begin (database, &error));
  g_assert_true (pd_database_exec (database, "INSERT INTO kinds SELECT 2, e, n, absent, r, t FROM kinds", &error));
  g_assert_true (pd_audit_bulk_end (database, &error));
  g_assert_true (pd_database_commit (database, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'kinds' AND record_id = 2 "
                                       "AND new_value = replace (?, '\"id\":1', '\"id\":2')", expected), ==, 1);
  g_assert_true (pd_database_exec (database, "DELETE FROM kinds WHERE id = 1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'kinds' AND old_value = ?",
                                  expected), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, matches_json_object, "delete"), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, matches_json_object, "insert"), ==, 2);

  /* A person with a name and a mobile only: the entry says just that (and
   * the defaults), not the empty address, notes … */
  g_free (person->name);
  person->name = g_strdup ("李四");
  g_free (person->mobile);
  person->mobile = g_strdup ("13912345678");
  g_assert_cmpint (pd_person_create (ctx, person, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'person' AND action = 'insert' "
                                       "AND json_extract (new_value, '$.mobile') = '13912345678' "
                                       "AND json_extract (new_value, '$.name') = ? "
                                       "AND json_type (new_value, '$.address') IS NULL "
                                       "AND json_type (new_value, '$.notes') IS NULL", "李四"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/database/migrations-from-empty", test_migrations_from_empty);
  g_test_add_func ("/database/reopen-and-previous-version", test_reopen_and_previous_version);
  g_test_add_func ("/database/newer-refused", test_newer_database_refused);
  g_test_add_func ("/database/not-a-database", test_not_a_database_refused);
  g_test_add_func ("/database/audit", test_audit_rows);
  g_test_add_func ("/database/connection-mode", test_connection_mode);
  g_test_add_func ("/database/audit-quoted-names", test_audit_quoted_names);
  g_test_add_func ("/database/audit-row-json", test_audit_row_json);
  g_test_add_func ("/database/audit-lazy", test_audit_lazy);
  g_test_add_func ("/database/indexes-dropped-and-made", test_indexes_dropped_and_made);
  g_test_add_func ("/database/settings", test_settings);
  g_test_add_func ("/database/no-memory-statistics", test_no_memory_statistics);
  return g_test_run ();
}
