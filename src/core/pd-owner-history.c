/* pd-owner-history.c — see pd-owner-history.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-audit.h"
#include "pd-estate.h"
#include "pd-owner-history.h"
#include "pd-person.h"
#include "pd-unit-role.h"

static const struct
{
  const char *table;
  const char *field;
  const char *label;
} field_labels[] = {
  { "unit", "code", N_("Unit code") },
  { "unit", "floor", N_("Floor") },
  { "unit", "use", N_("Use") },
  { "unit", "gross_area", N_("Gross area") },
  { "unit", "inner_area", N_("Inner area") },
  { "unit", "layout", N_("Layout") },
  { "unit", "state", N_("State") },
  { "person", "kind", N_("Kind") },
  { "person", "name", N_("Name") },
  { "person", "sex", N_("Sex") },
  { "person", "birthday", N_("Birthday") },
  { "person", "id_type", N_("ID type") },
  { "person", "id_number", N_("ID number") },
  { "person", "mobile", N_("Mobile") },
  { "person", "phone2", N_("Other phone") },
  { "person", "address", N_("Address") },
  { "person", "form_of_address", N_("Form of address") },
  { "person", "language", N_("Language") },
  { "person", "emergency_name", N_("Emergency contact") },
  { "person", "emergency_phone", N_("Emergency contact phone") },
  { "person", "preferences", N_("Preferences") },
  { "person", "consent_on", N_("Consent date") },
  { "person", "consent_note", N_("Consent note") },
  { "person", "uscc", N_("Unified social credit code") },
  { "person", "legal_rep", N_("Legal representative") },
  { "person", "contact_person", N_("Contact person") },
  { "person", "signatories", N_("Authorised signatories") },
  { "person", "archive_location", N_("Archive location") },
  { "person", "docs_checked", N_("Originals checked") },
  { "person", "notes", N_("Notes") },
  { "unit_role", "role", N_("Role") },
  { "unit_role", "person_id", N_("Person") },
  { "unit_role", "relation", N_("Relation") },
  { "unit_role", "start_on", N_("Start date") },
  { "unit_role", "lease_end", N_("Lease end") },
  { "unit_role", "ended_on", N_("End date") },
  { "unit_role", "authorised_by", N_("Authorising owner") },
  { "unit_role", "authorisation_note", N_("Authorisation note") },
  { "vehicle", "plate", N_("Plate") },
  { "vehicle", "model", N_("Model") },
  { "vehicle", "parking_space", N_("Parking space") },
  { "vehicle", "person_id", N_("Vehicle holder") },
};

const char *
pd_owner_history_field_label (const char *table,
                              const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_strcmp0 (table, field_labels[i].table) == 0 && g_strcmp0 (field, field_labels[i].field) == 0)
      return _(field_labels[i].label);
  return field ? field : "";
}

void
pd_history_entry_free (PdHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->user_name);
  g_free (entry->record);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

static char *
person_name (PdContext *ctx,
             gint64     person_id)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
                                            "SELECT name FROM person WHERE id = ?", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = pd_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  /* Translators: a person whose record no longer exists; %d is its number */
  return name ? name : g_strdup_printf (_("person #%d"), (int) person_id);
}

/* One value of a row the audit log kept as JSON (inserts and deletes). */
static char *
json_value (PdContext  *ctx,
            const char *json,
            const char *field)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
                                            "SELECT json_extract (?, '$.' || ?)", NULL);
  char *value = NULL;

  if (stmt == NULL || json == NULL)
    return g_strdup ("");
  pd_bind_text (stmt, 1, json);
  pd_bind_text (stmt, 2, field);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (pd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value ? value : g_strdup ("");
}

static char *
display_value (PdContext  *ctx,
               const char *table,
               const char *field,
               const char *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup ("");
  if (g_str_equal (field, "state"))
    return g_strdup (pd_unit_state_label (value));
  if (g_str_equal (field, "use"))
    return g_strdup (pd_unit_use_label (value));
  if (g_str_equal (field, "gross_area") || g_str_equal (field, "inner_area"))
    return g_strdup_printf ("%.2f m²", g_ascii_strtod (value, NULL));
  if (g_str_equal (field, "kind"))
    return g_strdup (pd_person_kind_label (value));
  if (g_str_equal (field, "sex"))
    return g_strdup (pd_person_sex_label (value));
  if (g_str_equal (field, "id_type"))
    return g_strdup (pd_person_id_type_label (value));
  if (g_str_equal (field, "docs_checked"))
    return pd_person_documents_label (value);
  if (g_str_equal (field, "role"))
    return g_strdup (pd_unit_role_label (value));
  if ((g_str_equal (field, "person_id") || g_str_equal (field, "authorised_by")) &&
      g_ascii_strtoll (value, NULL, 10) > 0)
    return person_name (ctx, g_ascii_strtoll (value, NULL, 10));
  return g_strdup (value);
}

/* What an inserted or deleted row was, in a few words. */
static char *
summarise_row (PdContext  *ctx,
               const char *table,
               const char *json)
{
  if (g_str_equal (table, "unit"))
    return json_value (ctx, json, "code");
  if (g_str_equal (table, "person"))
    return json_value (ctx, json, "name");
  if (g_str_equal (table, "vehicle"))
    {
      g_autofree char *plate = json_value (ctx, json, "plate");
      g_autofree char *model = json_value (ctx, json, "model");
      return *model ? g_strdup_printf ("%s %s", plate, model) : g_steal_pointer (&plate);
    }
  if (g_str_equal (table, "unit_role"))
    {
      g_autofree char *role = json_value (ctx, json, "role");
      g_autofree char *person = json_value (ctx, json, "person_id");
      g_autofree char *start = json_value (ctx, json, "start_on");
      g_autofree char *name = person_name (ctx, g_ascii_strtoll (person, NULL, 10));
      if (*start == '\0')
        return g_strdup_printf ("%s %s", pd_unit_role_label (role), name);
      /* Translators: role, person's name, start date */
      return g_strdup_printf (_("%s %s from %s"), pd_unit_role_label (role), name, start);
    }
  return g_strdup (json ? json : "");
}

static void
add_record (PdContext  *ctx,
            GPtrArray  *history,
            GHashTable *seen,
            const char *table,
            gint64      record_id,
            const char *record_label,
            GError    **error)
{
  g_autofree char *key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, table, record_id);
  g_autoptr (GPtrArray) entries = NULL;

  if (g_hash_table_contains (seen, key) || (error != NULL && *error != NULL))
    return;
  g_hash_table_add (seen, g_steal_pointer (&key));
  entries = pd_audit_list_record (ctx, table, record_id, error);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      PdAuditEntry *audit = entries->pdata[i];
      PdHistoryEntry *entry = g_new0 (PdHistoryEntry, 1);

      entry->id = audit->id;
      entry->at = g_strdup (audit->at);
      entry->user_name = g_strdup (audit->user_name);
      entry->record = g_strdup (record_label);
      if (g_str_equal (audit->action, "update"))
        {
          entry->field = g_strdup (pd_owner_history_field_label (table, audit->field));
          entry->old_value = display_value (ctx, table, audit->field, audit->old_value);
          entry->new_value = display_value (ctx, table, audit->field, audit->new_value);
        }
      else if (g_str_equal (audit->action, "insert"))
        {
          entry->field = g_strdup (_("Created"));
          entry->old_value = g_strdup ("");
          entry->new_value = summarise_row (ctx, table, audit->new_value);
        }
      else
        {
          entry->field = g_strdup (_("Deleted"));
          entry->old_value = summarise_row (ctx, table, audit->old_value);
          entry->new_value = g_strdup ("");
        }
      g_ptr_array_add (history, entry);
    }
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const PdHistoryEntry *ea = *(PdHistoryEntry *const *) a;
  const PdHistoryEntry *eb = *(PdHistoryEntry *const *) b;

  return ea->id < eb->id ? 1 : ea->id > eb->id ? -1 : 0;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Appends the vehicles whose insert row @stmt, bound to @id, finds. */
static void
append_vehicle_ids (GArray       *ids,
                    sqlite3_stmt *stmt,
                    gint64        id)
{
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 vehicle_id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, vehicle_id);
    }
  sqlite3_reset (stmt);
}

/* The vehicle inserts of the audit log by a value of the inserted row:
 * each query is one of migration 034's indexes, whose expression and WHERE
 * these must repeat. */
#define VEHICLE_INSERTS_BY(key) \
  "SELECT record_id FROM audit_log WHERE table_name = 'vehicle' AND action = 'insert' " \
  "AND json_extract (new_value, '$." key "') = ?"

/* Vehicles ever registered for the unit or for someone who held a role on
 * it (@roles, ended ones included), removed ones too (only the audit log
 * still knows those), in ascending order.  One look-up for the unit and one
 * per person: SQLite (3.40) uses an expression index for "= ?" but not for
 * "IN (SELECT …)" or a join, which read every vehicle row of the log. */
static GArray *
vehicle_ids (PdContext *ctx,
             gint64     unit_id,
             GPtrArray *roles,
             GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *by_unit = pd_database_prepare (database, VEHICLE_INSERTS_BY ("unit_id"), error);
  sqlite3_stmt *by_person = by_unit ? pd_database_prepare (database, VEHICLE_INSERTS_BY ("person_id"), error) : NULL;
  GArray *ids;
  guint kept = 0;

  if (by_person == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  append_vehicle_ids (ids, by_unit, unit_id);
  for (guint i = 0; i < roles->len; i++)
    append_vehicle_ids (ids, by_person, ((PdUnitRole *) roles->pdata[i])->person_id);
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    if (kept == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, kept - 1))
      g_array_index (ids, gint64, kept++) = g_array_index (ids, gint64, i);
  g_array_set_size (ids, kept);
  return ids;
}

GPtrArray *
pd_owner_history_list (PdContext  *ctx,
                       gint64      unit_id,
                       GError    **error)
{
  g_autoptr (GPtrArray) history = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_history_entry_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) roles = pd_unit_role_list (ctx, unit_id, 0, FALSE, error);
  g_autoptr (GArray) vehicles = NULL;
  g_autoptr (GError) local_error = NULL;

  if (roles == NULL)
    return NULL;
  add_record (ctx, history, seen, "unit", unit_id, _("Unit"), &local_error);
  for (guint i = 0; i < roles->len; i++)
    {
      PdUnitRole *role = roles->pdata[i];
      g_autofree char *label = g_strdup_printf ("%s %s", pd_unit_role_label (role->role), role->person_name);

      add_record (ctx, history, seen, "unit_role", role->id, label, &local_error);
      add_record (ctx, history, seen, "person", role->person_id, role->person_name, &local_error);
    }
  vehicles = vehicle_ids (ctx, unit_id, roles, &local_error);
  for (guint i = 0; vehicles != NULL && i < vehicles->len; i++)
    {
      gint64 id = g_array_index (vehicles, gint64, i);
      g_autoptr (GPtrArray) inserts = pd_audit_list_record (ctx, "vehicle", id, &local_error);
      g_autofree char *plate = NULL;
      g_autofree char *label = NULL;

      /* The plate it was registered with names it even after removal. */
      if (inserts != NULL && inserts->len > 0)
        plate = json_value (ctx, ((PdAuditEntry *) g_ptr_array_index (inserts, inserts->len - 1))->new_value,
                            "plate");
      /* Translators: %s is a vehicle plate */
      label = g_strdup_printf (_("Vehicle %s"), plate ? plate : "");
      add_record (ctx, history, seen, "vehicle", id, label, &local_error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_ptr_array_sort (history, compare_newest_first);
  return g_steal_pointer (&history);
}
