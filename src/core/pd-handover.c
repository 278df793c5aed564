/* pd-handover.c — see pd-handover.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-handover.h"
#include "pd-unit-role.h"
#include "pd-validate.h"

static const PdHandoverPaper documents[] = {
  { "move_in_notice", NC_("handover", "Move-in notice") },
  { "purchase_contract", NC_("handover", "Purchase contract") },
  { "owner_id", NC_("handover", "Owner's ID document") },
  { "business_licence", NC_("handover", "Business licence set") },
  { "proxy_id", NC_("handover", "Proxy's ID document") },
  { "power_of_attorney", NC_("handover", "Power of attorney (original)") },
};

static const PdHandoverPaper agreements[] = {
  { "service_contract", NC_("handover", "Preliminary property service contract (2 copies)") },
  { "renovation_agreement", NC_("handover", "Renovation management agreement") },
  { "management_rules", NC_("handover", "Provisional management rules") },
};

#define HANDOVER_COLUMNS \
  "h.id, h.unit_id, h.owner_id, h.status, h.handover_on, h.proxy_name, h.proxy_id_number, " \
  "h.docs_checked, h.agreements_signed, h.fee_receipt, h.clerk, h.engineer, h.officer, " \
  "h.developer_rep, h.others_present, coalesce (h.water_milli, -1), " \
  "coalesce (h.electricity_milli, -1), coalesce (h.gas_milli, -1), h.house_keys, h.access_cards, " \
  "h.electricity_card, h.water_card, h.gas_card, h.keys_received_by, h.keys_handed_on, " \
  "h.inspected_on, h.closed_on, h.created_at, h.notes, u.code, u.use, p.name, p.kind, " \
  "CASE p.kind WHEN 'enterprise' THEN p.uscc ELSE p.id_number END, p.mobile " \
  "FROM handover h JOIN unit u ON u.id = h.unit_id JOIN person p ON p.id = h.owner_id "

PdHandover *
pd_handover_new (void)
{
  PdHandover *self = g_new0 (PdHandover, 1);

  self->water_milli = self->electricity_milli = self->gas_milli = -1;
  return self;
}

void
pd_handover_free (PdHandover *handover)
{
  if (handover == NULL)
    return;
  g_free (handover->status);
  g_free (handover->handover_on);
  g_free (handover->proxy_name);
  g_free (handover->proxy_id_number);
  g_free (handover->docs_checked);
  g_free (handover->agreements_signed);
  g_free (handover->fee_receipt);
  g_free (handover->clerk);
  g_free (handover->engineer);
  g_free (handover->officer);
  g_free (handover->developer_rep);
  g_free (handover->others_present);
  g_free (handover->access_cards);
  g_free (handover->electricity_card);
  g_free (handover->water_card);
  g_free (handover->gas_card);
  g_free (handover->keys_received_by);
  g_free (handover->keys_handed_on);
  g_free (handover->inspected_on);
  g_free (handover->closed_on);
  g_free (handover->created_at);
  g_free (handover->notes);
  g_free (handover->unit_code);
  g_free (handover->unit_use);
  g_free (handover->owner_name);
  g_free (handover->owner_kind);
  g_free (handover->owner_id_number);
  g_free (handover->owner_mobile);
  g_free (handover);
}

const PdHandoverPaper *
pd_handover_documents (guint *n)
{
  *n = G_N_ELEMENTS (documents);
  return documents;
}

const PdHandoverPaper *
pd_handover_agreements (guint *n)
{
  *n = G_N_ELEMENTS (agreements);
  return agreements;
}

const char *
pd_handover_paper_label (const PdHandoverPaper *paper)
{
  return g_dpgettext2 (NULL, "handover", paper->label);
}

gboolean
pd_handover_paper_listed (const char *comma_list,
                          const char *key)
{
  g_auto (GStrv) keys = g_strsplit (comma_list ? comma_list : "", ",", -1);

  return g_strv_contains ((const char *const *) keys, key);
}

const char *
pd_handover_status_label (const char *status)
{
  if (g_strcmp0 (status, "in_progress") == 0)
    return C_("handover", "In progress");
  if (g_strcmp0 (status, "inspected") == 0)
    return C_("handover", "Inspected");
  if (g_strcmp0 (status, "defects_open") == 0)
    return C_("handover", "Defects open");
  if (g_strcmp0 (status, "closed") == 0)
    return C_("handover", "Closed");
  return status ? status : "";
}

static PdHandover *
read_row (sqlite3_stmt *stmt)
{
  PdHandover *h = pd_handover_new ();
  int c = 0;

  h->id = sqlite3_column_int64 (stmt, c++);
  h->unit_id = sqlite3_column_int64 (stmt, c++);
  h->owner_id = sqlite3_column_int64 (stmt, c++);
  h->status = g_strdup (pd_column_text (stmt, c++));
  h->handover_on = g_strdup (pd_column_text (stmt, c++));
  h->proxy_name = g_strdup (pd_column_text (stmt, c++));
  h->proxy_id_number = g_strdup (pd_column_text (stmt, c++));
  h->docs_checked = g_strdup (pd_column_text (stmt, c++));
  h->agreements_signed = g_strdup (pd_column_text (stmt, c++));
  h->fee_receipt = g_strdup (pd_column_text (stmt, c++));
  h->clerk = g_strdup (pd_column_text (stmt, c++));
  h->engineer = g_strdup (pd_column_text (stmt, c++));
  h->officer = g_strdup (pd_column_text (stmt, c++));
  h->developer_rep = g_strdup (pd_column_text (stmt, c++));
  h->others_present = g_strdup (pd_column_text (stmt, c++));
  h->water_milli = sqlite3_column_int64 (stmt, c++);
  h->electricity_milli = sqlite3_column_int64 (stmt, c++);
  h->gas_milli = sqlite3_column_int64 (stmt, c++);
  h->house_keys = sqlite3_column_int (stmt, c++);
  h->access_cards = g_strdup (pd_column_text (stmt, c++));
  h->electricity_card = g_strdup (pd_column_text (stmt, c++));
  h->water_card = g_strdup (pd_column_text (stmt, c++));
  h->gas_card = g_strdup (pd_column_text (stmt, c++));
  h->keys_received_by = g_strdup (pd_column_text (stmt, c++));
  h->keys_handed_on = g_strdup (pd_column_text (stmt, c++));
  h->inspected_on = g_strdup (pd_column_text (stmt, c++));
  h->closed_on = g_strdup (pd_column_text (stmt, c++));
  h->created_at = g_strdup (pd_column_text (stmt, c++));
  h->notes = g_strdup (pd_column_text (stmt, c++));
  h->unit_code = g_strdup (pd_column_text (stmt, c++));
  h->unit_use = g_strdup (pd_column_text (stmt, c++));
  h->owner_name = g_strdup (pd_column_text (stmt, c++));
  h->owner_kind = g_strdup (pd_column_text (stmt, c++));
  h->owner_id_number = g_strdup (pd_column_text (stmt, c++));
  h->owner_mobile = g_strdup (pd_column_text (stmt, c++));
  return h;
}

PdHandover *
pd_handover_get (PdContext *ctx,
                 gint64     handover_id,
                 GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database, "SELECT " HANDOVER_COLUMNS "WHERE h.id = ?", error);
  PdHandover *h = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, handover_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    h = read_row (stmt);
  else if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, handover_id);
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "handover",
                          _("Handover: there is no handover number %s."), number);
    }
  else
    pd_database_set_error (database, _("Reading the handover failed"), error);
  sqlite3_reset (stmt);
  return h;
}

PdHandover *
pd_handover_find_for_unit (PdContext *ctx,
                           gint64     unit_id,
                           GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT " HANDOVER_COLUMNS "WHERE h.unit_id = ? ORDER BY h.handover_on DESC, h.id DESC LIMIT 1", error);
  PdHandover *h = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    h = read_row (stmt);
  else if (rc != SQLITE_DONE)
    pd_database_set_error (database, _("Reading the handover failed"), error);
  sqlite3_reset (stmt);
  return h;
}

gboolean
pd_handover_check_can_start (PdContext *ctx,
                             gint64     unit_id,
                             GError   **error)
{
  g_autoptr (PdUnit) unit = pd_unit_get (ctx, unit_id, error);
  g_autoptr (PdHandover) last = NULL;
  g_autoptr (GError) local = NULL;

  if (unit == NULL)
    return FALSE;
  last = pd_handover_find_for_unit (ctx, unit_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (last != NULL && !g_str_equal (last->status, "closed"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "unit",
                          /* Translators: unit code, then the date the handover started */
                          _("Unit %s: a handover started on %s is still in progress; continue that one."),
                          unit->code, last->handover_on);
      return FALSE;
    }
  if (last != NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "unit",
                          /* Translators: unit code, then the date of the handover */
                          _("Unit %s was already handed over on %s."), unit->code, last->closed_on);
      return FALSE;
    }
  if (!g_str_equal (unit->state, "unsold") && !g_str_equal (unit->state, "vacant"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "unit",
                          /* Translators: unit code, then its state, e.g. "Renovating" */
                          _("Unit %s is already handed over (state: %s)."), unit->code,
                          pd_unit_state_label (unit->state));
      return FALSE;
    }
  return TRUE;
}

static gint64
resolve_new_owner (PdContext *ctx,
                   PdPerson  *person,
                   GError   **error)
{
  gint64 id = 0;

  if (!pd_person_validate (person, error))
    return -1;
  if (g_str_equal (person->kind, "enterprise") && *person->uscc != '\0')
    id = pd_database_query_int (pd_context_get_database (ctx), "SELECT id FROM person WHERE uscc = ? AND uscc <> ''",
                                person->uscc, error);
  else if (*person->id_number != '\0')
    id = pd_person_find_by_id_number (ctx, person->id_type, person->id_number);
  if (id < 0)
    return -1;
  if (id > 0)
    return id;
  return pd_person_create (ctx, person, error);
}

/* The owner must own the unit; a unit with no owner yet (just sold) gets
 * this one from the handover day. */
static gboolean
ensure_owner (PdContext  *ctx,
              gint64      unit_id,
              gint64      owner_id,
              const char *unit_code,
              const char *day,
              GError    **error)
{
  g_autoptr (GPtrArray) roles = pd_unit_role_list (ctx, unit_id, 0, TRUE, error);
  g_autoptr (GString) owners = g_string_new (NULL);
  g_autoptr (PdPerson) person = NULL;
  g_autoptr (PdUnitRole) role = NULL;

  if (roles == NULL)
    return FALSE;
  for (guint i = 0; i < roles->len; i++)
    {
      PdUnitRole *r = roles->pdata[i];
      if (!g_str_equal (r->role, "owner"))
        continue;
      if (r->person_id == owner_id)
        return TRUE;
      g_string_append_printf (owners, "%s%s", owners->len ? "、" : "", r->person_name);
    }
  person = pd_person_get (ctx, owner_id, error);
  if (person == NULL)
    return FALSE;
  if (owners->len > 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "owner",
                          /* Translators: person, unit code, the unit's owners */
                          _("Owner: %s is not an owner of unit %s (owners: %s). Record the transfer in the owner file first."),
                          person->name, unit_code, owners->str);
      return FALSE;
    }
  role = pd_unit_role_new ("owner");
  role->unit_id = unit_id;
  role->person_id = owner_id;
  g_free (role->start_on);
  role->start_on = g_strdup (day);
  return pd_unit_role_add (ctx, role, error) > 0;
}

static gboolean
check_day (PdContext  *ctx,
           const char *text,
           const char *field,
           const char *label,
           char      **iso,
           GError    **error)
{
  g_autofree char *today = pd_context_today (ctx);

  if (!pd_date_parse (text, field, label, iso, error))
    return FALSE;
  if (strcmp (*iso, today) > 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, field,
                          /* Translators: %s is a field name such as "Handover date" */
                          _("%s: cannot be later than today."), label);
      g_clear_pointer (iso, g_free);
      return FALSE;
    }
  return TRUE;
}

gint64
pd_handover_start (PdContext  *ctx,
                   gint64      unit_id,
                   gint64      owner_id,
                   PdPerson   *new_owner,
                   const char *handover_on,
                   GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdUnit) unit = NULL;
  g_autofree char *day = NULL;
  g_autofree char *now = pd_context_now_text (ctx);
  sqlite3_stmt *stmt;
  gint64 id;

  if (!pd_handover_check_can_start (ctx, unit_id, error))
    return -1;
  unit = pd_unit_get (ctx, unit_id, error);
  if (unit == NULL || !check_day (ctx, handover_on, "handover_on", C_("handover", "Handover date"), &day, error))
    return -1;
  if (owner_id <= 0 && new_owner == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "owner",
                          _("Owner: choose the owner from the owner file or enter a new one."));
      return -1;
    }
  if (pd_database_query_int (database, "SELECT count(*) FROM handover_template_item WHERE use = ?",
                             unit->use, error) <= 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "checklist",
                          /* Translators: %s is a unit use, e.g. "Shop" */
                          _("Checklist: the inspection template for “%s” is empty; fill it in Settings first."),
                          pd_unit_use_label (unit->use));
      return -1;
    }
  if (!pd_database_begin (database, error))
    return -1;
  if (owner_id <= 0)
    owner_id = resolve_new_owner (ctx, new_owner, error);
  if (owner_id <= 0 || !ensure_owner (ctx, unit_id, owner_id, unit->code, day, error))
    goto fail;

  stmt = pd_database_prepare (database,
    "INSERT INTO handover (unit_id, owner_id, handover_on, clerk, keys_received_by, created_at) "
    "VALUES (?1, ?2, ?3, ?4, (SELECT name FROM person WHERE id = ?2), ?5)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, owner_id);
  pd_bind_text (stmt, 3, day);
  pd_bind_text (stmt, 4, pd_context_get_user (ctx));
  pd_bind_text (stmt, 5, now);
  if (!pd_database_step_done (database, stmt, error))
    goto fail;
  id = pd_database_last_insert_id (database);

  stmt = pd_database_prepare (database,
    "INSERT INTO handover_check (handover_id, position, room, item) "
    "SELECT ?, position, room, item FROM handover_template_item WHERE use = ? ORDER BY position", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  pd_bind_text (stmt, 2, unit->use);
  if (!pd_database_step_done (database, stmt, error) || !pd_database_commit (database, error))
    goto fail;
  pd_context_notify_changed (ctx, "handover");
  return id;

fail:
  pd_database_rollback (database);
  return -1;
}

/* "A01, A02；A03 A04" → "A01、A02、A03、A04". */
static char *
normalise_serials (const char *text)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *copy = g_strdup (text ? text : "");
  static const char *const separators[] = { "，", "、", "；", ";", "\n", "\t", " " };
  g_auto (GStrv) parts = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_auto (GStrv) pieces = g_strsplit (copy, separators[i], -1);
      g_free (copy);
      copy = g_strjoinv (",", pieces);
    }
  parts = g_strsplit (copy, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_string_append_printf (out, "%s%s", out->len ? "、" : "", parts[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Keeps known keys in their canonical order; refuses unknown ones. */
static gboolean
normalise_papers (char                 **list,
                  const PdHandoverPaper *papers,
                  guint                  n,
                  const char            *field,
                  GError               **error)
{
  g_auto (GStrv) keys = g_strsplit (*list ? *list : "", ",", -1);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      gboolean known = FALSE;
      g_strstrip (keys[i]);
      for (guint j = 0; j < n && !known; j++)
        known = *keys[i] == '\0' || g_str_equal (keys[i], papers[j].key);
      if (!known)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, field,
                              _("Papers: “%s” is not a document PropDesk knows."), keys[i]);
          return FALSE;
        }
    }
  for (guint j = 0; j < n; j++)
    if (g_strv_contains ((const char *const *) keys, papers[j].key))
      g_string_append_printf (out, "%s%s", out->len ? "," : "", papers[j].key);
  g_free (*list);
  *list = g_string_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}

static void
strip_field (char **value)
{
  if (*value == NULL)
    *value = g_strdup ("");
  g_strstrip (*value);
}

static gboolean
validate (PdContext  *ctx,
          PdHandover *h,
          GError    **error)
{
  char **texts[] = { &h->proxy_name, &h->proxy_id_number, &h->fee_receipt, &h->clerk, &h->engineer,
                     &h->officer, &h->developer_rep, &h->others_present, &h->electricity_card,
                     &h->water_card, &h->gas_card, &h->keys_received_by, &h->keys_handed_on, &h->notes };
  g_autofree char *day = NULL;
  g_autofree char *cards = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    strip_field (texts[i]);
  if (!check_day (ctx, h->handover_on, "handover_on", C_("handover", "Handover date"), &day, error))
    return FALSE;
  g_free (h->handover_on);
  h->handover_on = g_steal_pointer (&day);
  if (*h->proxy_id_number != '\0' && *h->proxy_name == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "proxy_name",
                          _("Proxy: enter the proxy's name as well as the ID number."));
      return FALSE;
    }
  if (*h->proxy_id_number != '\0' && g_ascii_isdigit (*h->proxy_id_number))
    {
      g_autoptr (GError) id_error = NULL;
      g_autofree char *normal = NULL;

      /* A mainland ID is checked; passports and the like are taken as typed. */
      if (!pd_prc_id_parse (h->proxy_id_number, &normal, NULL, NULL, &id_error))
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "proxy_id_number",
                              _("Proxy's ID number: %s"), id_error->message);
          return FALSE;
        }
      g_free (h->proxy_id_number);
      h->proxy_id_number = g_steal_pointer (&normal);
    }
  if (!normalise_papers (&h->docs_checked, documents, G_N_ELEMENTS (documents), "docs_checked", error) ||
      !normalise_papers (&h->agreements_signed, agreements, G_N_ELEMENTS (agreements), "agreements_signed",
                         error))
    return FALSE;
  if (h->house_keys < 0 || h->house_keys > 99)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "house_keys",
                          _("House keys: enter a number from 0 to 99."));
      return FALSE;
    }
  cards = normalise_serials (h->access_cards);
  g_free (h->access_cards);
  h->access_cards = g_steal_pointer (&cards);
  if (h->water_milli < -1 || h->electricity_milli < -1 || h->gas_milli < -1)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "readings",
                          _("Meter readings: a meter reading cannot be negative."));
      return FALSE;
    }
  if (*h->keys_handed_on != '\0')
    {
      g_autofree char *iso = NULL;
      if (!check_day (ctx, h->keys_handed_on, "keys_handed_on", _("Keys handed over on"), &iso, error))
        return FALSE;
      g_free (h->keys_handed_on);
      h->keys_handed_on = g_steal_pointer (&iso);
      if (h->house_keys == 0)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "house_keys",
                              _("House keys: enter how many keys were handed over."));
          return FALSE;
        }
      if (*h->keys_received_by == '\0')
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "keys_received_by",
                              _("Keys received by: enter who signed for the keys and cards."));
          return FALSE;
        }
    }
  return TRUE;
}

static void
bind_reading (sqlite3_stmt *stmt,
              int           index,
              gint64        milli)
{
  if (milli < 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, milli);
}

gboolean
pd_handover_save (PdContext  *ctx,
                  PdHandover *handover,
                  GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdHandover) stored = pd_handover_get (ctx, handover->id, error);
  sqlite3_stmt *stmt;
  int c = 1;

  if (stored == NULL)
    return FALSE;
  if (g_str_equal (stored->status, "closed"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "status",
                          _("Handover: unit %s is closed and can no longer be changed."), stored->unit_code);
      return FALSE;
    }
  if (!validate (ctx, handover, error))
    return FALSE;
  stmt = pd_database_prepare (database,
    "UPDATE handover SET handover_on = ?, proxy_name = ?, proxy_id_number = ?, docs_checked = ?, "
    "agreements_signed = ?, fee_receipt = ?, clerk = ?, engineer = ?, officer = ?, developer_rep = ?, "
    "others_present = ?, water_milli = ?, electricity_milli = ?, gas_milli = ?, house_keys = ?, "
    "access_cards = ?, electricity_card = ?, water_card = ?, gas_card = ?, keys_received_by = ?, "
    "keys_handed_on = ?, notes = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, c++, handover->handover_on);
  pd_bind_text (stmt, c++, handover->proxy_name);
  pd_bind_text (stmt, c++, handover->proxy_id_number);
  pd_bind_text (stmt, c++, handover->docs_checked);
  pd_bind_text (stmt, c++, handover->agreements_signed);
  pd_bind_text (stmt, c++, handover->fee_receipt);
  pd_bind_text (stmt, c++, handover->clerk);
  pd_bind_text (stmt, c++, handover->engineer);
  pd_bind_text (stmt, c++, handover->officer);
  pd_bind_text (stmt, c++, handover->developer_rep);
  pd_bind_text (stmt, c++, handover->others_present);
  bind_reading (stmt, c++, handover->water_milli);
  bind_reading (stmt, c++, handover->electricity_milli);
  bind_reading (stmt, c++, handover->gas_milli);
  sqlite3_bind_int (stmt, c++, handover->house_keys);
  pd_bind_text (stmt, c++, handover->access_cards);
  pd_bind_text (stmt, c++, handover->electricity_card);
  pd_bind_text (stmt, c++, handover->water_card);
  pd_bind_text (stmt, c++, handover->gas_card);
  pd_bind_text (stmt, c++, handover->keys_received_by);
  pd_bind_text (stmt, c++, handover->keys_handed_on);
  pd_bind_text (stmt, c++, handover->notes);
  sqlite3_bind_int64 (stmt, c++, handover->id);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "handover");
  return TRUE;
}

static gboolean
set_status (PdContext  *ctx,
            gint64      handover_id,
            const char *status,
            const char *date_column_sql,
            GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *today = pd_context_today (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database, date_column_sql, error);

  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, status);
  pd_bind_text (stmt, 2, today);
  sqlite3_bind_int64 (stmt, 3, handover_id);
  return pd_database_step_done (database, stmt, error);
}

gboolean
pd_handover_finish_inspection (PdContext *ctx,
                               gint64     handover_id,
                               GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdHandover) h = pd_handover_get (ctx, handover_id, error);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, handover_id);
  gint64 unanswered, open;

  if (h == NULL)
    return FALSE;
  if (!g_str_equal (h->status, "in_progress"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "status",
                          _("Inspection: the inspection of unit %s is already finished."), h->unit_code);
      return FALSE;
    }
  unanswered = pd_database_query_int (database,
    "SELECT count(*) FROM handover_check WHERE handover_id = CAST (? AS INTEGER) AND result = ''",
    id_text, error);
  if (unanswered < 0)
    return FALSE;
  if (unanswered > 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "checklist",
                          /* Translators: %d is a number of checklist items */
                          _("Checklist: %d items have no result yet."), (int) unanswered);
      return FALSE;
    }
  if (h->water_milli < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "water",
                          _("Water meter: enter the start reading."));
      return FALSE;
    }
  if (h->electricity_milli < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "electricity",
                          _("Electricity meter: enter the start reading."));
      return FALSE;
    }
  open = pd_database_query_int (database,
    "SELECT count(*) FROM handover_defect WHERE handover_id = CAST (? AS INTEGER) AND status = 'open'",
    id_text, error);
  if (open < 0)
    return FALSE;
  if (!set_status (ctx, handover_id, open > 0 ? "defects_open" : "inspected",
                   "UPDATE handover SET status = ?, inspected_on = ? WHERE id = ?", error))
    return FALSE;
  pd_context_notify_changed (ctx, "handover");
  return TRUE;
}

GPtrArray *
pd_handover_close_blockers (PdContext        *ctx,
                            const PdHandover *h)
{
  GPtrArray *blockers = g_ptr_array_new_with_free_func (g_free);
  gboolean enterprise = g_strcmp0 (h->owner_kind, "enterprise") == 0;
  gboolean proxy = *h->proxy_name != '\0';

  if (g_str_equal (h->status, "in_progress"))
    g_ptr_array_add (blockers, g_strdup (_("Inspection: finish the inspection first.")));
  else if (g_str_equal (h->status, "defects_open"))
    g_ptr_array_add (blockers, g_strdup (_("Defects: some defects are still open; re-inspect them first.")));
  else if (g_str_equal (h->status, "closed"))
    g_ptr_array_add (blockers, g_strdup (_("Handover: already closed.")));
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      const char *key = documents[i].key;
      gboolean needed = TRUE;

      /* An individual shows an ID, an enterprise its licence set; a proxy
       * brings an ID and the original power of attorney. */
      if (g_str_equal (key, "owner_id"))
        needed = !enterprise;
      else if (g_str_equal (key, "business_licence"))
        needed = enterprise;
      else if (g_str_equal (key, "proxy_id") || g_str_equal (key, "power_of_attorney"))
        needed = proxy;
      if (needed && !pd_handover_paper_listed (h->docs_checked, key))
        /* Translators: %s is a document, e.g. "Move-in notice" */
        g_ptr_array_add (blockers, g_strdup_printf (_("Documents: “%s” not checked."), pd_handover_paper_label (&documents[i])));
    }
  for (guint i = 0; i < G_N_ELEMENTS (agreements); i++)
    if (!pd_handover_paper_listed (h->agreements_signed, agreements[i].key))
      /* Translators: %s is an agreement */
      g_ptr_array_add (blockers, g_strdup_printf (_("Agreements: “%s” not signed."), pd_handover_paper_label (&agreements[i])));
  if (*h->fee_receipt == '\0')
    g_ptr_array_add (blockers, g_strdup (_("Fees: enter the receipt number.")));
  if (*h->keys_handed_on == '\0')
    g_ptr_array_add (blockers, g_strdup (_("Keys and cards: not yet handed over against signature.")));
  return blockers;
}

gboolean
pd_handover_close (PdContext *ctx,
                   gint64     handover_id,
                   GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdHandover) h = pd_handover_get (ctx, handover_id, error);
  g_autoptr (GPtrArray) blockers = NULL;
  g_autofree char *missing = NULL;

  if (h == NULL)
    return FALSE;
  blockers = pd_handover_close_blockers (ctx, h);
  if (blockers->len > 0)
    {
      g_ptr_array_add (blockers, NULL);
      missing = g_strjoinv (" ", (char **) blockers->pdata);
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE,
                          g_str_equal (h->status, "inspected") ? "papers" : "status",
                          /* Translators: unit code, then the list of what is missing */
                          _("Unit %s cannot be handed over yet: %s"), h->unit_code, missing);
      return FALSE;
    }
  if (!pd_database_begin (database, error))
    return FALSE;
  if (!set_status (ctx, handover_id, "closed", "UPDATE handover SET status = ?, closed_on = ? WHERE id = ?",
                   error) ||
      !pd_unit_set_state (ctx, h->unit_id, "handed_over", error) ||
      !pd_database_commit (database, error))
    {
      pd_database_rollback (database);
      return FALSE;
    }
  pd_context_notify_changed (ctx, "handover");
  return TRUE;
}

gboolean
pd_handover_delete (PdContext *ctx,
                    gint64     handover_id,
                    GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdHandover) h = NULL;
  static const char *const statements[] = {
    "DELETE FROM handover_reinspection WHERE defect_id IN (SELECT id FROM handover_defect WHERE handover_id = ?)",
    "DELETE FROM handover_defect WHERE handover_id = ?",
    "DELETE FROM handover_check WHERE handover_id = ?",
    "DELETE FROM handover WHERE id = ?",
  };

  if (!pd_context_require_role (ctx, PD_ROLE_SUPERVISOR, _("delete a handover"), error))
    return FALSE;
  h = pd_handover_get (ctx, handover_id, error);
  if (h == NULL)
    return FALSE;
  if (!g_str_equal (h->status, "in_progress"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "status",
                          _("Handover: only a handover still in progress can be deleted."));
      return FALSE;
    }
  if (!pd_database_begin (database, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = pd_database_prepare (database, statements[i], error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, handover_id);
      if (!pd_database_step_done (database, stmt, error))
        goto fail;
    }
  if (!pd_database_commit (database, error))
    goto fail;
  pd_context_notify_changed (ctx, "handover");
  return TRUE;

fail:
  pd_database_rollback (database);
  return FALSE;
}
