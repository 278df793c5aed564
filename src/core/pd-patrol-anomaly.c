/* pd-patrol-anomaly.c — see pd-patrol-anomaly.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-patrol-anomaly.h"
#include "pd-patrol-checklist.h"
#include "pd-settings.h"

static const struct
{
  const char *kind;
  const char *label;
  const char *department;
} kinds[] = {
  { "leak", NC_("anomaly kind", "Leak or seepage"), "engineering" },
  { "damage", NC_("anomaly kind", "Damage"), "engineering" },
  { "occupation", NC_("anomaly kind", "Unauthorised occupation"), "security" },
  { "dirty", NC_("anomaly kind", "Dirty (cleaning)"), "cleaning" },
  { "other", NC_("anomaly kind", "Other"), "engineering" },
};

static const char *const kind_keys[] = { "leak", "damage", "occupation", "dirty", "other", NULL };

const char *const *
pd_anomaly_kinds (void)
{
  return kind_keys;
}

static int
kind_index (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].kind) == 0)
      return (int) i;
  return -1;
}

gboolean
pd_anomaly_kind_is_valid (const char *kind)
{
  return kind_index (kind) >= 0;
}

const char *
pd_anomaly_kind_label (const char *kind)
{
  int i = kind_index (kind);
  return i >= 0 ? g_dpgettext2 (GETTEXT_PACKAGE, "anomaly kind", kinds[i].label) : kind;
}

const char *
pd_anomaly_department_for_kind (const char *kind)
{
  int i = kind_index (kind);
  return i >= 0 ? kinds[i].department : "engineering";
}

const char *
pd_department_label (const char *department)
{
  if (g_strcmp0 (department, "engineering") == 0)
    return C_("department", "Engineering");
  if (g_strcmp0 (department, "cleaning") == 0)
    return C_("department", "Cleaning");
  if (g_strcmp0 (department, "security") == 0)
    return C_("department", "Security");
  return department ? department : "";
}

const char *
pd_anomaly_outcome_label (const char *outcome)
{
  if (g_strcmp0 (outcome, "fixed") == 0)
    return C_("anomaly outcome", "Rectified");
  if (g_strcmp0 (outcome, "not_fixed") == 0)
    return C_("anomaly outcome", "Not rectified");
  if (g_strcmp0 (outcome, "no_action") == 0)
    return C_("anomaly outcome", "No action needed");
  return outcome ? outcome : "";
}

const char *
pd_anomaly_state_label (const char *state)
{
  return g_strcmp0 (state, "closed") == 0 ? C_("anomaly state", "Closed") : C_("anomaly state", "Open");
}

static gboolean
department_is_valid (const char *department)
{
  return g_strcmp0 (department, "engineering") == 0 || g_strcmp0 (department, "cleaning") == 0 ||
         g_strcmp0 (department, "security") == 0;
}

char *
pd_anomaly_describe (const PdAnomaly *anomaly)
{
  const char *label = *anomaly->item ? pd_patrol_item_label (anomaly->item) : "";

  if (*label && *anomaly->description)
    /* Translators: a checklist item and what the inspector noted about it */
    return g_strdup_printf (C_("anomaly description", "%s: %s"), label, anomaly->description);
  return g_strdup (*label ? label : anomaly->description);
}

char *
pd_anomaly_deadline_for (PdContext  *ctx,
                         const char *department,
                         const char *found_on)
{
  g_autofree char *key = g_strdup_printf ("patrol.deadline_%s_days",
                                          department_is_valid (department) ? department : "engineering");
  return pd_calendar_add_working_days (ctx, found_on, (int) pd_settings_get_int (ctx, key, 3));
}

PdAnomaly *
pd_anomaly_new (void)
{
  PdAnomaly *anomaly = g_new0 (PdAnomaly, 1);

  anomaly->notice_no = g_strdup ("");
  anomaly->unit_code = g_strdup ("");
  anomaly->kind = g_strdup ("other");
  anomaly->item = g_strdup ("");
  anomaly->description = g_strdup ("");
  anomaly->department = g_strdup ("");
  anomaly->found_on = g_strdup ("");
  anomaly->deadline = g_strdup ("");
  anomaly->state = g_strdup ("open");
  anomaly->closed_on = g_strdup ("");
  anomaly->outcome = g_strdup ("");
  anomaly->result = g_strdup ("");
  anomaly->reported_by = g_strdup ("");
  return anomaly;
}

void
pd_anomaly_free (PdAnomaly *anomaly)
{
  if (anomaly == NULL)
    return;
  g_free (anomaly->notice_no);
  g_free (anomaly->unit_code);
  g_free (anomaly->kind);
  g_free (anomaly->item);
  g_free (anomaly->description);
  g_free (anomaly->department);
  g_free (anomaly->found_on);
  g_free (anomaly->deadline);
  g_free (anomaly->state);
  g_free (anomaly->closed_on);
  g_free (anomaly->outcome);
  g_free (anomaly->result);
  g_free (anomaly->reported_by);
  g_free (anomaly);
}

void
pd_anomaly_follow_up_free (PdAnomalyFollowUp *follow_up)
{
  g_free (follow_up->at);
  g_free (follow_up->user_name);
  g_free (follow_up->note);
  g_free (follow_up);
}

static void
replace (char      **field,
         const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static gboolean
fill_and_validate (PdContext  *ctx,
                   PdAnomaly  *anomaly,
                   GError    **error)
{
  g_autofree char *today = pd_context_today (ctx);
  g_autoptr (PdUnit) unit = NULL;

  if (anomaly->unit_id <= 0 || (unit = pd_unit_get (ctx, anomaly->unit_id, NULL)) == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "unit", _("Unit: choose the unit concerned."));
      return FALSE;
    }
  replace (&anomaly->unit_code, unit->code);
  if (!pd_anomaly_kind_is_valid (anomaly->kind))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "kind",
                          _("Kind: choose leak, damage, unauthorised occupation, dirty or other."));
      return FALSE;
    }
  if (anomaly->item == NULL)
    replace (&anomaly->item, "");
  if (anomaly->description == NULL)
    replace (&anomaly->description, "");
  if (*g_strstrip (anomaly->description) == '\0' && *anomaly->item == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "description",
                          _("Description: say what was found."));
      return FALSE;
    }
  if (anomaly->department == NULL || *anomaly->department == '\0')
    replace (&anomaly->department, pd_anomaly_department_for_kind (anomaly->kind));
  if (!department_is_valid (anomaly->department))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "department",
                          _("Department: choose engineering, cleaning or security."));
      return FALSE;
    }
  if (anomaly->found_on == NULL || *anomaly->found_on == '\0')
    replace (&anomaly->found_on, today);
  if (!pd_date_is_valid (anomaly->found_on) || strcmp (anomaly->found_on, today) > 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "found_on",
                          _("Found on: enter a date (YYYY-MM-DD) that is not in the future."));
      return FALSE;
    }
  if (anomaly->deadline == NULL || *anomaly->deadline == '\0')
    {
      g_free (anomaly->deadline);
      anomaly->deadline = pd_anomaly_deadline_for (ctx, anomaly->department, anomaly->found_on);
    }
  if (!pd_date_is_valid (anomaly->deadline) || strcmp (anomaly->deadline, anomaly->found_on) < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "deadline",
                          _("Deadline: enter a date (YYYY-MM-DD) on or after the day it was found."));
      return FALSE;
    }
  if (anomaly->reported_by == NULL || *g_strstrip (anomaly->reported_by) == '\0')
    replace (&anomaly->reported_by, pd_context_get_user (ctx));
  return TRUE;
}

gint64
pd_anomaly_report (PdContext  *ctx,
                   PdAnomaly  *anomaly,
                   GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *prefix = NULL;
  sqlite3_stmt *stmt;
  gint64 serial;

  if (!fill_and_validate (ctx, anomaly, error) || !pd_database_begin (database, error))
    return -1;
  /* Notices are numbered per year of discovery: KZ2026-0001 (空置). */
  prefix = g_strdup_printf ("KZ%.4s-", anomaly->found_on);
  stmt = pd_database_prepare (database,
    "SELECT coalesce(max(CAST(substr(notice_no, 8) AS INTEGER)), 0) + 1 FROM patrol_anomaly "
    "WHERE substr(notice_no, 1, 7) = ?", error);
  if (stmt == NULL)
    goto fail;
  pd_bind_text (stmt, 1, prefix);
  serial = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 1;
  sqlite3_reset (stmt);
  g_free (anomaly->notice_no);
  anomaly->notice_no = g_strdup_printf ("%s%04" G_GINT64_FORMAT, prefix, serial);

  stmt = pd_database_prepare (database,
    "INSERT INTO patrol_anomaly (notice_no, unit_id, patrol_id, kind, description, department, "
    "found_on, deadline, reported_by, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  pd_bind_text (stmt, 1, anomaly->notice_no);
  sqlite3_bind_int64 (stmt, 2, anomaly->unit_id);
  if (anomaly->patrol_id > 0)
    sqlite3_bind_int64 (stmt, 3, anomaly->patrol_id);
  pd_bind_text (stmt, 4, anomaly->kind);
  pd_bind_text (stmt, 5, anomaly->description);
  pd_bind_text (stmt, 6, anomaly->department);
  pd_bind_text (stmt, 7, anomaly->found_on);
  pd_bind_text (stmt, 8, anomaly->deadline);
  pd_bind_text (stmt, 9, anomaly->reported_by);
  pd_bind_text (stmt, 10, anomaly->item);
  if (!pd_database_step_done (database, stmt, error) || !pd_database_commit (database, error))
    goto fail;
  anomaly->id = pd_database_last_insert_id (database);
  pd_context_notify_changed (ctx, "patrol_anomaly");
  return anomaly->id;

fail:
  pd_database_rollback (database);
  return -1;
}

/* The anomaly must exist and be open; sets @error otherwise. */
static gboolean
require_open (PdContext  *ctx,
              gint64      anomaly_id,
              GError    **error)
{
  g_autoptr (PdAnomaly) anomaly = pd_anomaly_get (ctx, anomaly_id, error);

  if (anomaly == NULL)
    return FALSE;
  if (!g_str_equal (anomaly->state, "open"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "state",
                          _("Notice %s is closed already."), anomaly->notice_no);
      return FALSE;
    }
  return TRUE;
}

gboolean
pd_anomaly_add_follow_up (PdContext  *ctx,
                          gint64      anomaly_id,
                          const char *note,
                          GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *text = g_strstrip (g_strdup (note ? note : ""));
  g_autofree char *now = pd_context_now_text (ctx);
  sqlite3_stmt *stmt;

  if (*text == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "follow_up",
                          _("Follow-up: write what was done or agreed."));
      return FALSE;
    }
  if (!require_open (ctx, anomaly_id, error))
    return FALSE;
  stmt = pd_database_prepare (database,
    "INSERT INTO patrol_follow_up (anomaly_id, at, user_name, note) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, anomaly_id);
  pd_bind_text (stmt, 2, now);
  pd_bind_text (stmt, 3, pd_context_get_user (ctx));
  pd_bind_text (stmt, 4, text);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "patrol_follow_up");
  return TRUE;
}

gboolean
pd_anomaly_close (PdContext  *ctx,
                  gint64      anomaly_id,
                  const char *outcome,
                  const char *result,
                  GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *text = g_strstrip (g_strdup (result ? result : ""));
  g_autofree char *today = pd_context_today (ctx);
  sqlite3_stmt *stmt;

  if (g_strcmp0 (outcome, "fixed") != 0 && g_strcmp0 (outcome, "not_fixed") != 0 &&
      g_strcmp0 (outcome, "no_action") != 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "outcome",
                          _("Outcome: choose rectified, not rectified or no action needed."));
      return FALSE;
    }
  if (*text == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "result",
                          _("Result: describe how the anomaly was dealt with."));
      return FALSE;
    }
  if (!require_open (ctx, anomaly_id, error))
    return FALSE;
  stmt = pd_database_prepare (database,
    "UPDATE patrol_anomaly SET state = 'closed', closed_on = ?, outcome = ?, result = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, today);
  pd_bind_text (stmt, 2, outcome);
  pd_bind_text (stmt, 3, text);
  sqlite3_bind_int64 (stmt, 4, anomaly_id);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "patrol_anomaly");
  return TRUE;
}

#define ANOMALY_SELECT \
  "SELECT a.id, a.notice_no, a.unit_id, u.code, coalesce(a.patrol_id, 0), a.kind, a.description, " \
  "  a.department, a.found_on, a.deadline, a.state, a.closed_on, a.outcome, a.result, a.reported_by, " \
  "  CAST(julianday(CASE WHEN a.closed_on <> '' THEN a.closed_on ELSE ?1 END) - julianday(a.found_on) AS INTEGER), " \
  "  a.state = 'open' AND a.deadline < ?1, a.item " \
  "FROM patrol_anomaly a JOIN unit u ON u.id = a.unit_id "

static GPtrArray *
read_anomalies (PdContext    *ctx,
                sqlite3_stmt *stmt)
{
  g_autofree char *today = pd_context_today (ctx);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_anomaly_free);

  pd_bind_text (stmt, 1, today);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdAnomaly *anomaly = g_new0 (PdAnomaly, 1);

      anomaly->id = sqlite3_column_int64 (stmt, 0);
      anomaly->notice_no = pd_column_dup (stmt, 1);
      anomaly->unit_id = sqlite3_column_int64 (stmt, 2);
      anomaly->unit_code = pd_column_dup (stmt, 3);
      anomaly->patrol_id = sqlite3_column_int64 (stmt, 4);
      anomaly->kind = pd_column_dup (stmt, 5);
      anomaly->description = pd_column_dup (stmt, 6);
      anomaly->department = pd_column_dup (stmt, 7);
      anomaly->found_on = pd_column_dup (stmt, 8);
      anomaly->deadline = pd_column_dup (stmt, 9);
      anomaly->state = pd_column_dup (stmt, 10);
      anomaly->closed_on = pd_column_dup (stmt, 11);
      anomaly->outcome = pd_column_dup (stmt, 12);
      anomaly->result = pd_column_dup (stmt, 13);
      anomaly->reported_by = pd_column_dup (stmt, 14);
      anomaly->age_days = sqlite3_column_int (stmt, 15);
      anomaly->overdue = sqlite3_column_int (stmt, 16) != 0;
      anomaly->item = pd_column_dup (stmt, 17);
      g_ptr_array_add (list, anomaly);
    }
  sqlite3_reset (stmt);
  return list;
}

PdAnomaly *
pd_anomaly_get (PdContext  *ctx,
                gint64      anomaly_id,
                GError    **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx), ANOMALY_SELECT "WHERE a.id = ?2", error);
  g_autoptr (GPtrArray) list = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, anomaly_id);
  list = read_anomalies (ctx, stmt);
  if (list->len == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "anomaly",
                          _("Anomaly: record %d does not exist."), (int) anomaly_id);
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

GPtrArray *
pd_anomaly_list (PdContext  *ctx,
                 gboolean    open_only,
                 GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  gint64 estate_id = pd_estate_current_id (ctx, error);
  sqlite3_stmt *stmt;

  if (estate_id < 0)
    return NULL;
  stmt = pd_database_prepare (database, open_only
    ? ANOMALY_SELECT "WHERE u.estate_id = ?2 AND a.state = 'open' ORDER BY a.found_on, a.id"
    : ANOMALY_SELECT "WHERE u.estate_id = ?2 ORDER BY a.found_on DESC, a.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, estate_id);
  return read_anomalies (ctx, stmt);
}

GPtrArray *
pd_anomaly_list_for_patrol (PdContext  *ctx,
                            gint64      patrol_id,
                            GError    **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
    ANOMALY_SELECT "WHERE a.patrol_id = ?2 ORDER BY a.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, patrol_id);
  return read_anomalies (ctx, stmt);
}

GPtrArray *
pd_anomaly_list_follow_ups (PdContext  *ctx,
                            gint64      anomaly_id,
                            GError    **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT id, at, user_name, note FROM patrol_follow_up WHERE anomaly_id = ? ORDER BY at, id", error);
  GPtrArray *list;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, anomaly_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_anomaly_follow_up_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdAnomalyFollowUp *follow_up = g_new0 (PdAnomalyFollowUp, 1);
      follow_up->id = sqlite3_column_int64 (stmt, 0);
      follow_up->at = pd_column_dup (stmt, 1);
      follow_up->user_name = pd_column_dup (stmt, 2);
      follow_up->note = pd_column_dup (stmt, 3);
      g_ptr_array_add (list, follow_up);
    }
  sqlite3_reset (stmt);
  return list;
}
