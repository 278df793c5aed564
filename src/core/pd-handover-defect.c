/* pd-handover-defect.c — see pd-handover-defect.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-handover-defect.h"
#include "pd-settings.h"
#include "pd-validate.h"

#define DEFECT_COLUMNS \
  "d.id, d.handover_id, coalesce (d.check_id, 0), d.room, d.description, d.responsible, " \
  "d.recorded_at, d.notice_due_at, d.notice_sent_at, d.notice_no, d.deadline, d.status, d.closed_on, " \
  "(SELECT count(*) FROM handover_reinspection r WHERE r.defect_id = d.id), u.code, p.name " \
  "FROM handover_defect d JOIN handover h ON h.id = d.handover_id JOIN unit u ON u.id = h.unit_id " \
  "JOIN person p ON p.id = h.owner_id "

PdHandoverDefect *
pd_handover_defect_new (void)
{
  PdHandoverDefect *defect = g_new0 (PdHandoverDefect, 1);
  char **texts[] = { &defect->room, &defect->description, &defect->responsible, &defect->recorded_at,
                     &defect->notice_due_at, &defect->notice_sent_at, &defect->notice_no,
                     &defect->deadline, &defect->closed_on, &defect->unit_code, &defect->owner_name };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    *texts[i] = g_strdup ("");
  defect->status = g_strdup ("open");
  return defect;
}

void
pd_handover_defect_free (PdHandoverDefect *defect)
{
  if (defect == NULL)
    return;
  g_free (defect->room);
  g_free (defect->description);
  g_free (defect->responsible);
  g_free (defect->recorded_at);
  g_free (defect->notice_due_at);
  g_free (defect->notice_sent_at);
  g_free (defect->notice_no);
  g_free (defect->deadline);
  g_free (defect->status);
  g_free (defect->closed_on);
  g_free (defect->unit_code);
  g_free (defect->owner_name);
  g_free (defect);
}

void
pd_handover_reinspection_free (PdHandoverReinspection *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->inspected_on);
  g_free (entry->result);
  g_free (entry->new_deadline);
  g_free (entry->inspector);
  g_free (entry->note);
  g_free (entry);
}

static PdHandoverDefect *
read_row (sqlite3_stmt *stmt)
{
  PdHandoverDefect *d = pd_handover_defect_new ();
  char **texts[] = { &d->room, &d->description, &d->responsible, &d->recorded_at, &d->notice_due_at,
                     &d->notice_sent_at, &d->notice_no, &d->deadline, &d->status, &d->closed_on };

  d->id = sqlite3_column_int64 (stmt, 0);
  d->handover_id = sqlite3_column_int64 (stmt, 1);
  d->check_id = sqlite3_column_int64 (stmt, 2);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_free (*texts[i]);
      *texts[i] = g_strdup (pd_column_text (stmt, 3 + i));
    }
  d->reinspections = sqlite3_column_int (stmt, 13);
  g_free (d->unit_code);
  d->unit_code = g_strdup (pd_column_text (stmt, 14));
  g_free (d->owner_name);
  d->owner_name = g_strdup (pd_column_text (stmt, 15));
  return d;
}

char *
pd_handover_default_deadline (PdContext  *ctx,
                              const char *from_day,
                              int         n)
{
  if (n < 0)
    n = (int) pd_settings_get_int (ctx, "handover.defect_working_days", 7);
  return pd_calendar_add_working_days (ctx, from_day, n);
}

gboolean
pd_handover_deadline_parse (PdContext  *ctx,
                            const char *text,
                            const char *from_day,
                            char      **deadline,
                            GError    **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *iso = NULL;

  if (*clean == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "deadline",
                          _("Deadline: enter a date or +N working days."));
      return FALSE;
    }
  if (*clean == '+')
    {
      char *end = NULL;
      gint64 n = g_ascii_strtoll (clean + 1, &end, 10);

      if (end == clean + 1 || *end != '\0' || n < 0 || n > 365)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "deadline",
                              _("Deadline: “%s” is not +N working days (N from 0 to 365)."), clean);
          return FALSE;
        }
      *deadline = pd_handover_default_deadline (ctx, from_day, (int) n);
      return TRUE;
    }
  if (!pd_date_parse (clean, "deadline", C_("handover", "Deadline"), &iso, error))
    return FALSE;
  if (strcmp (iso, from_day) < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "deadline",
                          /* Translators: %s is a date */
                          _("Deadline: cannot be before %s."), from_day);
      return FALSE;
    }
  /* Nobody rectifies on a day off: the deadline is the next working day. */
  *deadline = pd_calendar_add_working_days (ctx, iso, 0);
  return TRUE;
}

PdHandoverDefect *
pd_handover_defect_get (PdContext *ctx,
                        gint64     defect_id,
                        GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database, "SELECT " DEFECT_COLUMNS "WHERE d.id = ?", error);
  PdHandoverDefect *defect = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, defect_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    defect = read_row (stmt);
  else
    pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "defect",
                        _("Defect: the defect no longer exists."));
  sqlite3_reset (stmt);
  return defect;
}

GPtrArray *
pd_handover_defect_list (PdContext *ctx,
                         gint64     handover_id,
                         GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = handover_id > 0
    ? pd_database_prepare (database, "SELECT " DEFECT_COLUMNS "WHERE d.handover_id = ? "
                           "ORDER BY coalesce ((SELECT position FROM handover_check c WHERE c.id = d.check_id), 1e9), d.id",
                           error)
    : pd_database_prepare (database, "SELECT " DEFECT_COLUMNS "WHERE d.status = 'open' "
                           "ORDER BY d.deadline, u.code, d.id", error);
  GPtrArray *defects;

  if (stmt == NULL)
    return NULL;
  if (handover_id > 0)
    sqlite3_bind_int64 (stmt, 1, handover_id);
  defects = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_handover_defect_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (defects, read_row (stmt));
  sqlite3_reset (stmt);
  return defects;
}

/* Status of the handover owning a defect, or NULL with @error. */
static char *
handover_status (PdContext *ctx,
                 gint64     handover_id,
                 GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database, "SELECT status FROM handover WHERE id = ?", error);
  char *status = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, handover_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    status = pd_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (status == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, handover_id);
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "handover",
                          _("Handover: there is no handover number %s."), number);
    }
  return status;
}

static gboolean
validate_texts (PdContext        *ctx,
                PdHandoverDefect *defect,
                const char       *from_day,
                GError          **error)
{
  g_autofree char *deadline = NULL;

  char **texts[] = { &defect->room, &defect->description, &defect->responsible, &defect->deadline };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (*texts[i] == NULL)
        *texts[i] = g_strdup ("");
      g_strstrip (*texts[i]);
    }
  if (*defect->description == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "description",
                          _("Description: say what is wrong."));
      return FALSE;
    }
  if (*defect->responsible == '\0')
    {
      g_free (defect->responsible);
      defect->responsible = pd_settings_get_text (ctx, "handover.responsible_default", "");
    }
  if (*defect->deadline == '\0')
    deadline = pd_handover_default_deadline (ctx, from_day, -1);
  else if (!pd_handover_deadline_parse (ctx, defect->deadline, from_day, &deadline, error))
    return FALSE;
  g_free (defect->deadline);
  defect->deadline = g_steal_pointer (&deadline);
  return TRUE;
}

gint64
pd_handover_defect_add (PdContext        *ctx,
                        PdHandoverDefect *defect,
                        GError          **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *status = handover_status (ctx, defect->handover_id, error);
  g_autofree char *today = pd_context_today (ctx);
  g_autoptr (GDateTime) now = pd_context_now (ctx);
  g_autoptr (GDateTime) due = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *due_text = NULL;
  sqlite3_stmt *stmt;

  if (status == NULL)
    return -1;
  if (!g_str_equal (status, "in_progress"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "defect",
                          _("Defect: defects are recorded during the inspection, which is finished."));
      return -1;
    }
  if (!validate_texts (ctx, defect, today, error))
    return -1;
  /* The written notice is due a number of clock hours after the defect was
   * found (002: 24 小时内以书面形式反馈施工单位), weekends included. */
  due = g_date_time_add_hours (now, (int) pd_settings_get_int (ctx, "handover.notice_hours", 24));
  now_text = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  due_text = g_date_time_format (due, "%Y-%m-%d %H:%M:%S");
  stmt = pd_database_prepare (database,
    "INSERT INTO handover_defect (handover_id, check_id, room, description, responsible, recorded_at, "
    "notice_due_at, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, defect->handover_id);
  if (defect->check_id > 0)
    sqlite3_bind_int64 (stmt, 2, defect->check_id);
  else
    sqlite3_bind_null (stmt, 2);
  pd_bind_text (stmt, 3, defect->room);
  pd_bind_text (stmt, 4, defect->description);
  pd_bind_text (stmt, 5, defect->responsible);
  pd_bind_text (stmt, 6, now_text);
  pd_bind_text (stmt, 7, due_text);
  pd_bind_text (stmt, 8, defect->deadline);
  if (!pd_database_step_done (database, stmt, error))
    return -1;
  defect->id = pd_database_last_insert_id (database);
  g_free (defect->recorded_at);
  defect->recorded_at = g_steal_pointer (&now_text);
  g_free (defect->notice_due_at);
  defect->notice_due_at = g_steal_pointer (&due_text);
  pd_context_notify_changed (ctx, "handover_defect");
  return defect->id;
}

gboolean
pd_handover_defect_update (PdContext        *ctx,
                           PdHandoverDefect *defect,
                           GError          **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdHandoverDefect) stored = pd_handover_defect_get (ctx, defect->id, error);
  g_autofree char *status = NULL;
  g_autofree char *recorded_day = NULL;
  sqlite3_stmt *stmt;

  if (stored == NULL)
    return FALSE;
  status = handover_status (ctx, stored->handover_id, error);
  if (status == NULL)
    return FALSE;
  if (g_str_equal (status, "closed") || !g_str_equal (stored->status, "open"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "defect",
                          _("Defect: a closed defect can no longer be changed."));
      return FALSE;
    }
  recorded_day = g_strndup (stored->recorded_at, 10);
  if (!validate_texts (ctx, defect, recorded_day, error))
    return FALSE;
  stmt = pd_database_prepare (database,
    "UPDATE handover_defect SET room = ?, description = ?, responsible = ?, deadline = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, defect->room);
  pd_bind_text (stmt, 2, defect->description);
  pd_bind_text (stmt, 3, defect->responsible);
  pd_bind_text (stmt, 4, defect->deadline);
  sqlite3_bind_int64 (stmt, 5, defect->id);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "handover_defect");
  return TRUE;
}

gboolean
pd_handover_defect_delete (PdContext *ctx,
                           gint64     defect_id,
                           GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdHandoverDefect) defect = pd_handover_defect_get (ctx, defect_id, error);
  g_autofree char *status = NULL;
  sqlite3_stmt *stmt;

  if (defect == NULL || (status = handover_status (ctx, defect->handover_id, error)) == NULL)
    return FALSE;
  if (!g_str_equal (status, "in_progress"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "defect",
                          _("Defect: after the inspection a defect is closed by re-inspection, not deleted."));
      return FALSE;
    }
  if (defect->check_id != 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "defect",
                          _("Defect: it comes from the checklist; change the item's result instead."));
      return FALSE;
    }
  stmt = pd_database_prepare (database, "DELETE FROM handover_defect WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, defect_id);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "handover_defect");
  return TRUE;
}

gboolean
pd_handover_send_notice (PdContext *ctx,
                         gint64     handover_id,
                         char     **notice_no,
                         GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *status = handover_status (ctx, handover_id, error);
  g_autofree char *now = pd_context_now_text (ctx);
  g_autofree char *prefix = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *number = NULL;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, handover_id);
  sqlite3_stmt *stmt;
  gint64 pending, serial;

  if (status == NULL)
    return FALSE;
  pending = pd_database_query_int (database,
    "SELECT count(*) FROM handover_defect WHERE handover_id = CAST (? AS INTEGER) "
    "AND status = 'open' AND notice_sent_at = ''", id_text, error);
  if (pending < 0)
    return FALSE;
  if (g_str_equal (status, "closed") || pending == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "notice",
                          _("Notice: no open defect of this handover is waiting for a notice."));
      return FALSE;
    }
  prefix = g_strdup_printf ("ZG%.4s-", now);
  pattern = g_strconcat (prefix, "%", NULL);
  serial = pd_database_query_int (database,
    "SELECT coalesce (max (CAST (substr (notice_no, 8) AS INTEGER)), 0) FROM handover_defect "
    "WHERE notice_no LIKE ?", pattern, error);
  if (serial < 0)
    return FALSE;
  number = g_strdup_printf ("%s%04d", prefix, (int) serial + 1);
  stmt = pd_database_prepare (database,
    "UPDATE handover_defect SET notice_sent_at = ?, notice_no = ? "
    "WHERE handover_id = ? AND status = 'open' AND notice_sent_at = ''", error);
  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, now);
  pd_bind_text (stmt, 2, number);
  sqlite3_bind_int64 (stmt, 3, handover_id);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  if (notice_no != NULL)
    *notice_no = g_steal_pointer (&number);
  pd_context_notify_changed (ctx, "handover_defect");
  return TRUE;
}

PdDueState
pd_handover_defect_notice_state (PdContext              *ctx,
                                 const PdHandoverDefect *defect)
{
  g_autoptr (GDateTime) now = pd_context_now (ctx);
  g_autoptr (GDateTime) soon = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *soon_text = NULL;

  if (!g_str_equal (defect->status, "open") || *defect->notice_sent_at != '\0')
    return PD_DUE_NONE;
  soon = g_date_time_add_hours (now, (int) pd_settings_get_int (ctx, "handover.notice_due_soon_hours", 4));
  now_text = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  soon_text = g_date_time_format (soon, "%Y-%m-%d %H:%M:%S");
  if (strcmp (defect->notice_due_at, now_text) < 0)
    return PD_DUE_OVERDUE;
  if (strcmp (defect->notice_due_at, soon_text) <= 0)
    return PD_DUE_SOON;
  return PD_DUE_PENDING;
}

PdDueState
pd_handover_defect_deadline_state (PdContext              *ctx,
                                   const PdHandoverDefect *defect)
{
  g_autofree char *today = pd_context_today (ctx);
  g_autofree char *next = NULL;

  if (!g_str_equal (defect->status, "open"))
    return PD_DUE_NONE;
  if (strcmp (defect->deadline, today) < 0)
    return PD_DUE_OVERDUE;
  /* Due today or on the next working day: chase it now. */
  next = pd_calendar_add_working_days (ctx, today, 1);
  if (strcmp (defect->deadline, next) <= 0)
    return PD_DUE_SOON;
  return PD_DUE_PENDING;
}

gboolean
pd_handover_reinspect (PdContext  *ctx,
                       gint64      defect_id,
                       gboolean    fixed,
                       const char *new_deadline,
                       const char *note,
                       GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdHandoverDefect) defect = pd_handover_defect_get (ctx, defect_id, error);
  g_autofree char *status = NULL;
  g_autofree char *today = pd_context_today (ctx);
  g_autofree char *deadline = NULL;
  g_autofree char *id_text = NULL;
  sqlite3_stmt *stmt;
  gint64 still_open;

  if (defect == NULL || (status = handover_status (ctx, defect->handover_id, error)) == NULL)
    return FALSE;
  if (!g_str_equal (status, "defects_open") || !g_str_equal (defect->status, "open"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "defect",
                          g_str_equal (status, "in_progress")
                          ? _("Re-inspection: finish the inspection of the unit first.")
                          : _("Re-inspection: this defect is already closed."));
      return FALSE;
    }
  if (!fixed)
    {
      if (!pd_handover_deadline_parse (ctx, new_deadline, today, &deadline, error))
        return FALSE;
      if (strcmp (deadline, today) <= 0)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "deadline",
                              _("Deadline: a defect that is not fixed needs a new deadline after today."));
          return FALSE;
        }
    }

  if (!pd_database_begin (database, error))
    return FALSE;
  stmt = pd_database_prepare (database,
    "INSERT INTO handover_reinspection (defect_id, inspected_on, result, new_deadline, inspector, note) "
    "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, defect_id);
  pd_bind_text (stmt, 2, today);
  pd_bind_text (stmt, 3, fixed ? "fixed" : "not_fixed");
  pd_bind_text (stmt, 4, deadline);
  pd_bind_text (stmt, 5, pd_context_get_user (ctx));
  pd_bind_text (stmt, 6, note ? note : "");
  if (!pd_database_step_done (database, stmt, error))
    goto fail;
  stmt = fixed
    ? pd_database_prepare (database, "UPDATE handover_defect SET status = 'fixed', closed_on = ?1 WHERE id = ?2", error)
    : pd_database_prepare (database, "UPDATE handover_defect SET deadline = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    goto fail;
  pd_bind_text (stmt, 1, fixed ? today : deadline);
  sqlite3_bind_int64 (stmt, 2, defect_id);
  if (!pd_database_step_done (database, stmt, error))
    goto fail;
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, defect->handover_id);
  still_open = pd_database_query_int (database,
    "SELECT count(*) FROM handover_defect WHERE handover_id = CAST (? AS INTEGER) AND status = 'open'",
    id_text, error);
  if (still_open < 0)
    goto fail;
  if (still_open == 0)
    {
      stmt = pd_database_prepare (database, "UPDATE handover SET status = 'inspected' WHERE id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, defect->handover_id);
      if (!pd_database_step_done (database, stmt, error))
        goto fail;
    }
  if (!pd_database_commit (database, error))
    goto fail;
  pd_context_notify_changed (ctx, "handover_defect");
  pd_context_notify_changed (ctx, "handover");
  return TRUE;

fail:
  pd_database_rollback (database);
  return FALSE;
}

GPtrArray *
pd_handover_reinspection_list (PdContext *ctx,
                               gint64     defect_id,
                               GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT id, inspected_on, result, new_deadline, inspector, note FROM handover_reinspection "
    "WHERE defect_id = ? ORDER BY id", error);
  GPtrArray *list;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, defect_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_handover_reinspection_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdHandoverReinspection *entry = g_new0 (PdHandoverReinspection, 1);
      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->inspected_on = pd_column_dup (stmt, 1);
      entry->result = pd_column_dup (stmt, 2);
      entry->new_deadline = g_strdup (pd_column_text (stmt, 3));
      entry->inspector = g_strdup (pd_column_text (stmt, 4));
      entry->note = g_strdup (pd_column_text (stmt, 5));
      g_ptr_array_add (list, entry);
    }
  sqlite3_reset (stmt);
  return list;
}
