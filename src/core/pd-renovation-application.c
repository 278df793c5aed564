/* pd-renovation-application.c — what makes an application complete, and its
 * workers (each gets a pass 装修出入证).  See pd-renovation.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-renovation-private.h"
#include "pd-unit-role.h"
#include "pd-validate.h"

static gboolean
is_current_owner (PdContext *ctx,
                  gint64     unit_id,
                  gint64     person_id)
{
  g_autoptr (GPtrArray) roles = pd_unit_role_list (ctx, unit_id, 0, TRUE, NULL);

  for (guint i = 0; roles != NULL && i < roles->len; i++)
    {
      PdUnitRole *role = roles->pdata[i];
      if (role->person_id == person_id && g_str_equal (role->role, "owner"))
        return TRUE;
    }
  return FALSE;
}

static gboolean
check_applicant (PdContext          *ctx,
                 const PdRenovation *renovation,
                 GError            **error)
{
  if (g_str_equal (renovation->applicant_role, "owner"))
    {
      if (!is_current_owner (ctx, renovation->unit_id, renovation->applicant_id))
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "applicant",
                              _("Applicant: %s is not a current owner of unit %s."),
                              renovation->applicant_name, renovation->unit_code);
          return FALSE;
        }
      return TRUE;
    }
  /* Tenants and proxies apply on the owner's behalf (DOMAIN §3). */
  if (renovation->authorised_by == 0 ||
      !is_current_owner (ctx, renovation->unit_id, renovation->authorised_by))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "authorised_by",
                          _("Authorising owner: a tenant or proxy needs the authorisation of a current owner of unit %s."),
                          renovation->unit_code);
      return FALSE;
    }
  if (!renovation->authorisation_letter)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "authorisation_letter",
                          _("Owner’s authorisation letter: it must be on file before a tenant or proxy applies."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
require_text (const char *value,
              const char *field,
              const char *message,
              GError    **error)
{
  if (value != NULL && value[0] != '\0')
    return TRUE;
  pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, field, "%s", message);
  return FALSE;
}

static gboolean
check_contractor (const PdRenovation *renovation,
                  GError            **error)
{
  g_autoptr (GError) local = NULL;

  if (renovation->self_renovation)
    {
      if (!renovation->undertaking_signed)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "undertaking_signed",
                              _("Self-renovation undertaking: the applicant must sign it when there is no contractor."));
          return FALSE;
        }
      return TRUE;
    }
  if (!require_text (renovation->contractor_name, "contractor_name",
                     _("Contractor: enter the company’s name, or tick self-renovation."), error) ||
      !require_text (renovation->contractor_licence, "contractor_licence",
                     _("Business licence no.: enter the contractor’s licence number."), error))
    return FALSE;
  if (!pd_uscc_validate (renovation->contractor_licence, NULL, &local))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "contractor_licence",
                          _("Business licence no.: %s"), local->message);
      return FALSE;
    }
  return require_text (renovation->contractor_qualification, "contractor_qualification",
                       _("Qualification: enter the contractor’s qualification certificate."), error) &&
         require_text (renovation->contractor_person, "contractor_person",
                       _("Person in charge: enter the contractor’s person in charge."), error) &&
         require_text (renovation->contractor_phone, "contractor_phone",
                       _("Contractor’s phone: enter a phone number."), error);
}

static gboolean
check_dates (const PdRenovation *renovation,
             GError            **error)
{
  if (!pd_date_is_valid (renovation->planned_start))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "planned_start",
                          _("Planned start: enter the date the works start."));
      return FALSE;
    }
  if (!pd_date_is_valid (renovation->planned_end))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "planned_end",
                          _("Planned end: enter the date the works end."));
      return FALSE;
    }
  if (g_strcmp0 (renovation->planned_end, renovation->planned_start) < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "planned_end",
                          _("Planned end: must not be before the planned start."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_scope (const PdRenovation *renovation,
             GError            **error)
{
  const char *scope = renovation->scope;
  const char *drawings = renovation->drawings;

  if (!require_text (scope, "scope", _("Scope: tick at least one scope item."), error))
    return FALSE;
  if (pd_renovation_list_has (scope, "hot_work"))
    {
      if (!renovation->hot_work_application)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "hot_work_application",
                              _("Hot-work application: hot work needs the separate hot-work application form."));
          return FALSE;
        }
      if (!renovation->extinguisher)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "extinguisher",
                              _("Fire extinguisher: hot work needs a fire extinguisher on site."));
          return FALSE;
        }
    }
  /* The drawings engineering needs to review this scope (000 L1985). */
  if (!pd_renovation_list_has (drawings, "floor_plan"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "drawings",
                          _("Drawings: the floor plan is required."));
      return FALSE;
    }
  if (pd_renovation_list_has (scope, "electrical") && !pd_renovation_list_has (drawings, "electrical"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "drawings",
                          _("Drawings: electrical work needs the electrical drawing."));
      return FALSE;
    }
  if ((pd_renovation_list_has (scope, "plumbing") || pd_renovation_list_has (scope, "waterproofing")) &&
      !pd_renovation_list_has (drawings, "plumbing"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "drawings",
                          _("Drawings: plumbing or waterproofing work needs the plumbing drawing."));
      return FALSE;
    }
  return TRUE;
}

gboolean
pd_renovation_check_complete (PdContext          *ctx,
                              const PdRenovation *renovation,
                              GError            **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt;
  gboolean has_worker;

  if (!check_applicant (ctx, renovation, error) || !check_contractor (renovation, error) ||
      !check_dates (renovation, error) || !check_scope (renovation, error))
    return FALSE;
  stmt = pd_database_prepare (database,
    "SELECT 1 FROM renovation_worker WHERE renovation_id = ? AND revoked_on = ''", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, renovation->id);
  has_worker = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!has_worker)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "workers",
                          _("Workers: list at least one worker (each gets a pass)."));
      return FALSE;
    }
  return TRUE;
}

/* ---- workers ----------------------------------------------------------- */

PdRenovationWorker *
pd_renovation_worker_new (void)
{
  PdRenovationWorker *worker = g_new0 (PdRenovationWorker, 1);

  worker->name = g_strdup ("");
  worker->id_number = g_strdup ("");
  worker->phone = g_strdup ("");
  worker->trade = g_strdup ("");
  worker->revoked_on = g_strdup ("");
  worker->revoke_reason = g_strdup ("");
  return worker;
}

void
pd_renovation_worker_free (PdRenovationWorker *worker)
{
  if (worker == NULL)
    return;
  g_free (worker->name);
  g_free (worker->id_number);
  g_free (worker->phone);
  g_free (worker->trade);
  g_free (worker->revoked_on);
  g_free (worker->revoke_reason);
  g_free (worker);
}

/* The crew may change until the works are accepted; not after. */
static gboolean
crew_editable (PdContext  *ctx,
               gint64      renovation_id,
               GError    **error)
{
  static const char *const editable[] = {
    "draft", "needs_revision", "approved", "permit_issued", "in_progress", "stopped", NULL,
  };
  g_autoptr (PdRenovation) renovation = pd_renovation_get (ctx, renovation_id, error);

  if (renovation == NULL)
    return FALSE;
  if (!g_strv_contains (editable, renovation->state))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "workers",
                          _("Workers: the application is “%s”; its workers can no longer change."),
                          pd_renovation_state_label (renovation->state));
      return FALSE;
    }
  return TRUE;
}

gint64
pd_renovation_worker_add (PdContext          *ctx,
                          PdRenovationWorker *worker,
                          GError            **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *name = g_strstrip (g_strdup (worker->name ? worker->name : ""));
  sqlite3_stmt *stmt;

  if (!crew_editable (ctx, worker->renovation_id, error))
    return -1;
  if (name[0] == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "worker_name", _("Worker’s name: enter the name."));
      return -1;
    }
  /* The pass prints the name in a small box. */
  if (g_utf8_strlen (name, -1) > 50)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "worker_name",
                          _("Worker’s name: at most 50 characters."));
      return -1;
    }
  if (!pd_prc_id_parse (worker->id_number, &id_number, NULL, NULL, error))
    return -1;
  if (worker->phone != NULL && worker->phone[0] != '\0' &&
      !pd_mobile_validate (worker->phone, "worker_phone", _("Worker’s mobile"), &phone, error))
    return -1;

  stmt = pd_database_prepare (database,
    "SELECT 1 FROM renovation_worker WHERE renovation_id = ? AND id_number = ?", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, worker->renovation_id);
  pd_bind_text (stmt, 2, id_number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      pd_set_field_error (error, PD_VALIDATION_ERROR_DUPLICATE, "id_number",
                          _("ID number: this worker is already listed on the application."));
      return -1;
    }
  sqlite3_reset (stmt);

  stmt = pd_database_prepare (database,
    "INSERT INTO renovation_worker (renovation_id, name, id_number, phone, trade) VALUES (?, ?, ?, ?, ?)",
    error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, worker->renovation_id);
  pd_bind_text (stmt, 2, name);
  pd_bind_text (stmt, 3, id_number);
  pd_bind_text (stmt, 4, phone ? phone : "");
  pd_bind_text (stmt, 5, worker->trade ? worker->trade : "");
  if (!pd_database_step_done (database, stmt, error))
    return -1;
  worker->id = pd_database_last_insert_id (database);
  pd_renovation_set_text (&worker->name, name);
  pd_renovation_set_text (&worker->id_number, id_number);
  pd_renovation_set_text (&worker->phone, phone);
  pd_context_notify_changed (ctx, "renovation_worker");
  return worker->id;
}

static gint64
worker_renovation (PdContext *ctx,
                   gint64     worker_id,
                   GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT renovation_id FROM renovation_worker WHERE id = ?", error);
  gint64 renovation_id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, worker_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    renovation_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (renovation_id == 0)
    pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "workers", _("Workers: this worker does not exist."));
  return renovation_id;
}

gboolean
pd_renovation_worker_remove (PdContext  *ctx,
                             gint64      worker_id,
                             GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  gint64 renovation_id = worker_renovation (ctx, worker_id, error);
  sqlite3_stmt *stmt;

  if (renovation_id == 0 || !crew_editable (ctx, renovation_id, error))
    return FALSE;
  /* A worker named in a violation stays on file; the pass is revoked instead. */
  stmt = pd_database_prepare (database,
    "DELETE FROM renovation_worker WHERE id = ? "
    "AND NOT EXISTS (SELECT 1 FROM renovation_violation WHERE worker_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, worker_id);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  if (pd_database_changes (database) == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "workers",
                          _("Workers: this worker is named in a violation; revoke the pass instead."));
      return FALSE;
    }
  pd_context_notify_changed (ctx, "renovation_worker");
  return TRUE;
}

gboolean
pd_renovation_worker_revoke (PdContext  *ctx,
                             gint64      worker_id,
                             const char *reason,
                             GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *today = pd_context_today (ctx);
  sqlite3_stmt *stmt;

  if (worker_renovation (ctx, worker_id, error) == 0)
    return FALSE;
  stmt = pd_database_prepare (database,
    "UPDATE renovation_worker SET revoked_on = ?, revoke_reason = ? WHERE id = ? AND revoked_on = ''",
    error);
  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, today);
  pd_bind_text (stmt, 2, reason ? reason : "");
  sqlite3_bind_int64 (stmt, 3, worker_id);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "renovation_worker");
  return TRUE;
}

GPtrArray *
pd_renovation_worker_list (PdContext  *ctx,
                           gint64      renovation_id,
                           GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT id, renovation_id, name, id_number, phone, trade, revoked_on, revoke_reason "
    "FROM renovation_worker WHERE renovation_id = ? ORDER BY id", error);
  GPtrArray *workers;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, renovation_id);
  workers = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_renovation_worker_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdRenovationWorker *worker = g_new0 (PdRenovationWorker, 1);
      worker->id = sqlite3_column_int64 (stmt, 0);
      worker->renovation_id = sqlite3_column_int64 (stmt, 1);
      worker->name = pd_column_dup (stmt, 2);
      worker->id_number = pd_column_dup (stmt, 3);
      worker->phone = pd_column_dup (stmt, 4);
      worker->trade = pd_column_dup (stmt, 5);
      worker->revoked_on = pd_column_dup (stmt, 6);
      worker->revoke_reason = pd_column_dup (stmt, 7);
      g_ptr_array_add (workers, worker);
    }
  sqlite3_reset (stmt);
  return workers;
}
