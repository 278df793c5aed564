/* pd-owner-list.c — see pd-owner-list.h. */
#include "config.h"

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-owner-list.h"
#include "pd-search.h"

#define SEARCH_LIMIT 2000

void
pd_owner_row_free (PdOwnerRow *row)
{
  if (row == NULL)
    return;
  g_free (row->unit_code);
  g_free (row->use);
  g_free (row->state);
  g_free (row->owners);
  g_free (row->owner_mobile);
  g_free (row->owner_id_number);
  g_free (row->tenants);
  g_free (row);
}

/* The ORDER BY clauses are fixed texts chosen by enum, never user text. */
static const char *const order_clauses[][2] = {
  [PD_OWNER_SORT_UNIT] = {
    "CAST(b.code AS INTEGER), b.code, CAST(e.code AS INTEGER), e.code, u.floor, u.code",
    "CAST(b.code AS INTEGER) DESC, b.code DESC, CAST(e.code AS INTEGER) DESC, e.code DESC, u.floor DESC, u.code DESC" },
  [PD_OWNER_SORT_OWNER] = { "owner_key, u.code", "owner_key DESC, u.code DESC" },
  [PD_OWNER_SORT_STATE] = { "u.state, u.code", "u.state DESC, u.code DESC" },
  [PD_OWNER_SORT_AREA] = { "coalesce(u.gross_area, 0), u.code", "coalesce(u.gross_area, 0) DESC, u.code DESC" },
};

GArray *
pd_owner_list_unit_ids (PdContext  *ctx,
                        const char *search,
                        PdOwnerSort sort,
                        gboolean    descending,
                        GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *stripped = g_strstrip (g_strdup (search ? search : ""));
  gboolean filtered = *stripped != '\0';
  g_autofree char *sql = NULL;
  g_autofree char *ids_json = NULL;
  sqlite3_stmt *stmt;
  GArray *ids;
  gint64 estate_id;

  g_return_val_if_fail (sort <= PD_OWNER_SORT_AREA, NULL);
  estate_id = pd_estate_current_id (ctx, error);
  if (estate_id < 0)
    return NULL;
  if (filtered)
    {
      g_autoptr (GArray) hits = pd_search_unit_ids (ctx, search, SEARCH_LIMIT, error);
      GString *json = g_string_new ("[");

      if (hits == NULL)
        {
          g_string_free (json, TRUE);
          return NULL;
        }
      for (guint i = 0; i < hits->len; i++)
        g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (hits, gint64, i));
      g_string_append (json, "]");
      ids_json = g_string_free (json, FALSE);
    }

  /* The owner's pinyin costs a subquery per unit (two thirds of the time
   * for 100,000 units): only the owner order reads it. */
  sql = g_strconcat (
    "SELECT u.id",
    sort == PD_OWNER_SORT_OWNER
      ? ", (SELECT min(p.pinyin) FROM unit_role r JOIN person p ON p.id = r.person_id "
        "  WHERE r.unit_id = u.id AND r.role = 'owner' AND r.ended_on = '') AS owner_key "
      : " ",
    /* A search reads its units by id (an "?2 IS NULL OR u.id IN" filter
     * read all 100,000 units for every keystroke); only those are sorted. */
    filtered ? "FROM json_each(?2) j JOIN unit u ON u.id = j.value " : "FROM unit u ",
    "JOIN entrance e ON e.id = u.entrance_id JOIN building b ON b.id = e.building_id "
    "WHERE u.estate_id = ?1 ORDER BY ",
    order_clauses[sort][descending ? 1 : 0], NULL);
  stmt = pd_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  if (ids_json != NULL)
    pd_bind_text (stmt, 2, ids_json);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

PdOwnerRow *
pd_owner_row_get (PdContext  *ctx,
                  gint64      unit_id,
                  GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT u.id, u.code, u.use, u.state, coalesce(u.gross_area, 0), "
    "  (SELECT group_concat(name, '、') FROM (SELECT p.name FROM unit_role r JOIN person p ON p.id = r.person_id "
    "     WHERE r.unit_id = u.id AND r.role = 'owner' AND r.ended_on = '' ORDER BY r.id)), "
    "  (SELECT p.mobile FROM unit_role r JOIN person p ON p.id = r.person_id "
    "     WHERE r.unit_id = u.id AND r.role = 'owner' AND r.ended_on = '' ORDER BY r.id LIMIT 1), "
    "  (SELECT CASE p.kind WHEN 'enterprise' THEN p.uscc ELSE p.id_number END FROM unit_role r "
    "     JOIN person p ON p.id = r.person_id "
    "     WHERE r.unit_id = u.id AND r.role = 'owner' AND r.ended_on = '' ORDER BY r.id LIMIT 1), "
    "  (SELECT group_concat(name, '、') FROM (SELECT p.name FROM unit_role r JOIN person p ON p.id = r.person_id "
    "     WHERE r.unit_id = u.id AND r.role = 'tenant' AND r.ended_on = '' ORDER BY r.id)) "
    "FROM unit u WHERE u.id = ?", error);
  PdOwnerRow *row = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row = g_new0 (PdOwnerRow, 1);
      row->unit_id = sqlite3_column_int64 (stmt, 0);
      row->unit_code = pd_column_dup (stmt, 1);
      row->use = pd_column_dup (stmt, 2);
      row->state = pd_column_dup (stmt, 3);
      row->gross_area = sqlite3_column_double (stmt, 4);
      row->owners = g_strdup (pd_column_text (stmt, 5));
      row->owner_mobile = g_strdup (pd_column_text (stmt, 6));
      row->owner_id_number = g_strdup (pd_column_text (stmt, 7));
      row->tenants = g_strdup (pd_column_text (stmt, 8));
    }
  else
    pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "unit",
                        "Unit #%" G_GINT64_FORMAT " does not exist.", unit_id);
  sqlite3_reset (stmt);
  return row;
}
