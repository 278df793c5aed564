/* test-migration-check-lists.c — migration 030 rebuilds unit, person and
 * unit_role with their CHECKs as OR-chains: every row, id, index and
 * search key survives, foreign keys still hold, and a bad value is still
 * refused, by the database and by the core with the same field error. */
#include "config.h"

#include <string.h>

#include "pd-database.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-person.h"
#include "pd-search.h"
#include "pd-test-fixture.h"
#include "pd-unit-role.h"

#define NOW "2026-11-23 10:00:00"

static const char *const tables[] = {
  "estate", "building", "entrance", "unit", "person", "unit_role", "vehicle", "search_key",
};

/* Every row of @table, every column, in rowid order, as one text. */
static char *
dump_table (sqlite3    *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY rowid", table);
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (text, "%s=%s|", sqlite3_column_name (stmt, i),
                                sqlite3_column_type (stmt, i) == SQLITE_NULL
                                ? "NULL" : (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (text, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (text, FALSE);
}

/* The names of the tables, indexes and triggers (autoindexes aside: their
 * names follow the table's), and what each index covers. */
static char *
dump_schema_names (sqlite3 *db)
{
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT type, name, tbl_name, "
    "       (SELECT group_concat (name, ',') FROM pragma_index_info (m.name)) "
    "FROM sqlite_master m WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name",
    -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s %s on %s (%s)\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                            sqlite3_column_type (stmt, 3) == SQLITE_NULL
                            ? "" : (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (text, FALSE);
}

static void
exec_ok (PdDatabase *database,
         const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (pd_database_exec (database, sql, &error));
  g_assert_no_error (error);
}

/* @sql must be refused by a CHECK constraint. */
static void
exec_refused (PdDatabase *database,
              const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (pd_database_exec (database, sql, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "CHECK constraint failed"));
  g_assert_cmpint (sqlite3_extended_errcode (pd_database_get_handle (database)), ==, SQLITE_CONSTRAINT_CHECK);
}

static void
test_rows_kept (void)
{
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "check-lists.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *schema_before = NULL;
  char *before[G_N_ELEMENTS (tables)];

  /* A database as it was before 030, with a little of everything on it. */
  {
    g_autoptr (PdDatabase) old = pd_database_open_at_version (path, 29, &error);

    g_assert_no_error (error);
    g_assert_cmpint (pd_database_query_int (old, "PRAGMA user_version", NULL, NULL), <, 30);
    exec_ok (old,
      "INSERT INTO estate (id, code, name) VALUES (1, 'E', '翠苑');"
      "INSERT INTO building (id, estate_id, code) VALUES (1, 1, '1'), (2, 1, '2');"
      "INSERT INTO entrance (id, building_id, code) VALUES (1, 1, '1'), (2, 2, '3');"
      "INSERT INTO unit (id, estate_id, entrance_id, code, floor, use, gross_area, inner_area, layout, state) VALUES"
      " (1, 1, 1, '1-1-101', 1, 'residential', 89.5, 70.25, '3室2厅', 'occupied'),"
      " (2, 1, 1, '1-1-102', 1, 'shop', NULL, NULL, '', 'unsold'),"
      " (5, 1, 2, '2-3-1201', 12, 'office', 120, NULL, '', 'rented'),"
      " (7, 1, 2, '2-3-1202', 12, 'residential', 95, 80, '', 'handed_over');"
      "INSERT INTO person (id, kind, name, sex, id_type, id_number, mobile, uscc, pinyin, initials, notes) VALUES"
      " (1, 'individual', '张三', 'M', 'resident_id', '110101199003071234', '13800138000', '', 'zhangsan', 'zs', ''),"
      " (2, 'individual', '李四', 'F', 'passport', 'E12345678', '', '', 'lisi', 'ls', '钥匙在前台'),"
      " (4, 'enterprise', '翠苑商贸有限公司', '', 'other', '', '02088886666', '91440101MA5CXXXX1X', '', '', ''),"
      " (9, 'individual', 'Tom Lee', '', 'hk_macao_taiwan', 'H1234567', '', '', 'tomlee', 'tl', '');"
      "INSERT INTO unit_role (id, unit_id, person_id, role, relation, start_on, lease_end, ended_on, authorised_by) VALUES"
      " (1, 1, 1, 'owner', '', '2020-01-01', '', '', NULL),"
      " (2, 1, 2, 'member', '配偶', '', '', '', NULL),"
      " (3, 5, 4, 'owner', '', '', '', '', NULL),"
      " (6, 5, 9, 'tenant', '', '2026-01-01', '2027-01-01', '', 4),"
      " (8, 7, 9, 'proxy', '', '', '', '2026-05-01', 1),"
      " (9, 7, 1, 'temporary', '', '', '', '', NULL);"
      "INSERT INTO vehicle (person_id, unit_id, plate) VALUES (1, 1, '粤A12345');"
      "INSERT INTO search_key (key, unit_id, person_id) VALUES"
      " ('张三', 1, 1), ('zhangsan', 1, 1), ('zs', 1, 1), ('11101', 1, NULL), ('~0008310083', 1, 1);");
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      before[i] = dump_table (pd_database_get_handle (old), tables[i]);
    schema_before = dump_schema_names (pd_database_get_handle (old));
  }

  /* Migrated through 030 only: the same tables, indexes and triggers (later
   * migrations may add their own, so the comparison stops at 030). */
  {
    g_autoptr (PdDatabase) at_030 = pd_database_open_at_version (path, 30, &error);
    g_autofree char *schema_030 = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (pd_database_query_int (at_030, "PRAGMA user_version", NULL, NULL), ==, 30);
    schema_030 = dump_schema_names (pd_database_get_handle (at_030));
    g_assert_cmpstr (schema_030, ==, schema_before);
  }

  /* Opened by this version: migrated. */
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (path, NOW);
    PdDatabase *database = pd_context_get_database (ctx);
    sqlite3 *db = pd_database_get_handle (database);
    g_autoptr (GPtrArray) hits = NULL;
    g_autoptr (PdPerson) person = NULL;
    g_autoptr (PdUnitRole) role = NULL;
    g_autoptr (PdUnit) unit = NULL;

    g_assert_cmpint (pd_test_count (ctx, "PRAGMA user_version", NULL), ==, pd_database_schema_version ());
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        g_autofree char *after = dump_table (db, tables[i]);

        g_assert_cmpstr (after, ==, before[i]);
        g_free (before[i]);
      }
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM pragma_foreign_key_check", NULL), ==, 0);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'",
                                    NULL), ==, 1);
    g_assert_cmpint (pd_test_count (ctx, "PRAGMA foreign_keys", NULL), ==, 1);
    /* No IN-list left on the three tables but person.kind's two values. */
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM sqlite_master "
                                         "WHERE name IN ('unit', 'person', 'unit_role') "
                                         "AND replace (sql, 'kind IN (', '') LIKE '% IN (%'", NULL), ==, 0);

    /* The search still finds them through the keys it had. */
    hits = pd_search (ctx, "zs", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, >=, 1);
    g_assert_cmpint (((PdSearchHit *) hits->pdata[0])->person_id, ==, 1);
    g_assert_cmpstr (((PdSearchHit *) hits->pdata[0])->unit_code, ==, "1-1-101");

    /* The database still refuses what the CHECKs refused … */
    exec_refused (database, "UPDATE unit SET state = 'sold' WHERE id = 1");
    exec_refused (database, "UPDATE unit SET state = '' WHERE id = 1");
    exec_refused (database, "UPDATE unit SET use = 'Shop' WHERE id = 2");
    exec_refused (database, "UPDATE person SET sex = 'X' WHERE id = 1");
    exec_refused (database, "UPDATE person SET id_type = 'driving_licence' WHERE id = 1");
    exec_refused (database, "UPDATE person SET kind = 'company' WHERE id = 1");
    exec_refused (database, "UPDATE unit_role SET role = 'landlord' WHERE id = 1");
    exec_refused (database, "INSERT INTO unit_role (unit_id, person_id, role) VALUES (1, 1, 'OWNER')");
    /* … and still takes every value they took. */
    exec_ok (database,
      "SAVEPOINT t;"
      "UPDATE unit SET state = 'unsold' WHERE id = 1; UPDATE unit SET state = 'vacant' WHERE id = 1;"
      "UPDATE unit SET state = 'renovating' WHERE id = 1; UPDATE unit SET use = 'office' WHERE id = 1;"
      "UPDATE person SET sex = '' WHERE id = 1; UPDATE person SET sex = 'F' WHERE id = 1;"
      "UPDATE person SET id_type = 'passport' WHERE id = 1; UPDATE person SET kind = 'enterprise' WHERE id = 1;"
      "UPDATE unit_role SET role = 'member' WHERE id = 1; UPDATE unit_role SET role = 'proxy' WHERE id = 1;"
      "ROLLBACK TO t; RELEASE t;");
    /* Foreign keys are enforced again after the migration. */
    g_assert_false (pd_database_exec (database,
                                      "INSERT INTO unit_role (unit_id, person_id, role) VALUES (1, 999, 'owner')",
                                      NULL));

    /* The core's refusals name the same fields as before. */
    g_assert_false (pd_unit_set_state (ctx, 1, "sold", &error));
    g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
    g_assert_cmpstr (pd_error_get_field (error), ==, "state");
    g_clear_error (&error);

    person = pd_person_new ();
    g_free (person->name);
    person->name = g_strdup ("王五");
    g_free (person->sex);
    person->sex = g_strdup ("X");
    g_assert_cmpint (pd_person_create (ctx, person, &error), <, 0);
    g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
    g_assert_cmpstr (pd_error_get_field (error), ==, "sex");
    g_clear_error (&error);

    role = pd_unit_role_new ("landlord");
    role->unit_id = 1;
    role->person_id = 2;
    g_assert_cmpint (pd_unit_role_add (ctx, role, &error), <, 0);
    g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
    g_assert_cmpstr (pd_error_get_field (error), ==, "role");
    g_clear_error (&error);

    /* A good write goes through the rebuilt tables. */
    unit = pd_unit_new ();
    unit->code = g_strdup ("2-3-1203");
    g_assert_cmpint (pd_unit_create (ctx, 1, unit, &error), >, 7);
    g_assert_no_error (error);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit WHERE code = ? AND state = 'unsold'",
                                    "2-3-1203"), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/migration/030/rows-kept", test_rows_kept);
  return g_test_run ();
}
