/* pd-release-issue.c — issuing a release slip: the office's rules
 * (DOMAIN §5) and the gap-free serial.  See pd-release-slip.h. */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-release-slip-private.h"
#include "pd-settings.h"
#include "pd-unit-role.h"
#include "pd-validate.h"

/* What fits in one part (half an A4 page) of the printed slip, ten items
 * printed two a row; tests/test-release-print.c prints a slip with every
 * field at its limit. */
#define MAX_ITEMS 10
#define MAX_ITEM_QUANTITY 999
#define MAX_ITEM_NAME_CHARS 10
#define MAX_ITEM_NOTE_CHARS 8
#define MAX_NAME_CHARS 12
#define MAX_NOTE_CHARS 20

/* Trims and replaces control characters (a pasted tab or line break) by
 * spaces: a slip prints on one line per field, and the verification code
 * separates fields with control characters. */
static void
clean_text (char **field)
{
  char *text = g_utf8_make_valid (*field ? *field : "", -1);

  for (char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  g_strstrip (text);
  g_free (*field);
  *field = text;
}

static gboolean
check_length (const char *text,
              glong       max_chars,
              const char *field,
              const char *label,
              GError    **error)
{
  if (g_utf8_strlen (text, -1) <= max_chars)
    return TRUE;
  pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, field,
                      /* Translators: %s is a field name, %ld a number of characters */
                      _("%s: at most %ld characters fit on the slip."), label, max_chars);
  return FALSE;
}

static gboolean
require_text (const char *text,
              const char *field,
              const char *label,
              GError    **error)
{
  if (text != NULL && *text != '\0')
    return TRUE;
  pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, field,
                      /* Translators: %s is a field name */
                      _("%s: required for a release slip."), label);
  return FALSE;
}

/* "2026-03-05 14:30" from what was typed ("2026-03-05 14:30", a date alone
 * means the start of the day); it must not lie after @now. */
static gboolean
parse_moment (char      **text,
              const char *now,
              const char *field,
              const char *label,
              GError    **error)
{
  g_auto (GStrv) parts = NULL;
  g_autofree char *date = NULL;
  int hour = 0, minute = 0;
  char *result;

  if (!require_text (*text, field, label, error))
    return FALSE;
  parts = g_strsplit (*text, " ", 2);
  if (!pd_date_parse (parts[0], field, label, &date, error))
    return FALSE;
  if (parts[1] != NULL)
    {
      char *time = g_strstrip (parts[1]);
      int second = 0;
      if (sscanf (time, "%d:%d:%d", &hour, &minute, &second) < 2 || hour < 0 || hour > 23 ||
          minute < 0 || minute > 59)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, field,
                              /* Translators: %s is a field name, the second %s what was typed */
                              _("%s: “%s” is not a time such as 2026-03-05 14:30."), label, *text);
          return FALSE;
        }
    }
  result = g_strdup_printf ("%s %02d:%02d", date, hour, minute);
  if (strcmp (result, now) > 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, field,
                          /* Translators: %s is a field name; the second %s a date and time */
                          _("%s: %s is in the future; record when it really happened."), label, result);
      g_free (result);
      return FALSE;
    }
  g_free (*text);
  *text = result;
  return TRUE;
}

static gboolean
check_unit (PdContext     *ctx,
            PdReleaseSlip *slip,
            gint64         estate_id,
            GError       **error)
{
  g_autoptr (PdUnit) unit = NULL;

  /* Either names its error "unit", next to the dialog's unit field. */
  if (slip->unit_id > 0)
    unit = pd_unit_get (ctx, slip->unit_id, error);
  else if (slip->unit_code != NULL && *slip->unit_code != '\0')
    unit = pd_unit_find (ctx, estate_id, slip->unit_code, error);
  else
    return require_text (NULL, "unit", C_("release slip", "Unit"), error);
  if (unit == NULL)
    return FALSE;
  if (unit->estate_id != estate_id)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "unit",
                          /* Translators: %s is a unit code */
                          _("Unit: %s is not a unit of this estate."), unit->code);
      return FALSE;
    }
  slip->unit_id = unit->id;
  g_free (slip->unit_code);
  slip->unit_code = g_strdup (unit->code);
  return TRUE;
}

/* The applicant must hold a current owner, tenant or proxy role on the
 * unit; the role printed is the one they hold (owner wins). */
static gboolean
check_applicant (PdContext     *ctx,
                 PdReleaseSlip *slip,
                 GPtrArray     *applicants,
                 GError       **error)
{
  const PdUnitRole *found = NULL;

  if (slip->applicant_id <= 0)
    return require_text (NULL, "applicant", C_("release slip", "Applicant"), error);
  for (guint i = 0; i < applicants->len; i++)
    {
      const PdUnitRole *role = g_ptr_array_index (applicants, i);
      if (role->person_id != slip->applicant_id)
        continue;
      if (found == NULL || g_strcmp0 (role->role, slip->applicant_role) == 0)
        found = role;
    }
  if (found == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "applicant",
                          /* Translators: %s is a unit code */
                          _("Applicant: only a current owner, tenant or proxy of %s can apply."),
                          slip->unit_code);
      return FALSE;
    }
  g_free (slip->applicant_role);
  slip->applicant_role = g_strdup (found->role);
  g_free (slip->applicant_name);
  slip->applicant_name = g_strdup (found->person_name);
  return TRUE;
}

static void
clear_text (char **field)
{
  g_free (*field);
  *field = g_strdup ("");
}

/* DOMAIN §5: a tenant's slip records the owner's confirmation — which
 * current owner, how and when. */
static gboolean
check_owner_confirmation (PdReleaseSlip *slip,
                          GPtrArray     *applicants,
                          const char    *now,
                          GError       **error)
{
  const PdUnitRole *owner = NULL;

  if (!g_str_equal (slip->applicant_role, "tenant"))
    {
      slip->owner_confirm_id = 0;
      clear_text (&slip->owner_confirm_name);
      clear_text (&slip->owner_confirm_method);
      clear_text (&slip->owner_confirm_at);
      return TRUE;
    }
  if (slip->owner_confirm_id <= 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "owner_confirm",
                          _("Owner's confirmation: a tenant's slip needs the confirmation of an "
                            "owner of the unit; choose who confirmed."));
      return FALSE;
    }
  for (guint i = 0; i < applicants->len && owner == NULL; i++)
    {
      const PdUnitRole *role = g_ptr_array_index (applicants, i);
      if (role->person_id == slip->owner_confirm_id && g_str_equal (role->role, "owner"))
        owner = role;
    }
  if (owner == NULL)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "owner_confirm",
                          /* Translators: %s is a unit code */
                          _("Owner's confirmation: the person who confirmed is not a current owner of %s."),
                          slip->unit_code);
      return FALSE;
    }
  if (g_strcmp0 (pd_release_confirm_method_label (slip->owner_confirm_method),
                 slip->owner_confirm_method) == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "owner_confirm_method",
                          _("Owner's confirmation, how: choose in person, by phone or in writing."));
      return FALSE;
    }
  if (!parse_moment (&slip->owner_confirm_at, now, "owner_confirm_at",
                     C_("release slip", "Owner's confirmation, when"), error))
    return FALSE;
  g_free (slip->owner_confirm_name);
  slip->owner_confirm_name = g_strdup (owner->person_name);
  return TRUE;
}

/* DOMAIN §5: a full move-out only after the cashier confirms the fees are
 * cleared. */
static gboolean
check_fees (PdReleaseSlip *slip,
            const char    *now,
            GError       **error)
{
  if (!g_str_equal (slip->reason, "moving_out"))
    {
      clear_text (&slip->fees_cashier);
      clear_text (&slip->fees_cleared_at);
      return TRUE;
    }
  clean_text (&slip->fees_cashier);
  if (*slip->fees_cashier == '\0')
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "fees_cashier",
                          _("Fees cleared, cashier: moving out needs the cashier's confirmation "
                            "that all fees are paid."));
      return FALSE;
    }
  return check_length (slip->fees_cashier, MAX_NAME_CHARS, "fees_cashier",
                       C_("release slip", "Fees cleared, cashier"), error) &&
         parse_moment (&slip->fees_cleared_at, now, "fees_cleared_at", C_("release slip", "Fees cleared, when"), error);
}

static gboolean
check_items (PdReleaseSlip *slip,
             GError       **error)
{
  if (slip->items->len == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "items",
                          _("Items: list at least one item leaving the estate."));
      return FALSE;
    }
  if (slip->items->len > MAX_ITEMS)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "items",
                          /* Translators: %d is a number of lines */
                          _("Items: at most %d lines fit on one slip; issue a second slip."), MAX_ITEMS);
      return FALSE;
    }
  for (guint i = 0; i < slip->items->len; i++)
    {
      PdReleaseItem *item = g_ptr_array_index (slip->items, i);

      clean_text (&item->name);
      clean_text (&item->note);
      if (*item->name == '\0')
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "items",
                              /* Translators: %u is the line number */
                              _("Items, line %u: the name is required."), i + 1);
          return FALSE;
        }
      if (item->quantity < 1 || item->quantity > MAX_ITEM_QUANTITY)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "items",
                              /* Translators: %u is the line number, %s the item, %d the limit */
                              _("Items, line %u (%s): the quantity must be between 1 and %d."),
                              i + 1, item->name, MAX_ITEM_QUANTITY);
          return FALSE;
        }
      if (g_utf8_strlen (item->name, -1) > MAX_ITEM_NAME_CHARS ||
          g_utf8_strlen (item->note, -1) > MAX_ITEM_NOTE_CHARS)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "items",
                              /* Translators: %u is the line number, %d numbers of characters */
                              _("Items, line %u: the name fits in %d characters, the description in %d."),
                              i + 1, MAX_ITEM_NAME_CHARS, MAX_ITEM_NOTE_CHARS);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_carrier (PdReleaseSlip *slip,
               GError       **error)
{
  g_autoptr (GError) local = NULL;
  char *normalized = NULL;

  clean_text (&slip->carrier_name);
  if (!require_text (slip->carrier_name, "carrier_name", C_("release slip", "Carrier's name"), error) ||
      !check_length (slip->carrier_name, MAX_NAME_CHARS, "carrier_name", C_("release slip", "Carrier's name"), error))
    return FALSE;
  if (!pd_prc_id_parse (slip->carrier_id_number, &normalized, NULL, NULL, &local))
    {
      pd_set_field_error (error, local->code, "carrier_id_number",
                          /* Translators: %s is the ID validator's message */
                          _("Carrier's ID: %s"), local->message);
      return FALSE;
    }
  g_free (slip->carrier_id_number);
  slip->carrier_id_number = normalized;

  clean_text (&slip->plate);
  if (*slip->plate != '\0')
    {
      if (!pd_plate_normalize (slip->plate, &normalized, error))
        return FALSE;
      g_free (slip->plate);
      slip->plate = normalized;
    }
  return TRUE;
}

static gboolean
check_valid_on (PdContext     *ctx,
                PdReleaseSlip *slip,
                const char    *today,
                GError       **error)
{
  g_autofree char *date = NULL;
  g_autofree char *latest = NULL;
  gint64 max_days = pd_settings_get_int (ctx, "release.max_valid_days", 30);

  if (slip->valid_on == NULL || *slip->valid_on == '\0')
    date = g_strdup (today);
  else if (!pd_date_parse (slip->valid_on, "valid_on", C_("release slip", "Valid until"), &date, error))
    return FALSE;
  if (strcmp (date, today) < 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "valid_on",
                          /* Translators: %s is a date */
                          _("Valid until: %s is in the past; a slip is valid from today."), date);
      return FALSE;
    }
  latest = pd_date_add_days (today, (int) max_days);
  if (strcmp (date, latest) > 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "valid_on",
                          /* Translators: %s is a date, %d a number of days */
                          _("Valid until: %s is too far ahead; a slip is valid for at most %d days (until %s)."),
                          date, (int) max_days, latest);
      return FALSE;
    }
  g_free (slip->valid_on);
  slip->valid_on = g_steal_pointer (&date);
  return TRUE;
}

static gboolean
check_slip (PdContext     *ctx,
            PdReleaseSlip *slip,
            gint64         estate_id,
            const char    *today,
            const char    *now,
            GError       **error)
{
  g_autoptr (GPtrArray) applicants = NULL;

  if (!check_unit (ctx, slip, estate_id, error))
    return FALSE;
  applicants = pd_release_applicants (ctx, slip->unit_id, error);
  if (applicants == NULL || !check_applicant (ctx, slip, applicants, error))
    return FALSE;
  if (g_strcmp0 (pd_release_reason_label (slip->reason), slip->reason) == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "reason",
                          _("Reason: choose moving out, renovation or other."));
      return FALSE;
    }
  clean_text (&slip->reason_note);
  if (!check_length (slip->reason_note, MAX_NOTE_CHARS, "reason_note", C_("release slip", "Reason, details"), error) ||
      !check_owner_confirmation (slip, applicants, now, error) ||
      !check_fees (slip, now, error) ||
      !check_items (slip, error) ||
      !check_carrier (slip, error) ||
      !check_valid_on (ctx, slip, today, error))
    return FALSE;
  if (!slip->no_dangerous_goods)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "no_dangerous_goods",
                          _("No dangerous goods: confirm that nothing flammable, explosive, toxic "
                            "or corrosive leaves with these goods; such goods are refused."));
      return FALSE;
    }
  return TRUE;
}

/* The next number of the estate's year, counted in the caller's write
 * transaction: a rollback returns the number, so there are no gaps. */
static int
next_number (PdDatabase *database,
             gint64      estate_id,
             int         year,
             GError    **error)
{
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "INSERT INTO release_counter (estate_id, year, last_number) VALUES (?1, ?2, 1) "
    "ON CONFLICT (estate_id, year) DO UPDATE SET last_number = last_number + 1 "
    "RETURNING last_number", error);
  int number = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  sqlite3_bind_int (stmt, 2, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    number = sqlite3_column_int (stmt, 0);
  else
    pd_database_set_error (database, _("Numbering the release slip failed"), error);
  sqlite3_reset (stmt);
  return number;
}

static gboolean
insert_slip (PdContext     *ctx,
             PdReleaseSlip *slip,
             GError       **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "INSERT INTO release_slip (estate_id, year, number, serial, unit_id, unit_code, applicant_id, "
    "applicant_name, applicant_role, reason, reason_note, owner_confirm_id, owner_confirm_name, "
    "owner_confirm_method, owner_confirm_at, fees_cashier, fees_cleared_at, no_dangerous_goods, "
    "carrier_name, carrier_id_number, plate, valid_on, issued_at, issued_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, slip->estate_id);
  sqlite3_bind_int (stmt, 2, slip->year);
  sqlite3_bind_int (stmt, 3, slip->number);
  pd_bind_text (stmt, 4, slip->serial);
  sqlite3_bind_int64 (stmt, 5, slip->unit_id);
  pd_bind_text (stmt, 6, slip->unit_code);
  sqlite3_bind_int64 (stmt, 7, slip->applicant_id);
  pd_bind_text (stmt, 8, slip->applicant_name);
  pd_bind_text (stmt, 9, slip->applicant_role);
  pd_bind_text (stmt, 10, slip->reason);
  pd_bind_text (stmt, 11, slip->reason_note);
  if (slip->owner_confirm_id > 0)
    sqlite3_bind_int64 (stmt, 12, slip->owner_confirm_id);
  pd_bind_text (stmt, 13, slip->owner_confirm_name);
  pd_bind_text (stmt, 14, slip->owner_confirm_method);
  pd_bind_text (stmt, 15, slip->owner_confirm_at);
  pd_bind_text (stmt, 16, slip->fees_cashier);
  pd_bind_text (stmt, 17, slip->fees_cleared_at);
  pd_bind_text (stmt, 18, slip->carrier_name);
  pd_bind_text (stmt, 19, slip->carrier_id_number);
  pd_bind_text (stmt, 20, slip->plate);
  pd_bind_text (stmt, 21, slip->valid_on);
  pd_bind_text (stmt, 22, slip->issued_at);
  pd_bind_text (stmt, 23, slip->issued_by);
  if (!pd_database_step_done (database, stmt, error))
    return FALSE;
  slip->id = pd_database_last_insert_id (database);

  for (guint i = 0; i < slip->items->len; i++)
    {
      const PdReleaseItem *item = g_ptr_array_index (slip->items, i);

      stmt = pd_database_prepare (database,
        "INSERT INTO release_slip_item (slip_id, position, name, quantity, note) VALUES (?, ?, ?, ?, ?)",
        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, slip->id);
      sqlite3_bind_int (stmt, 2, i + 1);
      pd_bind_text (stmt, 3, item->name);
      sqlite3_bind_int (stmt, 4, item->quantity);
      pd_bind_text (stmt, 5, item->note);
      if (!pd_database_step_done (database, stmt, error))
        return FALSE;

      /* Remembered for completion next time. */
      stmt = pd_database_prepare (database,
        "INSERT INTO release_common_item (name, uses) VALUES (?, 1) "
        "ON CONFLICT (name) DO UPDATE SET uses = uses + 1", error);
      if (stmt == NULL)
        return FALSE;
      pd_bind_text (stmt, 1, item->name);
      if (!pd_database_step_done (database, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gint64
pd_release_slip_issue (PdContext     *ctx,
                       PdReleaseSlip *slip,
                       GError       **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (GDateTime) now = pd_context_now (ctx);
  g_autofree char *today = pd_context_today (ctx);
  g_autofree char *now_text = pd_context_now_text (ctx);
  g_autofree char *now_minute = g_date_time_format (now, "%Y-%m-%d %H:%M");
  gboolean outer;
  gint64 estate_id;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), -1);
  g_return_val_if_fail (slip != NULL && slip->items != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!pd_release_begin_write (database, &outer, error))
    return -1;
  estate_id = pd_estate_current_id (ctx, error);
  if (estate_id < 0 || !check_slip (ctx, slip, estate_id, today, now_minute, error))
    goto fail;

  slip->estate_id = estate_id;
  slip->year = g_date_time_get_year (now);
  slip->number = next_number (database, estate_id, slip->year, error);
  if (slip->number < 0)
    goto fail;
  g_free (slip->serial);
  slip->serial = pd_release_serial_format (slip->year, slip->number);
  g_free (slip->issued_at);
  slip->issued_at = g_steal_pointer (&now_text);
  g_free (slip->issued_by);
  slip->issued_by = g_strdup (pd_context_get_user (ctx));
  g_free (slip->state);
  slip->state = g_strdup ("issued");
  if (!insert_slip (ctx, slip, error))
    goto fail;
  /* A failed commit has rolled back already. */
  if (!pd_release_commit_write (database, outer, error))
    {
      slip->id = 0;
      return -1;
    }
  pd_context_notify_changed (ctx, "release_slip");
  return slip->id;

fail:
  pd_release_rollback_write (database, outer);
  slip->id = 0;
  return -1;
}
