/* pd-export-handovers.c — see pd-export-handovers.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-calendar.h"
#include "pd-export-handovers.h"
#include "pd-export-log.h"
#include "pd-handover.h"
#include "pd-handover-defect.h"
#include "pd-handover-list.h"
#include "pd-xlsx.h"

enum
{
  REG_UNIT, REG_OWNER, REG_DAY, REG_STATUS, REG_INSPECTED, REG_CLOSED, REG_CHECKED, REG_DEFECTS,
  REG_OPEN, REG_LATE, REG_PASSED, REG_NEXT, REG_WATER, REG_POWER, REG_GAS, REG_KEYS, REG_CARDS,
  REG_RECEIPT, REG_CLERK, REG_ENGINEER, N_REG
};

enum
{
  DEF_UNIT, DEF_OWNER, DEF_ROOM, DEF_WHAT, DEF_PARTY, DEF_FOUND, DEF_DUE, DEF_SENT, DEF_NUMBER,
  DEF_DEADLINE, DEF_LATE_DAYS, DEF_ROUNDS, N_DEF
};

static void
write_reading (PdXlsxBook    *book,
               lxw_worksheet *sheet,
               guint          row,
               guint          col,
               gint64         milli)
{
  /* An unread meter stays blank, not 0. */
  if (milli >= 0)
    pd_xlsx_write_decimal (book, sheet, row, col, milli / 1000.0);
}

static gboolean
write_register (PdContext     *ctx,
                PdXlsxBook    *book,
                GPtrArray     *rows,
                GError       **error)
{
  const PdXlsxColumn columns[N_REG] = {
    [REG_UNIT] = { C_("handover", "Unit"), 10 },
    [REG_OWNER] = { C_("handover", "Owner"), 14 },
    [REG_DAY] = { C_("handover", "Handover date"), 11, PD_XLSX_DATE },
    [REG_STATUS] = { C_("handover", "Status"), 9 },
    [REG_INSPECTED] = { C_("handover", "Inspected on"), 11, PD_XLSX_DATE },
    [REG_CLOSED] = { C_("handover", "Closed on"), 11, PD_XLSX_DATE },
    [REG_CHECKED] = { C_("handover", "Items checked"), 8, PD_XLSX_INTEGER },
    [REG_DEFECTS] = { C_("handover", "Defects"), 7, PD_XLSX_INTEGER },
    [REG_OPEN] = { C_("handover", "Defects still open"), 8, PD_XLSX_INTEGER },
    [REG_LATE] = { C_("handover", "Notices late"), 8, PD_XLSX_INTEGER },
    [REG_PASSED] = { C_("handover", "Deadlines passed"), 8, PD_XLSX_INTEGER },
    [REG_NEXT] = { C_("handover", "Next deadline"), 11, PD_XLSX_DATE },
    [REG_WATER] = { C_("handover", "Water meter (m³)"), 10, PD_XLSX_DECIMAL },
    [REG_POWER] = { C_("handover", "Electricity meter (kWh)"), 10, PD_XLSX_DECIMAL },
    [REG_GAS] = { C_("handover", "Gas meter (m³)"), 10, PD_XLSX_DECIMAL },
    [REG_KEYS] = { C_("handover", "House keys"), 7, PD_XLSX_INTEGER },
    [REG_CARDS] = { C_("handover", "Access cards"), 18 },
    [REG_RECEIPT] = { C_("handover", "Fee receipt number"), 14 },
    [REG_CLERK] = { C_("handover", "Customer service"), 10 },
    [REG_ENGINEER] = { C_("handover", "Engineering"), 12 },
  };
  lxw_worksheet *sheet = pd_xlsx_add_table_sheet (book, C_("handover", "Handover register"), columns, N_REG);

  for (guint i = 0; i < rows->len; i++)
    {
      const PdHandoverRow *row = rows->pdata[i];
      g_autoptr (PdHandover) h = pd_handover_get (ctx, row->id, error);
      guint r = i + 1;

      if (h == NULL)
        return FALSE;
      pd_xlsx_write_text (book, sheet, r, REG_UNIT, row->unit_code);
      pd_xlsx_write_text (book, sheet, r, REG_OWNER, row->owner_name);
      pd_xlsx_write_date (book, sheet, r, REG_DAY, row->handover_on);
      pd_xlsx_write_text (book, sheet, r, REG_STATUS, pd_handover_status_label (row->status));
      pd_xlsx_write_date (book, sheet, r, REG_INSPECTED, row->inspected_on);
      pd_xlsx_write_date (book, sheet, r, REG_CLOSED, row->closed_on);
      pd_xlsx_write_integer (book, sheet, r, REG_CHECKED, row->checks_done);
      pd_xlsx_write_integer (book, sheet, r, REG_DEFECTS, row->defects_total);
      pd_xlsx_write_integer (book, sheet, r, REG_OPEN, row->defects_open);
      pd_xlsx_write_integer (book, sheet, r, REG_LATE, row->notices_overdue);
      pd_xlsx_write_integer (book, sheet, r, REG_PASSED, row->deadlines_overdue);
      pd_xlsx_write_date (book, sheet, r, REG_NEXT, row->next_deadline);
      write_reading (book, sheet, r, REG_WATER, h->water_milli);
      write_reading (book, sheet, r, REG_POWER, h->electricity_milli);
      write_reading (book, sheet, r, REG_GAS, h->gas_milli);
      pd_xlsx_write_integer (book, sheet, r, REG_KEYS, h->house_keys);
      pd_xlsx_write_text (book, sheet, r, REG_CARDS, h->access_cards);
      pd_xlsx_write_text (book, sheet, r, REG_RECEIPT, h->fee_receipt);
      pd_xlsx_write_text (book, sheet, r, REG_CLERK, h->clerk);
      pd_xlsx_write_text (book, sheet, r, REG_ENGINEER, h->engineer);
    }
  pd_xlsx_finish_table (book, sheet, rows->len, N_REG);
  return TRUE;
}

static void
write_open_defects (PdContext  *ctx,
                    PdXlsxBook *book,
                    GPtrArray  *defects)
{
  const PdXlsxColumn columns[N_DEF] = {
    [DEF_UNIT] = { C_("handover", "Unit"), 10 },
    [DEF_OWNER] = { C_("handover", "Owner"), 12 },
    [DEF_ROOM] = { C_("handover", "Room"), 9 },
    [DEF_WHAT] = { C_("handover", "What is wrong"), 34 },
    [DEF_PARTY] = { C_("handover", "Responsible"), 18 },
    [DEF_FOUND] = { C_("handover", "Found at"), 17 },
    [DEF_DUE] = { C_("handover", "Notice due by"), 17 },
    [DEF_SENT] = { C_("handover", "Notice sent on"), 17 },
    [DEF_NUMBER] = { C_("handover", "Notice number"), 13 },
    [DEF_DEADLINE] = { C_("handover", "Deadline"), 11, PD_XLSX_DATE },
    [DEF_LATE_DAYS] = { C_("handover", "Working days past the deadline"), 10, PD_XLSX_INTEGER },
    [DEF_ROUNDS] = { C_("handover", "Re-inspections"), 8, PD_XLSX_INTEGER },
  };
  lxw_worksheet *sheet = pd_xlsx_add_table_sheet (book, C_("handover", "Open defects"), columns, N_DEF);
  g_autofree char *today = pd_context_today (ctx);

  for (guint i = 0; i < defects->len; i++)
    {
      const PdHandoverDefect *d = defects->pdata[i];
      g_autofree char *found = g_strndup (d->recorded_at, 16);
      g_autofree char *due = g_strndup (d->notice_due_at, 16);
      g_autofree char *sent = g_strndup (d->notice_sent_at, 16);
      guint r = i + 1;

      pd_xlsx_write_text (book, sheet, r, DEF_UNIT, d->unit_code);
      pd_xlsx_write_text (book, sheet, r, DEF_OWNER, d->owner_name);
      pd_xlsx_write_text (book, sheet, r, DEF_ROOM, d->room);
      pd_xlsx_write_text (book, sheet, r, DEF_WHAT, d->description);
      pd_xlsx_write_text (book, sheet, r, DEF_PARTY, d->responsible);
      pd_xlsx_write_text (book, sheet, r, DEF_FOUND, found);
      pd_xlsx_write_text (book, sheet, r, DEF_DUE, due);
      pd_xlsx_write_text (book, sheet, r, DEF_SENT, sent);
      pd_xlsx_write_text (book, sheet, r, DEF_NUMBER, d->notice_no);
      pd_xlsx_write_date (book, sheet, r, DEF_DEADLINE, d->deadline);
      pd_xlsx_write_integer (book, sheet, r, DEF_LATE_DAYS,
                             pd_calendar_working_days_between (ctx, d->deadline, today));
      pd_xlsx_write_integer (book, sheet, r, DEF_ROUNDS, d->reinspections);
    }
  pd_xlsx_finish_table (book, sheet, defects->len, N_DEF);
}

gboolean
pd_export_handovers (PdContext  *ctx,
                     const char *from_day,
                     const char *before_day,
                     const char *path,
                     guint      *n_handovers,
                     guint      *n_defects,
                     GError    **error)
{
  PdHandoverFilter filter = { .from_day = from_day, .before_day = before_day };
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) defects = NULL;
  g_autoptr (PdXlsxBook) book = NULL;
  g_autofree char *title = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  rows = pd_handover_list (ctx, &filter, error);
  if (rows == NULL)
    return FALSE;
  /* The register reads oldest first, like the paper one. */
  for (guint i = 0; i < rows->len / 2; i++)
    {
      gpointer tmp = rows->pdata[i];
      rows->pdata[i] = rows->pdata[rows->len - 1 - i];
      rows->pdata[rows->len - 1 - i] = tmp;
    }
  defects = pd_handover_defect_list (ctx, 0, error);
  if (defects == NULL)
    return FALSE;

  /* Translators: the workbook's title; first day and the day after the period */
  title = g_strdup_printf (C_("handover", "Handover register %s to %s"), from_day ? from_day : "…",
                           before_day ? before_day : "…");
  book = pd_xlsx_book_new (path, title);
  if (!write_register (ctx, book, rows, error))
    return FALSE;
  write_open_defects (ctx, book, defects);
  if (!pd_xlsx_book_close (g_steal_pointer (&book), error))
    return FALSE;

  /* Owners' names leave PropDesk: logged like every personal-data export. */
  what = g_strdup_printf ("handover register %s..%s", from_day ? from_day : "", before_day ? before_day : "");
  if (!pd_export_log_add (ctx, what, rows->len + defects->len, FALSE, path, error))
    return FALSE;
  if (n_handovers != NULL)
    *n_handovers = rows->len;
  if (n_defects != NULL)
    *n_defects = defects->len;
  return TRUE;
}
