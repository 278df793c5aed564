/* pd-export-release.c — see pd-export-release.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-export-log.h"
#include "pd-export-release.h"
#include "pd-person.h"
#include "pd-unit-role.h"
#include "pd-xlsx.h"

enum
{
  COL_SERIAL, COL_ISSUED, COL_UNIT, COL_APPLICANT, COL_ROLE, COL_PHONE, COL_REASON, COL_NOTE,
  COL_ITEMS, COL_PIECES, COL_CARRIER, COL_CARRIER_ID, COL_PLATE, COL_VALID, COL_STATE,
  COL_RELEASED, COL_GUARD, COL_CONFIRM, COL_FEES, COL_ISSUED_BY, COL_VOID, N_COLUMNS
};

static char *
applicant_phone (PdContext *ctx,
                 gint64     person_id)
{
  g_autoptr (PdPerson) person = pd_person_get (ctx, person_id, NULL);

  return g_strdup (person ? person->mobile : "");
}

static void
write_row (PdContext           *ctx,
           PdXlsxBook          *book,
           lxw_worksheet       *sheet,
           guint                row,
           const PdReleaseSlip *slip,
           gboolean             unmasked)
{
  g_autofree char *phone = applicant_phone (ctx, slip->applicant_id);
  g_autofree char *shown_phone = pd_export_phone (phone, unmasked);
  g_autofree char *carrier_id = pd_export_id (slip->carrier_id_number, unmasked);
  g_autofree char *items = pd_release_items_summary (slip);
  g_autofree char *issued = g_strndup (slip->issued_at, 16);
  g_autofree char *released = g_strndup (slip->released_at, 16);
  g_autofree char *confirm = NULL;
  g_autofree char *fees = NULL;
  gint64 pieces = 0;

  for (guint i = 0; i < slip->items->len; i++)
    pieces += ((const PdReleaseItem *) g_ptr_array_index (slip->items, i))->quantity;
  if (*slip->owner_confirm_name != '\0')
    confirm = g_strdup_printf ("%s %s %s", slip->owner_confirm_name,
                               pd_release_confirm_method_label (slip->owner_confirm_method),
                               slip->owner_confirm_at);
  if (*slip->fees_cashier != '\0')
    fees = g_strdup_printf ("%s %s", slip->fees_cashier, slip->fees_cleared_at);

  pd_xlsx_write_text (book, sheet, row, COL_SERIAL, slip->serial);
  pd_xlsx_write_text (book, sheet, row, COL_ISSUED, issued);
  pd_xlsx_write_text (book, sheet, row, COL_UNIT, slip->unit_code);
  pd_xlsx_write_text (book, sheet, row, COL_APPLICANT, slip->applicant_name);
  pd_xlsx_write_text (book, sheet, row, COL_ROLE, pd_unit_role_label (slip->applicant_role));
  pd_xlsx_write_text (book, sheet, row, COL_PHONE, shown_phone);
  pd_xlsx_write_text (book, sheet, row, COL_REASON, pd_release_reason_label (slip->reason));
  pd_xlsx_write_text (book, sheet, row, COL_NOTE, slip->reason_note);
  pd_xlsx_write_text (book, sheet, row, COL_ITEMS, items);
  pd_xlsx_write_integer (book, sheet, row, COL_PIECES, pieces);
  pd_xlsx_write_text (book, sheet, row, COL_CARRIER, slip->carrier_name);
  pd_xlsx_write_text (book, sheet, row, COL_CARRIER_ID, carrier_id);
  pd_xlsx_write_text (book, sheet, row, COL_PLATE, slip->plate);
  pd_xlsx_write_date (book, sheet, row, COL_VALID, slip->valid_on);
  pd_xlsx_write_text (book, sheet, row, COL_STATE, pd_release_status_label (pd_release_slip_status (ctx, slip)));
  pd_xlsx_write_text (book, sheet, row, COL_RELEASED, released);
  pd_xlsx_write_text (book, sheet, row, COL_GUARD, slip->released_by);
  pd_xlsx_write_text (book, sheet, row, COL_CONFIRM, confirm);
  pd_xlsx_write_text (book, sheet, row, COL_FEES, fees);
  pd_xlsx_write_text (book, sheet, row, COL_ISSUED_BY, slip->issued_by);
  pd_xlsx_write_text (book, sheet, row, COL_VOID, slip->void_reason);
}

/* Slips by reason (rows) and state (columns), with totals: the monthly
 * report's "release slips issued" (DOMAIN §8). */
static void
write_summary (PdContext  *ctx,
               PdXlsxBook *book,
               GPtrArray  *slips)
{
  static const char *const reasons[] = { "moving_out", "renovation", "other" };
  const PdXlsxColumn columns[] = {
    { C_("release slip", "Reason"), 14 },
    { C_("release slip", "Slips issued"), 10, PD_XLSX_INTEGER },
    { C_("release slip", "Still valid"), 10, PD_XLSX_INTEGER },
    { C_("release slip", "Released"), 10, PD_XLSX_INTEGER },
    { C_("release slip", "Void"), 10, PD_XLSX_INTEGER },
    { C_("release slip", "Expired"), 10, PD_XLSX_INTEGER },
  };
  lxw_worksheet *sheet = pd_xlsx_add_table_sheet (book, C_("release slip", "Summary"), columns, G_N_ELEMENTS (columns));
  gint64 counts[G_N_ELEMENTS (reasons) + 1][5] = { { 0 } };

  for (guint i = 0; i < slips->len; i++)
    {
      const PdReleaseSlip *slip = g_ptr_array_index (slips, i);
      PdReleaseStatus status = pd_release_slip_status (ctx, slip);
      guint r = 0;

      while (r < G_N_ELEMENTS (reasons) && g_strcmp0 (reasons[r], slip->reason) != 0)
        r++;
      g_assert (r < G_N_ELEMENTS (reasons));   /* the schema allows no other reason */
      counts[r][0]++;
      counts[r][1 + status]++;
      counts[G_N_ELEMENTS (reasons)][0]++;
      counts[G_N_ELEMENTS (reasons)][1 + status]++;
    }
  for (guint r = 0; r <= G_N_ELEMENTS (reasons); r++)
    {
      pd_xlsx_write_text (book, sheet, r + 1, 0,
                          r < G_N_ELEMENTS (reasons) ? pd_release_reason_label (reasons[r]) : C_("release slip", "Total"));
      for (guint c = 0; c < 5; c++)
        pd_xlsx_write_integer (book, sheet, r + 1, c + 1, counts[r][c]);
    }
}

gboolean
pd_export_release_register (PdContext             *ctx,
                            const PdReleaseFilter *filter,
                            const char            *path,
                            gboolean               unmasked,
                            guint                 *n_rows,
                            GError               **error)
{
  const PdXlsxColumn columns[N_COLUMNS] = {
    [COL_SERIAL] = { C_("release slip", "Serial"), 12 },
    [COL_ISSUED] = { C_("release slip", "Issued at"), 17 },
    [COL_UNIT] = { C_("release slip", "Unit"), 10 },
    [COL_APPLICANT] = { C_("release slip", "Applicant"), 10 },
    [COL_ROLE] = { C_("release slip", "Role"), 8 },
    [COL_PHONE] = { _("Applicant's phone"), 14 },
    [COL_REASON] = { C_("release slip", "Reason"), 8 },
    [COL_NOTE] = { C_("release slip", "Reason, details"), 16 },
    [COL_ITEMS] = { C_("release slip", "Items"), 36 },
    [COL_PIECES] = { C_("release slip", "Pieces"), 7, PD_XLSX_INTEGER },
    [COL_CARRIER] = { C_("release slip", "Carrier"), 10 },
    [COL_CARRIER_ID] = { C_("release slip", "Carrier's ID no."), 20 },
    [COL_PLATE] = { C_("release slip", "Vehicle plate"), 11 },
    [COL_VALID] = { C_("release slip", "Valid until"), 11, PD_XLSX_DATE },
    [COL_STATE] = { C_("release slip", "State"), 8 },
    [COL_RELEASED] = { C_("release slip", "Released at"), 17 },
    [COL_GUARD] = { C_("release slip", "Guard"), 10 },
    [COL_CONFIRM] = { C_("release slip", "Owner confirmed"), 26 },
    [COL_FEES] = { C_("release slip", "Fees cleared"), 24 },
    [COL_ISSUED_BY] = { C_("release slip", "Issued by"), 12 },
    [COL_VOID] = { _("Reason for voiding"), 20 },
  };
  g_autoptr (GPtrArray) slips = NULL;
  g_autoptr (PdXlsxBook) book = NULL;
  g_autofree char *title = NULL;
  g_autofree char *what = NULL;
  lxw_worksheet *sheet;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!pd_export_check_unmasked (ctx, unmasked, error))
    return FALSE;
  slips = pd_release_register_list (ctx, filter, error);
  if (slips == NULL)
    return FALSE;
  /* The register reads in serial order, oldest first, like the paper one. */
  {
    guint n = slips->len;
    for (guint i = 0; i < n / 2; i++)
      {
        gpointer tmp = slips->pdata[i];
        slips->pdata[i] = slips->pdata[n - 1 - i];
        slips->pdata[n - 1 - i] = tmp;
      }
  }

  /* Translators: the workbook's title; from and to dates */
  title = g_strdup_printf (_("Release register %s to %s"), filter && filter->from ? filter->from : "…",
                           filter && filter->to ? filter->to : "…");
  book = pd_xlsx_book_new (path, title);
  sheet = pd_xlsx_add_table_sheet (book, _("Release register"), columns, N_COLUMNS);
  for (guint i = 0; i < slips->len; i++)
    write_row (ctx, book, sheet, i + 1, g_ptr_array_index (slips, i), unmasked);
  pd_xlsx_finish_table (book, sheet, slips->len, N_COLUMNS);
  write_summary (ctx, book, slips);
  if (!pd_xlsx_book_close (g_steal_pointer (&book), error))
    return FALSE;

  what = g_strdup_printf ("release register %s..%s", filter && filter->from ? filter->from : "",
                          filter && filter->to ? filter->to : "");
  if (!pd_export_log_add (ctx, what, slips->len, unmasked, path, error))
    return FALSE;
  if (n_rows)
    *n_rows = slips->len;
  return TRUE;
}
