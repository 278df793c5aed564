/* pd-patrol-print.c — see pd-patrol-print.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-patrol-checklist.h"
#include "pd-patrol-print.h"
#include "pd-patrol-vacancy.h"

static void
inspector_count_free (PdPatrolInspectorCount *count)
{
  g_free (count->inspector);
  g_free (count);
}

void
pd_patrol_print_free (PdPatrolPrint *print)
{
  if (print == NULL)
    return;
  g_free (print->estate_name);
  g_free (print->printed_at);
  g_free (print->printed_by);
  g_free (print->today);
  g_clear_pointer (&print->checklist, g_ptr_array_unref);
  g_free (print->building_code);
  g_clear_pointer (&print->units, g_ptr_array_unref);
  g_clear_pointer (&print->patrol, pd_patrol_free);
  g_clear_pointer (&print->anomalies, g_ptr_array_unref);
  g_clear_pointer (&print->anomaly, pd_anomaly_free);
  g_clear_pointer (&print->follow_ups, g_ptr_array_unref);
  g_clear_pointer (&print->stats, pd_patrol_stats_free);
  g_clear_pointer (&print->inspectors, g_ptr_array_unref);
  g_free (print);
}

static PdPatrolPrint *
print_new (PdContext *ctx,
           GError   **error)
{
  g_autoptr (PdPatrolPrint) print = g_new0 (PdPatrolPrint, 1);
  g_autofree char *now = pd_context_now_text (ctx);
  gint64 estate_id = pd_estate_current_id (ctx, error);

  if (estate_id < 0)
    return NULL;
  print->estate_name = pd_estate_get_name (ctx, estate_id);
  print->printed_at = g_strndup (now, 16);
  print->printed_by = g_strdup (pd_context_get_user (ctx));
  print->today = pd_context_today (ctx);
  print->policy = pd_patrol_policy_for_estate (ctx, estate_id);
  print->checklist = pd_patrol_checklist (ctx);
  return g_steal_pointer (&print);
}

PdPatrolPrint *
pd_patrol_print_sheet (PdContext  *ctx,
                       gint64      building_id,
                       GError    **error)
{
  g_autoptr (PdPatrolPrint) print = print_new (ctx, error);
  g_autoptr (GPtrArray) buildings = NULL;

  if (print == NULL)
    return NULL;
  buildings = pd_patrol_list_buildings (ctx, error);
  if (buildings == NULL)
    return NULL;
  for (guint i = 0; i < buildings->len; i++)
    if (((PdPatrolBuilding *) buildings->pdata[i])->id == building_id)
      print->building_code = g_strdup (((PdPatrolBuilding *) buildings->pdata[i])->code);
  if (print->building_code == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "building",
                          _("Building: there is no such building in this estate."));
      return NULL;
    }
  print->units = pd_patrol_list_vacant (ctx, building_id, error);
  if (print->units == NULL)
    return NULL;
  for (guint i = 0; i < print->units->len; i++)
    {
      const PdVacantUnit *unit = print->units->pdata[i];
      print->keys_in += unit->keys_held - unit->keys_out;
    }
  return g_steal_pointer (&print);
}

PdPatrolPrint *
pd_patrol_print_record (PdContext  *ctx,
                        gint64      patrol_id,
                        GError    **error)
{
  g_autoptr (PdPatrolPrint) print = print_new (ctx, error);

  if (print == NULL)
    return NULL;
  print->patrol = pd_patrol_get (ctx, patrol_id, error);
  if (print->patrol == NULL)
    return NULL;
  print->anomalies = pd_anomaly_list_for_patrol (ctx, patrol_id, error);
  if (print->anomalies == NULL)
    return NULL;
  return g_steal_pointer (&print);
}

PdPatrolPrint *
pd_patrol_print_notice (PdContext  *ctx,
                        gint64      anomaly_id,
                        GError    **error)
{
  g_autoptr (PdPatrolPrint) print = print_new (ctx, error);

  if (print == NULL)
    return NULL;
  print->anomaly = pd_anomaly_get (ctx, anomaly_id, error);
  if (print->anomaly == NULL)
    return NULL;
  print->follow_ups = pd_anomaly_list_follow_ups (ctx, anomaly_id, error);
  if (print->follow_ups == NULL)
    return NULL;
  return g_steal_pointer (&print);
}

/* The anomalies open at the summary's as-of day, oldest first, with their
 * age on that day: the same set stats->open_anomalies counts. */
static gboolean
gather_open_anomalies (PdContext     *ctx,
                       PdPatrolPrint *print,
                       GError       **error)
{
  const char *as_of = print->stats->as_of;
  g_autoptr (GPtrArray) all = pd_anomaly_list (ctx, FALSE, error);

  if (all == NULL)
    return FALSE;
  print->anomalies = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_anomaly_free);
  /* pd_anomaly_list gives newest first. */
  for (guint i = all->len; i-- > 0;)
    {
      PdAnomaly *anomaly = all->pdata[i];

      if (strcmp (anomaly->found_on, as_of) > 0 ||
          (anomaly->closed_on[0] != '\0' && strcmp (anomaly->closed_on, as_of) <= 0))
        continue;
      anomaly->age_days = pd_date_days_between (anomaly->found_on, as_of);
      anomaly->overdue = strcmp (anomaly->deadline, as_of) < 0;
      g_ptr_array_add (print->anomalies, g_steal_pointer (&all->pdata[i]));
    }
  return TRUE;
}

static gboolean
gather_inspectors (PdContext     *ctx,
                   PdPatrolPrint *print,
                   GError       **error)
{
  gint64 estate_id = pd_estate_current_id (ctx, error);
  sqlite3_stmt *stmt;

  if (estate_id < 0)
    return FALSE;
  stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT p.inspector, count(DISTINCT p.id), count(DISTINCT p.unit_id), count(a.id) "
    "FROM patrol p JOIN unit u ON u.id = p.unit_id LEFT JOIN patrol_anomaly a ON a.patrol_id = p.id "
    "WHERE u.estate_id = ? AND p.patrolled_on BETWEEN ? AND ? "
    "GROUP BY p.inspector ORDER BY 2 DESC, 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  pd_bind_text (stmt, 2, print->stats->first_day);
  pd_bind_text (stmt, 3, print->stats->last_day);
  print->inspectors = g_ptr_array_new_with_free_func ((GDestroyNotify) inspector_count_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdPatrolInspectorCount *count = g_new0 (PdPatrolInspectorCount, 1);

      count->inspector = pd_column_dup (stmt, 0);
      count->patrols = sqlite3_column_int (stmt, 1);
      count->units = sqlite3_column_int (stmt, 2);
      count->anomalies = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (print->inspectors, count);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

PdPatrolPrint *
pd_patrol_print_summary (PdContext  *ctx,
                         const char *month,
                         GError    **error)
{
  g_autoptr (PdPatrolPrint) print = print_new (ctx, error);

  if (print == NULL)
    return NULL;
  print->stats = pd_patrol_stats_month (ctx, month, error);
  if (print->stats == NULL || !gather_open_anomalies (ctx, print, error) ||
      !gather_inspectors (ctx, print, error))
    return NULL;
  return g_steal_pointer (&print);
}
