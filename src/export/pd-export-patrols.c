/* pd-export-patrols.c — see pd-export-patrols.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-export-log.h"
#include "pd-export-patrols.h"
#include "pd-key-register.h"
#include "pd-patrol-print.h"
#include "pd-xlsx.h"

/* No patrol was due yet: a blank cell rather than a made-up 0 % or 100 %. */
static void
write_rate (PdXlsxBook    *book,
            lxw_worksheet *sheet,
            guint          row,
            guint          col,
            int            met,
            int            counted)
{
  if (counted > 0)
    pd_xlsx_write_percent (book, sheet, row, col, (double) met / (double) counted);
  else
    pd_xlsx_write_text (book, sheet, row, col, "");
}

static void
write_summary (PdXlsxBook          *book,
               const PdPatrolPrint *print)
{
  const PdPatrolStats *s = print->stats;
  const PdXlsxColumn columns[] = {
    { C_("patrol export", "Figure"), 40 },
    { C_("patrol export", "Value"), 14, PD_XLSX_INTEGER },
  };
  const struct
  {
    const char *label;
    int         value;
  } figures[] = {
    { C_("patrol export", "Vacant units due"), s->units_due },
    { C_("patrol export", "Patrols due in the month"), s->obligations },
    { C_("patrol export", "Patrols due by the figures' day"), s->counted },
    { C_("patrol export", "Done on schedule"), s->met },
    { C_("patrol export", "Patrols recorded"), s->patrols },
    { C_("patrol export", "Units patrolled"), s->units_patrolled },
    { C_("patrol export", "Anomalies found"), s->anomalies_found },
    { C_("patrol export", "Anomalies closed"), s->anomalies_closed },
    { C_("patrol export", "Open anomalies"), s->open_anomalies },
    { C_("patrol export", "Age of the oldest open anomaly (days)"), s->oldest_open_days },
    { C_("patrol export", "Keys signed out"), s->key_loans },
    { C_("patrol export", "Key loans overdue"), s->key_loans_overdue },
  };
  lxw_worksheet *sheet = pd_xlsx_add_table_sheet (book, C_("patrol export", "Summary"), columns,
                                                  G_N_ELEMENTS (columns));
  guint row = 0;

  pd_xlsx_write_text (book, sheet, ++row, 0, C_("patrol export", "Month"));
  pd_xlsx_write_text (book, sheet, row, 1, s->month);
  pd_xlsx_write_text (book, sheet, ++row, 0, C_("patrol export", "Figures as of"));
  pd_xlsx_write_date (book, sheet, row, 1, s->as_of);
  pd_xlsx_write_text (book, sheet, ++row, 0, C_("patrol export", "Schedule"));
  pd_xlsx_write_text (book, sheet, row, 1, pd_patrol_policy_label (s->policy));
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      pd_xlsx_write_text (book, sheet, ++row, 0, figures[i].label);
      pd_xlsx_write_integer (book, sheet, row, 1, figures[i].value);
    }
  pd_xlsx_write_text (book, sheet, ++row, 0, C_("patrol export", "On-time rate"));
  write_rate (book, sheet, row, 1, s->met, s->counted);
}

static void
write_buildings (PdXlsxBook          *book,
                 const PdPatrolStats *s)
{
  const PdXlsxColumn columns[] = {
    { C_("patrol export", "Building"), 10 },
    { C_("patrol export", "Vacant units due"), 14, PD_XLSX_INTEGER },
    { C_("patrol export", "Patrols due in the month"), 14, PD_XLSX_INTEGER },
    { C_("patrol export", "Patrols due by the figures' day"), 14, PD_XLSX_INTEGER },
    { C_("patrol export", "Done on schedule"), 14, PD_XLSX_INTEGER },
    { C_("patrol export", "On-time rate"), 12, PD_XLSX_PERCENT },
  };
  lxw_worksheet *sheet = pd_xlsx_add_table_sheet (book, C_("patrol export", "By building"), columns,
                                                  G_N_ELEMENTS (columns));
  guint row = 0;

  for (guint i = 0; i < s->buildings->len; i++)
    {
      const PdPatrolBuildingStats *b = s->buildings->pdata[i];

      pd_xlsx_write_text (book, sheet, ++row, 0, b->building_code);
      pd_xlsx_write_integer (book, sheet, row, 1, b->units_due);
      pd_xlsx_write_integer (book, sheet, row, 2, b->obligations);
      pd_xlsx_write_integer (book, sheet, row, 3, b->counted);
      pd_xlsx_write_integer (book, sheet, row, 4, b->met);
      write_rate (book, sheet, row, 5, b->met, b->counted);
    }
  pd_xlsx_finish_table (book, sheet, row, G_N_ELEMENTS (columns));
}

static void
write_kinds (PdXlsxBook          *book,
             const PdPatrolPrint *print)
{
  const PdXlsxColumn columns[] = {
    { C_("patrol export", "Anomaly type"), 16 },
    { C_("patrol export", "Found in the month"), 14, PD_XLSX_INTEGER },
    { C_("patrol export", "Open at the figures' day"), 14, PD_XLSX_INTEGER },
  };
  const char *const *kinds = pd_anomaly_kinds ();
  lxw_worksheet *sheet = pd_xlsx_add_table_sheet (book, C_("patrol export", "Anomalies by type"), columns,
                                                  G_N_ELEMENTS (columns));
  int found = 0, open = 0;
  guint row = 0;

  for (guint i = 0; kinds[i] != NULL && i < PD_ANOMALY_N_KINDS; i++)
    {
      int open_of_kind = 0;

      for (guint j = 0; j < print->anomalies->len; j++)
        if (g_str_equal (((const PdAnomaly *) print->anomalies->pdata[j])->kind, kinds[i]))
          open_of_kind++;
      pd_xlsx_write_text (book, sheet, ++row, 0, pd_anomaly_kind_label (kinds[i]));
      pd_xlsx_write_integer (book, sheet, row, 1, print->stats->anomalies_by_kind[i]);
      pd_xlsx_write_integer (book, sheet, row, 2, open_of_kind);
      found += print->stats->anomalies_by_kind[i];
      open += open_of_kind;
    }
  pd_xlsx_write_text (book, sheet, ++row, 0, C_("patrol export", "Total"));
  pd_xlsx_write_integer (book, sheet, row, 1, found);
  pd_xlsx_write_integer (book, sheet, row, 2, open);
}

static void
write_open_anomalies (PdXlsxBook          *book,
                      const PdPatrolPrint *print)
{
  const PdXlsxColumn columns[] = {
    { C_("patrol export", "Notice no."), 13 },
    { C_("patrol export", "Unit"), 10 },
    { C_("patrol export", "Anomaly type"), 10 },
    { C_("patrol export", "What was found"), 36 },
    { C_("patrol export", "Department"), 10 },
    { C_("patrol export", "Found on"), 11, PD_XLSX_DATE },
    { C_("patrol export", "Rectify by"), 11, PD_XLSX_DATE },
    { C_("patrol export", "Age (days)"), 9, PD_XLSX_INTEGER },
    { C_("patrol export", "Past the deadline"), 9 },
    { C_("patrol export", "Found by"), 10 },
  };
  lxw_worksheet *sheet = pd_xlsx_add_table_sheet (book, C_("patrol export", "Open anomalies"), columns,
                                                  G_N_ELEMENTS (columns));
  guint row = 0;

  for (guint i = 0; i < print->anomalies->len; i++)
    {
      const PdAnomaly *a = print->anomalies->pdata[i];
      g_autofree char *found = pd_anomaly_describe (a);

      pd_xlsx_write_text (book, sheet, ++row, 0, a->notice_no);
      pd_xlsx_write_text (book, sheet, row, 1, a->unit_code);
      pd_xlsx_write_text (book, sheet, row, 2, pd_anomaly_kind_label (a->kind));
      pd_xlsx_write_text (book, sheet, row, 3, found);
      pd_xlsx_write_text (book, sheet, row, 4, pd_department_label (a->department));
      pd_xlsx_write_date (book, sheet, row, 5, a->found_on);
      pd_xlsx_write_date (book, sheet, row, 6, a->deadline);
      pd_xlsx_write_integer (book, sheet, row, 7, a->age_days);
      pd_xlsx_write_text (book, sheet, row, 8, a->overdue ? C_("patrol export", "Yes") : C_("patrol export", "No"));
      pd_xlsx_write_text (book, sheet, row, 9, a->reported_by);
    }
  pd_xlsx_finish_table (book, sheet, row, G_N_ELEMENTS (columns));
}

static void
write_inspectors (PdXlsxBook          *book,
                  const PdPatrolPrint *print)
{
  const PdXlsxColumn columns[] = {
    { C_("patrol export", "Inspector"), 14 },
    { C_("patrol export", "Patrols recorded"), 12, PD_XLSX_INTEGER },
    { C_("patrol export", "Units patrolled"), 12, PD_XLSX_INTEGER },
    { C_("patrol export", "Anomalies found"), 12, PD_XLSX_INTEGER },
  };
  lxw_worksheet *sheet = pd_xlsx_add_table_sheet (book, C_("patrol export", "Inspectors"), columns,
                                                  G_N_ELEMENTS (columns));
  guint row = 0;

  for (guint i = 0; i < print->inspectors->len; i++)
    {
      const PdPatrolInspectorCount *c = print->inspectors->pdata[i];

      pd_xlsx_write_text (book, sheet, ++row, 0, c->inspector);
      pd_xlsx_write_integer (book, sheet, row, 1, c->patrols);
      pd_xlsx_write_integer (book, sheet, row, 2, c->units);
      pd_xlsx_write_integer (book, sheet, row, 3, c->anomalies);
    }
  pd_xlsx_finish_table (book, sheet, row, G_N_ELEMENTS (columns));
}

/* The loans pd_patrol_stats counts as overdue: due in the month, and
 * returned after their due time or still out past it. */
static gboolean
write_overdue_loans (PdContext           *ctx,
                     PdXlsxBook          *book,
                     const PdPatrolStats *s,
                     GError             **error)
{
  const PdXlsxColumn columns[] = {
    { C_("patrol export", "Key"), 10 },
    { C_("patrol export", "Opens"), 18 },
    { C_("patrol export", "Borrower"), 10 },
    { C_("patrol export", "Purpose"), 18 },
    { C_("patrol export", "Signed out"), 17 },
    { C_("patrol export", "Due back"), 17 },
    { C_("patrol export", "Returned"), 17 },
  };
  g_autoptr (GPtrArray) loans = pd_key_list_loans (ctx, FALSE, error);
  lxw_worksheet *sheet;
  guint row = 0;

  if (loans == NULL)
    return FALSE;
  sheet = pd_xlsx_add_table_sheet (book, C_("patrol export", "Overdue key loans"), columns, G_N_ELEMENTS (columns));
  for (guint i = loans->len; i-- > 0;)
    {
      const PdKeyLoan *loan = loans->pdata[i];
      g_autofree char *due_day = g_strndup (loan->due_at, 10);

      if (!loan->overdue || strcmp (due_day, s->first_day) < 0 || strcmp (due_day, s->last_day) > 0)
        continue;
      pd_xlsx_write_text (book, sheet, ++row, 0, loan->key_code);
      pd_xlsx_write_text (book, sheet, row, 1, loan->key_label);
      pd_xlsx_write_text (book, sheet, row, 2, loan->borrower);
      pd_xlsx_write_text (book, sheet, row, 3, loan->purpose);
      pd_xlsx_write_text (book, sheet, row, 4, loan->out_at);
      pd_xlsx_write_text (book, sheet, row, 5, loan->due_at);
      pd_xlsx_write_text (book, sheet, row, 6, *loan->returned_at ? loan->returned_at
                                                                  : C_("patrol export", "Still out"));
    }
  pd_xlsx_finish_table (book, sheet, row, G_N_ELEMENTS (columns));
  return TRUE;
}

gboolean
pd_export_patrols (PdContext  *ctx,
                   const char *month,
                   const char *path,
                   GError    **error)
{
  g_autoptr (PdPatrolPrint) print = NULL;
  g_autoptr (PdXlsxBook) book = NULL;
  g_autofree char *title = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  print = pd_patrol_print_summary (ctx, month, error);
  if (print == NULL)
    return FALSE;
  /* Translators: the workbook's title; %s is the month YYYY-MM */
  title = g_strdup_printf (C_("patrol export", "Vacant unit patrol statistics %s"), month);
  book = pd_xlsx_book_new (path, title);
  write_summary (book, print);
  write_buildings (book, print->stats);
  write_kinds (book, print);
  write_open_anomalies (book, print);
  write_inspectors (book, print);
  if (!write_overdue_loans (ctx, book, print->stats, error))
    return FALSE;
  if (!pd_xlsx_book_close (g_steal_pointer (&book), error))
    return FALSE;
  what = g_strdup_printf ("patrol statistics %s", month);
  return pd_export_log_add (ctx, what, print->stats->patrols, FALSE, path, error);
}
