/* pd-search-index.c — the search keys written: pd_search_reindex_*() of
 * pd-search.h.  How a text becomes a key is pd-search-key.c; the queries
 * that read the keys are pd-search.c. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-search-private.h"
#include "pd-search.h"

/* One row of search_key; 0 for the id it does not have. */
typedef struct
{
  char   *key;
  gint64  unit_id;
  gint64  person_id;
} Key;

static void
key_clear (Key *key)
{
  g_free (key->key);
}

static GArray *
keys_new (void)
{
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (Key));

  g_array_set_clear_func (keys, (GDestroyNotify) key_clear);
  return keys;
}

/* Takes @text; an empty key finds nothing and is not stored. */
static void
add_key (GArray *keys,
         char   *text,
         gint64  unit_id,
         gint64  person_id)
{
  Key key = { text, unit_id, person_id };

  if (text == NULL || *text == '\0')
    g_free (text);
  else
    g_array_append_val (keys, key);
}

/* Keys written by one INSERT: a statement's run costs about as much as the
 * rows it writes, and an import writes 737,000 keys. */
#define KEYS_PER_INSERT 32

/* INSERT INTO search_key … VALUES (?, ?, ?) for @n keys, from the
 * statement cache. */
static sqlite3_stmt *
prepare_insert (PdDatabase *database,
                guint       n,
                GError    **error)
{
  g_autoptr (GString) sql = g_string_new ("INSERT INTO search_key (key, unit_id, person_id) VALUES (?, ?, ?)");

  for (guint i = 1; i < n; i++)
    g_string_append (sql, ", (?, ?, ?)");
  return pd_database_prepare (database, sql->str, error);
}

static gboolean
insert_keys (PdDatabase *database,
             GArray     *keys,
             GError    **error)
{
  sqlite3_stmt *many = NULL;
  sqlite3_stmt *one;

  if (keys->len >= KEYS_PER_INSERT && (many = prepare_insert (database, KEYS_PER_INSERT, error)) == NULL)
    return FALSE;
  if ((one = prepare_insert (database, 1, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < keys->len;)
    {
      sqlite3_stmt *stmt = keys->len - i >= KEYS_PER_INSERT ? many : one;
      guint n = stmt == many ? KEYS_PER_INSERT : 1;

      for (guint k = 0; k < n; k++, i++)
        {
          const Key *key = &g_array_index (keys, Key, i);
          int column = 3 * k;

          pd_bind_text (stmt, column + 1, key->key);
          if (key->unit_id > 0)
            sqlite3_bind_int64 (stmt, column + 2, key->unit_id);
          else
            sqlite3_bind_null (stmt, column + 2);
          if (key->person_id > 0)
            sqlite3_bind_int64 (stmt, column + 3, key->person_id);
          else
            sqlite3_bind_null (stmt, column + 3);
        }
      if (!pd_database_step_done (database, stmt, error))
        return FALSE;
      /* pd_database_step_done() resets, and the next round binds every
       * parameter again. */
    }
  return TRUE;
}

static gboolean
delete_keys (PdDatabase *database,
             const char *sql,
             gint64      id,
             GError    **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (database, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return pd_database_step_done (database, stmt, error);
}

#define DELETE_PERSON_KEYS "DELETE FROM search_key WHERE person_id = ?"
#define DELETE_UNIT_KEYS "DELETE FROM search_key WHERE unit_id = ?"
/* Read from the end of the partial indexes (max() would read every key). */
#define LAST_PERSON_WITH_KEYS \
  "SELECT coalesce ((SELECT person_id FROM search_key WHERE person_id IS NOT NULL ORDER BY person_id DESC LIMIT 1), 0)"
#define LAST_UNIT_WITH_KEYS \
  "SELECT coalesce ((SELECT unit_id FROM search_key WHERE unit_id IS NOT NULL ORDER BY unit_id DESC LIMIT 1), 0)"

/* Adds to @keys the keys of one row of a key source (below); column 0 of
 * @stmt is the id. */
typedef void (*AddRowKeys) (sqlite3_stmt *stmt,
                            GArray       *keys);

static void
add_person_row_keys (sqlite3_stmt *stmt,
                     GArray       *keys)
{
  gint64 person_id = sqlite3_column_int64 (stmt, 0);
  const char *name = pd_column_text (stmt, 1);
  glong length = g_utf8_strlen (name, -1);
  gboolean han = g_unichar_get_script (g_utf8_get_char (name)) == G_UNICODE_SCRIPT_HAN;

  add_key (keys, pd_search_key_normalise (name), 0, person_id);
  /* Han names: the given name alone finds the person too (三 → 张三). */
  for (glong i = 1; han && i < length && i < 4; i++)
    add_key (keys, pd_search_key_normalise (g_utf8_offset_to_pointer (name, i)), 0, person_id);
  add_key (keys, pd_search_key_normalise (pd_column_text (stmt, 2)), 0, person_id);
  add_key (keys, pd_search_key_normalise (pd_column_text (stmt, 3)), 0, person_id);
  for (int col = 4; col <= 7; col++)
    if (*pd_column_text (stmt, col) != '\0')
      add_key (keys, pd_search_key_tail (pd_column_text (stmt, col)), 0, person_id);
}

static void
add_vehicle_row_keys (sqlite3_stmt *stmt,
                      GArray       *keys)
{
  add_key (keys, pd_search_key_normalise (pd_column_text (stmt, 1)), 0, sqlite3_column_int64 (stmt, 0));
}

static void
add_unit_row_keys (sqlite3_stmt *stmt,
                   GArray       *keys)
{
  add_key (keys, pd_search_key_normalise (pd_column_text (stmt, 1)), sqlite3_column_int64 (stmt, 0), 0);
}

/* The key sources: the rows whose id (column 0) is from ?1 to ?2, in id
 * order. */
#define PERSON_KEY_ROWS \
  "SELECT id, name, pinyin, initials, mobile, phone2, id_number, uscc FROM person " \
  "WHERE id BETWEEN ?1 AND ?2 ORDER BY id"
#define VEHICLE_KEY_ROWS \
  "SELECT person_id, plate FROM vehicle WHERE person_id BETWEEN ?1 AND ?2 ORDER BY person_id"
#define UNIT_KEY_ROWS "SELECT id, code FROM unit WHERE id BETWEEN ?1 AND ?2 ORDER BY id"

/* Ids at most this far apart are read as one range: reading the few rows
 * between them costs less than a lookup each. */
#define RUN_GAP 8

/* Adds the keys of the rows of @sql (a key source) whose id is in @ids,
 * ascending.  Ids close together are read as one range, so the 95,000 new
 * people of an import are one statement rather than 95,000. */
static gboolean
add_keys_of_rows (PdDatabase   *database,
                  const char   *sql,
                  const gint64 *ids,
                  guint         n,
                  AddRowKeys    add_row_keys,
                  GArray       *keys,
                  GError      **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (database, sql, error);

  if (stmt == NULL)
    return FALSE;
  for (guint start = 0, end; start < n; start = end)
    {
      guint next = start;
      int rc;

      for (end = start + 1; end < n && ids[end] - ids[end - 1] <= RUN_GAP; end++)
        ;
      sqlite3_bind_int64 (stmt, 1, ids[start]);
      sqlite3_bind_int64 (stmt, 2, ids[end - 1]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          while (next < end && ids[next] < id)
            next++;
          if (next < end && ids[next] == id)
            add_row_keys (stmt, keys);
        }
      if (rc != SQLITE_DONE)
        {
          pd_database_set_error (database, _("Search keys could not be read"), error);
          sqlite3_reset (stmt);
          return FALSE;
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

/* Adds the keys of the people @ids (ascending) to @keys. */
static gboolean
people_keys (PdDatabase   *database,
             const gint64 *ids,
             guint         n,
             GArray       *keys,
             GError      **error)
{
  return add_keys_of_rows (database, PERSON_KEY_ROWS, ids, n, add_person_row_keys, keys, error) &&
         add_keys_of_rows (database, VEHICLE_KEY_ROWS, ids, n, add_vehicle_row_keys, keys, error);
}

/* Adds the keys of the units @ids (ascending) to @keys. */
static gboolean
units_keys (PdDatabase   *database,
            const gint64 *ids,
            guint         n,
            GArray       *keys,
            GError      **error)
{
  return add_keys_of_rows (database, UNIT_KEY_ROWS, ids, n, add_unit_row_keys, keys, error);
}

gboolean
pd_search_reindex_person (PdContext  *ctx,
                          gint64      person_id,
                          GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (GArray) keys = keys_new ();

  return delete_keys (database, DELETE_PERSON_KEYS, person_id, error) &&
         people_keys (database, &person_id, 1, keys, error) && insert_keys (database, keys, error);
}

gboolean
pd_search_reindex_unit (PdContext  *ctx,
                        gint64      unit_id,
                        GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (GArray) keys = keys_new ();

  return delete_keys (database, DELETE_UNIT_KEYS, unit_id, error) &&
         units_keys (database, &unit_id, 1, keys, error) && insert_keys (database, keys, error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* @ids ascending, as add_keys_of_rows() reads them. */
static GArray *
sorted_ids (const gint64 *ids,
            guint         n)
{
  GArray *sorted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);

  g_array_append_vals (sorted, ids, n);
  g_array_sort (sorted, compare_ids);
  return sorted;
}

/* The order of the search_key_lookup index (key, person_id, unit_id), where
 * NULL (0 here) comes first. */
static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const Key *x = a, *y = b;
  int order = strcmp (x->key, y->key);

  if (order != 0)
    return order;
  if (x->person_id != y->person_id)
    return x->person_id < y->person_id ? -1 : 1;
  return x->unit_id < y->unit_id ? -1 : x->unit_id > y->unit_id;
}

/* When at least half of the people and units are rewritten (an import
 * into a new estate, pd_search_reindex_all), the indexes of search_key are
 * dropped for the insert and made again after it: that sorts each of them
 * once instead of descending all three b-trees for every key (the 737,000
 * keys of a 95,000-row ledger: 2.0 s of CPU with the indexes in place,
 * 0.8 s dropped and made again), and the keys need not be held to be
 * inserted in order.  Returns the statements that make them again, or an
 * empty array when they are kept; NULL on error. */
static GPtrArray *
drop_indexes_for (PdDatabase *database,
                  guint       rewritten,
                  GError    **error)
{
  /* Upper bounds of the counts, without reading the tables. */
  gint64 stored = pd_database_query_int (database,
    "SELECT (SELECT coalesce (max (rowid), 0) FROM person) + (SELECT coalesce (max (rowid), 0) FROM unit)",
    NULL, error);

  if (stored < 0)
    return NULL;
  if (rewritten == 0 || (gint64) rewritten * 2 < stored)
    return g_ptr_array_new_with_free_func (g_free);
  return pd_database_drop_indexes (database, "search_key", NULL, error);
}

gboolean
pd_search_reindex_many (PdContext    *ctx,
                        const gint64 *people,
                        guint         n_people,
                        const gint64 *units,
                        guint         n_units,
                        GError      **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (GArray) keys = keys_new ();
  g_autoptr (GPtrArray) dropped = NULL;
  g_autoptr (GArray) sorted_people = sorted_ids (people, n_people);
  g_autoptr (GArray) sorted_units = sorted_ids (units, n_units);

  /* The old keys first, found through the indexes.  A person or unit
   * numbered above every one that has keys has none: an import's new
   * records, which need no DELETE each. */
  gint64 last_person = pd_database_query_int (database, LAST_PERSON_WITH_KEYS, NULL, error);
  gint64 last_unit = last_person < 0 ? -1 : pd_database_query_int (database, LAST_UNIT_WITH_KEYS, NULL, error);

  if (last_unit < 0)
    return FALSE;
  for (guint i = 0; i < n_people; i++)
    if (people[i] <= last_person && !delete_keys (database, DELETE_PERSON_KEYS, people[i], error))
      return FALSE;
  for (guint i = 0; i < n_units; i++)
    if (units[i] <= last_unit && !delete_keys (database, DELETE_UNIT_KEYS, units[i], error))
      return FALSE;
  dropped = drop_indexes_for (database, n_people + n_units, error);
  if (dropped == NULL)
    return FALSE;
  /* Without the indexes the order does not matter: written as they come. */
  if (!people_keys (database, (const gint64 *) (gpointer) sorted_people->data, sorted_people->len, keys, error) ||
      (dropped->len > 0 && !insert_keys (database, keys, error)))
    return FALSE;
  if (dropped->len > 0)
    g_array_set_size (keys, 0);
  if (!units_keys (database, (const gint64 *) (gpointer) sorted_units->data, sorted_units->len, keys, error))
    return FALSE;
  /* With them, in index order each insert lands next to the one before:
   * the index pages are written once each instead of one random page per
   * key. */
  if (dropped->len == 0)
    g_array_sort (keys, compare_keys);
  if (!insert_keys (database, keys, error))
    return FALSE;
  return pd_database_make_indexes (database, dropped, error);
}

gboolean
pd_search_reindex_all (PdContext  *ctx,
                       GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) units = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (!pd_database_begin (database, error))
    return FALSE;
  if (!pd_database_exec (database, "DELETE FROM search_key", error))
    goto fail;
  stmt = pd_database_prepare (database, "SELECT id FROM person", error);
  if (stmt == NULL)
    goto fail;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  stmt = pd_database_prepare (database, "SELECT id FROM unit", error);
  if (stmt == NULL)
    goto fail;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (units, id);
    }
  sqlite3_reset (stmt);
  if (!pd_search_reindex_many (ctx, (const gint64 *) (gpointer) ids->data, ids->len,
                               (const gint64 *) (gpointer) units->data, units->len, error))
    goto fail;
  return pd_database_commit (database, error);

fail:
  pd_database_rollback (database);
  return FALSE;
}
