/* Search order and cost: what a clerk sees first for 1- and 2-character
 * queries, initials, pinyin, unit codes and phone tails; that no query of
 * the search scans a table or sorts; and that migration 025 gives an
 * existing database the search indexes. */
#include "config.h"

#include <glib/gstdio.h>

#include "pd-estate.h"
#include "pd-owner-file.h"
#include "pd-owner-list.h"
#include "pd-person.h"
#include "pd-search.h"
#include "pd-test-fixture.h"
#include "pd-unit-role.h"

#define NOW "2026-11-23 09:00:00"

/* Returns the person's id. */
static gint64
add (PdContext  *ctx,
     const char *unit_code,
     const char *name,
     const char *role_name,
     const char *mobile,
     gint64      authorised_by)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) unit = pd_unit_new ();
  g_autoptr (PdPerson) person = pd_person_new ();
  g_autoptr (PdUnitRole) role = pd_unit_role_new (role_name);

  unit->code = g_strdup (unit_code);
  g_free (person->name);
  person->name = g_strdup (name);
  if (mobile != NULL)
    {
      g_free (person->mobile);
      person->mobile = g_strdup (mobile);
    }
  g_free (role->start_on);
  role->start_on = g_strdup ("2026-01-05");
  if (g_str_equal (role_name, "tenant"))
    {
      g_free (role->lease_end);
      role->lease_end = g_strdup ("2027-01-04");
      role->authorised_by = authorised_by;
    }
  if (pd_owner_file_add_person (ctx, unit, person, role, &error) <= 0)
    g_error ("%s on %s: %s", name, unit_code, error ? error->message : "no error");
  return role->person_id;
}

static void
add_empty_unit (PdContext  *ctx,
                const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) unit = pd_unit_new ();
  gint64 estate_id = pd_estate_current_id (ctx, &error);

  g_assert_no_error (error);
  unit->code = g_strdup (code);
  g_assert_cmpint (pd_unit_create (ctx, estate_id, unit, &error), >, 0);
  g_assert_no_error (error);
}

/* The first 张三 filed lives in 1-1-102, the second in 1-1-101: the list
 * order by unit code is not the filing order. */
static void
fill (PdContext *ctx)
{
  gint64 owner;

  add (ctx, "1-1-102", "张三", "owner", "13800001234", 0);
  owner = add (ctx, "1-1-101", "张三", "owner", NULL, 0);
  add (ctx, "1-1-101", "张思", "member", NULL, 0);
  add (ctx, "1-1-101", "钱五", "tenant", NULL, owner);
  add (ctx, "2-1-101", "张三丰", "owner", NULL, 0);
  add (ctx, "12-1-101", "赵四", "owner", "13900005678", 0);
  add (ctx, "1-1-1010", "张伟", "owner", "13712340121", 0);
  add (ctx, "121-1-101", "孙六", "owner", NULL, 0);
  add_empty_unit (ctx, "1-1-1001");
}

/* "code name role" of each hit, joined by " | ". */
static char *
describe (GPtrArray *hits)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      PdSearchHit *hit = hits->pdata[i];
      g_string_append_printf (text, "%s%s %s %s", i ? " | " : "", hit->unit_code, hit->name, hit->role);
    }
  return g_string_free (text, FALSE);
}

static void
assert_search (PdContext  *ctx,
               const char *query,
               guint       limit,
               const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) hits = pd_search (ctx, query, limit, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = describe (hits);
  if (g_strcmp0 (text, expected) != 0)
    g_error ("search “%s” (limit %u):\n  got      %s\n  expected %s", query, limit, text, expected);
}

static char *
unit_codes (PdContext *ctx,
            GArray    *ids)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (PdOwnerRow) row = pd_owner_row_get (ctx, g_array_index (ids, gint64, i), NULL);
      g_string_append_printf (text, "%s%s", i ? " " : "", row->unit_code);
    }
  return g_string_free (text, FALSE);
}

static void
test_one_character (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);

  fill (ctx);
  /* Keys beginning with z, alphabetically: zhangsan, zhangsanfeng,
   * zhangsi, zhangwei, zhaosi, then initials (zs, zsf, zw) of people
   * already listed. */
  assert_search (ctx, "z", 100,
                 "1-1-101 张三 owner | 1-1-102 张三 owner | 2-1-101 张三丰 owner | 1-1-101 张思 member | "
                 "1-1-1010 张伟 owner | 12-1-101 赵四 owner");
  /* At the limit the search stops: the first key's people, in unit order. */
  assert_search (ctx, "z", 2, "1-1-101 张三 owner | 1-1-102 张三 owner");
  /* A Han character: names, and given names (三 → 张三). */
  assert_search (ctx, "张", 100,
                 "1-1-101 张三 owner | 1-1-102 张三 owner | 2-1-101 张三丰 owner | 1-1-1010 张伟 owner | "
                 "1-1-101 张思 member");
}

static void
test_two_characters (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);

  fill (ctx);
  /* Initials typed in full come first, by unit code (owners before
   * members in one unit), then longer initials. */
  assert_search (ctx, "zs", 100,
                 "1-1-101 张三 owner | 1-1-101 张思 member | 1-1-102 张三 owner | 12-1-101 赵四 owner | "
                 "2-1-101 张三丰 owner");
  assert_search (ctx, "张三", 100, "1-1-101 张三 owner | 1-1-102 张三 owner | 2-1-101 张三丰 owner");
  assert_search (ctx, "zsf", 100, "2-1-101 张三丰 owner");
  assert_search (ctx, "qq", 100, "");
}

static void
test_pinyin (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autofree char *codes = NULL;

  fill (ctx);
  assert_search (ctx, "zhangs", 100,
                 "1-1-101 张三 owner | 1-1-102 张三 owner | 2-1-101 张三丰 owner | 1-1-101 张思 member");
  assert_search (ctx, "Zhang San", 100,
                 "1-1-101 张三 owner | 1-1-102 张三 owner | 2-1-101 张三丰 owner");
  /* The owner list shows the units found in the estate's natural order. */
  ids = pd_owner_list_unit_ids (ctx, "zhangs", PD_OWNER_SORT_UNIT, FALSE, &error);
  g_assert_no_error (error);
  codes = unit_codes (ctx, ids);
  g_assert_cmpstr (codes, ==, "1-1-101 1-1-102 2-1-101");
}

static void
test_unit_code (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autofree char *codes = NULL;

  fill (ctx);
  /* The unit typed in full first, with its people (owner, member,
   * tenant), then the codes it begins; a unit nobody is on is listed alone. */
  assert_search (ctx, "1-1-101", 100,
                 "1-1-101 张三 owner | 1-1-101 张思 member | 1-1-101 钱五 tenant | 1-1-1010 张伟 owner");
  assert_search (ctx, "1-1-10", 100,
                 "1-1-1001   | 1-1-101 张三 owner | 1-1-101 张思 member | 1-1-101 钱五 tenant | "
                 "1-1-1010 张伟 owner | 1-1-102 张三 owner");
  /* The owner list: the distinct units, in natural order (12- and 121- after all of 1-). */
  ids = pd_owner_list_unit_ids (ctx, "1", PD_OWNER_SORT_UNIT, FALSE, &error);
  g_assert_no_error (error);
  codes = unit_codes (ctx, ids);
  g_assert_cmpstr (codes, ==, "1-1-101 1-1-102 1-1-1001 1-1-1010 12-1-101 121-1-101");
  g_clear_pointer (&ids, g_array_unref);
  /* At most @limit units. */
  ids = pd_search_unit_ids (ctx, "1", 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
}

static void
test_phone_tail (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);

  fill (ctx);
  assert_search (ctx, "1234", 100, "1-1-102 张三 owner");
  assert_search (ctx, "5678", 100, "12-1-101 赵四 owner");
  assert_search (ctx, "234", 100, "1-1-102 张三 owner");
  /* Three digits or more are a phone tail before the unit codes they begin:
   * 张伟's mobile ends in 121; 12-1-101 and 121-1-101 begin with 1, 2, 1
   * once their dashes are dropped. */
  assert_search (ctx, "121", 100, "1-1-1010 张伟 owner | 12-1-101 赵四 owner | 121-1-101 孙六 owner");
  /* Two digits are no tail: building 12 and 121 only. */
  assert_search (ctx, "12", 100, "12-1-101 赵四 owner | 121-1-101 孙六 owner");
}

/* Spaces and dashes, however typed, are ignored in unit codes and phone
 * numbers alike. */
static void
test_separators (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) unit = pd_unit_new ();
  g_autoptr (PdPerson) person = pd_person_new ();
  g_autoptr (PdUnitRole) role = pd_unit_role_new ("owner");
  const char *units[] = { "3-2-1201", "3 2 1201", "3-2 1201", "321201", "3－2－1201", " 3 - 2 - 1201 " };
  const char *phones[] = { "0755-88886666", "0755 8888 6666", "075588886666", "8888-6666", "6666" };

  fill (ctx);
  unit->code = g_strdup ("3-2-1201");
  g_free (person->name);
  person->name = g_strdup ("周七");
  g_free (person->phone2);
  person->phone2 = g_strdup ("0755 - 8888 6666");
  g_free (role->start_on);
  role->start_on = g_strdup ("2026-01-05");
  g_assert_cmpint (pd_owner_file_add_person (ctx, unit, person, role, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person WHERE phone2 = '0755-88886666'", NULL), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    assert_search (ctx, units[i], 100, "3-2-1201 周七 owner");
  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    assert_search (ctx, phones[i], 100, "3-2-1201 周七 owner");
  /* Typed with separators or without, the same units are listed. */
  assert_search (ctx, "1 1 10", 100,
                 "1-1-1001   | 1-1-101 张三 owner | 1-1-101 张思 member | 1-1-101 钱五 tenant | "
                 "1-1-1010 张伟 owner | 1-1-102 张三 owner");
  /* No stored key keeps a space or a dash. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM search_key WHERE key GLOB '*[ -]*'", NULL), ==, 0);
}

/* Every statement the search ran: no full scan, no sort. */
static void
assert_no_scan_no_sort (PdContext *ctx)
{
  sqlite3 *db = pd_database_get_handle (pd_context_get_database (ctx));
  guint checked = 0;

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (db, stmt))
    {
      const char *sql = sqlite3_sql (stmt);

      if (strstr (sql, "search_key") == NULL && strstr (sql, "unit_role") == NULL)
        continue;
      if (sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, FALSE) != 0 ||
          sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_SORT, FALSE) != 0 ||
          sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_AUTOINDEX, FALSE) != 0)
        g_error ("the search scanned or sorted: %s", sql);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 3);
}

static void
reset_statement_counters (PdContext *ctx)
{
  sqlite3 *db = pd_database_get_handle (pd_context_get_database (ctx));

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (db, NULL); stmt != NULL; stmt = sqlite3_next_stmt (db, stmt))
    {
      sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_FULLSCAN_STEP, TRUE);
      sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_SORT, TRUE);
      sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_AUTOINDEX, TRUE);
    }
}

static void
run_queries (PdContext *ctx)
{
  const char *queries[] = { "z", "zs", "张三", "1-1-10", "1234", "121" };

  reset_statement_counters (ctx);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr (GPtrArray) hits = pd_search (ctx, queries[i], 200, NULL);
      g_autoptr (GArray) ids = pd_search_unit_ids (ctx, queries[i], 2000, NULL);

      g_assert_nonnull (hits);
      g_assert_nonnull (ids);
    }
  assert_no_scan_no_sort (ctx);
}

static void
test_no_scan (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);

  fill (ctx);
  run_queries (ctx);
}

/* A database filled by fill() and put back by @rewind_sql as an older
 * PropDesk left it, then opened again, so upgraded.  @before, when not
 * NULL, checks the old state first. */
static PdContext *
upgrade (const char *name,
         const char *rewind_sql,
         void      (*before) (PdContext *ctx))
{
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), name, NULL);

  {
    g_autoptr (PdContext) ctx = pd_test_context_open (path, NOW);
    g_autoptr (GError) error = NULL;

    fill (ctx);
    g_assert_true (pd_database_exec (pd_context_get_database (ctx), rewind_sql, &error));
    g_assert_no_error (error);
    if (before != NULL)
      before (ctx);
  }
  return pd_test_context_open (path, NOW);
}

/* A database made before migration 025 (its indexes as 001 made them)
 * gets the covering indexes on upgrade, and its search stays right. */
static void
test_migration (void)
{
  g_autoptr (PdContext) upgraded =
    upgrade ("before-025.db",
             "DROP INDEX search_key_lookup; CREATE INDEX search_key_key ON search_key (key); "
             "DROP INDEX unit_role_person_current; CREATE INDEX unit_role_person ON unit_role (person_id); "
             "PRAGMA user_version = 24", NULL);

  g_assert_cmpint (pd_test_count (upgraded, "PRAGMA user_version", NULL), ==, pd_database_schema_version ());
  g_assert_cmpint (pd_test_count (upgraded, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                                            "('search_key_lookup', 'unit_role_person_current')", NULL), ==, 2);
  g_assert_cmpint (pd_test_count (upgraded, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                                            "('search_key_key', 'unit_role_person')", NULL), ==, 0);
  assert_search (upgraded, "zs", 100,
                 "1-1-101 张三 owner | 1-1-101 张思 member | 1-1-102 张三 owner | 12-1-101 赵四 owner | "
                 "2-1-101 张三丰 owner");
  run_queries (upgraded);
}

static void
dashes_kept (PdContext *ctx)
{
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM search_key WHERE key = '1-1-101'", NULL), ==, 1);
  assert_search (ctx, "1 1 101", 100, "");
}

/* A database whose keys were stored with their dashes (before migration
 * 027) has them dropped on upgrade: "1 1 101" finds 1-1-101. */
static void
test_migration_dashes (void)
{
  g_autoptr (PdContext) upgraded =
    upgrade ("before-027.db",
             "UPDATE search_key SET key = (SELECT code FROM unit WHERE id = unit_id) WHERE unit_id IS NOT NULL; "
             "PRAGMA user_version = 26", dashes_kept);

  g_assert_cmpint (pd_test_count (upgraded, "PRAGMA user_version", NULL), ==, pd_database_schema_version ());
  g_assert_cmpint (pd_test_count (upgraded, "SELECT count(*) FROM search_key WHERE key GLOB '*-*'", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (upgraded, "SELECT count(*) FROM search_key WHERE key = '11101'", NULL), ==, 1);
  assert_search (upgraded, "1 1 101", 100,
                 "1-1-101 张三 owner | 1-1-101 张思 member | 1-1-101 钱五 tenant | 1-1-1010 张伟 owner");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/search-rank/one-character", test_one_character);
  g_test_add_func ("/search-rank/two-characters", test_two_characters);
  g_test_add_func ("/search-rank/pinyin", test_pinyin);
  g_test_add_func ("/search-rank/unit-code", test_unit_code);
  g_test_add_func ("/search-rank/phone-tail", test_phone_tail);
  g_test_add_func ("/search-rank/separators", test_separators);
  g_test_add_func ("/search-rank/no-scan", test_no_scan);
  g_test_add_func ("/search-rank/migration", test_migration);
  g_test_add_func ("/search-rank/migration-dashes", test_migration_dashes);
  return g_test_run ();
}
