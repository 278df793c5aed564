/* Search: pinyin, initials, phone and ID tails, plates, unit codes. */
#include "config.h"

#include <string.h>

#include "pd-demo.h"
#include "pd-owner-list.h"
#include "pd-person.h"
#include "pd-search.h"
#include "pd-test-fixture.h"

static gboolean
hits_contain (GPtrArray  *hits,
              const char *unit_code,
              const char *name)
{
  for (guint i = 0; i < hits->len; i++)
    {
      PdSearchHit *hit = hits->pdata[i];
      if (g_str_equal (hit->unit_code, unit_code) && g_str_equal (hit->name, name))
        return TRUE;
    }
  return FALSE;
}

static PdContext *
demo_context (void)
{
  g_autoptr (GError) error = NULL;
  PdContext *ctx = pd_test_context_new ("2026-11-23 09:00:00");

  g_assert_true (pd_demo_generate (ctx, 200, 7, &error));
  g_assert_no_error (error);
  return ctx;
}

static void
test_search_keys (void)
{
  g_autoptr (PdContext) ctx = demo_context ();
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt;
  g_autofree char *mobile = NULL, *id_number = NULL, *plate = NULL, *pinyin = NULL;
  const char *queries[5];

  /* The demo's first unit belongs to 张三. */
  g_autoptr (GPtrArray) zs = pd_search (ctx, "zs", 100, &error);
  g_assert_no_error (error);
  g_assert_true (hits_contain (zs, "1-1-101", "张三"));
  for (guint i = 0; i < zs->len; i++)
    {
      PdSearchHit *hit = zs->pdata[i];
      g_assert_true (hit->unit_id > 0);
    }

  stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT p.mobile, p.id_number, coalesce(v.plate, ''), p.pinyin FROM person p "
    "JOIN unit_role r ON r.person_id = p.id LEFT JOIN vehicle v ON v.person_id = p.id "
    "WHERE r.unit_id = (SELECT id FROM unit WHERE code = '1-1-101') AND p.name = '张三'", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  mobile = pd_column_dup (stmt, 0);
  id_number = pd_column_dup (stmt, 1);
  plate = pd_column_dup (stmt, 2);
  pinyin = pd_column_dup (stmt, 3);
  sqlite3_reset (stmt);
  g_assert_cmpstr (pinyin, ==, "zhangsan");

  queries[0] = mobile + 7;          /* phone tail, 4 digits */
  queries[1] = id_number + 12;      /* ID tail, 6 chars */
  queries[2] = "zhangs";            /* pinyin prefix */
  queries[3] = "张三";
  queries[4] = "1-1-101";
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr (GPtrArray) hits = pd_search (ctx, queries[i], 1000, &error);
      g_assert_no_error (error);
      if (!hits_contain (hits, "1-1-101", "张三"))
        g_error ("query %s did not find 张三", queries[i]);
    }
  if (*plate)
    {
      g_autofree char *lower = g_utf8_strdown (plate, -1);
      g_autoptr (GPtrArray) hits = pd_search (ctx, lower, 100, &error);
      g_assert_true (hits_contain (hits, "1-1-101", "张三"));
    }
}

static void
test_search_precision (void)
{
  g_autoptr (PdContext) ctx = demo_context ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) none = pd_search (ctx, "qqqqxx", 100, &error);
  g_autoptr (GPtrArray) empty = pd_search (ctx, "  ", 100, &error);
  g_autoptr (GPtrArray) unit = pd_search (ctx, "1-1-1", 1000, &error);
  g_autoptr (GArray) ids = pd_search_unit_ids (ctx, "1-1-1", 1000, &error);

  guint units = 0;

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
  /* "1-1-1" is a prefix of 1-1-101, 1-1-102 and 1-1-1001.. 1-1-1802; with
   * its dashes ignored it is also the tail 111 of a phone or ID number. */
  for (guint i = 0; i < unit->len; i++)
    {
      PdSearchHit *hit = unit->pdata[i];

      if (g_str_has_prefix (hit->unit_code, "1-1-1"))
        continue;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, hit->person_id);

      g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person WHERE id = ?1 AND "
                                           "(mobile LIKE '%111' OR replace(phone2, '-', '') LIKE '%111' OR "
                                           "id_number LIKE '%111' OR uscc LIKE '%111')", id), ==, 1);
    }
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (PdOwnerRow) row = pd_owner_row_get (ctx, g_array_index (ids, gint64, i), NULL);

      units += g_str_has_prefix (row->unit_code, "1-1-1");
    }
  g_assert_cmpuint (units, ==, 2 + 9 * 2);
}

static void
test_owner_list (void)
{
  g_autoptr (PdContext) ctx = demo_context ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) all = pd_owner_list_unit_ids (ctx, NULL, PD_OWNER_SORT_UNIT, FALSE, &error);
  g_autoptr (GArray) by_area = pd_owner_list_unit_ids (ctx, "", PD_OWNER_SORT_AREA, TRUE, &error);
  g_autoptr (GArray) found = pd_owner_list_unit_ids (ctx, "zhangsan", PD_OWNER_SORT_UNIT, FALSE, &error);
  g_autoptr (PdOwnerRow) first = NULL;
  g_autoptr (PdOwnerRow) big = NULL;
  g_autoptr (PdOwnerRow) small = NULL;
  g_autoptr (PdOwnerRow) last = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 200);
  first = pd_owner_row_get (ctx, g_array_index (all, gint64, 0), &error);
  g_assert_cmpstr (first->unit_code, ==, "1-1-101");
  g_assert_cmpstr (first->owners, ==, "张三");
  g_assert_cmpuint (strlen (first->owner_mobile), ==, 11);
  /* Natural order: 2-... after 1-2-1802, never "10-" before "2-". */
  last = pd_owner_row_get (ctx, g_array_index (all, gint64, all->len - 1), &error);
  /* 200 units: buildings 1–2 full (72 each), building 3 entrance 2 up to floor 10. */
  g_assert_cmpstr (last->unit_code, ==, "3-2-1002");
  big = pd_owner_row_get (ctx, g_array_index (by_area, gint64, 0), &error);
  small = pd_owner_row_get (ctx, g_array_index (by_area, gint64, by_area->len - 1), &error);
  g_assert_cmpfloat (big->gross_area, >=, small->gross_area);
  g_assert_cmpuint (found->len, >=, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, first->unit_id);
}

/* The rows of search_key (in index order) and the definitions of its
 * indexes, as one text. */
static char *
dump_keys (PdContext *ctx)
{
  sqlite3 *db = pd_database_get_handle (pd_context_get_database (ctx));
  const char *const queries[] = {
    "SELECT name || ': ' || sql FROM sqlite_master WHERE tbl_name = 'search_key' ORDER BY name",
    "SELECT key || ' ' || coalesce (person_id, '-') || ' ' || coalesce (unit_id, '-') FROM search_key "
    "ORDER BY key, person_id, unit_id",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[i], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (text, "%s\n", sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  return g_string_free (text, FALSE);
}

/* Rebuilding every key takes the bulk path (the indexes dropped and made
 * again around the insert): the same keys and the same indexes as the
 * demo's writes left, one by one, and the search uses them as before. */
static void
test_reindex_in_bulk (void)
{
  g_autoptr (PdContext) ctx = demo_context ();
  g_autoptr (GError) error = NULL;
  g_autofree char *before = dump_keys (ctx);
  g_autofree char *after = NULL;
  g_autoptr (GPtrArray) zs = NULL;

  g_assert_nonnull (strstr (before, "search_key_lookup: CREATE INDEX"));
  /* The indexes are made again with a small page cache, which is then set
   * back to the connection's own. */
  g_assert_true (pd_database_set_cache_size (pd_context_get_database (ctx), 12345, &error));
  g_assert_true (pd_search_reindex_all (ctx, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_pragma_now (ctx, "cache_size"), ==, -12345);
  g_assert_cmpint (pd_database_get_cache_size (pd_context_get_database (ctx)), ==, 12345);
  after = dump_keys (ctx);
  g_assert_cmpstr (after, ==, before);
  zs = pd_search (ctx, "zs", 100, &error);
  g_assert_no_error (error);
  g_assert_true (hits_contain (zs, "1-1-101", "张三"));
  /* A person's keys rewritten alone take the plain path, into the same indexes. */
  g_assert_true (pd_search_reindex_person (ctx, zs->len > 0 ? ((PdSearchHit *) zs->pdata[0])->person_id : 0,
                                           &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = dump_keys (ctx);
  g_assert_cmpstr (after, ==, before);
}

/* The plan SQLite picks for @sql, one line per step. */
static char *
query_plan (PdContext  *ctx,
            const char *sql)
{
  sqlite3 *db = pd_database_get_handle (pd_context_get_database (ctx));
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  sqlite3_stmt *stmt = NULL;
  GString *plan = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, explain, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  return g_string_free (plan, FALSE);
}

/* Migration 037: the indexes that find a person's or a unit's keys leave
 * out the keys of the other kind, and removing the keys of one person or
 * one unit still goes through them rather than reading every key. */
static void
test_partial_owner_indexes (void)
{
  g_autoptr (PdContext) ctx = demo_context ();
  g_autofree char *person_plan = query_plan (ctx, "DELETE FROM search_key WHERE person_id = 7");
  g_autofree char *unit_plan = query_plan (ctx, "DELETE FROM search_key WHERE unit_id = 7");
  gint64 unit_keys = pd_test_count (ctx, "SELECT count(*) FROM search_key WHERE unit_id IS NOT NULL", NULL);
  gint64 person_keys = pd_test_count (ctx, "SELECT count(*) FROM search_key WHERE person_id IS NOT NULL", NULL);

  g_assert_nonnull (strstr (person_plan, "USING INDEX search_key_person (person_id=?)"));
  g_assert_nonnull (strstr (unit_plan, "USING INDEX search_key_unit (unit_id=?)"));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM sqlite_master WHERE name = 'search_key_person' "
                                  "AND sql LIKE '%WHERE person_id IS NOT NULL'", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM sqlite_master WHERE name = 'search_key_unit' "
                                  "AND sql LIKE '%WHERE unit_id IS NOT NULL'", NULL), ==, 1);
  /* Every key is one or the other, and the demo has both. */
  g_assert_cmpint (unit_keys, >, 0);
  g_assert_cmpint (person_keys, >, unit_keys);
  g_assert_cmpint (unit_keys + person_keys, ==, pd_test_count (ctx, "SELECT count(*) FROM search_key", NULL));
}

/* Every person and unit rewritten again while their keys are stored: the
 * old keys go (the last person and unit too, though ids above the last
 * one with keys skip the DELETE), none is written twice, and the lookups
 * that find those last ids read the end of the partial indexes. */
static void
test_reindex_stored_in_bulk (void)
{
  g_autoptr (PdContext) ctx = demo_context ();
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = dump_keys (ctx);
  g_autofree char *after = NULL;
  g_autofree char *person_plan = query_plan (ctx,
    "SELECT person_id FROM search_key WHERE person_id IS NOT NULL ORDER BY person_id DESC LIMIT 1");
  g_autoptr (GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  g_assert_nonnull (strstr (person_plan, "USING COVERING INDEX search_key_person"));
  stmt = pd_database_prepare (database, "SELECT id, 0 FROM person UNION ALL SELECT 0, id FROM unit", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 person = sqlite3_column_int64 (stmt, 0), unit = sqlite3_column_int64 (stmt, 1);

      if (person > 0)
        g_array_append_val (people, person);
      else
        g_array_append_val (units, unit);
    }
  sqlite3_reset (stmt);
  g_assert_true (pd_database_begin (database, &error));
  g_assert_true (pd_search_reindex_many (ctx, (const gint64 *) (gpointer) people->data, people->len,
                                         (const gint64 *) (gpointer) units->data, units->len, &error));
  g_assert_no_error (error);
  g_assert_true (pd_database_commit (database, &error));
  after = dump_keys (ctx);
  g_assert_cmpstr (after, ==, before);
}

/* The keys of one person, sorted, one per line. */
static char *
person_key_list (PdContext *ctx,
                 gint64     person_id)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT key FROM search_key WHERE person_id = ? ORDER BY key", NULL);
  GString *text = g_string_new (NULL);

  sqlite3_bind_int64 (stmt, 1, person_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s\n", pd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return g_string_free (text, FALSE);
}

/* Keys are folded alike whether the text is plain (ASCII and common
 * ideographs, read without case tables) or not: lower case, without spaces
 * and dashes of any kind. */
static void
test_key_folding (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 09:00:00");
  g_autoptr (GError) error = NULL;
  const struct { const char *name, *mobile, *keys[3]; } people[] = {
    /* plain */
    { "John SMITH-Jones", "13912345678", { "johnsmithjones\n", "~87654321931\n" } },
    { "欧阳 Na", "", { "欧阳na\n", "阳na\n", "na\n" } },
    /* not plain: Ü and the full-width dash need Unicode's tables */
    { "Anna－Lena MÜLLER", "139 1234-5679", { "annalenamüller\n", "~97654321931\n" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr (PdPerson) person = pd_person_new ();
      g_autofree char *stored = NULL;
      g_autofree char *keys = NULL;
      gint64 id;

      g_free (person->name);
      person->name = g_strdup (people[i].name);
      g_free (person->mobile);
      person->mobile = g_strdup (people[i].mobile);
      id = pd_person_create (ctx, person, &error);
      g_assert_no_error (error);
      stored = person_key_list (ctx, id);
      keys = g_strconcat ("\n", stored, NULL);
      for (guint k = 0; k < G_N_ELEMENTS (people[i].keys) && people[i].keys[k] != NULL; k++)
        {
          g_autofree char *line = g_strconcat ("\n", people[i].keys[k], NULL);
          if (strstr (keys, line) == NULL)
            g_error ("%s: key %s not in\n%s", people[i].name, people[i].keys[k], keys);
        }
      g_assert_null (strpbrk (keys, " -ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
      g_assert_null (strstr (keys, "Ü"));
      g_assert_null (strstr (keys, "－"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/search/keys", test_search_keys);
  g_test_add_func ("/search/key-folding", test_key_folding);
  g_test_add_func ("/search/partial-owner-indexes", test_partial_owner_indexes);
  g_test_add_func ("/search/reindex-stored-in-bulk", test_reindex_stored_in_bulk);
  g_test_add_func ("/search/precision", test_search_precision);
  g_test_add_func ("/search/owner-list", test_owner_list);
  g_test_add_func ("/search/reindex-in-bulk", test_reindex_in_bulk);
  return g_test_run ();
}
