/* pd-key-register.c — see pd-key-register.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-key-register.h"
#include "pd-validate.h"
#include "pd-settings.h"

PdKey *
pd_key_new (void)
{
  PdKey *key = g_new0 (PdKey, 1);

  key->code = g_strdup ("");
  key->label = g_strdup ("");
  key->location = g_strdup ("");
  key->copies = 1;
  return key;
}

void
pd_key_free (PdKey *key)
{
  if (key == NULL)
    return;
  g_free (key->code);
  g_free (key->unit_code);
  g_free (key->label);
  g_free (key->location);
  g_free (key->borrower);
  g_free (key->due_at);
  g_free (key);
}

void
pd_key_loan_free (PdKeyLoan *loan)
{
  if (loan == NULL)
    return;
  g_free (loan->key_code);
  g_free (loan->key_label);
  g_free (loan->borrower);
  g_free (loan->purpose);
  g_free (loan->out_at);
  g_free (loan->due_at);
  g_free (loan->returned_at);
  g_free (loan->lent_by);
  g_free (loan->received_by);
  g_free (loan);
}

gint64
pd_key_add (PdContext  *ctx,
            PdKey      *key,
            GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdUnit) unit = NULL;
  g_autoptr (PdKey) existing = NULL;
  sqlite3_stmt *stmt;

  char **texts[] = { &key->code, &key->label, &key->location };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (*texts[i] == NULL)
        *texts[i] = g_strdup ("");
      g_strstrip (*texts[i]);
    }
  if (*key->code == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "code",
                          _("Key tag: enter the tag number on the key board."));
      return -1;
    }
  existing = pd_key_find (ctx, key->code, NULL);
  if (existing != NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_DUPLICATE, "code",
                          _("Key tag: %s is on the register already."), key->code);
      return -1;
    }
  if (key->unit_id > 0 && (unit = pd_unit_get (ctx, key->unit_id, NULL)) == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "unit", _("Unit: the unit does not exist."));
      return -1;
    }
  if (*key->label == '\0' && unit != NULL)
    {
      g_free (key->label);
      /* Translators: label of a unit's key; %s is the unit code */
      key->label = g_strdup_printf (_("Door key %s"), unit->code);
    }
  if (*key->label == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "label",
                          _("Opens: say what the key opens."));
      return -1;
    }
  if (key->copies < 1 || key->copies > 99)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "copies",
                          _("Copies: enter a number from 1 to 99."));
      return -1;
    }
  stmt = pd_database_prepare (database,
    "INSERT INTO patrol_key (code, unit_id, label, copies, location) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return -1;
  pd_bind_text (stmt, 1, key->code);
  if (unit != NULL)
    sqlite3_bind_int64 (stmt, 2, unit->id);
  pd_bind_text (stmt, 3, key->label);
  sqlite3_bind_int (stmt, 4, key->copies);
  pd_bind_text (stmt, 5, key->location);
  if (!pd_database_step_done (database, stmt, error))
    return -1;
  key->id = pd_database_last_insert_id (database);
  pd_context_notify_changed (ctx, "patrol_key");
  return key->id;
}

#define KEY_SELECT \
  "SELECT k.id, k.code, coalesce(k.unit_id, 0), coalesce(u.code, ''), k.label, k.copies, k.location, " \
  "  coalesce(l.id, 0), l.borrower, l.due_at, coalesce(l.due_at < ?1, 0) " \
  "FROM patrol_key k LEFT JOIN unit u ON u.id = k.unit_id " \
  "LEFT JOIN entrance e ON e.id = u.entrance_id LEFT JOIN building b ON b.id = e.building_id " \
  "LEFT JOIN patrol_key_loan l ON l.key_id = k.id AND l.returned_at = '' "

static GPtrArray *
read_keys (PdContext    *ctx,
           sqlite3_stmt *stmt)
{
  g_autofree char *now = pd_context_now_text (ctx);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_key_free);

  pd_bind_text (stmt, 1, now);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdKey *key = g_new0 (PdKey, 1);

      key->id = sqlite3_column_int64 (stmt, 0);
      key->code = pd_column_dup (stmt, 1);
      key->unit_id = sqlite3_column_int64 (stmt, 2);
      key->unit_code = pd_column_dup (stmt, 3);
      key->label = pd_column_dup (stmt, 4);
      key->copies = sqlite3_column_int (stmt, 5);
      key->location = pd_column_dup (stmt, 6);
      key->loan_id = sqlite3_column_int64 (stmt, 7);
      key->borrower = pd_column_dup (stmt, 8);
      key->due_at = pd_column_dup (stmt, 9);
      key->overdue = sqlite3_column_int (stmt, 10) != 0;
      g_ptr_array_add (list, key);
    }
  sqlite3_reset (stmt);
  return list;
}

GPtrArray *
pd_key_list (PdContext  *ctx,
             GError    **error)
{
  gint64 estate_id = pd_estate_current_id (ctx, error);
  sqlite3_stmt *stmt;

  if (estate_id < 0)
    return NULL;
  stmt = pd_database_prepare (pd_context_get_database (ctx),
    KEY_SELECT "WHERE k.retired = 0 AND (k.unit_id IS NULL OR u.estate_id = ?2) "
    "ORDER BY k.unit_id IS NULL, CAST(b.code AS INTEGER), b.code, CAST(e.code AS INTEGER), e.code, "
    "u.floor, u.code, k.code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, estate_id);
  return read_keys (ctx, stmt);
}

PdKey *
pd_key_find (PdContext  *ctx,
             const char *code,
             GError    **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (code ? code : ""));
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
                                            KEY_SELECT "WHERE k.code = ?2", error);
  g_autoptr (GPtrArray) list = NULL;

  if (stmt == NULL)
    return NULL;
  pd_bind_text (stmt, 2, trimmed);
  list = read_keys (ctx, stmt);
  if (list->len == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "key",
                          _("Key: there is no key with tag “%s”."), trimmed);
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

static PdKey *
key_by_id (PdContext  *ctx,
           gint64      key_id,
           GError    **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
                                            KEY_SELECT "WHERE k.id = ?2 AND k.retired = 0", error);
  g_autoptr (GPtrArray) list = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, key_id);
  list = read_keys (ctx, stmt);
  if (list->len == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "key", _("Key: choose a key on the register."));
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

gboolean
pd_key_retire (PdContext  *ctx,
               gint64      key_id,
               GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdKey) key = key_by_id (ctx, key_id, error);
  sqlite3_stmt *stmt;

  if (key == NULL)
    return FALSE;
  if (key->loan_id != 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "key",
                          _("Key: %s is signed out to %s; sign it back first."), key->code, key->borrower);
      return FALSE;
    }
  stmt = pd_database_prepare (database, "UPDATE patrol_key SET retired = 1 WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key_id);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  pd_context_notify_changed (ctx, "patrol_key");
  return TRUE;
}

char *
pd_key_default_due (PdContext *ctx)
{
  g_autoptr (GDateTime) now = pd_context_now (ctx);
  g_autoptr (GDateTime) due = g_date_time_add_hours (now, (int) pd_settings_get_int (ctx, "patrol.key_loan_hours", 4));

  return g_date_time_format (due, "%Y-%m-%d %H:%M:%S");
}

/* "YYYY-MM-DD HH:MM" or with seconds → "YYYY-MM-DD HH:MM:SS"; NULL when invalid. */
static char *
normalise_time (const char *text)
{
  int y, mo, d, h, mi, s = 0, n;
  char tail;

  if (text == NULL)
    return NULL;
  n = sscanf (text, "%4d-%2d-%2d %2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &tail);
  if ((n != 5 && n != 6) || !g_date_valid_dmy (d, mo, y) || h > 23 || mi > 59 || s > 59 ||
      h < 0 || mi < 0 || s < 0)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, s);
}

static gboolean
insert_loan (PdContext  *ctx,
             gint64      key_id,
             const char *borrower,
             const char *purpose,
             const char *due_at,
             gint64      round_id,
             GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *now = pd_context_now_text (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "INSERT INTO patrol_key_loan (key_id, borrower, purpose, out_at, due_at, lent_by, round_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key_id);
  pd_bind_text (stmt, 2, borrower);
  pd_bind_text (stmt, 3, purpose);
  pd_bind_text (stmt, 4, now);
  pd_bind_text (stmt, 5, due_at);
  pd_bind_text (stmt, 6, pd_context_get_user (ctx));
  if (round_id > 0)
    sqlite3_bind_int64 (stmt, 7, round_id);
  return pd_database_step_done (database, stmt, error);
}

static gboolean
validate_loan (PdContext   *ctx,
               const char  *borrower,
               const char  *purpose,
               const char  *due_at,
               char       **normalised_due,
               GError     **error)
{
  g_autofree char *now = pd_context_now_text (ctx);

  if (pd_text_is_blank (borrower))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "borrower", _("Borrower: enter who takes the key."));
      return FALSE;
    }
  if (pd_text_is_blank (purpose))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "purpose", _("Purpose: say what the key is for."));
      return FALSE;
    }
  *normalised_due = due_at != NULL && *due_at != '\0' ? normalise_time (due_at) : pd_key_default_due (ctx);
  if (*normalised_due == NULL || strcmp (*normalised_due, now) <= 0)
    {
      g_clear_pointer (normalised_due, g_free);
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "due_at",
                          _("Due back: enter a later time as YYYY-MM-DD HH:MM."));
      return FALSE;
    }
  return TRUE;
}

gint64
pd_key_sign_out (PdContext  *ctx,
                 gint64      key_id,
                 const char *borrower,
                 const char *purpose,
                 const char *due_at,
                 GError    **error)
{
  g_autofree char *who = g_strstrip (g_strdup (borrower ? borrower : ""));
  g_autofree char *why = g_strstrip (g_strdup (purpose ? purpose : ""));
  g_autofree char *due = NULL;
  g_autoptr (PdKey) key = key_by_id (ctx, key_id, error);

  if (key == NULL || !validate_loan (ctx, who, why, due_at, &due, error))
    return -1;
  if (key->loan_id != 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "key",
                          _("Key: %s is signed out to %s already."), key->code, key->borrower);
      return -1;
    }
  if (!insert_loan (ctx, key_id, who, why, due, 0, error))
    return -1;
  pd_context_notify_changed (ctx, "patrol_key_loan");
  return pd_database_last_insert_id (pd_context_get_database (ctx));
}

gboolean
pd_key_sign_back (PdContext  *ctx,
                  gint64      loan_id,
                  GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *now = pd_context_now_text (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "UPDATE patrol_key_loan SET returned_at = ?, received_by = ? WHERE id = ? AND returned_at = ''", error);

  if (stmt == NULL)
    return FALSE;
  pd_bind_text (stmt, 1, now);
  pd_bind_text (stmt, 2, pd_context_get_user (ctx));
  sqlite3_bind_int64 (stmt, 3, loan_id);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  if (pd_database_changes (database) != 1)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "loan",
                          _("Key loan: it does not exist or the key is back already."));
      return FALSE;
    }
  pd_context_notify_changed (ctx, "patrol_key_loan");
  return TRUE;
}

int
pd_key_sign_out_building (PdContext  *ctx,
                          gint64      building_id,
                          const char *borrower,
                          const char *purpose,
                          gint64      round_id,
                          GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *who = g_strstrip (g_strdup (borrower ? borrower : ""));
  g_autofree char *why = g_strstrip (g_strdup (purpose ? purpose : ""));
  g_autofree char *due = NULL;
  g_autofree char *now = pd_context_now_text (ctx);
  sqlite3_stmt *stmt;
  int count;

  if (!validate_loan (ctx, who, why, NULL, &due, error))
    return -1;
  stmt = pd_database_prepare (database,
    "INSERT INTO patrol_key_loan (key_id, borrower, purpose, out_at, due_at, lent_by, round_id) "
    "SELECT k.id, ?2, ?3, ?4, ?5, ?6, ?7 FROM patrol_key k JOIN unit u ON u.id = k.unit_id "
    "JOIN entrance e ON e.id = u.entrance_id "
    "WHERE e.building_id = ?1 AND u.state = 'vacant' AND k.retired = 0 "
    "AND NOT EXISTS (SELECT 1 FROM patrol_key_loan l WHERE l.key_id = k.id AND l.returned_at = '')", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, building_id);
  pd_bind_text (stmt, 2, who);
  pd_bind_text (stmt, 3, why);
  pd_bind_text (stmt, 4, now);
  pd_bind_text (stmt, 5, due);
  pd_bind_text (stmt, 6, pd_context_get_user (ctx));
  if (round_id > 0)
    sqlite3_bind_int64 (stmt, 7, round_id);
  if (!pd_database_step_done (database, stmt, error))
    return -1;
  count = pd_database_changes (database);
  pd_context_notify_changed (ctx, "patrol_key_loan");
  return count;
}

int
pd_key_sign_back_round (PdContext  *ctx,
                        gint64      round_id,
                        GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *now = pd_context_now_text (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "UPDATE patrol_key_loan SET returned_at = ?, received_by = ? WHERE round_id = ? AND returned_at = ''", error);
  int count;

  if (stmt == NULL)
    return -1;
  pd_bind_text (stmt, 1, now);
  pd_bind_text (stmt, 2, pd_context_get_user (ctx));
  sqlite3_bind_int64 (stmt, 3, round_id);
  if (!pd_database_step_done (database, stmt, error))
    return -1;
  count = pd_database_changes (database);
  pd_context_notify_changed (ctx, "patrol_key_loan");
  return count;
}

GPtrArray *
pd_key_list_loans (PdContext  *ctx,
                   gboolean    out_only,
                   GError    **error)
{
  g_autofree char *now = pd_context_now_text (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx), out_only
    ? "SELECT l.id, l.key_id, k.code, k.label, l.borrower, l.purpose, l.out_at, l.due_at, l.returned_at, "
      "  l.lent_by, l.received_by, coalesce(l.round_id, 0), l.due_at < ?1 "
      "FROM patrol_key_loan l JOIN patrol_key k ON k.id = l.key_id WHERE l.returned_at = '' "
      "ORDER BY l.due_at < ?1 DESC, l.due_at, k.code"
    : "SELECT l.id, l.key_id, k.code, k.label, l.borrower, l.purpose, l.out_at, l.due_at, l.returned_at, "
      "  l.lent_by, l.received_by, coalesce(l.round_id, 0), "
      "  CASE WHEN l.returned_at = '' THEN l.due_at < ?1 ELSE l.returned_at > l.due_at END "
      "FROM patrol_key_loan l JOIN patrol_key k ON k.id = l.key_id ORDER BY l.out_at DESC, l.id DESC", error);
  GPtrArray *list;

  if (stmt == NULL)
    return NULL;
  pd_bind_text (stmt, 1, now);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_key_loan_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PdKeyLoan *loan = g_new0 (PdKeyLoan, 1);

      loan->id = sqlite3_column_int64 (stmt, 0);
      loan->key_id = sqlite3_column_int64 (stmt, 1);
      loan->key_code = pd_column_dup (stmt, 2);
      loan->key_label = pd_column_dup (stmt, 3);
      loan->borrower = pd_column_dup (stmt, 4);
      loan->purpose = pd_column_dup (stmt, 5);
      loan->out_at = pd_column_dup (stmt, 6);
      loan->due_at = pd_column_dup (stmt, 7);
      loan->returned_at = pd_column_dup (stmt, 8);
      loan->lent_by = pd_column_dup (stmt, 9);
      loan->received_by = pd_column_dup (stmt, 10);
      loan->round_id = sqlite3_column_int64 (stmt, 11);
      loan->overdue = sqlite3_column_int (stmt, 12) != 0;
      g_ptr_array_add (list, loan);
    }
  sqlite3_reset (stmt);
  return list;
}
