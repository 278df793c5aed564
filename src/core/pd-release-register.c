/* pd-release-register.c — see pd-release-register.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-release-register.h"
#include "pd-release-slip-private.h"

/* "%text%" for LIKE with the user's % and _ taken literally. */
static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

static GPtrArray *
read_rows (PdContext     *ctx,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  g_autoptr (GPtrArray) slips = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_release_slip_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (slips, pd_release_slip_read_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pd_database_set_error (pd_context_get_database (ctx), _("Reading the release register failed"),
                             error);
      return NULL;
    }
  for (guint i = 0; i < slips->len; i++)
    if (!pd_release_slip_load_items (ctx, g_ptr_array_index (slips, i), error))
      return NULL;
  return g_steal_pointer (&slips);
}

GPtrArray *
pd_release_register_list (PdContext             *ctx,
                          const PdReleaseFilter *filter,
                          GError               **error)
{
  static const PdReleaseFilter all = PD_RELEASE_FILTER_INIT;
  PdDatabase *database = pd_context_get_database (ctx);
  g_autofree char *today = pd_context_today (ctx);
  g_autofree char *text = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *unit = NULL;
  sqlite3_stmt *stmt;
  gint64 estate_id;
  int year, number;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  if (filter == NULL)
    filter = &all;

  estate_id = pd_estate_current_id (ctx, error);
  if (estate_id < 0)
    return NULL;
  if (filter->text != NULL)
    {
      text = g_strstrip (g_utf8_normalize (filter->text, -1, G_NORMALIZE_NFKC));
      if (*text != '\0')
        pattern = like_pattern (text);
      if (pd_release_serial_parse (text, &year, &number, NULL))
        serial = pd_release_serial_format (year, number);
    }
  if (filter->unit != NULL && *filter->unit != '\0')
    {
      if (!pd_unit_code_parse (filter->unit, &unit, NULL, NULL, NULL, NULL))
        unit = g_strstrip (g_strdup (filter->unit));
    }

  stmt = pd_database_prepare (database,
    PD_RELEASE_SLIP_SELECT
    "WHERE s.estate_id = ?1 "
    "AND (?2 IS NULL OR s.issued_at >= ?2) "
    "AND (?3 IS NULL OR s.issued_at < date (?3, '+1 day')) "
    "AND (?4 IS NULL OR s.unit_code = ?4 OR s.unit_code LIKE ?4 || '-%') "
    "AND (?5 IS NULL OR s.reason = ?5) "
    "AND (?6 IS NULL OR CASE WHEN s.state = 'issued' AND s.valid_on < ?7 THEN 'expired' "
    "                   ELSE s.state END = ?6) "
    "AND (?8 IS NULL OR s.serial = ?9 OR s.serial LIKE ?8 ESCAPE '\\' "
    "     OR s.unit_code LIKE ?8 ESCAPE '\\' OR s.applicant_name LIKE ?8 ESCAPE '\\' "
    "     OR s.carrier_name LIKE ?8 ESCAPE '\\' OR s.plate LIKE ?8 ESCAPE '\\' "
    "     OR EXISTS (SELECT 1 FROM release_slip_item i WHERE i.slip_id = s.id "
    "                AND i.name LIKE ?8 ESCAPE '\\')) "
    "ORDER BY s.year DESC, s.number DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  pd_bind_text_or_null (stmt, 2, filter->from);
  pd_bind_text_or_null (stmt, 3, filter->to);
  pd_bind_text_or_null (stmt, 4, unit);
  pd_bind_text_or_null (stmt, 5, filter->reason);
  if (filter->status >= 0)
    pd_bind_text (stmt, 6, pd_release_status_key (filter->status));
  pd_bind_text (stmt, 7, today);
  pd_bind_text_or_null (stmt, 8, pattern);
  pd_bind_text_or_null (stmt, 9, serial);
  return read_rows (ctx, stmt, error);
}

static gboolean
parse_end (const char *text,
           const char *field,
           const char *label,
           int        *year,
           int        *number,
           GError    **error)
{
  if (pd_release_serial_parse (text, year, number, NULL))
    return TRUE;
  pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, field,
                      /* Translators: %s is "From" or "To", the second %s what was typed */
                      _("%s: “%s” is not a slip number such as 2026-00042."), label, text ? text : "");
  return FALSE;
}

GPtrArray *
pd_release_register_range (PdContext  *ctx,
                           const char *first,
                           const char *last,
                           GError    **error)
{
  g_autoptr (PdReleaseSlip) first_slip = NULL;
  g_autoptr (PdReleaseSlip) last_slip = NULL;
  sqlite3_stmt *stmt;
  int first_year, first_number, last_year, last_number;

  if (!parse_end (first, "from", C_("release slip", "From"), &first_year, &first_number, error) ||
      !parse_end (last, "to", C_("release slip", "To"), &last_year, &last_number, error))
    return NULL;
  /* Both ends must exist, so a typo does not silently print nothing. */
  first_slip = pd_release_slip_find (ctx, first, error);
  if (first_slip == NULL)
    return NULL;
  last_slip = pd_release_slip_find (ctx, last, error);
  if (last_slip == NULL)
    return NULL;
  if (last_year < first_year || (last_year == first_year && last_number < first_number))
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "to",
                          /* Translators: two serial numbers */
                          _("To: %s comes before %s; give the range in ascending order."),
                          last_slip->serial, first_slip->serial);
      return NULL;
    }
  stmt = pd_database_prepare (pd_context_get_database (ctx),
    PD_RELEASE_SLIP_SELECT
    "WHERE s.estate_id = ?1 AND (s.year, s.number) >= (?2, ?3) AND (s.year, s.number) <= (?4, ?5) "
    "ORDER BY s.year, s.number", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, first_slip->estate_id);
  sqlite3_bind_int (stmt, 2, first_year);
  sqlite3_bind_int (stmt, 3, first_number);
  sqlite3_bind_int (stmt, 4, last_year);
  sqlite3_bind_int (stmt, 5, last_number);
  return read_rows (ctx, stmt, error);
}

char *
pd_release_items_summary (const PdReleaseSlip *slip)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < slip->items->len; i++)
    {
      const PdReleaseItem *item = g_ptr_array_index (slip->items, i);

      if (i > 0)
        g_string_append (text, "、");
      g_string_append_printf (text, "%s×%d", item->name, item->quantity);
    }
  return g_string_free (text, FALSE);
}
