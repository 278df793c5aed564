/* pd-owner-export.c — see pd-owner-export.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pd-estate.h"
#include "pd-export-log.h"
#include "pd-owner-export.h"
#include "pd-owner-list.h"
#include "pd-xlsx.h"

enum
{
  COL_UNIT, COL_USE, COL_STATE, COL_AREA, COL_OWNERS, COL_ID, COL_MOBILE, COL_TENANTS, N_COLS
};

gint64
pd_owner_export (PdContext  *ctx,
                 const char *path,
                 gboolean    unmasked,
                 GError    **error)
{
  const PdXlsxColumn columns[N_COLS] = {
    [COL_UNIT] = { _("Unit code"), 12, PD_XLSX_TEXT },
    [COL_USE] = { _("Use"), 8, PD_XLSX_TEXT },
    [COL_STATE] = { _("State"), 10, PD_XLSX_TEXT },
    [COL_AREA] = { _("Gross area (m²)"), 13, PD_XLSX_DECIMAL },
    [COL_OWNERS] = { _("Owners"), 20, PD_XLSX_TEXT },
    [COL_ID] = { _("Owner ID / USCC"), 22, PD_XLSX_TEXT },
    [COL_MOBILE] = { _("Owner mobile"), 14, PD_XLSX_TEXT },
    [COL_TENANTS] = { _("Tenants"), 20, PD_XLSX_TEXT },
  };
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (GArray) ids = NULL;
  g_autoptr (PdXlsxBook) book = NULL;
  lxw_worksheet *sheet;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx) && path != NULL, -1);
  if (!pd_export_check_unmasked (ctx, unmasked, error))
    return -1;
  ids = pd_owner_list_unit_ids (ctx, NULL, PD_OWNER_SORT_UNIT, FALSE, error);
  if (ids == NULL)
    return -1;

  book = pd_xlsx_book_new (path, _("Owner files"));
  sheet = pd_xlsx_add_table_sheet (book, _("Owner files"), columns, N_COLS);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (PdOwnerRow) row = pd_owner_row_get (ctx, g_array_index (ids, gint64, i), error);
      g_autofree char *id_number = NULL;
      g_autofree char *mobile = NULL;
      guint r = i + 1;

      if (row == NULL)
        return -1;
      id_number = pd_export_id (row->owner_id_number, unmasked);
      mobile = pd_export_phone (row->owner_mobile, unmasked);
      pd_xlsx_write_text (book, sheet, r, COL_UNIT, row->unit_code);
      pd_xlsx_write_text (book, sheet, r, COL_USE, pd_unit_use_label (row->use));
      pd_xlsx_write_text (book, sheet, r, COL_STATE, pd_unit_state_label (row->state));
      if (row->gross_area > 0)
        pd_xlsx_write_decimal (book, sheet, r, COL_AREA, row->gross_area);
      pd_xlsx_write_text (book, sheet, r, COL_OWNERS, row->owners);
      pd_xlsx_write_text (book, sheet, r, COL_ID, id_number);
      pd_xlsx_write_text (book, sheet, r, COL_MOBILE, mobile);
      pd_xlsx_write_text (book, sheet, r, COL_TENANTS, row->tenants);
    }
  pd_xlsx_finish_table (book, sheet, ids->len, N_COLS);

  /* The log row and the file stand or fall together: no unlogged export,
   * no log of an export that never happened. */
  if (!pd_database_begin (database, error))
    return -1;
  if (!pd_export_log_add (ctx, "owner list", ids->len, unmasked, path, error) ||
      !pd_xlsx_book_close (g_steal_pointer (&book), error))
    {
      pd_database_rollback (database);
      return -1;
    }
  if (!pd_database_commit (database, error))
    {
      g_unlink (path);
      return -1;
    }
  return ids->len;
}
