/* pd-renovation.c — see pd-renovation.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stddef.h>
#include <string.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-renovation-private.h"
#include "pd-validate.h"

/* ---- the record and its columns ---------------------------------------- */

typedef enum { COL_TEXT, COL_INT, COL_BOOL } ColumnKind;

/* Every stored column but id, in one table, so reading and writing cannot
 * drift apart. */
static const struct
{
  const char *name;
  ColumnKind  kind;
  gsize       offset;
} columns[] = {
#define T(f) { #f, COL_TEXT, offsetof (PdRenovation, f) }
#define I(f) { #f, COL_INT, offsetof (PdRenovation, f) }
#define B(f) { #f, COL_BOOL, offsetof (PdRenovation, f) }
  I (estate_id), I (unit_id), T (state), I (applicant_id), T (applicant_role),
  I (authorised_by), B (authorisation_letter), B (self_renovation), B (undertaking_signed),
  T (contractor_name), T (contractor_licence), T (contractor_qualification),
  T (contractor_person), T (contractor_phone), T (planned_start), T (planned_end), T (scope),
  T (scope_note), B (hot_work_application), B (extinguisher), T (drawings), T (created_on),
  T (submitted_on), T (review_due), T (decided_on), T (engineering_opinion),
  T (supervisor_opinion), T (manager_opinion), T (revision_note), T (rejection_reason),
  I (deposit_fen), I (debris_fee_fen), I (pass_fee_fen), T (fees_receipt), T (fees_paid_on),
  T (agreement_signed_on), T (serial), T (permit_issued_on), T (valid_from), T (valid_to),
  T (started_on), T (stopped_on), T (stop_reason), T (completion_requested_on),
  T (inspection_note), T (fire_accepted_on), T (accepted_on), T (refunded_on), T (closed_on),
  T (withdrawn_on), T (withdraw_reason), T (unit_state_before),
#undef T
#undef I
#undef B
};

#define FIELD_TEXT(r, i) ((char **) ((guint8 *) (r) + columns[i].offset))
#define FIELD_INT(r, i) ((gint64 *) ((guint8 *) (r) + columns[i].offset))
#define FIELD_BOOL(r, i) ((gboolean *) ((guint8 *) (r) + columns[i].offset))

/* Columns whose SQL value is NULL when empty (unique or foreign keys). */
static gboolean
column_nullable (const char *name)
{
  return g_str_equal (name, "serial") || g_str_equal (name, "authorised_by");
}

PdRenovation *
pd_renovation_new (void)
{
  PdRenovation *renovation = g_new0 (PdRenovation, 1);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (columns[i].kind == COL_TEXT)
      *FIELD_TEXT (renovation, i) = g_strdup ("");
  pd_renovation_set_text (&renovation->state, "draft");
  pd_renovation_set_text (&renovation->applicant_role, "owner");
  renovation->unit_code = g_strdup ("");
  renovation->unit_use = g_strdup ("");
  renovation->applicant_name = g_strdup ("");
  renovation->applicant_mobile = g_strdup ("");
  renovation->owner_name = g_strdup ("");
  return renovation;
}

void
pd_renovation_free (PdRenovation *renovation)
{
  if (renovation == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (columns[i].kind == COL_TEXT)
      g_free (*FIELD_TEXT (renovation, i));
  g_free (renovation->unit_code);
  g_free (renovation->unit_use);
  g_free (renovation->applicant_name);
  g_free (renovation->applicant_mobile);
  g_free (renovation->owner_name);
  g_free (renovation);
}

void
pd_renovation_set_text (char      **field,
                        const char *value)
{
  char *copy = g_strdup (value ? value : "");
  g_free (*field);
  *field = copy;
}

static const char *
select_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      GString *text = g_string_new ("SELECT r.id");
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        g_string_append_printf (text, ", r.%s", columns[i].name);
      g_string_append (text,
        ", u.code, u.use, p.name, p.mobile, "
        "(SELECT group_concat(op.name, '、') FROM unit_role o JOIN person op ON op.id = o.person_id "
        " WHERE o.unit_id = r.unit_id AND o.role = 'owner' AND o.ended_on = '') "
        "FROM renovation r JOIN unit u ON u.id = r.unit_id JOIN person p ON p.id = r.applicant_id ");
      g_once_init_leave (&sql, g_string_free (text, FALSE));
    }
  return sql;
}

static PdRenovation *
read_row (sqlite3_stmt *stmt)
{
  PdRenovation *renovation = pd_renovation_new ();
  guint n = G_N_ELEMENTS (columns);

  renovation->id = sqlite3_column_int64 (stmt, 0);
  for (guint i = 0; i < n; i++)
    switch (columns[i].kind)
      {
      case COL_TEXT:
        pd_renovation_set_text (FIELD_TEXT (renovation, i), pd_column_text (stmt, i + 1));
        break;
      case COL_INT:
        *FIELD_INT (renovation, i) = sqlite3_column_int64 (stmt, i + 1);
        break;
      case COL_BOOL:
        *FIELD_BOOL (renovation, i) = sqlite3_column_int (stmt, i + 1) != 0;
        break;
      }
  pd_renovation_set_text (&renovation->unit_code, pd_column_text (stmt, n + 1));
  pd_renovation_set_text (&renovation->unit_use, pd_column_text (stmt, n + 2));
  pd_renovation_set_text (&renovation->applicant_name, pd_column_text (stmt, n + 3));
  pd_renovation_set_text (&renovation->applicant_mobile, pd_column_text (stmt, n + 4));
  pd_renovation_set_text (&renovation->owner_name, pd_column_text (stmt, n + 5));
  return renovation;
}

static void
bind_columns (sqlite3_stmt       *stmt,
              const PdRenovation *renovation)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    switch (columns[i].kind)
      {
      case COL_TEXT:
        if (column_nullable (columns[i].name))
          pd_bind_text_or_null (stmt, i + 1, *FIELD_TEXT (renovation, i));
        else
          pd_bind_text (stmt, i + 1, *FIELD_TEXT (renovation, i));
        break;
      case COL_INT:
        if (column_nullable (columns[i].name) && *FIELD_INT (renovation, i) == 0)
          sqlite3_bind_null (stmt, i + 1);
        else
          sqlite3_bind_int64 (stmt, i + 1, *FIELD_INT (renovation, i));
        break;
      case COL_BOOL:
        sqlite3_bind_int (stmt, i + 1, *FIELD_BOOL (renovation, i) ? 1 : 0);
        break;
      }
}

/* Appends the name of columns[@i] as a quoted identifier.  The names are
 * the struct's field names, fixed at compile time; every value the two
 * statements below write is bound, never put in the text. */
static void
append_column_name (GString *sql,
                    guint    i)
{
  char *quoted = sqlite3_mprintf ("\"%w\"", columns[i].name);

  g_string_append (sql, quoted);
  sqlite3_free (quoted);
}

static const char *
insert_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      GString *text = g_string_new ("INSERT INTO renovation (");

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          if (i > 0)
            g_string_append (text, ", ");
          append_column_name (text, i);
        }
      g_string_append (text, ") VALUES (");
      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        g_string_append (text, i ? ", ?" : "?");
      g_string_append (text, ")");
      g_once_init_leave (&sql, g_string_free (text, FALSE));
    }
  return sql;
}

static const char *
update_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      GString *text = g_string_new ("UPDATE renovation SET ");
      guint n = G_N_ELEMENTS (columns);

      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (text, ", ");
          append_column_name (text, i);
          g_string_append (text, " = ?");
        }
      g_string_append_printf (text, " WHERE id = ?%u", n + 1);
      g_once_init_leave (&sql, g_string_free (text, FALSE));
    }
  return sql;
}

gboolean
pd_renovation_store (PdContext          *ctx,
                     const PdRenovation *renovation,
                     GError            **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database, update_sql (), error);

  if (stmt == NULL)
    return FALSE;
  bind_columns (stmt, renovation);
  sqlite3_bind_int64 (stmt, G_N_ELEMENTS (columns) + 1, renovation->id);
  return pd_database_step_done (database, stmt, error);
}

gboolean
pd_renovation_log_event (PdContext  *ctx,
                         gint64      renovation_id,
                         const char *action,
                         const char *from,
                         const char *to,
                         const char *note,
                         const char *due_on,
                         GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *now = pd_context_now_text (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "INSERT INTO renovation_event (renovation_id, at, user_name, action, from_state, to_state, note, due_on) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, renovation_id);
  pd_bind_text (stmt, 2, now);
  pd_bind_text (stmt, 3, pd_context_get_user (ctx));
  pd_bind_text (stmt, 4, action);
  pd_bind_text (stmt, 5, from);
  pd_bind_text (stmt, 6, to);
  pd_bind_text (stmt, 7, note ? note : "");
  pd_bind_text (stmt, 8, due_on ? due_on : "");
  return pd_database_step_done (database, stmt, error);
}

/* ---- choices and labels ------------------------------------------------ */

static const PdRenovationChoice scope_items[] = {
  { "surface", N_("Wall, floor and ceiling finishes") },
  { "demolition", N_("Demolition of non-bearing walls") },
  { "electrical", N_("Electrical work") },
  { "plumbing", N_("Plumbing") },
  { "waterproofing", N_("Waterproofing") },
  { "balcony", N_("Balcony") },
  { "air_conditioning", N_("Air-conditioning") },
  { "hot_work", N_("Hot work (welding, cutting)") },
};

static const PdRenovationChoice drawing_items[] = {
  { "floor_plan", N_("Floor plan") },
  { "electrical", N_("Electrical drawing") },
  { "plumbing", N_("Plumbing drawing") },
};

static const PdRenovationChoice states[] = {
  { "draft", NC_("renovation state", "Draft") },
  { "submitted", NC_("renovation state", "Submitted") },
  { "review_engineering", NC_("renovation state", "Drawing review (engineering)") },
  { "review_supervisor", NC_("renovation state", "Supervisor review") },
  { "review_manager", NC_("renovation state", "Manager approval") },
  { "needs_revision", NC_("renovation state", "Needs revision") },
  { "approved", NC_("renovation state", "Approved") },
  { "rejected", NC_("renovation state", "Rejected") },
  { "permit_issued", NC_("renovation state", "Permit issued") },
  { "in_progress", NC_("renovation state", "Works in progress") },
  { "stopped", NC_("renovation state", "Stop-work") },
  { "completion_requested", NC_("renovation state", "Completion requested") },
  { "rectification", NC_("renovation state", "Rectification") },
  { "accepted", NC_("renovation state", "Accepted") },
  { "refunded", NC_("renovation state", "Deposit refunded") },
  { "closed", NC_("renovation state", "Closed") },
  { "withdrawn", NC_("renovation state", "Withdrawn") },
};

const PdRenovationChoice *
pd_renovation_scope_items (guint *n)
{
  *n = G_N_ELEMENTS (scope_items);
  return scope_items;
}

const PdRenovationChoice *
pd_renovation_drawing_items (guint *n)
{
  *n = G_N_ELEMENTS (drawing_items);
  return drawing_items;
}

const PdRenovationChoice *
pd_renovation_states (guint *n)
{
  *n = G_N_ELEMENTS (states);
  return states;
}

static const char *
choice_label (const PdRenovationChoice *choices,
              guint                     n,
              const char               *key)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (choices[i].key, key) == 0)
      return _(choices[i].label);
  return key ? key : "";
}

const char *
pd_renovation_state_label (const char *state)
{
  /* State names share words with other tabs ("Closed", "Rectification")
   * but not their translations, hence the context. */
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_strcmp0 (states[i].key, state) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "renovation state", states[i].label);
  return state ? state : "";
}

const char *
pd_renovation_scope_label (const char *key)
{
  return choice_label (scope_items, G_N_ELEMENTS (scope_items), key);
}

const char *
pd_renovation_drawing_label (const char *key)
{
  return choice_label (drawing_items, G_N_ELEMENTS (drawing_items), key);
}

char *
pd_renovation_scope_text (const char *scope)
{
  g_auto (GStrv) keys = g_strsplit (scope ? scope : "", ",", -1);
  GString *text = g_string_new (NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    if (keys[i][0] != '\0')
      g_string_append_printf (text, "%s%s", text->len ? "、" : "", pd_renovation_scope_label (keys[i]));
  return g_string_free (text, FALSE);
}

gboolean
pd_renovation_list_has (const char *comma_list,
                        const char *key)
{
  g_auto (GStrv) keys = g_strsplit (comma_list ? comma_list : "", ",", -1);
  return g_strv_contains ((const char * const *) keys, key);
}

/* Works going on at the unit: deposit, patrols, stop-work apply. */
static const char *const on_site_states[] = {
  "in_progress", "stopped", "completion_requested", "rectification", NULL,
};

gboolean
pd_renovation_state_on_site (const char *state)
{
  return state != NULL && g_strv_contains (on_site_states, state);
}

gboolean
pd_renovation_state_in_review (const char *state)
{
  return g_str_has_prefix (state ? state : "", "review_");
}

gboolean
pd_renovation_needs_fire_acceptance (const PdRenovation *renovation)
{
  return g_strcmp0 (renovation->unit_use, "office") == 0;
}

/* ---- create, update, read ---------------------------------------------- */

static gboolean
validate_keys (const char               *comma_list,
               const PdRenovationChoice *choices,
               guint                     n,
               const char               *field,
               const char               *label,
               GError                  **error)
{
  g_auto (GStrv) keys = g_strsplit (comma_list ? comma_list : "", ",", -1);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      gboolean known = keys[i][0] == '\0';
      for (guint j = 0; j < n && !known; j++)
        known = g_str_equal (keys[i], choices[j].key);
      if (!known)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, field,
                              /* Translators: "Scope: “xyz” is not a known item." */
                              _("%s: “%s” is not a known item."), label, keys[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* What can be checked on every save: the unit, the applicant, the form of
 * the values.  Completeness waits for the submission. */
static gboolean
validate_draft (PdContext    *ctx,
                PdRenovation *renovation,
                GError      **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  static const char *const roles[] = { "owner", "tenant", "proxy", NULL };
  sqlite3_stmt *stmt;

  if (!pd_database_row_exists (database, "unit", renovation->unit_id))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "unit", _("Unit: choose the unit to renovate."));
      return FALSE;
    }
  if (renovation->applicant_id <= 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "applicant", _("Applicant: choose who applies."));
      return FALSE;
    }
  stmt = pd_database_prepare (database, "SELECT 1 FROM person WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, renovation->applicant_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "applicant",
                          _("Applicant: this person is not in the owner files."));
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (!g_strv_contains (roles, renovation->applicant_role))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "applicant_role",
                          _("Applicant’s role: must be owner, tenant or proxy."));
      return FALSE;
    }
  for (guint i = 0; i < 2; i++)
    {
      char **date = i == 0 ? &renovation->planned_start : &renovation->planned_end;
      const char *label = i == 0 ? _("Planned start") : _("Planned end");
      char *iso = NULL;

      if (**date == '\0')
        continue;
      if (!pd_date_parse (*date, i == 0 ? "planned_start" : "planned_end", label, &iso, error))
        return FALSE;
      g_free (*date);
      *date = iso;
    }
  if (!validate_keys (renovation->scope, scope_items, G_N_ELEMENTS (scope_items), "scope",
                      _("Scope"), error) ||
      !validate_keys (renovation->drawings, drawing_items, G_N_ELEMENTS (drawing_items),
                      "drawings", _("Drawings"), error))
    return FALSE;
  if (renovation->contractor_phone[0] != '\0')
    {
      char *phone = NULL;
      if (!pd_phone_validate (renovation->contractor_phone, "contractor_phone",
                              _("Contractor’s phone"), &phone, error))
        return FALSE;
      g_free (renovation->contractor_phone);
      renovation->contractor_phone = phone;
    }
  return TRUE;
}

static gboolean
unit_has_open_renovation (PdContext *ctx,
                          gint64     unit_id,
                          gint64     except_id)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT 1 FROM renovation WHERE unit_id = ? AND id <> ? "
    "AND state NOT IN ('rejected', 'withdrawn', 'refunded', 'closed')", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  sqlite3_bind_int64 (stmt, 2, except_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

gint64
pd_renovation_create (PdContext    *ctx,
                      PdRenovation *renovation,
                      GError      **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdUnit) unit = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (renovation != NULL, -1);
  if (!validate_draft (ctx, renovation, error))
    return -1;
  unit = pd_unit_get (ctx, renovation->unit_id, error);
  if (unit == NULL)
    return -1;
  if (g_str_equal (unit->state, "unsold"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "unit",
                          _("Unit: %s is unsold; only handed-over units can be renovated."), unit->code);
      return -1;
    }
  if (unit_has_open_renovation (ctx, unit->id, 0))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_DUPLICATE, "unit",
                          _("Unit: %s already has an open renovation application."), unit->code);
      return -1;
    }
  renovation->estate_id = unit->estate_id;
  pd_renovation_set_text (&renovation->state, "draft");
  g_free (renovation->created_on);
  renovation->created_on = pd_context_today (ctx);

  if (!pd_database_begin (database, error))
    return -1;
  stmt = pd_database_prepare (database, insert_sql (), error);
  if (stmt == NULL)
    goto fail;
  bind_columns (stmt, renovation);
  if (!pd_database_step_done (database, stmt, error))
    goto fail;
  id = pd_database_last_insert_id (database);
  if (!pd_renovation_log_event (ctx, id, "create", "", "draft", NULL, NULL, error) ||
      !pd_database_commit (database, error))
    goto fail;
  renovation->id = id;
  pd_context_notify_changed (ctx, "renovation");
  return id;

fail:
  pd_database_rollback (database);
  return -1;
}

gboolean
pd_renovation_update (PdContext    *ctx,
                      PdRenovation *renovation,
                      GError      **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdRenovation) stored = pd_renovation_get (ctx, renovation->id, error);

  if (stored == NULL)
    return FALSE;
  if (!g_str_equal (stored->state, "draft") && !g_str_equal (stored->state, "needs_revision"))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "state",
                          _("State: the application is “%s”; it can be edited only as a draft or when it needs revision."),
                          pd_renovation_state_label (stored->state));
      return FALSE;
    }
  if (!validate_draft (ctx, renovation, error))
    return FALSE;
  if (renovation->unit_id != stored->unit_id &&
      unit_has_open_renovation (ctx, renovation->unit_id, renovation->id))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_DUPLICATE, "unit",
                          _("Unit: this unit already has an open renovation application."));
      return FALSE;
    }

  /* Only the application's own fields come from the caller; the workflow
   * fields stay as stored. */
  stored->unit_id = renovation->unit_id;
  stored->applicant_id = renovation->applicant_id;
  stored->authorised_by = renovation->authorised_by;
  stored->authorisation_letter = renovation->authorisation_letter;
  stored->self_renovation = renovation->self_renovation;
  stored->undertaking_signed = renovation->undertaking_signed;
  stored->hot_work_application = renovation->hot_work_application;
  stored->extinguisher = renovation->extinguisher;
  pd_renovation_set_text (&stored->applicant_role, renovation->applicant_role);
  pd_renovation_set_text (&stored->contractor_name, g_strstrip (renovation->contractor_name));
  pd_renovation_set_text (&stored->contractor_licence, g_strstrip (renovation->contractor_licence));
  pd_renovation_set_text (&stored->contractor_qualification, g_strstrip (renovation->contractor_qualification));
  pd_renovation_set_text (&stored->contractor_person, g_strstrip (renovation->contractor_person));
  pd_renovation_set_text (&stored->contractor_phone, renovation->contractor_phone);
  pd_renovation_set_text (&stored->planned_start, renovation->planned_start);
  pd_renovation_set_text (&stored->planned_end, renovation->planned_end);
  pd_renovation_set_text (&stored->scope, renovation->scope);
  pd_renovation_set_text (&stored->scope_note, renovation->scope_note);
  pd_renovation_set_text (&stored->drawings, renovation->drawings);

  if (!pd_database_begin (database, error))
    return FALSE;
  if (!pd_renovation_store (ctx, stored, error) || !pd_database_commit (database, error))
    {
      pd_database_rollback (database);
      return FALSE;
    }
  pd_context_notify_changed (ctx, "renovation");
  return TRUE;
}

static PdRenovation *
fetch_one (PdContext  *ctx,
           const char *where,
           const char *text,
           gint64      number,
           GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *sql = g_strconcat (select_sql (), where, NULL);
  sqlite3_stmt *stmt = pd_database_prepare (database, sql, error);
  PdRenovation *renovation = NULL;

  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    pd_bind_text (stmt, 1, text);
  sqlite3_bind_int64 (stmt, text != NULL ? 2 : 1, number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    renovation = read_row (stmt);
  sqlite3_reset (stmt);
  if (renovation == NULL)
    {
      if (text != NULL)
        pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "serial",
                            _("Permit number: no renovation has the permit number %s."), text);
      else
        pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "renovation",
                            _("Renovation: this application does not exist."));
    }
  return renovation;
}

PdRenovation *
pd_renovation_get (PdContext  *ctx,
                   gint64      renovation_id,
                   GError    **error)
{
  return fetch_one (ctx, "WHERE r.id = ?", NULL, renovation_id, error);
}

PdRenovation *
pd_renovation_find_serial (PdContext  *ctx,
                           const char *serial,
                           GError    **error)
{
  g_autofree char *upper = g_ascii_strup (serial ? serial : "", -1);
  gint64 estate_id = pd_estate_current_id (ctx, error);

  if (estate_id < 0)
    return NULL;
  /* Serial numbers are unique per estate (and year). */
  return fetch_one (ctx, "WHERE r.serial = ? AND r.estate_id = ?", g_strstrip (upper), estate_id, error);
}

/* The current estate's renovations matching @condition (SQL, no parameter). */
static GPtrArray *
list_where (PdContext  *ctx,
            const char *condition,
            GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  gint64 estate_id = pd_estate_current_id (ctx, error);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  GPtrArray *list;

  if (estate_id < 0)
    return NULL;
  sql = g_strconcat (select_sql (), "WHERE r.estate_id = ? AND ", condition,
                     " ORDER BY r.state IN ('rejected', 'withdrawn', 'closed'), r.id DESC", NULL);
  stmt = pd_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_renovation_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, read_row (stmt));
  sqlite3_reset (stmt);
  return list;
}

GPtrArray *
pd_renovation_list (PdContext  *ctx,
                    GError    **error)
{
  return list_where (ctx, "1", error);
}

GPtrArray *
pd_renovation_list_pressing (PdContext  *ctx,
                             const char *review_until,
                             GError    **error)
{
  static char *sql;
  PdDatabase *database = pd_context_get_database (ctx);
  gint64 estate_id = pd_estate_current_id (ctx, error);
  sqlite3_stmt *stmt;
  GPtrArray *list;

  if (estate_id < 0)
    return NULL;
  /* Each arm through an index of migration 032 (test-today checks that
   * none scans or sorts): reviews by state and deadline ("review_" states
   * as the range pd_renovation_state_in_review means), works stopped, and
   * the other on-site states whose ledger balance (pd_deposit_summarize's
   * sum) is below the deposit after a deduction, the only entry that
   * starts the top-up clock.  The estate is checked on the rows found (+:
   * not through its index, which would read every renovation).  Newest
   * first: the IN list is kept in id order. */
  if (g_once_init_enter (&sql))
    {
      GString *text = g_string_new (select_sql ());
      gboolean first = TRUE;

      g_string_append (text,
        "WHERE +r.estate_id = ?1 AND r.id IN ("
        " SELECT id FROM renovation WHERE state = 'submitted' AND review_due <= ?2"
        " UNION ALL SELECT id FROM renovation WHERE state > 'review_' AND state < 'review`' AND review_due <= ?2"
        " UNION ALL SELECT id FROM renovation WHERE state = 'stopped'"
        " UNION ALL SELECT s.id FROM renovation s WHERE s.state IN (");
      for (guint i = 0; on_site_states[i] != NULL; i++)
        if (!g_str_equal (on_site_states[i], "stopped"))
          {
            g_string_append_printf (text, "%s'%s'", first ? "" : ", ", on_site_states[i]);
            first = FALSE;
          }
      g_string_append (text,
        ") AND (SELECT sum(CASE WHEN d.kind IN ('payment', 'topup') THEN d.amount_fen ELSE -d.amount_fen END)"
        "   < s.deposit_fen AND max(d.kind = 'deduction') FROM deposit_entry d WHERE d.renovation_id = s.id)"
        ") ORDER BY r.id DESC");
      g_once_init_leave (&sql, g_string_free (text, FALSE));
    }
  stmt = pd_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  sqlite3_bind_text (stmt, 2, review_until, -1, SQLITE_TRANSIENT);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_renovation_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, read_row (stmt));
  sqlite3_reset (stmt);
  return list;
}
