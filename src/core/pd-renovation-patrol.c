/* pd-renovation-patrol.c — see pd-renovation-patrol.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pd-calendar.h"
#include "pd-deposit-ledger.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-renovation-patrol.h"
#include "pd-renovation-private.h"
#include "pd-renovation-workflow.h"
#include "pd-settings.h"

/* 000 L2071–2087; the amounts are settings renovation.penalty_X_fen. */
static const PdRenovationChoice penalty_codes[] = {
  { "A", N_("A: structure, exterior or pipes changed") },
  { "B", N_("B: non-standard work, concealed work closed before acceptance") },
  { "C", N_("C: advertising or harassing owners") },
  { "D", N_("D: materials or debris not bagged") },
  { "E", N_("E: throwing from height") },
  { "F", N_("F: damage to public property (plus compensation)") },
  { "G", N_("G: theft (pass revoked)") },
  { "H", N_("H: disobeying management") },
};

/* 000 L2093: 说服劝告 → 责令停工 → 责令恢复原状 → 扣留施工工具 →
 * 禁止施工人员进场 → 赔偿经济损失 → 申报政府职能部门. */
static const PdRenovationChoice ladder_steps[] = {
  { "persuade", N_("Persuade") },
  { "stop_work", N_("Order stop-work") },
  { "restore", N_("Order restoration") },
  { "hold_tools", N_("Hold tools") },
  { "bar_workers", N_("Bar workers from the site") },
  { "compensation", N_("Claim compensation") },
  { "report", N_("Report to the authorities") },
};

const PdRenovationChoice *
pd_renovation_penalty_codes (guint *n)
{
  *n = G_N_ELEMENTS (penalty_codes);
  return penalty_codes;
}

const PdRenovationChoice *
pd_renovation_ladder_steps (guint *n)
{
  *n = G_N_ELEMENTS (ladder_steps);
  return ladder_steps;
}

static int
choice_index (const PdRenovationChoice *choices,
              guint                     n,
              const char               *key)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (choices[i].key, key) == 0)
      return (int) i;
  return -1;
}

const char *
pd_renovation_penalty_label (const char *code)
{
  int i = choice_index (penalty_codes, G_N_ELEMENTS (penalty_codes), code);
  return i < 0 ? (code ? code : "") : _(penalty_codes[i].label);
}

const char *
pd_renovation_ladder_label (const char *step)
{
  int i = choice_index (ladder_steps, G_N_ELEMENTS (ladder_steps), step);
  return i < 0 ? (step ? step : "") : _(ladder_steps[i].label);
}

gint64
pd_renovation_penalty_fen (PdContext  *ctx,
                           const char *code)
{
  g_autofree char *key = NULL;
  g_autofree char *lower = NULL;

  if (choice_index (penalty_codes, G_N_ELEMENTS (penalty_codes), code) < 0)
    return -1;
  lower = g_ascii_strdown (code, -1);
  key = g_strdup_printf ("renovation.penalty_%s_fen", lower);
  return pd_settings_get_int (ctx, key, 0);
}

const char *
pd_renovation_next_ladder_step (PdContext *ctx,
                                gint64     renovation_id)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT ladder_step FROM renovation_violation WHERE renovation_id = ?", NULL);
  int highest = -1;

  if (stmt == NULL)
    return ladder_steps[0].key;
  sqlite3_bind_int64 (stmt, 1, renovation_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    highest = MAX (highest, choice_index (ladder_steps, G_N_ELEMENTS (ladder_steps),
                                          pd_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return ladder_steps[MIN (highest + 1, (int) G_N_ELEMENTS (ladder_steps) - 1)].key;
}

/* ---- records ----------------------------------------------------------- */

PdRenovationPatrol *
pd_renovation_patrol_new (void)
{
  PdRenovationPatrol *patrol = g_new0 (PdRenovationPatrol, 1);

  patrol->at = g_strdup ("");
  patrol->inspector = g_strdup ("");
  patrol->result = g_strdup ("ok");
  patrol->note = g_strdup ("");
  patrol->photo_ref = g_strdup ("");
  patrol->action = g_strdup ("");
  patrol->unit_code = g_strdup ("");
  patrol->violation_code = g_strdup ("");
  return patrol;
}

void
pd_renovation_patrol_free (PdRenovationPatrol *patrol)
{
  if (patrol == NULL)
    return;
  g_free (patrol->at);
  g_free (patrol->inspector);
  g_free (patrol->result);
  g_free (patrol->note);
  g_free (patrol->photo_ref);
  g_free (patrol->action);
  g_free (patrol->unit_code);
  g_free (patrol->violation_code);
  g_free (patrol);
}

PdRenovationViolation *
pd_renovation_violation_new (void)
{
  PdRenovationViolation *violation = g_new0 (PdRenovationViolation, 1);

  violation->on_date = g_strdup ("");
  violation->code = g_strdup ("");
  violation->description = g_strdup ("");
  violation->ladder_step = g_strdup ("");
  violation->rectify_by = g_strdup ("");
  violation->rectified_on = g_strdup ("");
  violation->unit_code = g_strdup ("");
  violation->serial = g_strdup ("");
  violation->worker_name = g_strdup ("");
  return violation;
}

void
pd_renovation_violation_free (PdRenovationViolation *violation)
{
  if (violation == NULL)
    return;
  g_free (violation->on_date);
  g_free (violation->code);
  g_free (violation->description);
  g_free (violation->ladder_step);
  g_free (violation->rectify_by);
  g_free (violation->rectified_on);
  g_free (violation->unit_code);
  g_free (violation->serial);
  g_free (violation->worker_name);
  g_free (violation);
}

/* ---- recording a patrol ------------------------------------------------ */

/* "YYYY-MM-DD HH:MM" (seconds dropped); empty means now. */
static gboolean
normalize_time (PdContext *ctx,
                char     **at,
                GError   **error)
{
  g_autofree char *date = NULL;
  int hour = -1, minute = -1;

  if (*at == NULL || (*at)[0] == '\0')
    {
      g_autofree char *now = pd_context_now_text (ctx);
      g_free (*at);
      *at = g_strndup (now, 16);
      return TRUE;
    }
  date = g_strndup (*at, 10);
  if (!pd_date_is_valid (date) || strlen (*at) < 16 ||
      sscanf (*at + 11, "%2d:%2d", &hour, &minute) != 2 || hour > 23 || minute > 59 || hour < 0 || minute < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "at",
                          _("Patrol time: “%s” is not a time of the form YYYY-MM-DD HH:MM."), *at);
      return FALSE;
    }
  g_free (*at);
  *at = g_strdup_printf ("%s %02d:%02d", date, hour, minute);
  return TRUE;
}

static gint64
insert_violation (PdContext             *ctx,
                  PdRenovation          *renovation,
                  gint64                 patrol_id,
                  PdRenovationViolation *violation,
                  GError               **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *note = NULL;
  sqlite3_stmt *stmt;
  gint64 deducted;

  violation->renovation_id = renovation->id;
  violation->patrol_id = patrol_id;
  stmt = pd_database_prepare (database,
    "INSERT INTO renovation_violation (renovation_id, patrol_id, on_date, code, description, "
    "ladder_step, penalty_fen, deducted_fen, worker_id, stop_work, rectify_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, renovation->id);
  sqlite3_bind_int64 (stmt, 2, patrol_id);
  pd_bind_text (stmt, 3, violation->on_date);
  pd_bind_text (stmt, 4, violation->code);
  pd_bind_text (stmt, 5, violation->description);
  pd_bind_text (stmt, 6, violation->ladder_step);
  sqlite3_bind_int64 (stmt, 7, violation->penalty_fen);
  if (violation->worker_id > 0)
    sqlite3_bind_int64 (stmt, 8, violation->worker_id);
  else
    sqlite3_bind_null (stmt, 8);
  sqlite3_bind_int (stmt, 9, violation->stop_work ? 1 : 0);
  pd_bind_text (stmt, 10, violation->rectify_by);
  if (!pd_database_step_done (database, stmt, error))
    return -1;
  violation->id = pd_database_last_insert_id (database);

  /* Translators: penalty code and what was found */
  note = g_strdup_printf (_("Violation %s: %s"), violation->code, violation->description);
  deducted = pd_deposit_post_deduction (ctx, renovation->id, violation->id, violation->penalty_fen,
                                        note, error);
  if (deducted < 0)
    return -1;
  violation->deducted_fen = deducted;
  stmt = pd_database_prepare (database, "UPDATE renovation_violation SET deducted_fen = ? WHERE id = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, deducted);
  sqlite3_bind_int64 (stmt, 2, violation->id);
  if (!pd_database_step_done (database, stmt, error))
    return -1;
  return violation->id;
}

static gboolean
check_violation (PdContext             *ctx,
                 PdRenovationPatrol    *patrol,
                 PdRenovationViolation *violation,
                 GError               **error)
{
  gint64 rectify_days = pd_settings_get_int (ctx, "renovation.rectify_days", 1);

  if (violation == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "code",
                          _("Violation: choose the penalty code (A–H) of what was found."));
      return FALSE;
    }
  violation->penalty_fen = pd_renovation_penalty_fen (ctx, violation->code);
  if (violation->penalty_fen < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "code",
                          _("Violation: choose the penalty code (A–H) of what was found."));
      return FALSE;
    }
  if (violation->ladder_step == NULL || violation->ladder_step[0] == '\0')
    pd_renovation_set_text (&violation->ladder_step,
                            pd_renovation_next_ladder_step (ctx, patrol->renovation_id));
  if (choice_index (ladder_steps, G_N_ELEMENTS (ladder_steps), violation->ladder_step) < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "ladder_step",
                          _("Action: “%s” is not a step of the escalation ladder."), violation->ladder_step);
      return FALSE;
    }
  if (g_str_equal (violation->ladder_step, "stop_work"))
    violation->stop_work = TRUE;
  g_free (violation->on_date);
  violation->on_date = g_strndup (patrol->at, 10);
  if (violation->rectify_by == NULL || violation->rectify_by[0] == '\0')
    {
      g_free (violation->rectify_by);
      violation->rectify_by = pd_date_add_days (violation->on_date, (int) rectify_days);
    }
  else if (!pd_date_is_valid (violation->rectify_by) || strcmp (violation->rectify_by, violation->on_date) < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "rectify_by",
                          _("Rectify by: enter a date not before the day of the patrol."));
      return FALSE;
    }
  pd_renovation_set_text (&patrol->action, violation->ladder_step);
  return TRUE;
}

static gboolean
worker_belongs (PdContext *ctx,
                gint64     worker_id,
                gint64     renovation_id)
{
  g_autoptr (GPtrArray) workers = pd_renovation_worker_list (ctx, renovation_id, NULL);

  for (guint i = 0; workers != NULL && i < workers->len; i++)
    if (((PdRenovationWorker *) workers->pdata[i])->id == worker_id)
      return TRUE;
  return FALSE;
}

gint64
pd_renovation_patrol_add (PdContext             *ctx,
                          PdRenovationPatrol    *patrol,
                          PdRenovationViolation *violation,
                          GError               **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdRenovation) renovation = pd_renovation_get (ctx, patrol->renovation_id, error);
  gboolean found = g_strcmp0 (patrol->result, "violation") == 0;
  g_autofree char *inspector = g_strstrip (g_strdup (patrol->inspector ? patrol->inspector : ""));
  sqlite3_stmt *stmt;
  gint64 patrol_id;

  if (renovation == NULL)
    return -1;
  if (!pd_renovation_state_on_site (renovation->state))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "state",
                          _("State: the renovation of unit %s is “%s”; only works on site are patrolled."),
                          renovation->unit_code, pd_renovation_state_label (renovation->state));
      return -1;
    }
  if (inspector[0] == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "inspector", _("Inspector: enter who patrolled."));
      return -1;
    }
  if (!found && g_strcmp0 (patrol->result, "ok") != 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "result", _("Result: must be OK or violation."));
      return -1;
    }
  if (!normalize_time (ctx, &patrol->at, error))
    return -1;
  if (found && !check_violation (ctx, patrol, violation, error))
    return -1;
  if (found && violation->worker_id > 0 && !worker_belongs (ctx, violation->worker_id, renovation->id))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "worker",
                          _("Worker: this worker is not on the application."));
      return -1;
    }
  if (!found)
    pd_renovation_set_text (&patrol->action, "");

  if (!pd_database_begin (database, error))
    return -1;
  stmt = pd_database_prepare (database,
    "INSERT INTO renovation_patrol (renovation_id, at, inspector, result, note, photo_ref, action) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, renovation->id);
  pd_bind_text (stmt, 2, patrol->at);
  pd_bind_text (stmt, 3, inspector);
  pd_bind_text (stmt, 4, patrol->result);
  pd_bind_text (stmt, 5, patrol->note ? patrol->note : "");
  pd_bind_text (stmt, 6, patrol->photo_ref ? patrol->photo_ref : "");
  pd_bind_text (stmt, 7, patrol->action);
  if (!pd_database_step_done (database, stmt, error))
    goto fail;
  patrol_id = pd_database_last_insert_id (database);

  if (found)
    {
      if (insert_violation (ctx, renovation, patrol_id, violation, error) < 0)
        goto fail;
      /* Theft (G) costs the pass; barring workers bars the one named. */
      if (violation->worker_id > 0 &&
          (g_str_equal (violation->code, "G") || g_str_equal (violation->ladder_step, "bar_workers")) &&
          !pd_renovation_worker_revoke (ctx, violation->worker_id, pd_renovation_penalty_label (violation->code),
                                        error))
        goto fail;
      if (violation->stop_work && g_str_equal (renovation->state, "in_progress"))
        {
          g_autofree char *reason = g_strdup_printf (_("Violation %s: %s"), violation->code,
                                                     violation->description);
          if (!pd_renovation_stop_work (ctx, renovation->id, reason, error))
            goto fail;
        }
    }
  if (!pd_database_commit (database, error))
    goto fail;
  patrol->id = patrol_id;
  pd_context_notify_changed (ctx, "renovation_patrol");
  return patrol_id;

fail:
  pd_database_rollback (database);
  return -1;
}

gboolean
pd_renovation_violation_rectified (PdContext  *ctx,
                                   gint64      violation_id,
                                   GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *today = pd_context_today (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "UPDATE renovation_violation SET rectified_on = ? WHERE id = ? AND rectified_on = ''", error);

  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, today);
  sqlite3_bind_int64 (stmt, 2, violation_id);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  if (pd_database_changes (database) == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "rectified_on",
                          _("Rectified: this violation does not exist or is already rectified."));
      return FALSE;
    }
  pd_context_notify_changed (ctx, "renovation_violation");
  return TRUE;
}

/* ---- lists ------------------------------------------------------------- */

#define VIOLATION_SELECT \
  "SELECT v.id, v.renovation_id, coalesce(v.patrol_id, 0), v.on_date, v.code, v.description, " \
  "v.ladder_step, v.penalty_fen, v.deducted_fen, coalesce(v.worker_id, 0), v.stop_work, v.rectify_by, " \
  "v.rectified_on, u.code, coalesce(r.serial, ''), coalesce(w.name, '') " \
  "FROM renovation_violation v JOIN renovation r ON r.id = v.renovation_id " \
  "JOIN unit u ON u.id = r.unit_id LEFT JOIN renovation_worker w ON w.id = v.worker_id "

static PdRenovationViolation *
read_violation (sqlite3_stmt *stmt)
{
  PdRenovationViolation *violation = g_new0 (PdRenovationViolation, 1);

  violation->id = sqlite3_column_int64 (stmt, 0);
  violation->renovation_id = sqlite3_column_int64 (stmt, 1);
  violation->patrol_id = sqlite3_column_int64 (stmt, 2);
  violation->on_date = pd_column_dup (stmt, 3);
  violation->code = pd_column_dup (stmt, 4);
  violation->description = pd_column_dup (stmt, 5);
  violation->ladder_step = pd_column_dup (stmt, 6);
  violation->penalty_fen = sqlite3_column_int64 (stmt, 7);
  violation->deducted_fen = sqlite3_column_int64 (stmt, 8);
  violation->worker_id = sqlite3_column_int64 (stmt, 9);
  violation->stop_work = sqlite3_column_int (stmt, 10) != 0;
  violation->rectify_by = pd_column_dup (stmt, 11);
  violation->rectified_on = pd_column_dup (stmt, 12);
  violation->unit_code = pd_column_dup (stmt, 13);
  violation->serial = pd_column_dup (stmt, 14);
  violation->worker_name = pd_column_dup (stmt, 15);
  return violation;
}

PdRenovationViolation *
pd_renovation_violation_get (PdContext *ctx,
                             gint64     violation_id,
                             GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database, VIOLATION_SELECT "WHERE v.id = ?", error);
  PdRenovationViolation *violation = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, violation_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    violation = read_violation (stmt);
  sqlite3_reset (stmt);
  if (violation == NULL)
    pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "violation",
                        _("Violation: this record does not exist."));
  return violation;
}

GPtrArray *
pd_renovation_violation_list (PdContext  *ctx,
                              gint64      renovation_id,
                              GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    VIOLATION_SELECT "WHERE (?1 = 0 OR v.renovation_id = ?1) ORDER BY v.on_date DESC, v.id DESC", error);
  GPtrArray *list;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, renovation_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_renovation_violation_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, read_violation (stmt));
  sqlite3_reset (stmt);
  return list;
}

GPtrArray *
pd_renovation_patrol_list (PdContext  *ctx,
                           gint64      renovation_id,
                           GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT p.id, p.renovation_id, p.at, p.inspector, p.result, p.note, p.photo_ref, p.action, u.code, "
    "coalesce((SELECT group_concat(v.code) FROM renovation_violation v WHERE v.patrol_id = p.id), '') "
    "FROM renovation_patrol p JOIN renovation r ON r.id = p.renovation_id JOIN unit u ON u.id = r.unit_id "
    "WHERE (?1 = 0 OR p.renovation_id = ?1) ORDER BY p.at DESC, p.id DESC", error);
  GPtrArray *list;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, renovation_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_renovation_patrol_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdRenovationPatrol *patrol = g_new0 (PdRenovationPatrol, 1);
      patrol->id = sqlite3_column_int64 (stmt, 0);
      patrol->renovation_id = sqlite3_column_int64 (stmt, 1);
      patrol->at = pd_column_dup (stmt, 2);
      patrol->inspector = pd_column_dup (stmt, 3);
      patrol->result = pd_column_dup (stmt, 4);
      patrol->note = pd_column_dup (stmt, 5);
      patrol->photo_ref = pd_column_dup (stmt, 6);
      patrol->action = pd_column_dup (stmt, 7);
      patrol->unit_code = pd_column_dup (stmt, 8);
      patrol->violation_code = pd_column_dup (stmt, 9);
      g_ptr_array_add (list, patrol);
    }
  sqlite3_reset (stmt);
  return list;
}

void
pd_patrol_due_free (PdPatrolDue *due)
{
  if (due == NULL)
    return;
  g_free (due->unit_code);
  g_free (due->serial);
  g_free (due->state);
  g_free (due);
}

GPtrArray *
pd_renovation_patrols_today (PdContext  *ctx,
                             gboolean    missing_only,
                             GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *today = pd_context_today (ctx);
  gint64 expected = pd_settings_get_int (ctx, "renovation.patrols_per_day", 2);
  gint64 estate_id = pd_estate_current_id (ctx, error);
  sqlite3_stmt *stmt;
  GPtrArray *list;

  if (estate_id < 0)
    return NULL;
  stmt = pd_database_prepare (database,
    "SELECT r.id, u.code, coalesce(r.serial, ''), r.state, "
    "(SELECT count(*) FROM renovation_patrol p WHERE p.renovation_id = r.id AND substr(p.at, 1, 10) = ?2) "
    "FROM renovation r JOIN unit u ON u.id = r.unit_id "
    "WHERE r.estate_id = ?1 AND r.state IN ('in_progress', 'stopped', 'completion_requested', 'rectification') "
    "ORDER BY CAST(u.code AS INTEGER), u.floor, u.code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  pd_bind_text (stmt, 2, today);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_patrol_due_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdPatrolDue *due;
      int done = sqlite3_column_int (stmt, 4);

      if (missing_only && done >= expected)
        continue;
      due = g_new0 (PdPatrolDue, 1);
      due->renovation_id = sqlite3_column_int64 (stmt, 0);
      due->unit_code = pd_column_dup (stmt, 1);
      due->serial = pd_column_dup (stmt, 2);
      due->state = pd_column_dup (stmt, 3);
      due->done = done;
      due->expected = (int) expected;
      g_ptr_array_add (list, due);
    }
  sqlite3_reset (stmt);
  return list;
}
