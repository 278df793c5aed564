/* pd-search.c — the queries of pd-search.h.  The keys they read are written
 * by pd-search-index.c. */
#include "config.h"

#include <string.h>

#include "pd-search-private.h"
#include "pd-search.h"

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

/* How a key matched, best first: the whole text (a unit code, a name, the
 * initials typed in full), a phone or ID tail, the beginning of a key. */
typedef enum
{
  MATCH_EXACT,
  MATCH_TAIL,
  MATCH_PREFIX,
} MatchKind;

typedef struct
{
  PdSearchHit  hit;
  MatchKind    kind;
  char        *key;
  int          role_rank;
} RankedHit;

static void
ranked_hit_free (RankedHit *ranked)
{
  g_free (ranked->hit.unit_code);
  g_free (ranked->hit.name);
  g_free (ranked->hit.role);
  g_free (ranked->key);
  g_free (ranked);
}

static int
role_rank (const char *role)
{
  static const char *const order[] = { "owner", "member", "tenant" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_str_equal (role, order[i]))
      return i;
  return G_N_ELEMENTS (order);
}

/* The order a clerk reads: the best kind of match first, then the matched
 * keys alphabetically (a prefix before its longer keys: 张三 before 张三丰),
 * then by unit code, owners before members and tenants, and by name. */
static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const RankedHit *x = *(RankedHit *const *) a;
  const RankedHit *y = *(RankedHit *const *) b;
  int c;

  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if ((c = strcmp (x->key, y->key)) != 0 || (c = strcmp (x->hit.unit_code, y->hit.unit_code)) != 0)
    return c;
  if (x->role_rank != y->role_rank)
    return x->role_rank < y->role_rank ? -1 : 1;
  return strcmp (x->hit.name, y->hit.name);
}

typedef struct
{
  PdDatabase *database;
  guint       limit;
  GHashTable *seen;     /* pd_search: "unit:person:role"; unit ids: the ids */
  GPtrArray  *ranked;   /* pd_search: RankedHit, or NULL for unit ids only */
  GArray     *unit_ids; /* pd_search_unit_ids */
} Collector;

static gboolean
collector_full (Collector *collector)
{
  return (collector->ranked ? collector->ranked->len : collector->unit_ids->len) >= collector->limit;
}

static void
collect_hit (Collector    *collector,
             MatchKind     kind,
             const char   *key,
             gint64        unit_id,
             gint64        person_id,
             sqlite3_stmt *stmt)   /* columns: role, unit code, name */
{
  const char *role = pd_column_text (stmt, 0);
  char *seen_key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s", unit_id, person_id, role);
  RankedHit *ranked;

  /* A person found by two keys (pinyin and initials) is listed once, at
   * the better match. */
  if (!g_hash_table_add (collector->seen, seen_key))
    return;
  ranked = g_new0 (RankedHit, 1);
  ranked->hit.unit_id = unit_id;
  ranked->hit.person_id = person_id;
  ranked->hit.role = g_strdup (role);
  ranked->hit.unit_code = g_strdup (pd_column_text (stmt, 1));
  ranked->hit.name = g_strdup (pd_column_text (stmt, 2));
  ranked->kind = kind;
  ranked->key = g_strdup (key);
  ranked->role_rank = role_rank (role);
  g_ptr_array_add (collector->ranked, ranked);
}

static void
collect_unit (Collector *collector,
              gint64     unit_id)
{
  gint64 *id = g_new (gint64, 1);

  *id = unit_id;
  if (g_hash_table_add (collector->seen, id))
    g_array_append_val (collector->unit_ids, unit_id);
}

/* The hits of one key: every current role of a person, a unit with each
 * of its current people (or alone when nobody is on it).  Index lookups
 * only (unit_role_person_current, unit_role_unit). */
static gboolean
collect_key (Collector   *collector,
             MatchKind    kind,
             const char  *key,
             gint64       unit_id,
             gint64       person_id,
             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (collector->ranked == NULL && person_id == 0)
    {
      collect_unit (collector, unit_id);
      return TRUE;
    }
  if (collector->ranked == NULL)
    {
      /* The covering index answers without reading unit_role's rows. */
      stmt = pd_database_prepare (collector->database,
        "SELECT unit_id FROM unit_role WHERE person_id = ? AND ended_on = ''", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        collect_unit (collector, sqlite3_column_int64 (stmt, 0));
    }
  else if (person_id > 0)
    {
      stmt = pd_database_prepare (collector->database,
        "SELECT r.role, u.code, p.name, r.unit_id FROM unit_role r JOIN unit u ON u.id = r.unit_id "
        "JOIN person p ON p.id = r.person_id WHERE r.person_id = ? AND r.ended_on = ''", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        collect_hit (collector, kind, key, sqlite3_column_int64 (stmt, 3), person_id, stmt);
    }
  else
    {
      stmt = pd_database_prepare (collector->database,
        "SELECT coalesce(r.role, ''), u.code, coalesce(p.name, ''), coalesce(r.person_id, 0) FROM unit u "
        "LEFT JOIN unit_role r ON r.unit_id = u.id AND r.ended_on = '' "
        "LEFT JOIN person p ON p.id = r.person_id WHERE u.id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, unit_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        collect_hit (collector, kind, key, unit_id, sqlite3_column_int64 (stmt, 3), stmt);
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE || pd_database_set_error (collector->database, "search", error);
}

/* Walks the keys of @sql (bound to @low and @high) in index order until
 * the limit is reached: SQLite reads only the keys that are listed, never
 * all those starting with one letter. */
static gboolean
collect_keys (Collector   *collector,
              MatchKind    kind,
              const char  *sql,
              const char  *low,
              const char  *high,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (collector_full (collector))
    return TRUE;
  stmt = pd_database_prepare (collector->database, sql, error);
  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, low);
  if (high != NULL)
    pd_bind_text (stmt, 2, high);
  while (!collector_full (collector) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = pd_column_dup (stmt, 0);

      if (!collect_key (collector, kind, key, sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2), error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  return collector_full (collector) || rc == SQLITE_DONE ||
         pd_database_set_error (collector->database, "search", error);
}

/* Each reads the covering index search_key_lookup in its order, so none
 * sorts nor reads the table. */
#define EXACT_SQL \
  "SELECT key, coalesce(unit_id, 0), coalesce(person_id, 0) FROM search_key WHERE key = ?1 " \
  "ORDER BY key, person_id, unit_id"
#define TAIL_SQL \
  "SELECT key, coalesce(unit_id, 0), coalesce(person_id, 0) FROM search_key " \
  "WHERE key >= ?1 AND key < ?2 ORDER BY key, person_id, unit_id"
#define PREFIX_SQL \
  "SELECT key, coalesce(unit_id, 0), coalesce(person_id, 0) FROM search_key " \
  "WHERE key > ?1 AND key < ?2 ORDER BY key, person_id, unit_id"

/* Runs the kinds of match in order until @collector is full. */
static gboolean
collect_all (Collector   *collector,
             const char  *text,
             GError     **error)
{
  g_autofree char *key = pd_search_key_normalise (text ? text : "");
  g_autofree char *key_upper = NULL;

  if (*key == '\0')
    return TRUE;
  key_upper = g_strconcat (key, KEY_UPPER, NULL);
  if (!collect_keys (collector, MATCH_EXACT, EXACT_SQL, key, NULL, error))
    return FALSE;
  if (is_tail_query (key))
    {
      g_autofree char *tail = pd_search_key_tail (key);
      g_autofree char *tail_upper = g_strconcat (tail, KEY_UPPER, NULL);

      if (!collect_keys (collector, MATCH_TAIL, TAIL_SQL, tail, tail_upper, error))
        return FALSE;
    }
  return collect_keys (collector, MATCH_PREFIX, PREFIX_SQL, key, key_upper, error);
}

GPtrArray *
pd_search (PdContext  *ctx,
           const char *text,
           guint       limit,
           GError    **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) ranked = g_ptr_array_new_with_free_func ((GDestroyNotify) ranked_hit_free);
  Collector collector = { pd_context_get_database (ctx), limit, seen, ranked, NULL };
  GPtrArray *hits;

  if (!collect_all (&collector, text, error))
    return NULL;
  /* A key's people arrive in the order they were filed; only the listed
   * hits (at most @limit, and the last key's other people) are put in the
   * reading order. */
  g_ptr_array_sort (ranked, compare_ranked);
  if (ranked->len > limit)
    g_ptr_array_set_size (ranked, limit);
  hits = g_ptr_array_new_full (ranked->len, (GDestroyNotify) pd_search_hit_free);
  for (guint i = 0; i < ranked->len; i++)
    {
      RankedHit *r = ranked->pdata[i];
      PdSearchHit *hit = g_new (PdSearchHit, 1);

      *hit = r->hit;
      memset (&r->hit, 0, sizeof r->hit);
      g_ptr_array_add (hits, hit);
    }
  return hits;
}

/* The owner list sorts the units itself: neither names nor codes are read
 * here, only index entries. */
GArray *
pd_search_unit_ids (PdContext  *ctx,
                    const char *text,
                    guint       limit,
                    GError    **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Collector collector = { pd_context_get_database (ctx), limit, seen, NULL, ids };

  if (!collect_all (&collector, text, error))
    return NULL;
  return g_steal_pointer (&ids);
}
