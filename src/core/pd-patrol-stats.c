/* pd-patrol-stats.c — see pd-patrol-stats.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-patrol-anomaly.h"
#include "pd-patrol-stats.h"
#include "pd-patrol-vacancy.h"

static void
building_stats_free (PdPatrolBuildingStats *stats)
{
  g_free (stats->building_code);
  g_free (stats);
}

void
pd_patrol_stats_free (PdPatrolStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->buildings, g_ptr_array_unref);
  g_free (stats);
}

double
pd_patrol_stats_on_time_pct (int met,
                             int counted)
{
  return counted > 0 ? 100.0 * met / counted : -1;
}

static PdPatrolBuildingStats *
building_entry (PdPatrolStats *stats,
                GHashTable    *by_code,
                const char    *code)
{
  PdPatrolBuildingStats *entry = g_hash_table_lookup (by_code, code);

  if (entry == NULL)
    {
      entry = g_new0 (PdPatrolBuildingStats, 1);
      entry->building_code = g_strdup (code);
      g_ptr_array_add (stats->buildings, entry);
      g_hash_table_insert (by_code, entry->building_code, entry);
    }
  return entry;
}

/* Obligations of each period, per unit (rows come in building order). */
static gboolean
count_obligations (PdContext     *ctx,
                   PdPatrolStats *stats,
                   gint64         estate_id,
                   GError       **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *today = pd_context_today (ctx);
  g_autoptr (GArray) periods = NULL;
  g_autoptr (GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int year = atoi (stats->month), month = atoi (stats->month + 5);

  periods = pd_patrol_periods_of_month (stats->policy, year, month);
  stats->periods = (int) periods->len;
  for (guint i = 0; i < periods->len; i++)
    {
      const PdPatrolPeriod *period = &g_array_index (periods, PdPatrolPeriod, i);
      gboolean past = strcmp (period->end, today) <= 0;
      sqlite3_stmt *stmt = pd_database_prepare (database,
        "SELECT DISTINCT v.unit_id, b.code, EXISTS (SELECT 1 FROM patrol p WHERE p.unit_id = v.unit_id "
        "  AND p.patrolled_on BETWEEN ?2 AND ?3) "
        "FROM patrol_vacancy v JOIN unit u ON u.id = v.unit_id "
        "JOIN entrance e ON e.id = u.entrance_id JOIN building b ON b.id = e.building_id "
        "WHERE u.estate_id = ?1 AND v.opened_on <= ?3 AND (v.closed_on = '' OR v.closed_on > ?3) "
        "ORDER BY CAST(b.code AS INTEGER), b.code", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, estate_id);
      pd_bind_text (stmt, 2, period->start);
      pd_bind_text (stmt, 3, period->end);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 unit_id = sqlite3_column_int64 (stmt, 0);
          const char *code = pd_column_text (stmt, 1);
          gboolean met = sqlite3_column_int (stmt, 2) != 0;
          PdPatrolBuildingStats *entry = building_entry (stats, by_code, code);

          if (!g_hash_table_contains (units, &unit_id))
            {
              g_hash_table_add (units, g_memdup2 (&unit_id, sizeof unit_id));
              stats->units_due++;
              entry->units_due++;
            }
          stats->obligations++;
          entry->obligations++;
          if (past || met)
            {
              stats->counted++;
              entry->counted++;
            }
          if (met)
            {
              stats->met++;
              entry->met++;
            }
        }
      sqlite3_reset (stmt);
    }
  return TRUE;
}

static gboolean
query_ints (PdContext     *ctx,
            const char    *sql,
            PdPatrolStats *stats,
            gint64         estate_id,
            int           *out[],
            guint          n_out,
            GError       **error)
{
  g_autofree char *now = pd_context_now_text (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx), sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  pd_bind_text (stmt, 2, stats->first_day);
  pd_bind_text (stmt, 3, stats->last_day);
  pd_bind_text (stmt, 4, stats->as_of);
  pd_bind_text (stmt, 5, now);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    for (guint i = 0; i < n_out; i++)
      *out[i] = sqlite3_column_int (stmt, (int) i);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
count_activity (PdContext     *ctx,
                PdPatrolStats *stats,
                gint64         estate_id,
                GError       **error)
{
  int *patrols[] = { &stats->patrols, &stats->units_patrolled };
  int *anomalies[] = { &stats->anomalies_found, &stats->anomalies_closed, &stats->open_anomalies,
                       &stats->oldest_open_days };
  int *loans[] = { &stats->key_loans, &stats->key_loans_overdue };
  const char *const *kinds = pd_anomaly_kinds ();
  sqlite3_stmt *stmt;

  /* ?1 estate, ?2 first day, ?3 last day, ?4 as-of day, ?5 now; a query
   * may leave some unused (binding them is harmless). */
  if (!query_ints (ctx,
        "SELECT count(*), count(DISTINCT p.unit_id) FROM patrol p JOIN unit u ON u.id = p.unit_id "
        "WHERE u.estate_id = ?1 AND p.patrolled_on BETWEEN ?2 AND ?3",
        stats, estate_id, patrols, G_N_ELEMENTS (patrols), error) ||
      !query_ints (ctx,
        "SELECT sum(a.found_on BETWEEN ?2 AND ?3), sum(a.closed_on BETWEEN ?2 AND ?3), "
        "  sum(a.found_on <= ?4 AND (a.closed_on = '' OR a.closed_on > ?4)), "
        "  coalesce(max(CASE WHEN a.found_on <= ?4 AND (a.closed_on = '' OR a.closed_on > ?4) "
        "    THEN CAST(julianday(?4) - julianday(a.found_on) AS INTEGER) END), 0) "
        "FROM patrol_anomaly a JOIN unit u ON u.id = a.unit_id WHERE u.estate_id = ?1",
        stats, estate_id, anomalies, G_N_ELEMENTS (anomalies), error) ||
      !query_ints (ctx,
        "SELECT sum(substr(l.out_at, 1, 10) BETWEEN ?2 AND ?3), "
        "  sum(substr(l.due_at, 1, 10) BETWEEN ?2 AND ?3 "
        "      AND (l.returned_at > l.due_at OR (l.returned_at = '' AND l.due_at < ?5))) "
        "FROM patrol_key_loan l JOIN patrol_key k ON k.id = l.key_id LEFT JOIN unit u ON u.id = k.unit_id "
        "WHERE (u.id IS NULL OR u.estate_id = ?1)",
        stats, estate_id, loans, G_N_ELEMENTS (loans), error))
    return FALSE;

  stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT a.kind, count(*) FROM patrol_anomaly a JOIN unit u ON u.id = a.unit_id "
    "WHERE u.estate_id = ? AND a.found_on BETWEEN ? AND ? GROUP BY a.kind", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  pd_bind_text (stmt, 2, stats->first_day);
  pd_bind_text (stmt, 3, stats->last_day);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (guint i = 0; kinds[i] != NULL && i < PD_ANOMALY_N_KINDS; i++)
      if (g_str_equal (kinds[i], pd_column_text (stmt, 0)))
        stats->anomalies_by_kind[i] = sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);
  return TRUE;
}

PdPatrolStats *
pd_patrol_stats_month (PdContext   *ctx,
                       const char  *month,
                       GError     **error)
{
  g_autoptr (PdPatrolStats) stats = g_new0 (PdPatrolStats, 1);
  g_autofree char *today = pd_context_today (ctx);
  g_autofree char *first_day = NULL, *next_first_day = NULL;
  g_autofree char *last_day = NULL;
  gint64 estate_id;

  if (!pd_month_range (month, &first_day, &next_first_day, error))
    return NULL;
  last_day = pd_date_add_days (next_first_day, -1);
  g_strlcpy (stats->month, month, sizeof stats->month);
  g_strlcpy (stats->first_day, first_day, sizeof stats->first_day);
  g_strlcpy (stats->last_day, last_day, sizeof stats->last_day);
  g_strlcpy (stats->as_of, strcmp (stats->last_day, today) < 0 ? stats->last_day : today,
             sizeof stats->as_of);
  stats->buildings = g_ptr_array_new_with_free_func ((GDestroyNotify) building_stats_free);

  if (!pd_patrol_sync_vacancies (ctx, error))
    return NULL;
  estate_id = pd_estate_current_id (ctx, error);
  if (estate_id < 0)
    return NULL;
  stats->policy = pd_patrol_policy_for_estate (ctx, estate_id);
  if (!count_obligations (ctx, stats, estate_id, error) ||
      !count_activity (ctx, stats, estate_id, error))
    return NULL;
  return g_steal_pointer (&stats);
}
