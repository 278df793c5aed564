/* pd-export-renovation.c — see pd-export-renovation.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-deposit-ledger.h"
#include "pd-export-log.h"
#include "pd-export-renovation.h"
#include "pd-renovation-patrol.h"
#include "pd-renovation-report.h"
#include "pd-renovation.h"
#include "pd-unit-role.h"
#include "pd-xlsx.h"

enum
{
  COL_SERIAL, COL_UNIT, COL_APPLICANT, COL_ROLE, COL_CONTRACTOR, COL_SCOPE, COL_STATE, COL_CREATED,
  COL_SUBMITTED, COL_DUE, COL_DECIDED, COL_PERMIT, COL_VALID_FROM, COL_VALID_TO, COL_STARTED,
  COL_ACCEPTED, COL_PAID, COL_DEDUCTED, COL_TOPPED, COL_REFUNDED, COL_BALANCE, N_COLUMNS
};

static int
by_id (gconstpointer a,
       gconstpointer b)
{
  gint64 x = (*(PdRenovation *const *) a)->id, y = (*(PdRenovation *const *) b)->id;
  return x < y ? -1 : x > y;
}

static gboolean
write_register (PdContext  *ctx,
                PdXlsxBook *book,
                const char *next,
                guint      *n_rows,
                GError    **error)
{
  const PdXlsxColumn columns[N_COLUMNS] = {
    [COL_SERIAL] = { C_("renovation export", "Permit no."), 14 },
    [COL_UNIT] = { C_("renovation export", "Unit"), 10 },
    [COL_APPLICANT] = { C_("renovation export", "Applicant"), 12 },
    [COL_ROLE] = { C_("renovation export", "Role"), 8 },
    [COL_CONTRACTOR] = { C_("renovation export", "Contractor"), 24 },
    [COL_SCOPE] = { C_("renovation export", "Scope"), 30 },
    [COL_STATE] = { C_("renovation export", "State"), 12 },
    [COL_CREATED] = { C_("renovation export", "Applied"), 11, PD_XLSX_DATE },
    [COL_SUBMITTED] = { C_("renovation export", "Submitted"), 11, PD_XLSX_DATE },
    [COL_DUE] = { C_("renovation export", "Reply due"), 11, PD_XLSX_DATE },
    [COL_DECIDED] = { C_("renovation export", "Decided"), 11, PD_XLSX_DATE },
    [COL_PERMIT] = { C_("renovation export", "Permit issued"), 11, PD_XLSX_DATE },
    [COL_VALID_FROM] = { C_("renovation export", "Valid from"), 11, PD_XLSX_DATE },
    [COL_VALID_TO] = { C_("renovation export", "Valid until"), 11, PD_XLSX_DATE },
    [COL_STARTED] = { C_("renovation export", "Works started"), 11, PD_XLSX_DATE },
    [COL_ACCEPTED] = { C_("renovation export", "Accepted"), 11, PD_XLSX_DATE },
    [COL_PAID] = { C_("renovation export", "Deposit paid"), 12, PD_XLSX_MONEY },
    [COL_DEDUCTED] = { C_("renovation export", "Deducted"), 12, PD_XLSX_MONEY },
    [COL_TOPPED] = { C_("renovation export", "Topped up"), 12, PD_XLSX_MONEY },
    [COL_REFUNDED] = { C_("renovation export", "Refunded"), 12, PD_XLSX_MONEY },
    [COL_BALANCE] = { C_("renovation export", "Deposit held"), 12, PD_XLSX_MONEY },
  };
  g_autoptr (GPtrArray) list = pd_renovation_list (ctx, error);
  lxw_worksheet *sheet;
  guint row = 0;

  if (list == NULL)
    return FALSE;
  sheet = pd_xlsx_add_table_sheet (book, C_("renovation export", "Register"), columns, N_COLUMNS);
  /* Oldest first, like the paper register; only what existed by the month's end. */
  g_ptr_array_sort (list, by_id);
  for (guint i = 0; i < list->len; i++)
    {
      const PdRenovation *r = list->pdata[i];
      PdDepositSummary s = { 0 };
      g_autofree char *scope = pd_renovation_scope_text (r->scope);

      if (strcmp (r->created_on, next) >= 0)
        continue;
      if (!pd_deposit_summarize (ctx, r->id, &s, error))
        return FALSE;
      row++;
      pd_xlsx_write_text (book, sheet, row, COL_SERIAL, r->serial);
      pd_xlsx_write_text (book, sheet, row, COL_UNIT, r->unit_code);
      pd_xlsx_write_text (book, sheet, row, COL_APPLICANT, r->applicant_name);
      pd_xlsx_write_text (book, sheet, row, COL_ROLE, pd_unit_role_label (r->applicant_role));
      pd_xlsx_write_text (book, sheet, row, COL_CONTRACTOR,
                          r->self_renovation ? C_("renovation export", "Self-renovation") : r->contractor_name);
      pd_xlsx_write_text (book, sheet, row, COL_SCOPE, scope);
      pd_xlsx_write_text (book, sheet, row, COL_STATE, pd_renovation_state_label (r->state));
      pd_xlsx_write_date (book, sheet, row, COL_CREATED, r->created_on);
      pd_xlsx_write_date (book, sheet, row, COL_SUBMITTED, r->submitted_on);
      pd_xlsx_write_date (book, sheet, row, COL_DUE, r->review_due);
      pd_xlsx_write_date (book, sheet, row, COL_DECIDED, r->decided_on);
      pd_xlsx_write_date (book, sheet, row, COL_PERMIT, r->permit_issued_on);
      pd_xlsx_write_date (book, sheet, row, COL_VALID_FROM, r->valid_from);
      pd_xlsx_write_date (book, sheet, row, COL_VALID_TO, r->valid_to);
      pd_xlsx_write_date (book, sheet, row, COL_STARTED, r->started_on);
      pd_xlsx_write_date (book, sheet, row, COL_ACCEPTED, r->accepted_on);
      pd_xlsx_write_money (book, sheet, row, COL_PAID, s.paid_fen);
      pd_xlsx_write_money (book, sheet, row, COL_DEDUCTED, s.deducted_fen);
      pd_xlsx_write_money (book, sheet, row, COL_TOPPED, s.topped_up_fen);
      pd_xlsx_write_money (book, sheet, row, COL_REFUNDED, s.refunded_fen);
      pd_xlsx_write_money (book, sheet, row, COL_BALANCE, s.balance_fen);
      pd_deposit_summary_clear (&s);
    }
  pd_xlsx_finish_table (book, sheet, row, N_COLUMNS);
  *n_rows = row;
  return TRUE;
}

static gboolean
write_figures (PdContext  *ctx,
               PdXlsxBook *book,
               const char *first,
               const char *next,
               GError    **error)
{
  const PdXlsxColumn columns[] = {
    { C_("renovation export", "Figure"), 36 },
    { C_("renovation export", "Value"), 14 },
  };
  PdRenovationMonth m;
  lxw_worksheet *sheet;
  guint row = 0;

  if (!pd_renovation_month_figures (ctx, first, next, &m, error))
    return FALSE;
  {
    const struct
    {
      const char *label;
      gint64      value;
      gboolean    money;
    } figures[] = {
      { C_("renovation export", "New applications"), m.applications },
      { C_("renovation export", "Submissions (resubmissions included)"), m.submissions },
      { C_("renovation export", "Review replies"), m.reviews_answered },
      { C_("renovation export", "Review replies within the limit"), m.reviews_on_time },
      { C_("renovation export", "Approved"), m.approvals },
      { C_("renovation export", "Returned for revision"), m.returned },
      { C_("renovation export", "Rejected"), m.rejections },
      { C_("renovation export", "Permits issued"), m.permits },
      { C_("renovation export", "Works started"), m.works_started },
      { C_("renovation export", "Stop-work orders"), m.stop_works },
      { C_("renovation export", "Violations"), m.violations },
      { C_("renovation export", "Penalties by the schedule (yuan)"), m.penalties_fen, TRUE },
      { C_("renovation export", "Deducted from deposits (yuan)"), m.deducted_fen, TRUE },
      { C_("renovation export", "Deposits received (yuan)"), m.deposits_fen, TRUE },
      { C_("renovation export", "Top-ups"), m.topups },
      { C_("renovation export", "Top-ups received (yuan)"), m.topups_fen, TRUE },
      { C_("renovation export", "Works accepted"), m.acceptances },
      { C_("renovation export", "Deposits refunded"), m.refunds },
      { C_("renovation export", "Refunded (yuan)"), m.refunds_fen, TRUE },
    };

    sheet = pd_xlsx_add_table_sheet (book, C_("renovation export", "Month's figures"), columns,
                                     G_N_ELEMENTS (columns));
    for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
      {
        row++;
        pd_xlsx_write_text (book, sheet, row, 0, figures[i].label);
        if (figures[i].money)
          pd_xlsx_write_money (book, sheet, row, 1, figures[i].value);
        else
          pd_xlsx_write_integer (book, sheet, row, 1, figures[i].value);
      }
  }
  row++;
  pd_xlsx_write_text (book, sheet, row, 0, C_("renovation export", "Replies within the limit (%)"));
  /* No reply in the month: no rate, rather than a made-up 0 % or 100 %. */
  if (m.reviews_answered > 0)
    pd_xlsx_write_percent (book, sheet, row, 1, (double) m.reviews_on_time / (double) m.reviews_answered);
  return TRUE;
}

static gboolean
write_violations (PdContext  *ctx,
                  PdXlsxBook *book,
                  const char *first,
                  const char *next,
                  GError    **error)
{
  const PdXlsxColumn columns[] = {
    { C_("renovation export", "Date"), 11, PD_XLSX_DATE },
    { C_("renovation export", "Unit"), 10 },
    { C_("renovation export", "Permit no."), 14 },
    { C_("renovation export", "Violation"), 34 },
    { C_("renovation export", "What was found"), 30 },
    { C_("renovation export", "Action"), 16 },
    { C_("renovation export", "Worker"), 10 },
    { C_("renovation export", "Penalty"), 12, PD_XLSX_MONEY },
    { C_("renovation export", "Deducted"), 12, PD_XLSX_MONEY },
    { C_("renovation export", "Rectify by"), 11, PD_XLSX_DATE },
    { C_("renovation export", "Rectified"), 11, PD_XLSX_DATE },
  };
  g_autoptr (GPtrArray) all = pd_renovation_violation_list (ctx, 0, error);
  lxw_worksheet *sheet;
  guint row = 0;

  if (all == NULL)
    return FALSE;
  sheet = pd_xlsx_add_table_sheet (book, C_("renovation export", "Violations"), columns, G_N_ELEMENTS (columns));
  for (guint i = all->len; i-- > 0;)
    {
      const PdRenovationViolation *v = all->pdata[i];

      if (strcmp (v->on_date, first) < 0 || strcmp (v->on_date, next) >= 0)
        continue;
      row++;
      pd_xlsx_write_date (book, sheet, row, 0, v->on_date);
      pd_xlsx_write_text (book, sheet, row, 1, v->unit_code);
      pd_xlsx_write_text (book, sheet, row, 2, v->serial);
      pd_xlsx_write_text (book, sheet, row, 3, pd_renovation_penalty_label (v->code));
      pd_xlsx_write_text (book, sheet, row, 4, v->description);
      pd_xlsx_write_text (book, sheet, row, 5, pd_renovation_ladder_label (v->ladder_step));
      pd_xlsx_write_text (book, sheet, row, 6, v->worker_name);
      pd_xlsx_write_money (book, sheet, row, 7, v->penalty_fen);
      pd_xlsx_write_money (book, sheet, row, 8, v->deducted_fen);
      pd_xlsx_write_date (book, sheet, row, 9, v->rectify_by);
      pd_xlsx_write_date (book, sheet, row, 10, v->rectified_on);
    }
  pd_xlsx_finish_table (book, sheet, row, G_N_ELEMENTS (columns));
  return TRUE;
}

gboolean
pd_export_renovations (PdContext  *ctx,
                       const char *first,
                       const char *next,
                       const char *path,
                       guint      *n_rows,
                       GError    **error)
{
  g_autoptr (PdXlsxBook) book = NULL;
  g_autofree char *title = NULL;
  g_autofree char *what = NULL;
  guint rows = 0;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), FALSE);
  g_return_val_if_fail (first != NULL && next != NULL && path != NULL, FALSE);

  /* Translators: the workbook's title; %s is the month's first day */
  title = g_strdup_printf (C_("renovation export", "Renovations, month of %s"), first);
  book = pd_xlsx_book_new (path, title);
  if (!write_register (ctx, book, next, &rows, error) || !write_figures (ctx, book, first, next, error) ||
      !write_violations (ctx, book, first, next, error))
    return FALSE;
  if (!pd_xlsx_book_close (g_steal_pointer (&book), error))
    return FALSE;
  what = g_strdup_printf ("renovation register %.7s", first);
  if (!pd_export_log_add (ctx, what, rows, FALSE, path, error))
    return FALSE;
  if (n_rows != NULL)
    *n_rows = rows;
  return TRUE;
}
