/* pd-patrol-vacancy.c — see pd-patrol-vacancy.h.
 *
 * The unit table only knows the state now; the file needs when a vacancy
 * began and ended, even if nobody opened the patrol tab in between.  Those
 * dates come from the audit log, which records every state change with the
 * context clock (pd-audit.h).  A file remembers the audit entry that opened
 * it, so a unit that left and re-entered vacancy between two syncs is seen
 * (a newer "left vacant" entry exists) although its state looks unchanged. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-patrol-vacancy.h"

#define LEFT_VACANT_AFTER_OPENING \
  "FROM audit_log a WHERE a.table_name = 'unit' AND a.record_id = patrol_vacancy.unit_id " \
  "AND a.action = 'update' AND a.field = 'state' AND a.old_value = 'vacant' " \
  "AND a.id > patrol_vacancy.opened_event"

static const char close_sql[] =
  "UPDATE patrol_vacancy SET closed_on = max(opened_on, coalesce("
  "  (SELECT substr(max(a.at), 1, 10) " LEFT_VACANT_AFTER_OPENING "), ?1)) "
  "WHERE closed_on = '' AND (unit_id IN (SELECT id FROM unit WHERE state <> 'vacant') "
  "  OR EXISTS (SELECT 1 " LEFT_VACANT_AFTER_OPENING "))";

static const char open_sql[] =
  "INSERT INTO patrol_vacancy (unit_id, opened_on, opened_event) "
  "SELECT u.id, coalesce(substr(ev.at, 1, 10), ?1), "
  "       coalesce(ev.id, (SELECT coalesce(max(id), 0) FROM audit_log)) "
  "FROM unit u LEFT JOIN audit_log ev ON ev.id = ("
  "  SELECT max(a.id) FROM audit_log a WHERE a.table_name = 'unit' AND a.record_id = u.id "
  "  AND ((a.action = 'update' AND a.field = 'state' AND a.new_value = 'vacant') "
  "    OR (a.action = 'insert' AND json_extract(a.new_value, '$.state') = 'vacant'))) "
  "WHERE u.state = 'vacant' "
  "AND NOT EXISTS (SELECT 1 FROM patrol_vacancy v WHERE v.unit_id = u.id AND v.closed_on = '')";

gboolean
pd_patrol_sync_vacancies (PdContext  *ctx,
                          GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *today = pd_context_today (ctx);
  const char *const steps[] = { close_sql, open_sql };

  if (!pd_database_begin (database, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = pd_database_prepare (database, steps[i], error);

      if (stmt == NULL)
        goto fail;
      pd_bind_text (stmt, 1, today);
      if (!pd_database_step_done (database, stmt, error))
        goto fail;
    }
  return pd_database_commit (database, error);

fail:
  pd_database_rollback (database);
  return FALSE;
}

void
pd_vacant_unit_free (PdVacantUnit *unit)
{
  g_free (unit->unit_code);
  g_free (unit->building_code);
  g_free (unit->vacant_since);
  g_free (unit->last_patrol);
  g_free (unit->last_inspector);
  g_free (unit->next_due);
  g_free (unit);
}

GPtrArray *
pd_patrol_list_vacant (PdContext  *ctx,
                       gint64      building_id,
                       GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *today = pd_context_today (ctx);
  g_autoptr (GPtrArray) list = NULL;
  sqlite3_stmt *stmt;
  PdPatrolPolicy policy;
  gint64 estate_id;

  if (!pd_patrol_sync_vacancies (ctx, error))
    return NULL;
  estate_id = pd_estate_current_id (ctx, error);
  if (estate_id < 0)
    return NULL;
  policy = pd_patrol_policy_for_estate (ctx, estate_id);
  stmt = pd_database_prepare (database,
    "SELECT u.id, u.code, b.id, b.code, v.opened_on, coalesce(lp.patrolled_on, ''), "
    "  coalesce(lp.inspector, ''), "
    "  (SELECT count(*) FROM patrol_anomaly an WHERE an.unit_id = u.id AND an.state = 'open'), "
    "  (SELECT count(*) FROM patrol_key k WHERE k.unit_id = u.id AND k.retired = 0), "
    "  (SELECT count(*) FROM patrol_key k JOIN patrol_key_loan l ON l.key_id = k.id "
    "     AND l.returned_at = '' WHERE k.unit_id = u.id) "
    "FROM patrol_vacancy v JOIN unit u ON u.id = v.unit_id "
    "JOIN entrance e ON e.id = u.entrance_id JOIN building b ON b.id = e.building_id "
    "LEFT JOIN patrol lp ON lp.id = (SELECT p.id FROM patrol p WHERE p.unit_id = u.id "
    "  ORDER BY p.patrolled_on DESC, p.id DESC LIMIT 1) "
    "WHERE v.closed_on = '' AND u.estate_id = ?1 AND (?2 = 0 OR b.id = ?2) "
    "ORDER BY CAST(b.code AS INTEGER), b.code, CAST(e.code AS INTEGER), e.code, u.floor, u.code",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  sqlite3_bind_int64 (stmt, 2, building_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_vacant_unit_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdVacantUnit *unit = g_new0 (PdVacantUnit, 1);

      unit->unit_id = sqlite3_column_int64 (stmt, 0);
      unit->unit_code = pd_column_dup (stmt, 1);
      unit->building_id = sqlite3_column_int64 (stmt, 2);
      unit->building_code = pd_column_dup (stmt, 3);
      unit->vacant_since = pd_column_dup (stmt, 4);
      unit->last_patrol = pd_column_dup (stmt, 5);
      unit->last_inspector = pd_column_dup (stmt, 6);
      unit->open_anomalies = sqlite3_column_int (stmt, 7);
      unit->keys_held = sqlite3_column_int (stmt, 8);
      unit->keys_out = sqlite3_column_int (stmt, 9);
      unit->next_due = pd_patrol_next_due (policy, unit->vacant_since, unit->last_patrol);
      if (unit->next_due == NULL)
        unit->next_due = g_strdup (today);
      unit->status = pd_patrol_status_on (policy, unit->next_due, today);
      unit->days_to_due = pd_date_days_between (today, unit->next_due);
      g_ptr_array_add (list, unit);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&list);
}

gboolean
pd_patrol_set_vacant_since (PdContext  *ctx,
                            gint64      unit_id,
                            const char *since,
                            GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *today = pd_context_today (ctx);
  sqlite3_stmt *stmt;

  if (!pd_context_require_role (ctx, PD_ROLE_SUPERVISOR, _("change when a vacancy began"), error))
    return FALSE;
  if (!pd_date_is_valid (since) || g_strcmp0 (since, today) > 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "vacant_since",
                          _("Vacant since: enter a date (YYYY-MM-DD) that is not in the future."));
      return FALSE;
    }
  if (!pd_patrol_sync_vacancies (ctx, error))
    return FALSE;
  /* A vacancy cannot begin before the previous one of the same unit ended. */
  stmt = pd_database_prepare (database,
    "UPDATE patrol_vacancy SET opened_on = ?2 WHERE unit_id = ?1 AND closed_on = '' "
    "AND NOT EXISTS (SELECT 1 FROM patrol_vacancy o WHERE o.unit_id = ?1 AND o.closed_on <> '' "
    "  AND o.closed_on > ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  pd_bind_text (stmt, 2, since);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  if (pd_database_changes (database) == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "vacant_since",
                          _("Vacant since: the unit is not vacant, or it was still in use on that date."));
      return FALSE;
    }
  pd_context_notify_changed (ctx, "patrol_vacancy");
  return TRUE;
}

void
pd_patrol_building_free (PdPatrolBuilding *building)
{
  g_free (building->code);
  g_free (building);
}

GPtrArray *
pd_patrol_list_buildings (PdContext  *ctx,
                          GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  GPtrArray *list;
  sqlite3_stmt *stmt;
  gint64 estate_id;

  if (!pd_patrol_sync_vacancies (ctx, error))
    return NULL;
  estate_id = pd_estate_current_id (ctx, error);
  if (estate_id < 0)
    return NULL;
  stmt = pd_database_prepare (database,
    "SELECT b.id, b.code, (SELECT count(*) FROM patrol_vacancy v JOIN unit u ON u.id = v.unit_id "
    "  JOIN entrance e ON e.id = u.entrance_id WHERE e.building_id = b.id AND v.closed_on = '') "
    "FROM building b WHERE b.estate_id = ? ORDER BY CAST(b.code AS INTEGER), b.code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_patrol_building_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdPatrolBuilding *building = g_new0 (PdPatrolBuilding, 1);
      building->id = sqlite3_column_int64 (stmt, 0);
      building->code = pd_column_dup (stmt, 1);
      building->vacant_units = sqlite3_column_int (stmt, 2);
      g_ptr_array_add (list, building);
    }
  sqlite3_reset (stmt);
  return list;
}

PdUnit *
pd_patrol_find_unit (PdContext  *ctx,
                     const char *typed_code,
                     GError    **error)
{
  g_autofree char *code = NULL;
  gint64 estate_id = pd_estate_current_id (ctx, error);
  PdUnit *unit = NULL;

  if (estate_id < 0)
    return NULL;
  if (pd_unit_code_parse (typed_code, &code, NULL, NULL, NULL, NULL))
    unit = pd_unit_find (ctx, estate_id, code, NULL);
  if (unit == NULL)
    pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "unit",
                        _("Unit: enter the code of a unit of this estate, e.g. 3-2-1201."));
  return unit;
}

gint64
pd_patrol_find_building (PdContext  *ctx,
                         const char *code,
                         GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *trimmed = g_strstrip (g_strdup (code ? code : ""));
  sqlite3_stmt *stmt;
  gint64 estate_id = pd_estate_current_id (ctx, error);
  gint64 id = 0;

  if (estate_id < 0)
    return 0;
  stmt = pd_database_prepare (database, "SELECT id FROM building WHERE estate_id = ? AND code = ?", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  pd_bind_text (stmt, 2, trimmed);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id == 0)
    pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "building",
                        _("Building: there is no building “%s” in this estate."), trimmed);
  return id;
}
