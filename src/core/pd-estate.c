/* pd-estate.c — see pd-estate.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-bulk.h"
#include "pd-settings.h"

PdUnit *
pd_unit_new (void)
{
  PdUnit *unit = g_new0 (PdUnit, 1);
  unit->use = g_strdup ("residential");
  unit->state = g_strdup ("unsold");
  unit->layout = g_strdup ("");
  return unit;
}

void
pd_unit_free (PdUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->code);
  g_free (unit->building_code);
  g_free (unit->entrance_code);
  g_free (unit->use);
  g_free (unit->layout);
  g_free (unit->state);
  g_free (unit);
}

gint64
pd_estate_ensure (PdContext  *ctx,
                  const char *code,
                  const char *name,
                  GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  gint64 id = pd_database_query_int (database, "SELECT id FROM estate WHERE code = ?", code, error);
  sqlite3_stmt *stmt;

  if (id != 0)
    return id;
  stmt = pd_database_prepare (database, "INSERT INTO estate (code, name) VALUES (?, ?)", error);
  if (stmt == NULL)
    return -1;
  pd_bind_text (stmt, 1, code);
  pd_bind_text (stmt, 2, name ? name : code);
  if (!pd_database_step_done (database, stmt, error))
    return -1;
  return pd_database_last_insert_id (database);
}

gint64
pd_estate_current_id (PdContext  *ctx,
                      GError    **error)
{
  g_autofree char *code = pd_settings_get_text (ctx, "estate.default_code", "DEMO");
  return pd_estate_ensure (ctx, code, code, error);
}

char *
pd_estate_get_name (PdContext *ctx,
                    gint64     estate_id)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database, "SELECT name FROM estate WHERE id = ?", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, estate_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = pd_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return name ? name : g_strdup ("");
}

/* ---- unit codes -------------------------------------------------------- */

static gboolean
is_code_part (const char *part)
{
  if (part == NULL || *part == '\0' || strlen (part) > 16)
    return FALSE;
  for (const char *p = part; *p; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

gboolean
pd_unit_code_parse (const char *text,
                    char      **canonical,
                    char      **building,
                    char      **entrance,
                    char      **room,
                    GError    **error)
{
  g_autofree char *work = NULL;
  g_auto (GStrv) parts = NULL;
  static const char *const separators[][2] = {
    { "栋", "-" }, { "幢", "-" }, { "号楼", "-" }, { "单元", "-" }, { "室", "" }, { "号", "" },
    { "—", "-" }, { "－", "-" }, { "_", "-" }, { "/", "-" }, { " ", "" },
  };

  work = g_strstrip (g_strdup (text ? text : ""));
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_auto (GStrv) pieces = NULL;

      /* Most codes hold none of them: no split and join then (an import
       * parses every row's code). */
      if (strstr (work, separators[i][0]) == NULL)
        continue;
      pieces = g_strsplit (work, separators[i][0], -1);
      g_free (work);
      work = g_strjoinv (separators[i][1], pieces);
    }
  while (g_str_has_suffix (work, "-"))
    work[strlen (work) - 1] = '\0';
  parts = g_strsplit (work, "-", -1);
  if (g_strv_length (parts) != 3 || !is_code_part (parts[0]) || !is_code_part (parts[1]) ||
      !is_code_part (parts[2]))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "unit_code",
                          _("Unit code: “%s” is not of the form building-entrance-room, e.g. 3-2-1201."),
                          text ? text : "");
      return FALSE;
    }
  for (char *p = work; *p; p++)
    *p = g_ascii_toupper (*p);
  g_strfreev (parts);
  parts = g_strsplit (work, "-", -1);
  if (canonical)
    *canonical = g_strdup (work);
  if (building)
    *building = g_strdup (parts[0]);
  if (entrance)
    *entrance = g_strdup (parts[1]);
  if (room)
    *room = g_strdup (parts[2]);
  return TRUE;
}

static gint64
ensure_child (PdContext  *ctx,
              const char *select_sql,
              const char *insert_sql,
              gint64      parent_id,
              const char *code,
              GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database, select_sql, error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  pd_bind_text_uncopied (stmt, 2, code);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id != 0)
    return id;
  stmt = pd_database_prepare (database, insert_sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  pd_bind_text_uncopied (stmt, 2, code);
  if (!pd_database_step_done (database, stmt, error))
    return -1;
  return pd_database_last_insert_id (database);
}

static gboolean
validate_unit (PdUnit  *unit,
               GError **error)
{
  if (g_strcmp0 (unit->use, "residential") != 0 && g_strcmp0 (unit->use, "shop") != 0 &&
      g_strcmp0 (unit->use, "office") != 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "use",
                          _("Use: choose residential, shop or office."));
      return FALSE;
    }
  /* Written so that NaN (an unparsed number) fails too. */
  if (!(unit->gross_area >= 0 && unit->gross_area <= 100000))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "gross_area",
                          _("Gross area: must be greater than 0 m²."));
      return FALSE;
    }
  if (!(unit->inner_area >= 0 && unit->inner_area <= 100000))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "inner_area",
                          _("Inner area: must be greater than 0 m²."));
      return FALSE;
    }
  if (unit->inner_area > 0 && unit->gross_area > 0 && unit->inner_area > unit->gross_area)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "inner_area",
                          _("Inner area: cannot be larger than the gross area."));
      return FALSE;
    }
  if (!pd_unit_state_is_valid (unit->state))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "state",
                          _("State: “%s” is not a unit state."), unit->state ? unit->state : "");
      return FALSE;
    }
  return TRUE;
}

static void
bind_area (sqlite3_stmt *stmt,
           int           index,
           double        area)
{
  if (area > 0)
    sqlite3_bind_double (stmt, index, area);
  else
    sqlite3_bind_null (stmt, index);
}

gint64
pd_unit_create (PdContext  *ctx,
                gint64      estate_id,
                PdUnit     *unit,
                GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *canonical = NULL, *building = NULL, *entrance = NULL, *room = NULL;
  g_autoptr (GError) write_error = NULL;
  gint64 building_id, entrance_id, unit_id;
  sqlite3_stmt *stmt;

  if (!pd_unit_code_parse (unit->code, &canonical, &building, &entrance, &room, error) ||
      !validate_unit (unit, error))
    return -1;
  if (!pd_database_row_exists (database, "estate", estate_id))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "estate",
                          _("Estate: the estate of the unit does not exist."));
      return -1;
    }
  if (unit->floor == 0 && strlen (room) >= 3 && g_ascii_isdigit (room[0]))
    unit->floor = (int) g_ascii_strtoll (room, NULL, 10) / 100;

  if (!pd_database_begin (database, error))
    return -1;
  building_id = ensure_child (ctx, "SELECT id FROM building WHERE estate_id = ? AND code = ?",
                              "INSERT INTO building (estate_id, code) VALUES (?, ?)",
                              estate_id, building, error);
  entrance_id = building_id < 0 ? -1 :
    ensure_child (ctx, "SELECT id FROM entrance WHERE building_id = ? AND code = ?",
                  "INSERT INTO entrance (building_id, code) VALUES (?, ?)",
                  building_id, entrance, error);
  stmt = entrance_id < 0 ? NULL : pd_database_prepare (database,
    "INSERT INTO unit (estate_id, entrance_id, code, floor, use, gross_area, inner_area, layout, state) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  sqlite3_bind_int64 (stmt, 2, entrance_id);
  pd_bind_text_uncopied (stmt, 3, canonical);
  sqlite3_bind_int (stmt, 4, unit->floor);
  pd_bind_text_uncopied (stmt, 5, unit->use);
  bind_area (stmt, 6, unit->gross_area);
  bind_area (stmt, 7, unit->inner_area);
  pd_bind_text_uncopied (stmt, 8, unit->layout);
  pd_bind_text_uncopied (stmt, 9, unit->state);
  if (!pd_database_step_done (database, stmt, &write_error))
    {
      /* A code is unique in its estate (UNIQUE (estate_id, code)): the
       * database refuses a second one, which no look-up then costs a new
       * unit (an import writes one per row). */
      if (pd_database_refused_duplicate (database))
        pd_set_field_error (error, PD_VALIDATION_ERROR_DUPLICATE, "unit_code",
                            _("Unit code: %s already exists in this estate."), canonical);
      else
        g_propagate_error (error, g_steal_pointer (&write_error));
      goto fail;
    }
  unit_id = pd_database_last_insert_id (database);
  if (!pd_bulk_reindex (ctx, PD_BULK_UNIT, unit_id, error) || !pd_database_commit (database, error))
    goto fail;
  unit->id = unit_id;
  unit->estate_id = estate_id;
  unit->entrance_id = entrance_id;
  g_free (unit->code);
  unit->code = g_steal_pointer (&canonical);
  pd_context_notify_changed (ctx, "unit");
  return unit_id;

fail:
  pd_database_rollback (database);
  return -1;
}

gboolean
pd_unit_update (PdContext    *ctx,
                const PdUnit *unit,
                GError      **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  PdUnit copy = *unit;
  sqlite3_stmt *stmt;

  copy.state = (char *) "vacant"; /* state is not edited here */
  if (!validate_unit (&copy, error))
    return FALSE;
  if (!pd_database_row_exists (database, "unit", unit->id))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "unit", _("Unit: the unit does not exist."));
      return FALSE;
    }
  stmt = pd_database_prepare (database,
    "UPDATE unit SET floor = ?, use = ?, gross_area = ?, inner_area = ?, layout = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, unit->floor);
  pd_bind_text (stmt, 2, unit->use);
  bind_area (stmt, 3, unit->gross_area);
  bind_area (stmt, 4, unit->inner_area);
  pd_bind_text (stmt, 5, unit->layout ? unit->layout : "");
  sqlite3_bind_int64 (stmt, 6, unit->id);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "unit");
  return TRUE;
}

#define UNIT_SELECT \
  "SELECT u.id, u.estate_id, u.entrance_id, u.code, b.code, e.code, u.floor, u.use, " \
  "coalesce(u.gross_area, 0), coalesce(u.inner_area, 0), u.layout, u.state " \
  "FROM unit u JOIN entrance e ON e.id = u.entrance_id JOIN building b ON b.id = e.building_id "

static PdUnit *
read_unit (sqlite3_stmt *stmt)
{
  PdUnit *unit = g_new0 (PdUnit, 1);

  unit->id = sqlite3_column_int64 (stmt, 0);
  unit->estate_id = sqlite3_column_int64 (stmt, 1);
  unit->entrance_id = sqlite3_column_int64 (stmt, 2);
  unit->code = pd_column_dup (stmt, 3);
  unit->building_code = pd_column_dup (stmt, 4);
  unit->entrance_code = pd_column_dup (stmt, 5);
  unit->floor = sqlite3_column_int (stmt, 6);
  unit->use = pd_column_dup (stmt, 7);
  unit->gross_area = sqlite3_column_double (stmt, 8);
  unit->inner_area = sqlite3_column_double (stmt, 9);
  unit->layout = pd_column_dup (stmt, 10);
  unit->state = pd_column_dup (stmt, 11);
  return unit;
}

static PdUnit *
fetch_one_unit (PdDatabase   *database,
                sqlite3_stmt *stmt,
                const char   *what,
                GError      **error)
{
  PdUnit *unit = NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    unit = read_unit (stmt);
  else
    pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "unit",
                        _("Unit: %s does not exist."), what);
  sqlite3_reset (stmt);
  return unit;
}

PdUnit *
pd_unit_get (PdContext  *ctx,
             gint64      unit_id,
             GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database, UNIT_SELECT "WHERE u.id = ?", error);
  g_autofree char *what = g_strdup_printf ("#%" G_GINT64_FORMAT, unit_id);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  return fetch_one_unit (database, stmt, what, error);
}

PdUnit *
pd_unit_find (PdContext  *ctx,
              gint64      estate_id,
              const char *code,
              GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *canonical = NULL;
  g_autoptr (GError) local = NULL;
  sqlite3_stmt *stmt;

  /* The code names a unit to find, not one to create: "unit" (pd-error.h). */
  if (!pd_unit_code_parse (code, &canonical, NULL, NULL, NULL, &local))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "unit", "%s", local->message);
      return NULL;
    }
  stmt = pd_database_prepare (database, UNIT_SELECT "WHERE u.estate_id = ? AND u.code = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  pd_bind_text (stmt, 2, canonical);
  return fetch_one_unit (database, stmt, canonical, error);
}

/* ---- state machine ----------------------------------------------------- */

static const char *const unit_states[] = {
  "unsold", "vacant", "handed_over", "renovating", "occupied", "rented",
};

/* Allowed moves (DOMAIN §1): sale and handover, renovation, moving in and
 * out, letting.  A unit never goes back to unsold. */
static const struct
{
  const char *from;
  const char *to;
} transitions[] = {
  { "unsold", "vacant" },       { "unsold", "handed_over" },
  { "vacant", "handed_over" },  { "vacant", "renovating" },  { "vacant", "occupied" },
  { "vacant", "rented" },
  { "handed_over", "vacant" },  { "handed_over", "renovating" }, { "handed_over", "occupied" },
  { "handed_over", "rented" },
  { "renovating", "handed_over" }, { "renovating", "occupied" }, { "renovating", "vacant" },
  { "renovating", "rented" },
  { "occupied", "vacant" },     { "occupied", "renovating" }, { "occupied", "rented" },
  { "rented", "occupied" },     { "rented", "vacant" },       { "rented", "renovating" },
};

gboolean
pd_unit_state_is_valid (const char *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (unit_states); i++)
    if (g_strcmp0 (state, unit_states[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
pd_unit_state_transition_allowed (const char *from,
                                  const char *to)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (g_strcmp0 (from, transitions[i].from) == 0 && g_strcmp0 (to, transitions[i].to) == 0)
      return TRUE;
  return FALSE;
}

gboolean
pd_unit_set_state (PdContext  *ctx,
                   gint64      unit_id,
                   const char *state,
                   GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdUnit) unit = pd_unit_get (ctx, unit_id, error);
  sqlite3_stmt *stmt;

  if (unit == NULL)
    return FALSE;
  if (!pd_unit_state_is_valid (state))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "state",
                          _("State: “%s” is not a unit state."), state ? state : "");
      return FALSE;
    }
  if (!pd_unit_state_transition_allowed (unit->state, state))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "state",
                          /* Translators: unit code, current state, requested state */
                          _("State: unit %s is “%s” and cannot become “%s”."),
                          unit->code, pd_unit_state_label (unit->state), pd_unit_state_label (state));
      return FALSE;
    }
  stmt = pd_database_prepare (database, "UPDATE unit SET state = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, state);
  sqlite3_bind_int64 (stmt, 2, unit_id);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "unit");
  return TRUE;
}

const char *
pd_unit_state_label (const char *state)
{
  if (g_strcmp0 (state, "unsold") == 0)
    return _("Unsold");
  if (g_strcmp0 (state, "vacant") == 0)
    return _("Vacant");
  if (g_strcmp0 (state, "handed_over") == 0)
    return _("Handed over");
  if (g_strcmp0 (state, "renovating") == 0)
    return _("Renovating");
  if (g_strcmp0 (state, "occupied") == 0)
    return _("Occupied");
  if (g_strcmp0 (state, "rented") == 0)
    return _("Rented");
  return state ? state : "";
}

const char *
pd_unit_use_label (const char *use)
{
  if (g_strcmp0 (use, "residential") == 0)
    return _("Residential");
  if (g_strcmp0 (use, "shop") == 0)
    return _("Shop");
  if (g_strcmp0 (use, "office") == 0)
    return _("Office");
  return use ? use : "";
}
