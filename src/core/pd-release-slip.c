/* pd-release-slip.c — see pd-release-slip.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-release-slip-private.h"
#include "pd-unit-role.h"


PdReleaseItem *
pd_release_item_new (const char *name,
                     int         quantity,
                     const char *note)
{
  PdReleaseItem *item = g_new0 (PdReleaseItem, 1);

  item->name = g_strdup (name ? name : "");
  item->quantity = quantity;
  item->note = g_strdup (note ? note : "");
  return item;
}

void
pd_release_item_free (PdReleaseItem *item)
{
  if (item == NULL)
    return;
  g_free (item->name);
  g_free (item->note);
  g_free (item);
}

PdReleaseSlip *
pd_release_slip_new (void)
{
  PdReleaseSlip *slip = g_new0 (PdReleaseSlip, 1);
  char **texts[] = {
    &slip->serial, &slip->unit_code, &slip->applicant_name, &slip->applicant_role,
    &slip->reason, &slip->reason_note, &slip->owner_confirm_name, &slip->owner_confirm_method,
    &slip->owner_confirm_at, &slip->fees_cashier, &slip->fees_cleared_at, &slip->carrier_name,
    &slip->carrier_id_number, &slip->plate, &slip->valid_on, &slip->issued_at, &slip->issued_by,
    &slip->released_at, &slip->released_by, &slip->voided_at, &slip->voided_by,
    &slip->void_reason,
  };

  /* Every text field is a string, never NULL, so callers may g_free and
   * replace any of them. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    *texts[i] = g_strdup ("");
  slip->reason = (g_free (slip->reason), g_strdup ("other"));
  slip->state = g_strdup ("issued");
  slip->items = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_release_item_free);
  return slip;
}

void
pd_release_slip_free (PdReleaseSlip *slip)
{
  if (slip == NULL)
    return;
  g_free (slip->serial);
  g_free (slip->unit_code);
  g_free (slip->applicant_name);
  g_free (slip->applicant_role);
  g_free (slip->reason);
  g_free (slip->reason_note);
  g_free (slip->owner_confirm_name);
  g_free (slip->owner_confirm_method);
  g_free (slip->owner_confirm_at);
  g_free (slip->fees_cashier);
  g_free (slip->fees_cleared_at);
  g_free (slip->carrier_name);
  g_free (slip->carrier_id_number);
  g_free (slip->plate);
  g_free (slip->valid_on);
  g_free (slip->issued_at);
  g_free (slip->issued_by);
  g_free (slip->state);
  g_free (slip->released_at);
  g_free (slip->released_by);
  g_free (slip->voided_at);
  g_free (slip->voided_by);
  g_free (slip->void_reason);
  g_clear_pointer (&slip->items, g_ptr_array_unref);
  g_free (slip);
}

/* ---- labels ------------------------------------------------------------- */

static const struct
{
  const char *key;
  const char *label;
} reasons[] = {
  { "moving_out", NC_("release slip", "Moving out") },
  { "renovation", NC_("release slip", "Renovation") },
  { "other", NC_("release slip", "Other") },
}, methods[] = {
  { "in_person", NC_("release slip", "In person") },
  { "phone", NC_("release slip", "By phone") },
  { "written", NC_("release slip", "In writing") },
};

const char *
pd_release_reason_label (const char *reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_strcmp0 (reason, reasons[i].key) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "release slip", reasons[i].label);
  return reason ? reason : "";
}

const char *
pd_release_confirm_method_label (const char *method)
{
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    if (g_strcmp0 (method, methods[i].key) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "release slip", methods[i].label);
  return method ? method : "";
}

static const char *const status_keys[] = { "issued", "released", "void", "expired" };
static const char *const status_labels[] = { NC_("release slip", "Issued"), NC_("release slip", "Released"), NC_("release slip", "Void"), NC_("release slip", "Expired") };

const char *
pd_release_status_label (PdReleaseStatus status)
{
  g_return_val_if_fail (status <= PD_RELEASE_STATUS_EXPIRED, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "release slip", status_labels[status]);
}

const char *
pd_release_status_key (PdReleaseStatus status)
{
  g_return_val_if_fail (status <= PD_RELEASE_STATUS_EXPIRED, "");
  return status_keys[status];
}

PdReleaseStatus
pd_release_slip_status (PdContext           *ctx,
                        const PdReleaseSlip *slip)
{
  g_autofree char *today = NULL;

  if (g_strcmp0 (slip->state, "void") == 0)
    return PD_RELEASE_STATUS_VOID;
  if (g_strcmp0 (slip->state, "released") == 0)
    return PD_RELEASE_STATUS_RELEASED;
  today = pd_context_today (ctx);
  return strcmp (slip->valid_on, today) < 0 ? PD_RELEASE_STATUS_EXPIRED : PD_RELEASE_STATUS_ISSUED;
}

/* ---- write transactions ------------------------------------------------ */

/* pd_database_begin opens a deferred transaction (a savepoint).  Issuing
 * reads the counter and then writes it; two deferred writers that both read
 * first cannot both upgrade, and SQLite fails one with SQLITE_BUSY without
 * waiting.  BEGIN IMMEDIATE takes the write lock before the first read, so
 * a second PC on the same file waits (busy_timeout) and then sees the first
 * one's number.  Nested in a caller's transaction, the caller's lock
 * already covers us. */
gboolean
pd_release_begin_write (PdDatabase *database,
                        gboolean   *outer,
                        GError    **error)
{
  *outer = sqlite3_get_autocommit (pd_database_get_handle (database)) != 0;
  if (*outer && !pd_database_exec (database, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!pd_database_begin (database, error))
    {
      if (*outer)
        pd_database_exec (database, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
pd_release_commit_write (PdDatabase *database,
                         gboolean    outer,
                         GError    **error)
{
  if (!pd_database_commit (database, error))
    {
      if (outer)
        pd_database_exec (database, "ROLLBACK", NULL);
      return FALSE;
    }
  if (outer && !pd_database_exec (database, "COMMIT", error))
    {
      pd_database_exec (database, "ROLLBACK", NULL);
      return FALSE;
    }
  return TRUE;
}

void
pd_release_rollback_write (PdDatabase *database,
                           gboolean    outer)
{
  pd_database_rollback (database);
  if (outer)
    pd_database_exec (database, "ROLLBACK", NULL);
}

/* ---- serials ------------------------------------------------------------ */

char *
pd_release_serial_format (int year,
                          int number)
{
  return g_strdup_printf ("%04d-%05d", year, number);
}

gboolean
pd_release_serial_parse (const char *text,
                         int        *year,
                         int        *number,
                         char      **code_out)
{
  g_autofree char *nfkc = text ? g_utf8_normalize (text, -1, G_NORMALIZE_NFKC) : NULL;
  g_auto (GStrv) parts = NULL;
  const char *serial;
  char digits[16];
  guint n = 0;
  const char *dash = NULL;
  gint64 value;

  if (code_out)
    *code_out = NULL;
  if (nfkc == NULL || *g_strstrip (nfkc) == '\0')
    return FALSE;

  /* A scanned QR code: PDRS:2026-00042:ABCD-EFGH. */
  parts = g_strsplit (nfkc, ":", -1);
  serial = parts[0];
  if (g_ascii_strcasecmp (parts[0], "PDRS") == 0)
    {
      if (g_strv_length (parts) != 3)
        return FALSE;
      serial = parts[1];
      if (code_out)
        *code_out = g_strdup (parts[2]);
    }
  else if (g_strv_length (parts) != 1)
    return FALSE;

  for (const char *p = serial; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && n < sizeof digits - 1)
        digits[n++] = *p;
      else if ((*p == '-' || *p == '/') && dash == NULL && n == 4)
        dash = p;
      else if (*p != ' ')
        goto bad;
    }
  digits[n] = '\0';
  if (n < 5 || (dash == NULL && n != 9) || n > 10)
    goto bad;
  *year = (digits[0] - '0') * 1000 + (digits[1] - '0') * 100 + (digits[2] - '0') * 10 + digits[3] - '0';
  value = g_ascii_strtoll (digits + 4, NULL, 10);
  if (*year < 2000 || value < 1 || value > G_MAXINT)
    goto bad;
  *number = (int) value;
  return TRUE;

bad:
  if (code_out)
    g_clear_pointer (code_out, g_free);
  return FALSE;
}

/* ---- reading ------------------------------------------------------------ */

PdReleaseSlip *
pd_release_slip_read_row (sqlite3_stmt *stmt)
{
  PdReleaseSlip *slip = pd_release_slip_new ();
  char **texts[] = {
    [2] = &slip->serial, [6] = &slip->unit_code, [8] = &slip->applicant_name,
    [9] = &slip->applicant_role, [10] = &slip->reason, [11] = &slip->reason_note,
    [13] = &slip->owner_confirm_name, [14] = &slip->owner_confirm_method,
    [15] = &slip->owner_confirm_at, [16] = &slip->fees_cashier, [17] = &slip->fees_cleared_at,
    [19] = &slip->carrier_name, [20] = &slip->carrier_id_number, [21] = &slip->plate,
    [22] = &slip->valid_on, [23] = &slip->issued_at, [24] = &slip->issued_by, [25] = &slip->state,
    [26] = &slip->released_at, [27] = &slip->released_by, [28] = &slip->voided_at,
    [29] = &slip->voided_by, [30] = &slip->void_reason,
  };

  for (guint col = 0; col < G_N_ELEMENTS (texts); col++)
    if (texts[col] != NULL)
      {
        g_free (*texts[col]);
        *texts[col] = g_strdup (pd_column_text (stmt, col));
      }
  slip->id = sqlite3_column_int64 (stmt, 0);
  slip->estate_id = sqlite3_column_int64 (stmt, 1);
  slip->year = sqlite3_column_int (stmt, 3);
  slip->number = sqlite3_column_int (stmt, 4);
  slip->unit_id = sqlite3_column_int64 (stmt, 5);
  slip->applicant_id = sqlite3_column_int64 (stmt, 7);
  slip->owner_confirm_id = sqlite3_column_int64 (stmt, 12);
  slip->no_dangerous_goods = sqlite3_column_int (stmt, 18) != 0;
  return slip;
}

gboolean
pd_release_slip_load_items (PdContext     *ctx,
                            PdReleaseSlip *slip,
                            GError       **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT name, quantity, note FROM release_slip_item WHERE slip_id = ? ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  g_ptr_array_set_size (slip->items, 0);
  sqlite3_bind_int64 (stmt, 1, slip->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (slip->items, pd_release_item_new (pd_column_text (stmt, 0),
                                                       sqlite3_column_int (stmt, 1),
                                                       pd_column_text (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return pd_database_set_error (database, _("Reading release slip items failed"), error);
  return TRUE;
}

static PdReleaseSlip *
fetch_one (PdContext    *ctx,
           sqlite3_stmt *stmt,
           const char   *serial,
           GError      **error)
{
  PdReleaseSlip *slip = NULL;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    slip = pd_release_slip_read_row (stmt);
  sqlite3_reset (stmt);
  if (slip == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "serial",
                          /* Translators: %s is a serial number such as 2026-00042 */
                          _("Serial: there is no release slip %s in this estate."), serial);
      return NULL;
    }
  if (!pd_release_slip_load_items (ctx, slip, error))
    g_clear_pointer (&slip, pd_release_slip_free);
  return slip;
}

PdReleaseSlip *
pd_release_slip_get (PdContext  *ctx,
                     gint64      slip_id,
                     GError    **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
                                            PD_RELEASE_SLIP_SELECT "WHERE s.id = ?", error);
  g_autofree char *what = g_strdup_printf ("#%" G_GINT64_FORMAT, slip_id);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, slip_id);
  return fetch_one (ctx, stmt, what, error);
}

PdReleaseSlip *
pd_release_slip_find (PdContext  *ctx,
                      const char *serial,
                      GError    **error)
{
  sqlite3_stmt *stmt;
  gint64 estate_id;
  int year, number;

  if (serial == NULL || *serial == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "serial", _("Serial: required."));
      return NULL;
    }
  if (!pd_release_serial_parse (serial, &year, &number, NULL))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "serial",
                          /* Translators: %s is what was typed */
                          _("Serial: “%s” is not a slip number such as 2026-00042."), serial);
      return NULL;
    }
  estate_id = pd_estate_current_id (ctx, error);
  if (estate_id < 0)
    return NULL;
  stmt = pd_database_prepare (pd_context_get_database (ctx),
                              PD_RELEASE_SLIP_SELECT "WHERE s.estate_id = ? AND s.year = ? AND s.number = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int (stmt, 3, number);
  {
    g_autofree char *canonical = pd_release_serial_format (year, number);
    return fetch_one (ctx, stmt, canonical, error);
  }
}

GPtrArray *
pd_release_applicants (PdContext  *ctx,
                       gint64      unit_id,
                       GError    **error)
{
  GPtrArray *roles = pd_unit_role_list (ctx, unit_id, 0, TRUE, error);

  if (roles == NULL)
    return NULL;
  /* Household members and temporary residents cannot take goods out on
   * their own: the owner, a tenant or the owner's proxy applies. */
  for (guint i = roles->len; i > 0; i--)
    {
      PdUnitRole *role = g_ptr_array_index (roles, i - 1);
      if (!g_str_equal (role->role, "owner") && !g_str_equal (role->role, "tenant") &&
          !g_str_equal (role->role, "proxy"))
        g_ptr_array_remove_index (roles, i - 1);
    }
  return roles;
}

GStrv
pd_release_common_items (PdContext  *ctx,
                         guint       limit,
                         GError    **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT name FROM release_common_item ORDER BY uses DESC, name LIMIT ?", error);
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, limit);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (names, pd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return g_strv_builder_end (names);
}
