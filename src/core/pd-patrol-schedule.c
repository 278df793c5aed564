/* pd-patrol-schedule.c — see pd-patrol-schedule.h for the rules. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pd-error.h"
#include "pd-patrol-schedule.h"
#include "pd-settings.h"

gboolean
pd_patrol_policy_from_string (const char     *text,
                              PdPatrolPolicy *policy)
{
  if (g_strcmp0 (text, "twice_monthly") == 0)
    *policy = PD_PATROL_POLICY_TWICE_MONTHLY;
  else if (g_strcmp0 (text, "weekly") == 0)
    *policy = PD_PATROL_POLICY_WEEKLY;
  else
    return FALSE;
  return TRUE;
}

const char *
pd_patrol_policy_to_string (PdPatrolPolicy policy)
{
  return policy == PD_PATROL_POLICY_WEEKLY ? "weekly" : "twice_monthly";
}

const char *
pd_patrol_policy_label (PdPatrolPolicy policy)
{
  return policy == PD_PATROL_POLICY_WEEKLY ? C_("patrol policy", "Weekly") : C_("patrol policy", "Twice a month (1st–15th, 16th–end)");
}

const char *
pd_patrol_status_label (PdPatrolStatus status)
{
  switch (status)
    {
    case PD_PATROL_STATUS_DONE:
      return C_("patrol status", "Done");
    case PD_PATROL_STATUS_DUE:
      return C_("patrol status", "Due this period");
    case PD_PATROL_STATUS_OVERDUE:
    default:
      return C_("patrol status", "Overdue");
    }
}

const char *
pd_patrol_status_to_string (PdPatrolStatus status)
{
  switch (status)
    {
    case PD_PATROL_STATUS_DONE:
      return "done";
    case PD_PATROL_STATUS_DUE:
      return "due";
    case PD_PATROL_STATUS_OVERDUE:
    default:
      return "overdue";
    }
}

static gboolean
parse_day (const char *iso,
           GDate      *date)
{
  int y, m, d;
  char tail;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static void
format_day (const GDate *date,
            char         out[11])
{
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

static void
period_of (PdPatrolPolicy  policy,
           const GDate    *day,
           PdPatrolPeriod *period)
{
  GDate start = *day, end = *day;

  if (policy == PD_PATROL_POLICY_WEEKLY)
    {
      g_date_subtract_days (&start, g_date_get_weekday (day) - G_DATE_MONDAY);
      end = start;
      g_date_add_days (&end, 6);
    }
  else if (g_date_get_day (day) <= 15)
    {
      g_date_set_day (&start, 1);
      g_date_set_day (&end, 15);
    }
  else
    {
      g_date_set_day (&start, 16);
      g_date_set_day (&end, g_date_get_days_in_month (g_date_get_month (day), g_date_get_year (day)));
    }
  format_day (&start, period->start);
  format_day (&end, period->end);
}

gboolean
pd_patrol_period_of (PdPatrolPolicy  policy,
                     const char     *day,
                     PdPatrolPeriod *period)
{
  GDate date;

  if (!parse_day (day, &date))
    return FALSE;
  period_of (policy, &date, period);
  return TRUE;
}

GArray *
pd_patrol_periods_of_month (PdPatrolPolicy policy,
                            int            year,
                            int            month)
{
  GArray *periods = g_array_new (FALSE, TRUE, sizeof (PdPatrolPeriod));
  GDate day;
  int last;

  g_return_val_if_fail (month >= 1 && month <= 12 && g_date_valid_year (year), periods);

  last = g_date_get_days_in_month (month, year);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, month, year);
  /* Walk the days of the month and keep each period whose last day is in it. */
  while (g_date_get_month (&day) == (GDateMonth) month)
    {
      PdPatrolPeriod period;
      GDate end;

      period_of (policy, &day, &period);
      parse_day (period.end, &end);
      if (g_date_get_month (&end) == (GDateMonth) month && g_date_get_year (&end) == year)
        g_array_append_val (periods, period);
      if (g_date_get_day (&end) >= last || g_date_get_month (&end) != (GDateMonth) month)
        break;
      day = end;
      g_date_add_days (&day, 1);
    }
  return periods;
}

char *
pd_patrol_next_due (PdPatrolPolicy policy,
                    const char    *vacant_since,
                    const char    *last_patrol)
{
  GDate owed_from, last;
  PdPatrolPeriod period;

  if (!parse_day (vacant_since, &owed_from))
    return NULL;
  if (last_patrol != NULL && *last_patrol != '\0')
    {
      GDate after_last;

      if (!parse_day (last_patrol, &last))
        return NULL;
      period_of (policy, &last, &period);
      parse_day (period.end, &after_last);
      g_date_add_days (&after_last, 1);
      if (g_date_compare (&after_last, &owed_from) > 0)
        owed_from = after_last;
    }
  period_of (policy, &owed_from, &period);
  return g_strdup (period.end);
}

PdPatrolStatus
pd_patrol_status_on (PdPatrolPolicy policy,
                     const char    *next_due,
                     const char    *today)
{
  PdPatrolPeriod current;

  if (!pd_patrol_period_of (policy, today, &current))
    g_return_val_if_reached (PD_PATROL_STATUS_DUE);
  /* ISO dates compare as text. */
  if (strcmp (next_due, today) < 0)
    return PD_PATROL_STATUS_OVERDUE;
  if (strcmp (next_due, current.end) <= 0)
    return PD_PATROL_STATUS_DUE;
  return PD_PATROL_STATUS_DONE;
}

PdPatrolPolicy
pd_patrol_policy_for_estate (PdContext *ctx,
                             gint64     estate_id)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT coalesce((SELECT policy FROM patrol_estate_policy WHERE estate_id = ?), "
    "(SELECT value FROM setting WHERE key = 'patrol.policy'))", NULL);
  PdPatrolPolicy policy = PD_PATROL_POLICY_TWICE_MONTHLY;

  if (stmt == NULL)
    return policy;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  if (sqlite3_step (stmt) == SQLITE_ROW &&
      !pd_patrol_policy_from_string (pd_column_text (stmt, 0), &policy))
    g_warning ("unknown patrol policy “%s”", pd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return policy;
}

gboolean
pd_patrol_set_estate_policy (PdContext  *ctx,
                             gint64      estate_id,
                             const char *policy,
                             GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  PdPatrolPolicy parsed;
  sqlite3_stmt *stmt;

  if (!pd_context_require_role (ctx, PD_ROLE_ADMIN, _("change the patrol schedule"), error))
    return FALSE;
  if (policy != NULL && !pd_patrol_policy_from_string (policy, &parsed))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "policy",
                          _("Patrol schedule: choose twice_monthly or weekly."));
      return FALSE;
    }
  if (policy == NULL)
    {
      stmt = pd_database_prepare (database, "DELETE FROM patrol_estate_policy WHERE estate_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, estate_id);
    }
  else
    {
      stmt = pd_database_prepare (database,
        "INSERT INTO patrol_estate_policy (estate_id, policy) VALUES (?, ?) "
        "ON CONFLICT (estate_id) DO UPDATE SET policy = excluded.policy", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, estate_id);
      pd_bind_text (stmt, 2, policy);
    }
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "patrol_estate_policy");
  return TRUE;
}
