/* pd-patrol.c — see pd-patrol.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-key-register.h"
#include "pd-patrol-anomaly.h"
#include "pd-patrol-checklist.h"
#include "pd-patrol.h"

static void
patrol_item_free (PdPatrolItem *item)
{
  g_free (item->item);
  g_free (item->note);
  g_free (item);
}

static void
add_item (PdPatrol   *patrol,
          const char *key,
          gboolean    problem,
          const char *note)
{
  PdPatrolItem *item = g_new0 (PdPatrolItem, 1);

  item->item = g_strdup (key);
  item->problem = problem;
  item->note = g_strdup (note ? note : "");
  g_ptr_array_add (patrol->items, item);
}

PdPatrol *
pd_patrol_new (void)
{
  PdPatrol *patrol = g_new0 (PdPatrol, 1);

  patrol->patrolled_on = g_strdup ("");
  patrol->inspector = g_strdup ("");
  patrol->note = g_strdup ("");
  patrol->photo = g_strdup ("");
  patrol->items = g_ptr_array_new_with_free_func ((GDestroyNotify) patrol_item_free);
  return patrol;
}

PdPatrol *
pd_patrol_new_for_unit (PdContext *ctx,
                        gint64     unit_id)
{
  PdPatrol *patrol = pd_patrol_new ();
  g_autoptr (GPtrArray) checklist = pd_patrol_checklist (ctx);
  g_autoptr (PdUnit) unit = pd_unit_get (ctx, unit_id, NULL);

  patrol->unit_id = unit_id;
  patrol->unit_code = g_strdup (unit ? unit->code : "");
  g_free (patrol->patrolled_on);
  patrol->patrolled_on = pd_context_today (ctx);
  g_free (patrol->inspector);
  patrol->inspector = g_strdup (pd_context_get_user (ctx));
  for (guint i = 0; i < checklist->len; i++)
    add_item (patrol, ((PdPatrolCheckItem *) checklist->pdata[i])->key, FALSE, NULL);
  return patrol;
}

void
pd_patrol_free (PdPatrol *patrol)
{
  if (patrol == NULL)
    return;
  g_free (patrol->unit_code);
  g_free (patrol->patrolled_on);
  g_free (patrol->inspector);
  g_free (patrol->note);
  g_free (patrol->photo);
  g_ptr_array_unref (patrol->items);
  g_free (patrol);
}

void
pd_patrol_set_item (PdPatrol   *patrol,
                    guint       index,
                    gboolean    problem,
                    const char *note)
{
  PdPatrolItem *item;

  g_return_if_fail (index < patrol->items->len);
  item = patrol->items->pdata[index];
  item->problem = problem;
  g_free (item->note);
  item->note = g_strdup (note ? note : "");
}

static gboolean
validate_patrol (PdContext  *ctx,
                 PdPatrol   *patrol,
                 GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *today = pd_context_today (ctx);
  g_autoptr (PdUnit) unit = NULL;

  if (patrol->unit_id <= 0 || (unit = pd_unit_get (ctx, patrol->unit_id, NULL)) == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "unit", _("Unit: choose the unit patrolled."));
      return FALSE;
    }
  if (!g_str_equal (unit->state, "vacant"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "unit",
                          /* Translators: %s is a unit code, then its state */
                          _("Unit: %s is “%s”, not vacant; only vacant units are patrolled."),
                          unit->code, pd_unit_state_label (unit->state));
      return FALSE;
    }
  if (!pd_date_is_valid (patrol->patrolled_on) || g_strcmp0 (patrol->patrolled_on, today) > 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "patrolled_on",
                          _("Patrol date: enter a date (YYYY-MM-DD) that is not in the future."));
      return FALSE;
    }
  if (patrol->inspector == NULL || *g_strstrip (patrol->inspector) == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "inspector",
                          _("Inspector: enter who patrolled."));
      return FALSE;
    }
  if (patrol->items->len == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "items",
                          _("Checklist: a patrol records at least one checklist item."));
      return FALSE;
    }
  if (patrol->round_id != 0)
    {
      sqlite3_stmt *stmt = pd_database_prepare (database,
        "SELECT (SELECT e.building_id FROM unit u JOIN entrance e ON e.id = u.entrance_id WHERE u.id = ?2) "
        "  = r.building_id, "
        "  EXISTS (SELECT 1 FROM patrol p WHERE p.round_id = r.id AND p.unit_id = ?2) "
        "FROM patrol_round r WHERE r.id = ?1", error);
      gboolean found, same_building = FALSE, again = FALSE;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, patrol->round_id);
      sqlite3_bind_int64 (stmt, 2, patrol->unit_id);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      if (found)
        {
          same_building = sqlite3_column_int (stmt, 0) == 1;
          again = sqlite3_column_int (stmt, 1) == 1;
        }
      sqlite3_reset (stmt);
      if (!found)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "round",
                              _("Round: record %d does not exist."), (int) patrol->round_id);
          return FALSE;
        }
      if (!same_building)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "unit",
                              _("Unit: %s is not in the building of this round."), unit->code);
          return FALSE;
        }
      if (again)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_DUPLICATE, "unit",
                              _("Unit: %s is already recorded in this round."), unit->code);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
report_problem (PdContext          *ctx,
                const PdPatrol     *patrol,
                const PdPatrolItem *item,
                GError            **error)
{
  g_autoptr (PdAnomaly) anomaly = pd_anomaly_new ();
  anomaly->unit_id = patrol->unit_id;
  anomaly->patrol_id = patrol->id;
  g_free (anomaly->kind);
  anomaly->kind = g_strdup (pd_patrol_item_anomaly_kind (item->item));
  g_free (anomaly->item);
  anomaly->item = g_strdup (item->item);
  g_free (anomaly->description);
  anomaly->description = g_strdup (item->note);
  g_free (anomaly->found_on);
  anomaly->found_on = g_strdup (patrol->patrolled_on);
  g_free (anomaly->reported_by);
  anomaly->reported_by = g_strdup (patrol->inspector);
  return pd_anomaly_report (ctx, anomaly, error) > 0;
}

gint64
pd_patrol_record (PdContext  *ctx,
                  PdPatrol   *patrol,
                  GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *now = pd_context_now_text (ctx);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (patrol != NULL, -1);
  if (!validate_patrol (ctx, patrol, error) || !pd_database_begin (database, error))
    return -1;
  stmt = pd_database_prepare (database,
    "INSERT INTO patrol (unit_id, round_id, patrolled_on, inspector, note, photo, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, patrol->unit_id);
  if (patrol->round_id != 0)
    sqlite3_bind_int64 (stmt, 2, patrol->round_id);
  pd_bind_text (stmt, 3, patrol->patrolled_on);
  pd_bind_text (stmt, 4, patrol->inspector);
  pd_bind_text (stmt, 5, g_strstrip (patrol->note));
  pd_bind_text (stmt, 6, g_strstrip (patrol->photo));
  pd_bind_text (stmt, 7, now);
  if (!pd_database_step_done (database, stmt, error))
    goto fail;
  patrol->id = pd_database_last_insert_id (database);

  for (guint i = 0; i < patrol->items->len; i++)
    {
      PdPatrolItem *item = patrol->items->pdata[i];

      stmt = pd_database_prepare (database,
        "INSERT INTO patrol_item (patrol_id, position, item, result, note) VALUES (?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, patrol->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      pd_bind_text (stmt, 3, item->item);
      pd_bind_text (stmt, 4, item->problem ? "problem" : "ok");
      pd_bind_text (stmt, 5, g_strstrip (item->note));
      if (!pd_database_step_done (database, stmt, error))
        goto fail;
      if (item->problem && !report_problem (ctx, patrol, item, error))
        goto fail;
    }
  if (!pd_database_commit (database, error))
    goto fail;
  pd_context_notify_changed (ctx, "patrol");
  return patrol->id;

fail:
  pd_database_rollback (database);
  patrol->id = 0;
  return -1;
}

#define PATROL_SELECT \
  "SELECT p.id, p.unit_id, u.code, coalesce(p.round_id, 0), p.patrolled_on, p.inspector, p.note, p.photo " \
  "FROM patrol p JOIN unit u ON u.id = p.unit_id "

static gboolean
read_items (PdDatabase *database,
            PdPatrol   *patrol,
            GError    **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT item, result, note FROM patrol_item WHERE patrol_id = ? ORDER BY position", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, patrol->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_item (patrol, pd_column_text (stmt, 0), g_str_equal (pd_column_text (stmt, 1), "problem"),
              pd_column_text (stmt, 2));
  sqlite3_reset (stmt);
  return TRUE;
}

/* Steps @stmt (a PATROL_SELECT) to the end, then reads each patrol's items
 * (a second statement cannot run inside the first one's cursor cleanly). */
static GPtrArray *
read_patrols (PdDatabase   *database,
              sqlite3_stmt *stmt,
              GError      **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_patrol_free);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdPatrol *patrol = pd_patrol_new ();

      patrol->id = sqlite3_column_int64 (stmt, 0);
      patrol->unit_id = sqlite3_column_int64 (stmt, 1);
      patrol->unit_code = pd_column_dup (stmt, 2);
      patrol->round_id = sqlite3_column_int64 (stmt, 3);
      g_free (patrol->patrolled_on);
      patrol->patrolled_on = pd_column_dup (stmt, 4);
      g_free (patrol->inspector);
      patrol->inspector = pd_column_dup (stmt, 5);
      g_free (patrol->note);
      patrol->note = pd_column_dup (stmt, 6);
      g_free (patrol->photo);
      patrol->photo = pd_column_dup (stmt, 7);
      g_ptr_array_add (list, patrol);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < list->len; i++)
    if (!read_items (database, list->pdata[i], error))
      return NULL;
  return g_steal_pointer (&list);
}

PdPatrol *
pd_patrol_get (PdContext  *ctx,
               gint64      patrol_id,
               GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database, PATROL_SELECT "WHERE p.id = ?", error);
  g_autoptr (GPtrArray) list = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, patrol_id);
  list = read_patrols (database, stmt, error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "patrol",
                          _("Patrol: record %d does not exist."), (int) patrol_id);
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

GPtrArray *
pd_patrol_list_for_unit (PdContext  *ctx,
                         gint64      unit_id,
                         GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    PATROL_SELECT "WHERE p.unit_id = ? ORDER BY p.patrolled_on DESC, p.id DESC", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  return read_patrols (database, stmt, error);
}

GPtrArray *
pd_patrol_list_for_round (PdContext  *ctx,
                          gint64      round_id,
                          GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    PATROL_SELECT "JOIN entrance e ON e.id = u.entrance_id WHERE p.round_id = ? "
    "ORDER BY CAST(e.code AS INTEGER), e.code, u.floor, u.code", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  return read_patrols (database, stmt, error);
}

/* ---- rounds ------------------------------------------------------------ */

void
pd_patrol_round_free (PdPatrolRound *round)
{
  if (round == NULL)
    return;
  g_free (round->building_code);
  g_free (round->patrolled_on);
  g_free (round->inspector);
  g_free (round);
}

PdPatrolRound *
pd_patrol_round_get (PdContext  *ctx,
                     gint64      round_id,
                     GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT r.id, r.building_id, b.code, r.patrolled_on, r.inspector, "
    "  (SELECT count(*) FROM patrol_key_loan l WHERE l.round_id = r.id) "
    "FROM patrol_round r JOIN building b ON b.id = r.building_id WHERE r.id = ?", error);
  PdPatrolRound *round = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      round = g_new0 (PdPatrolRound, 1);
      round->id = sqlite3_column_int64 (stmt, 0);
      round->building_id = sqlite3_column_int64 (stmt, 1);
      round->building_code = pd_column_dup (stmt, 2);
      round->patrolled_on = pd_column_dup (stmt, 3);
      round->inspector = pd_column_dup (stmt, 4);
      round->keys_signed_out = sqlite3_column_int (stmt, 5);
    }
  sqlite3_reset (stmt);
  if (round == NULL)
    pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "round",
                        _("Round: record %d does not exist."), (int) round_id);
  return round;
}

PdPatrolRound *
pd_patrol_round_start (PdContext  *ctx,
                       gint64      building_id,
                       const char *day,
                       const char *inspector,
                       gboolean    sign_out_keys,
                       GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *today = pd_context_today (ctx);
  g_autofree char *now = pd_context_now_text (ctx);
  g_autofree char *who = g_strstrip (g_strdup (inspector ? inspector : ""));
  gint64 estate_id = pd_estate_current_id (ctx, error);
  sqlite3_stmt *stmt;
  gboolean found;
  gint64 round_id;

  if (estate_id < 0)
    return NULL;
  if (day == NULL || *day == '\0')
    day = today;
  stmt = pd_database_prepare (database, "SELECT 1 FROM building WHERE id = ? AND estate_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, building_id);
  sqlite3_bind_int64 (stmt, 2, estate_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!found)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "building",
                          _("Building: choose the building of the round."));
      return NULL;
    }
  if (!pd_date_is_valid (day) || g_strcmp0 (day, today) > 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "patrolled_on",
                          _("Patrol date: enter a date (YYYY-MM-DD) that is not in the future."));
      return NULL;
    }
  if (*who == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "inspector",
                          _("Inspector: enter who patrolled."));
      return NULL;
    }
  /* The patrol sheet and the key register print the name in a small box. */
  if (g_utf8_strlen (who, -1) > 50)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "inspector",
                          _("Inspector: at most 50 characters."));
      return NULL;
    }
  if (!pd_database_begin (database, error))
    return NULL;
  stmt = pd_database_prepare (database,
    "INSERT INTO patrol_round (building_id, patrolled_on, inspector, created_at) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, building_id);
  pd_bind_text (stmt, 2, day);
  pd_bind_text (stmt, 3, who);
  pd_bind_text (stmt, 4, now);
  if (!pd_database_step_done (database, stmt, error))
    goto fail;
  round_id = pd_database_last_insert_id (database);
  if (sign_out_keys)
    {
      g_autoptr (PdPatrolRound) round = pd_patrol_round_get (ctx, round_id, error);
      g_autofree char *purpose = NULL;

      if (round == NULL)
        goto fail;
      /* Translators: the purpose of a key loan; %s is a building code */
      purpose = g_strdup_printf (_("Vacant-unit patrol, building %s"), round->building_code);
      if (pd_key_sign_out_building (ctx, building_id, who, purpose, round_id, error) < 0)
        goto fail;
    }
  if (!pd_database_commit (database, error))
    goto fail;
  pd_context_notify_changed (ctx, "patrol_round");
  return pd_patrol_round_get (ctx, round_id, error);

fail:
  pd_database_rollback (database);
  return NULL;
}
