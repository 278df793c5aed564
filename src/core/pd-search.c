/* pd-search.c — see pd-search.h. */
#include "config.h"

#include <string.h>

#include "pd-pinyin.h"
#include "pd-search.h"

/* Keys for "ends with" searches (phone and ID tails) are stored reversed
 * behind this marker, so they are prefix searches too. */
#define TAIL_MARK "~"
/* Largest code point: "prefix" ≤ key < "prefix" + this. */
#define KEY_UPPER "\xf4\x8f\xbf\xbf"

void
pd_search_hit_free (PdSearchHit *hit)
{
  g_free (hit->unit_code);
  g_free (hit->name);
  g_free (hit->role);
  g_free (hit);
}

static char *
normalise_key (const char *text)
{
  g_autofree char *folded = g_utf8_strdown (text, -1);
  GString *key = g_string_new (NULL);

  /* Spaces and dashes are typed inconsistently ("3-2-1201", "3 2 1201"). */
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static char *
tail_key (const char *digits)
{
  g_autofree char *reversed = g_utf8_strreverse (digits, -1);
  g_autofree char *lower = g_ascii_strdown (reversed, -1);
  return g_strconcat (TAIL_MARK, lower, NULL);
}

static gboolean
insert_key (PdDatabase *database,
            const char *key,
            gint64      unit_id,
            gint64      person_id,
            GError    **error)
{
  sqlite3_stmt *stmt;

  if (key == NULL || *key == '\0')
    return TRUE;
  stmt = pd_database_prepare (database,
    "INSERT INTO search_key (key, unit_id, person_id) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, key);
  if (unit_id > 0)
    sqlite3_bind_int64 (stmt, 2, unit_id);
  if (person_id > 0)
    sqlite3_bind_int64 (stmt, 3, person_id);
  return pd_database_step_done (database, stmt, error);
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

gboolean
pd_search_reindex_person (PdContext  *ctx,
                          gint64      person_id,
                          GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  if (!delete_keys (database, "DELETE FROM search_key WHERE person_id = ?", person_id, error))
    return FALSE;
  stmt = pd_database_prepare (database,
    "SELECT name, pinyin, initials, mobile, phone2, id_number, uscc FROM person WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = pd_column_text (stmt, 0);
      glong length = g_utf8_strlen (name, -1);

      g_ptr_array_add (keys, normalise_key (name));
      /* Han names: the given name alone finds the person too (三 → 张三). */
      for (glong i = 1; i < length && i < 4 && g_unichar_get_script (g_utf8_get_char (name)) == G_UNICODE_SCRIPT_HAN; i++)
        g_ptr_array_add (keys, normalise_key (g_utf8_offset_to_pointer (name, i)));
      g_ptr_array_add (keys, g_strdup (pd_column_text (stmt, 1)));
      g_ptr_array_add (keys, g_strdup (pd_column_text (stmt, 2)));
      for (int col = 3; col <= 6; col++)
        if (*pd_column_text (stmt, col) != '\0')
          g_ptr_array_add (keys, tail_key (pd_column_text (stmt, col)));
    }
  sqlite3_reset (stmt);

  stmt = pd_database_prepare (database, "SELECT plate FROM vehicle WHERE person_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (keys, normalise_key (pd_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  for (guint i = 0; i < keys->len; i++)
    if (!insert_key (database, keys->pdata[i], 0, person_id, error))
      return FALSE;
  return TRUE;
}

gboolean
pd_search_reindex_unit (PdContext  *ctx,
                        gint64      unit_id,
                        GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;

  if (!delete_keys (database, "DELETE FROM search_key WHERE unit_id = ?", unit_id, error))
    return FALSE;
  stmt = pd_database_prepare (database, "SELECT code FROM unit WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    key = normalise_key (pd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return insert_key (database, key, unit_id, 0, error);
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
  for (guint i = 0; i < ids->len; i++)
    if (!pd_search_reindex_person (ctx, g_array_index (ids, gint64, i), error))
      goto fail;
  for (guint i = 0; i < units->len; i++)
    if (!pd_search_reindex_unit (ctx, g_array_index (units, gint64, i), error))
      goto fail;
  return pd_database_commit (database, error);

fail:
  pd_database_rollback (database);
  return FALSE;
}

static gboolean
is_tail_query (const char *text)
{
  gsize length = strlen (text);

  if (length < 3)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p) && !(p[1] == '\0' && (*p == 'x' || *p == 'X')))
      return FALSE;
  return TRUE;
}

/* Hits: every current role of a matched person, and every matched unit with
 * its current people (or alone when nobody is on it). */
#define SEARCH_SQL \
  "WITH keyhit AS (" \
  "  SELECT unit_id, person_id FROM search_key WHERE key >= ?1 AND key < ?2 " \
  "  UNION SELECT unit_id, person_id FROM search_key WHERE key >= ?3 AND key < ?4), " \
  "hit AS (" \
  "  SELECT r.unit_id, r.person_id, r.role FROM keyhit k JOIN unit_role r " \
  "    ON r.person_id = k.person_id AND r.ended_on = '' " \
  "  UNION SELECT k.unit_id, r.person_id, r.role FROM keyhit k JOIN unit_role r " \
  "    ON r.unit_id = k.unit_id AND r.ended_on = '' " \
  "  UNION SELECT k.unit_id, 0, '' FROM keyhit k WHERE k.unit_id IS NOT NULL AND NOT EXISTS " \
  "    (SELECT 1 FROM unit_role r WHERE r.unit_id = k.unit_id AND r.ended_on = '')) " \
  "SELECT h.unit_id, h.person_id, u.code, coalesce(p.name, ''), h.role FROM hit h " \
  "JOIN unit u ON u.id = h.unit_id LEFT JOIN person p ON p.id = h.person_id " \
  "ORDER BY u.code, CASE h.role WHEN 'owner' THEN 0 WHEN 'member' THEN 1 WHEN 'tenant' THEN 2 ELSE 3 END, p.name " \
  "LIMIT ?5"

GPtrArray *
pd_search (PdContext  *ctx,
           const char *text,
           guint       limit,
           GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  GPtrArray *hits = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_search_hit_free);
  g_autofree char *key = normalise_key (text ? text : "");
  g_autofree char *key_upper = NULL, *tail = NULL, *tail_upper = NULL;
  sqlite3_stmt *stmt;

  if (*key == '\0')
    return hits;
  key_upper = g_strconcat (key, KEY_UPPER, NULL);
  /* Without a tail query the second range is empty. */
  tail = is_tail_query (key) ? tail_key (key) : g_strdup ("");
  tail_upper = *tail ? g_strconcat (tail, KEY_UPPER, NULL) : g_strdup ("");
  stmt = pd_database_prepare (database, SEARCH_SQL, error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (hits);
      return NULL;
    }
  pd_bind_text (stmt, 1, key);
  pd_bind_text (stmt, 2, key_upper);
  pd_bind_text (stmt, 3, tail);
  pd_bind_text (stmt, 4, tail_upper);
  sqlite3_bind_int (stmt, 5, limit);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdSearchHit *hit = g_new0 (PdSearchHit, 1);
      hit->unit_id = sqlite3_column_int64 (stmt, 0);
      hit->person_id = sqlite3_column_int64 (stmt, 1);
      hit->unit_code = pd_column_dup (stmt, 2);
      hit->name = pd_column_dup (stmt, 3);
      hit->role = pd_column_dup (stmt, 4);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  return hits;
}

GArray *
pd_search_unit_ids (PdContext  *ctx,
                    const char *text,
                    guint       limit,
                    GError    **error)
{
  g_autoptr (GPtrArray) hits = pd_search (ctx, text, limit, error);
  GArray *ids;

  if (hits == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < hits->len; i++)
    {
      PdSearchHit *hit = hits->pdata[i];
      /* Hits are ordered by unit code, so duplicates are adjacent. */
      if (ids->len == 0 || g_array_index (ids, gint64, ids->len - 1) != hit->unit_id)
        g_array_append_val (ids, hit->unit_id);
    }
  return ids;
}
