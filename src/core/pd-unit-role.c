/* pd-unit-role.c — see pd-unit-role.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-bulk.h"
#include "pd-unit-role.h"
#include "pd-validate.h"

PdUnitRole *
pd_unit_role_new (const char *role)
{
  PdUnitRole *self = g_new0 (PdUnitRole, 1);

  self->role = g_strdup (role);
  self->relation = g_strdup ("");
  self->start_on = g_strdup ("");
  self->lease_end = g_strdup ("");
  self->ended_on = g_strdup ("");
  self->authorisation_note = g_strdup ("");
  return self;
}

void
pd_unit_role_free (PdUnitRole *role)
{
  if (role == NULL)
    return;
  g_free (role->role);
  g_free (role->relation);
  g_free (role->start_on);
  g_free (role->lease_end);
  g_free (role->ended_on);
  g_free (role->authorisation_note);
  g_free (role->person_name);
  g_free (role->person_mobile);
  g_free (role->unit_code);
  g_free (role);
}

const char *
pd_unit_role_label (const char *role)
{
  if (g_strcmp0 (role, "owner") == 0)
    return _("Owner");
  if (g_strcmp0 (role, "member") == 0)
    return _("Household member");
  if (g_strcmp0 (role, "tenant") == 0)
    return _("Tenant");
  if (g_strcmp0 (role, "proxy") == 0)
    return _("Proxy");
  if (g_strcmp0 (role, "temporary") == 0)
    return _("Temporary resident");
  return role ? role : "";
}

static gboolean
normalise_date (char      **value,
                const char *field,
                const char *label,
                gboolean    required,
                GError    **error)
{
  char *iso = NULL;

  if (*value == NULL || **value == '\0')
    {
      if (!required)
        return TRUE;
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, field, _("%s: required."), label);
      return FALSE;
    }
  if (!pd_date_parse (*value, field, label, &iso, error))
    return FALSE;
  g_free (*value);
  *value = iso;
  return TRUE;
}

gboolean
pd_unit_role_is_current (PdContext  *ctx,
                         gint64      unit_id,
                         gint64      person_id,
                         const char *role)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT 1 FROM unit_role WHERE unit_id = ? AND person_id = ? AND role = ? AND ended_on = ''", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  pd_bind_text (stmt, 3, role);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
is_current_owner (PdContext *ctx,
                  gint64     unit_id,
                  gint64     person_id)
{
  return pd_unit_role_is_current (ctx, unit_id, person_id, "owner");
}

static gboolean
validate_role (PdContext  *ctx,
               PdUnitRole *role,
               GError    **error)
{
  gboolean needs_authority;

  if (g_strcmp0 (role->role, "owner") != 0 && g_strcmp0 (role->role, "member") != 0 &&
      g_strcmp0 (role->role, "tenant") != 0 && g_strcmp0 (role->role, "proxy") != 0 &&
      g_strcmp0 (role->role, "temporary") != 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "role",
                          _("Role: choose owner, household member, tenant, proxy or temporary resident."));
      return FALSE;
    }
  if (!normalise_date (&role->start_on, "start_on", _("Start date"),
                       g_str_equal (role->role, "tenant"), error) ||
      !normalise_date (&role->lease_end, "lease_end", _("Lease end"),
                       g_str_equal (role->role, "tenant"), error))
    return FALSE;
  if (*role->lease_end != '\0' && g_strcmp0 (role->lease_end, role->start_on) < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "lease_end",
                          _("Lease end: must not be before the start date."));
      return FALSE;
    }
  needs_authority = g_str_equal (role->role, "tenant") || g_str_equal (role->role, "proxy");
  if (needs_authority && (role->authorised_by == 0 ||
                          !is_current_owner (ctx, role->unit_id, role->authorised_by)))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "authorised_by",
                          _("Owner's authorisation: a tenant or proxy needs the authorisation of a current owner of the unit."));
      return FALSE;
    }
  if (g_str_equal (role->role, "proxy") &&
      (role->authorisation_note == NULL || *g_strstrip (role->authorisation_note) == '\0'))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "authorisation_note",
                          _("Power of attorney: note the power of attorney (date, scope) for a proxy."));
      return FALSE;
    }
  return TRUE;
}

gint64
pd_unit_role_add (PdContext  *ctx,
                  PdUnitRole *role,
                  GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt;

  if (!pd_database_row_exists (database, "unit", role->unit_id))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "unit", _("Unit: the unit does not exist."));
      return -1;
    }
  if (!pd_database_row_exists (database, "person", role->person_id))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "person",
                          _("Person: the person is not in the owner files."));
      return -1;
    }
  if (!validate_role (ctx, role, error))
    return -1;
  stmt = pd_database_prepare (database,
    "INSERT INTO unit_role (unit_id, person_id, role, relation, start_on, lease_end, authorised_by, authorisation_note) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return -1;
  if (!pd_database_begin (database, error))
    return -1;
  sqlite3_bind_int64 (stmt, 1, role->unit_id);
  sqlite3_bind_int64 (stmt, 2, role->person_id);
  pd_bind_text_uncopied (stmt, 3, role->role);
  pd_bind_text_uncopied (stmt, 4, role->relation);
  pd_bind_text_uncopied (stmt, 5, role->start_on);
  pd_bind_text_uncopied (stmt, 6, role->lease_end);
  if (role->authorised_by > 0)
    sqlite3_bind_int64 (stmt, 7, role->authorised_by);
  else
    sqlite3_bind_null (stmt, 7);
  pd_bind_text_uncopied (stmt, 8, role->authorisation_note);
  if (!pd_database_step_done (database, stmt, error))
    {
      pd_database_rollback (database);
      return -1;
    }
  role->id = pd_database_last_insert_id (database);
  if (!pd_bulk_reindex (ctx, PD_BULK_PERSON, role->person_id, error) || !pd_database_commit (database, error))
    {
      pd_database_rollback (database);
      return -1;
    }
  pd_context_notify_changed (ctx, "unit_role");
  return role->id;
}

gboolean
pd_unit_role_end (PdContext  *ctx,
                  gint64      role_id,
                  const char *ended_on,
                  GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *date = g_strdup (ended_on);
  sqlite3_stmt *stmt;

  if (!normalise_date (&date, "ended_on", _("End date"), TRUE, error))
    return FALSE;
  stmt = pd_database_prepare (database,
    "UPDATE unit_role SET ended_on = ? WHERE id = ? AND ended_on = '' AND start_on <= ?", error);
  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, date);
  sqlite3_bind_int64 (stmt, 2, role_id);
  pd_bind_text (stmt, 3, date);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  if (pd_database_changes (database) == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "ended_on",
                          _("End date: the role has already ended or starts after that date."));
      return FALSE;
    }
  pd_context_notify_changed (ctx, "unit_role");
  return TRUE;
}

/* An ownership period cannot end before it began: the transfer date must
 * not precede the start of a current owner's period (where it is known). */
static gboolean
check_transfer_after_start (PdContext  *ctx,
                            gint64      unit_id,
                            const char *day,
                            GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT max(start_on) FROM unit_role WHERE unit_id = ? AND role = 'owner' AND ended_on = '' AND start_on <> ''",
    error);
  g_autofree char *latest = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    latest = pd_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (latest != NULL && strcmp (day, latest) < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "transfer_date",
                          /* Translators: %s is a date */
                          _("Transfer date: the current owner’s period began on %s; the transfer cannot be earlier."),
                          latest);
      return FALSE;
    }
  return TRUE;
}

gboolean
pd_unit_transfer_ownership (PdContext    *ctx,
                            gint64        unit_id,
                            const gint64 *new_owner_ids,
                            guint         n_new_owners,
                            const char   *date,
                            GError      **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *day = g_strdup (date);
  sqlite3_stmt *stmt;

  if (!normalise_date (&day, "transfer_date", _("Transfer date"), TRUE, error))
    return FALSE;
  if (n_new_owners == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "new_owner",
                          _("New owner: choose at least one new owner."));
      return FALSE;
    }
  for (guint i = 0; i < n_new_owners; i++)
    if (is_current_owner (ctx, unit_id, new_owner_ids[i]))
      {
        pd_set_field_error (error, PD_VALIDATION_ERROR_DUPLICATE, "new_owner",
                            _("New owner: this person already owns the unit."));
        return FALSE;
      }
  if (!check_transfer_after_start (ctx, unit_id, day, error) ||
      !pd_database_begin (database, error))
    return FALSE;
  /* Old owners' tenancies and proxies lose their authority with them;
   * household members leave with the old owners. */
  stmt = pd_database_prepare (database,
    "UPDATE unit_role SET ended_on = ?1 WHERE unit_id = ?2 AND ended_on = '' "
    "AND role IN ('owner', 'tenant', 'proxy', 'member')", error);
  if (stmt == NULL)
    goto fail;
  pd_bind_text (stmt, 1, day);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  if (!pd_database_step_done (database, stmt, error))
    goto fail;
  for (guint i = 0; i < n_new_owners; i++)
    {
      g_autoptr (PdUnitRole) role = pd_unit_role_new ("owner");
      role->unit_id = unit_id;
      role->person_id = new_owner_ids[i];
      g_free (role->start_on);
      role->start_on = g_strdup (day);
      if (pd_unit_role_add (ctx, role, error) < 0)
        goto fail;
    }
  if (!pd_database_commit (database, error))
    goto fail;
  pd_context_notify_changed (ctx, "unit_role");
  return TRUE;

fail:
  pd_database_rollback (database);
  return FALSE;
}

#define ROLE_SELECT \
  "SELECT r.id, r.unit_id, r.person_id, r.role, r.relation, r.start_on, r.lease_end, r.ended_on, " \
  "coalesce(r.authorised_by, 0), r.authorisation_note, p.name, p.mobile, u.code " \
  "FROM unit_role r JOIN person p ON p.id = r.person_id JOIN unit u ON u.id = r.unit_id "

static GPtrArray *
read_roles (sqlite3_stmt *stmt)
{
  GPtrArray *roles = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_unit_role_free);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdUnitRole *role = g_new0 (PdUnitRole, 1);
      role->id = sqlite3_column_int64 (stmt, 0);
      role->unit_id = sqlite3_column_int64 (stmt, 1);
      role->person_id = sqlite3_column_int64 (stmt, 2);
      role->role = pd_column_dup (stmt, 3);
      role->relation = pd_column_dup (stmt, 4);
      role->start_on = pd_column_dup (stmt, 5);
      role->lease_end = pd_column_dup (stmt, 6);
      role->ended_on = pd_column_dup (stmt, 7);
      role->authorised_by = sqlite3_column_int64 (stmt, 8);
      role->authorisation_note = pd_column_dup (stmt, 9);
      role->person_name = pd_column_dup (stmt, 10);
      role->person_mobile = pd_column_dup (stmt, 11);
      role->unit_code = pd_column_dup (stmt, 12);
      g_ptr_array_add (roles, role);
    }
  sqlite3_reset (stmt);
  return roles;
}

GPtrArray *
pd_unit_role_list (PdContext  *ctx,
                   gint64      unit_id,
                   gint64      person_id,
                   gboolean    current_only,
                   GError    **error)
{
#define ROLE_LIST(where) \
    ROLE_SELECT "WHERE " where " AND (?2 = 0 OR r.person_id = ?2) AND (?3 = 0 OR r.ended_on = '') " \
    "ORDER BY r.ended_on <> '', CASE r.role WHEN 'owner' THEN 0 WHEN 'member' THEN 1 " \
    "WHEN 'tenant' THEN 2 WHEN 'proxy' THEN 3 ELSE 4 END, r.ended_on DESC, r.id"
  PdDatabase *database = pd_context_get_database (ctx);
  /* "?1 = 0 OR r.unit_id = ?1" would keep SQLite from the unit index and
   * read every role of the estate on each call: one statement per case. */
  sqlite3_stmt *stmt = pd_database_prepare (database,
                                            unit_id != 0 ? ROLE_LIST ("r.unit_id = ?1")
                                            : person_id != 0 ? ROLE_LIST ("r.person_id = ?2")
                                            : ROLE_LIST ("?1 = 0"), error);
#undef ROLE_LIST

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int (stmt, 3, current_only);
  return read_roles (stmt);
}

GPtrArray *
pd_unit_role_list_leases_ending (PdContext  *ctx,
                                 const char *until,
                                 GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  gint64 estate_id = pd_estate_current_id (ctx, error);
  sqlite3_stmt *stmt;

  if (estate_id < 0)
    return NULL;
  stmt = pd_database_prepare (database,
    ROLE_SELECT
    "WHERE r.role = 'tenant' AND r.ended_on = '' AND r.lease_end <> '' AND r.lease_end <= ?1 "
    "AND u.estate_id = ?2 ORDER BY r.lease_end, u.code, r.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, until, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, estate_id);
  return read_roles (stmt);
}

/* ---- vehicles ---------------------------------------------------------- */

void
pd_vehicle_free (PdVehicle *vehicle)
{
  if (vehicle == NULL)
    return;
  g_free (vehicle->plate);
  g_free (vehicle->model);
  g_free (vehicle->parking_space);
  g_free (vehicle);
}

gint64
pd_vehicle_add (PdContext  *ctx,
                PdVehicle  *vehicle,
                GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *plate = NULL;
  sqlite3_stmt *stmt;

  if (!pd_plate_normalize (vehicle->plate, &plate, error))
    return -1;
  if (!pd_database_row_exists (database, "person", vehicle->person_id))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "person",
                          _("Owner: the person keeping the vehicle is not in the owner files."));
      return -1;
    }
  if (vehicle->unit_id != 0 && !pd_database_row_exists (database, "unit", vehicle->unit_id))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "unit", _("Unit: the unit does not exist."));
      return -1;
    }
  if (pd_database_query_int (database, "SELECT count(*) FROM vehicle WHERE plate = ?", plate, NULL) > 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_DUPLICATE, "plate",
                          _("Plate: %s is already registered."), plate);
      return -1;
    }
  stmt = pd_database_prepare (database,
    "INSERT INTO vehicle (person_id, unit_id, plate, model, parking_space) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL || !pd_database_begin (database, error))
    return -1;
  sqlite3_bind_int64 (stmt, 1, vehicle->person_id);
  if (vehicle->unit_id > 0)
    sqlite3_bind_int64 (stmt, 2, vehicle->unit_id);
  else
    sqlite3_bind_null (stmt, 2);
  pd_bind_text (stmt, 3, plate);
  pd_bind_text (stmt, 4, vehicle->model);
  pd_bind_text (stmt, 5, vehicle->parking_space);
  if (!pd_database_step_done (database, stmt, error))
    {
      pd_database_rollback (database);
      return -1;
    }
  /* Read before reindexing, whose inserts would move the last rowid. */
  vehicle->id = pd_database_last_insert_id (database);
  if (!pd_bulk_reindex (ctx, PD_BULK_PERSON, vehicle->person_id, error) ||
      !pd_database_commit (database, error))
    {
      pd_database_rollback (database);
      vehicle->id = 0;
      return -1;
    }
  g_free (vehicle->plate);
  vehicle->plate = g_steal_pointer (&plate);
  pd_context_notify_changed (ctx, "vehicle");
  return vehicle->id;
}

gboolean
pd_vehicle_remove (PdContext  *ctx,
                   gint64      vehicle_id,
                   GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  gint64 person_id = 0;
  sqlite3_stmt *stmt = pd_database_prepare (database, "SELECT person_id FROM vehicle WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, vehicle_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    person_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (person_id == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "plate",
                          _("Vehicle: the vehicle is no longer registered."));
      return FALSE;
    }
  stmt = pd_database_prepare (database, "DELETE FROM vehicle WHERE id = ?", error);
  if (stmt == NULL || !pd_database_begin (database, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, vehicle_id);
  if (!pd_database_step_done (database, stmt, error) ||
      (person_id > 0 && !pd_bulk_reindex (ctx, PD_BULK_PERSON, person_id, error)) ||
      !pd_database_commit (database, error))
    {
      pd_database_rollback (database);
      return FALSE;
    }
  pd_context_notify_changed (ctx, "vehicle");
  return TRUE;
}

GPtrArray *
pd_vehicle_list_person (PdContext *ctx,
                        gint64     person_id,
                        GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT id, person_id, coalesce(unit_id, 0), plate, model, parking_space FROM vehicle "
    "WHERE person_id = ? ORDER BY id", error);
  GPtrArray *vehicles;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  vehicles = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_vehicle_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdVehicle *vehicle = g_new0 (PdVehicle, 1);
      vehicle->id = sqlite3_column_int64 (stmt, 0);
      vehicle->person_id = sqlite3_column_int64 (stmt, 1);
      vehicle->unit_id = sqlite3_column_int64 (stmt, 2);
      vehicle->plate = pd_column_dup (stmt, 3);
      vehicle->model = pd_column_dup (stmt, 4);
      vehicle->parking_space = pd_column_dup (stmt, 5);
      g_ptr_array_add (vehicles, vehicle);
    }
  sqlite3_reset (stmt);
  return vehicles;
}
