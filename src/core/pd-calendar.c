/* pd-calendar.c — see pd-calendar.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pd-calendar.h"
#include "pd-error.h"

void
pd_calendar_day_free (PdCalendarDay *day)
{
  g_free (day->day);
  g_free (day->kind);
  g_free (day->name);
  g_free (day);
}

static gboolean
parse_iso (const char *iso_day,
           GDate      *date)
{
  int y, m, d;
  char tail;

  g_date_clear (date, 1);
  if (iso_day == NULL || sscanf (iso_day, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static char *
format_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

gboolean
pd_date_is_valid (const char *iso_day)
{
  GDate date;
  return parse_iso (iso_day, &date) && strlen (iso_day) == 10;
}

int
pd_date_days_between (const char *from,
                      const char *to)
{
  GDate a, b;

  if (!parse_iso (from, &a) || !parse_iso (to, &b))
    return 0;
  return g_date_days_between (&a, &b);
}

char *
pd_date_add_days (const char *iso_day,
                  int         days)
{
  GDate date;

  if (!parse_iso (iso_day, &date))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return format_iso (&date);
}

static gboolean
date_is_working_day (PdContext   *ctx,
                     const GDate *date)
{
  g_autofree char *iso = format_iso (date);
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT kind FROM calendar_day WHERE day = ?", NULL);
  GDateWeekday weekday = g_date_get_weekday (date);
  gboolean working = weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY;

  if (stmt == NULL)
    return working;
  pd_bind_text (stmt, 1, iso);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    working = g_str_equal (pd_column_text (stmt, 0), "workday");
  sqlite3_reset (stmt);
  return working;
}

gboolean
pd_calendar_is_working_day (PdContext  *ctx,
                            const char *iso_day)
{
  GDate date;

  if (!parse_iso (iso_day, &date))
    return FALSE;
  return date_is_working_day (ctx, &date);
}

char *
pd_calendar_add_working_days (PdContext  *ctx,
                              const char *iso_day,
                              int         n)
{
  GDate date;
  int counted = 0;

  g_return_val_if_fail (n >= 0, NULL);
  if (!parse_iso (iso_day, &date))
    return NULL;
  if (n == 0)
    {
      while (!date_is_working_day (ctx, &date))
        g_date_add_days (&date, 1);
      return format_iso (&date);
    }
  while (counted < n)
    {
      g_date_add_days (&date, 1);
      if (date_is_working_day (ctx, &date))
        counted++;
    }
  return format_iso (&date);
}

int
pd_calendar_working_days_between (PdContext  *ctx,
                                  const char *from,
                                  const char *to)
{
  GDate start, end;
  int count = 0;

  if (!parse_iso (from, &start) || !parse_iso (to, &end))
    return 0;
  while (g_date_compare (&start, &end) < 0)
    {
      g_date_add_days (&start, 1);
      if (date_is_working_day (ctx, &start))
        count++;
    }
  return count;
}

gboolean
pd_calendar_set_day (PdContext  *ctx,
                     const char *iso_day,
                     const char *kind,
                     const char *name,
                     GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt;

  if (!pd_context_require_role (ctx, PD_ROLE_ADMIN, _("edit the holiday calendar"), error))
    return FALSE;
  if (!pd_date_is_valid (iso_day))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "day",
                          _("Date: “%s” is not a valid date (YYYY-MM-DD)."), iso_day ? iso_day : "");
      return FALSE;
    }
  if (g_strcmp0 (kind, "holiday") != 0 && g_strcmp0 (kind, "workday") != 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "kind",
                          _("Kind: choose holiday or make-up working day."));
      return FALSE;
    }
  stmt = pd_database_prepare (database,
    "INSERT INTO calendar_day (day, kind, name) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (day) DO UPDATE SET kind = ?2, name = ?3", error);
  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, iso_day);
  pd_bind_text (stmt, 2, kind);
  pd_bind_text (stmt, 3, name);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "calendar_day");
  return TRUE;
}

gboolean
pd_calendar_remove_day (PdContext  *ctx,
                        const char *iso_day,
                        GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt;

  if (!pd_context_require_role (ctx, PD_ROLE_ADMIN, _("edit the holiday calendar"), error))
    return FALSE;
  stmt = pd_database_prepare (database, "DELETE FROM calendar_day WHERE day = ?", error);
  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, iso_day);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "calendar_day");
  return TRUE;
}

GPtrArray *
pd_calendar_list_year (PdContext  *ctx,
                       int         year,
                       GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT day, kind, name FROM calendar_day WHERE day >= ? AND day < ? ORDER BY day", error);
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04d-01-01", year + 1);
  GPtrArray *days;

  if (stmt == NULL)
    return NULL;
  pd_bind_text (stmt, 1, from);
  pd_bind_text (stmt, 2, to);
  days = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_calendar_day_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdCalendarDay *day = g_new0 (PdCalendarDay, 1);
      day->day = pd_column_dup (stmt, 0);
      day->kind = pd_column_dup (stmt, 1);
      day->name = pd_column_dup (stmt, 2);
      g_ptr_array_add (days, day);
    }
  sqlite3_reset (stmt);
  return days;
}

gboolean
pd_month_range (const char *month,
                char      **first_day,
                char      **next_first_day,
                GError    **error)
{
  int year = 0, number = 0;
  char tail;

  if (month == NULL || strlen (month) != 7 || sscanf (month, "%4d-%2d%c", &year, &number, &tail) != 2 ||
      year < 1900 || number < 1 || number > 12)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "month",
                          _("Month: “%s” is not a month of the form YYYY-MM."), month ? month : "");
      return FALSE;
    }
  *first_day = g_strdup_printf ("%04d-%02d-01", year, number);
  *next_first_day = number == 12 ? g_strdup_printf ("%04d-01-01", year + 1)
                                 : g_strdup_printf ("%04d-%02d-01", year, number + 1);
  return TRUE;
}
