/* pd-handover-list.c — see pd-handover-list.h. */
#include "config.h"

#include "pd-handover-list.h"

void
pd_handover_row_free (PdHandoverRow *row)
{
  if (row == NULL)
    return;
  g_free (row->unit_code);
  g_free (row->owner_name);
  g_free (row->status);
  g_free (row->handover_on);
  g_free (row->inspected_on);
  g_free (row->closed_on);
  g_free (row->clerk);
  g_free (row->next_deadline);
  g_free (row->next_notice_due);
  g_free (row);
}

/* One statement for every filter: each condition is switched off by its
 * parameter being NULL, so the SQL text (and its cached statement) never
 * depends on user input. */
static const char list_sql[] =
  "WITH d AS ("
  "  SELECT handover_id, count(*) AS total, "
  "         sum (status = 'open') AS open, "
  "         sum (status = 'open' AND notice_sent_at = '' AND notice_due_at < ?1) AS notices_overdue, "
  "         sum (status = 'open' AND notice_sent_at = '') AS notices_pending, "
  "         sum (status = 'open' AND deadline < ?2) AS deadlines_overdue, "
  "         min (CASE WHEN status = 'open' THEN deadline END) AS next_deadline, "
  "         min (CASE WHEN status = 'open' AND notice_sent_at = '' THEN notice_due_at END) AS next_notice "
  "  FROM handover_defect GROUP BY handover_id), "
  "c AS (SELECT handover_id, count(*) AS total, sum (result <> '') AS done "
  "      FROM handover_check GROUP BY handover_id) "
  "SELECT h.id, h.unit_id, u.code, p.name, h.status, h.handover_on, h.inspected_on, h.closed_on, h.clerk, "
  "       coalesce (c.total, 0), coalesce (c.done, 0), coalesce (d.total, 0), coalesce (d.open, 0), "
  "       coalesce (d.notices_overdue, 0), coalesce (d.notices_pending, 0), "
  "       coalesce (d.deadlines_overdue, 0), coalesce (d.next_deadline, ''), coalesce (d.next_notice, '') "
  "FROM handover h JOIN unit u ON u.id = h.unit_id JOIN person p ON p.id = h.owner_id "
  "LEFT JOIN d ON d.handover_id = h.id LEFT JOIN c ON c.handover_id = h.id "
  "WHERE (?3 IS NULL OR h.status = ?3 OR (?3 = 'open' AND h.status <> 'closed')) "
  "  AND (?4 IS NULL OR h.handover_on >= ?4) "
  "  AND (?5 IS NULL OR h.handover_on < ?5) "
  "  AND (?6 IS NULL OR u.code LIKE ?6 || '%' ESCAPE '\\' OR instr (p.name, ?7) > 0) "
  "  AND (?8 = 0 OR coalesce (d.notices_overdue, 0) + coalesce (d.deadlines_overdue, 0) > 0) "
  "ORDER BY h.handover_on DESC, h.id DESC";

static char *
escape_like (const char *text)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
bind_optional (sqlite3_stmt *stmt,
               int           index,
               const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    pd_bind_text (stmt, index, text);
}

GPtrArray *
pd_handover_list (PdContext              *ctx,
                  const PdHandoverFilter *filter,
                  GError                **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  PdHandoverFilter none = { 0 };
  sqlite3_stmt *stmt = pd_database_prepare (database, list_sql, error);
  g_autofree char *now = pd_context_now_text (ctx);
  g_autofree char *today = pd_context_today (ctx);
  g_autofree char *search = NULL;
  g_autofree char *like = NULL;
  GPtrArray *rows;

  if (stmt == NULL)
    return NULL;
  if (filter == NULL)
    filter = &none;
  search = g_strstrip (g_strdup (filter->search ? filter->search : ""));
  like = escape_like (search);
  pd_bind_text (stmt, 1, now);
  pd_bind_text (stmt, 2, today);
  bind_optional (stmt, 3, filter->status);
  bind_optional (stmt, 4, filter->from_day);
  bind_optional (stmt, 5, filter->before_day);
  bind_optional (stmt, 6, *search ? like : NULL);
  pd_bind_text (stmt, 7, search);
  sqlite3_bind_int (stmt, 8, filter->attention ? 1 : 0);

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_handover_row_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdHandoverRow *row = g_new0 (PdHandoverRow, 1);
      int c = 0;

      row->id = sqlite3_column_int64 (stmt, c++);
      row->unit_id = sqlite3_column_int64 (stmt, c++);
      row->unit_code = g_strdup (pd_column_text (stmt, c++));
      row->owner_name = g_strdup (pd_column_text (stmt, c++));
      row->status = g_strdup (pd_column_text (stmt, c++));
      row->handover_on = g_strdup (pd_column_text (stmt, c++));
      row->inspected_on = g_strdup (pd_column_text (stmt, c++));
      row->closed_on = g_strdup (pd_column_text (stmt, c++));
      row->clerk = g_strdup (pd_column_text (stmt, c++));
      row->checks_total = sqlite3_column_int (stmt, c++);
      row->checks_done = sqlite3_column_int (stmt, c++);
      row->defects_total = sqlite3_column_int (stmt, c++);
      row->defects_open = sqlite3_column_int (stmt, c++);
      row->notices_overdue = sqlite3_column_int (stmt, c++);
      row->notices_pending = sqlite3_column_int (stmt, c++);
      row->deadlines_overdue = sqlite3_column_int (stmt, c++);
      row->next_deadline = g_strdup (pd_column_text (stmt, c++));
      row->next_notice_due = g_strdup (pd_column_text (stmt, c++));
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  return rows;
}
