/* pd-kpi-workbook.c — see pd-kpi-workbook.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-kpi-workbook.h"
#include "pd-survey-stats.h"
#include "pd-xlsx.h"

enum { COL_SECTION, COL_LINE, COL_FIRST_PERIOD, N_COLUMNS = COL_FIRST_PERIOD + PD_KPI_N_PERIODS };

/* The lines each chart compares across the three months. */
static const PdKpiLine chart_counts[] = {
  PD_KPI_HANDOVERS, PD_KPI_RENOVATIONS_STARTED, PD_KPI_RENOVATIONS_ACCEPTED, PD_KPI_VIOLATIONS,
  PD_KPI_OPEN_ANOMALIES, PD_KPI_RELEASE_SLIPS,
};
static const PdKpiLine chart_rates[] = {
  PD_KPI_DEFECTS_RATE, PD_KPI_REVIEWS_RATE, PD_KPI_PATROLS_RATE, PD_KPI_SURVEY_COVERAGE,
  PD_KPI_SURVEY_SATISFACTION,
};

typedef struct
{
  PdXlsxBook        *book;
  const PdKpiReport *report;
  lxw_format        *rate;   /* 0.00%: 94.96 % must not read as 95.0 % */
  lxw_format        *note;
} Writer;

/* One figure; a rate with nothing to divide by is "—" in the table and a
 * blank in chart data (a chart plots text as 0). */
static void
write_value (Writer        *w,
             lxw_worksheet *sheet,
             guint          row,
             guint          col,
             PdKpiLine      line,
             PdKpiPeriod    period,
             gboolean       for_chart)
{
  double value = pd_kpi_value (&w->report->periods[period], line);

  switch (pd_kpi_line_kind (line))
    {
    case PD_KPI_RATE:
      if (pd_survey_rate_is_defined (value))
        worksheet_write_number (sheet, row, col, value, w->rate);
      else if (!for_chart)
        pd_xlsx_write_text (w->book, sheet, row, col, "—");
      break;
    case PD_KPI_MONEY:
      pd_xlsx_write_money (w->book, sheet, row, col, (gint64) value);
      break;
    case PD_KPI_COUNT:
    default:
      pd_xlsx_write_integer (w->book, sheet, row, col, (gint64) value);
      break;
    }
}

static void
write_figures (Writer *w)
{
  g_autofree char *now = pd_kpi_period_title (w->report, PD_KPI_THIS_MONTH);
  g_autofree char *previous = pd_kpi_period_title (w->report, PD_KPI_PREVIOUS_MONTH);
  g_autofree char *last_year = pd_kpi_period_title (w->report, PD_KPI_LAST_YEAR);
  const PdXlsxColumn columns[N_COLUMNS] = {
    [COL_SECTION] = { C_("kpi", "Area"), 12 },
    [COL_LINE] = { C_("kpi", "Indicator"), 30 },
    [COL_FIRST_PERIOD + PD_KPI_THIS_MONTH] = { now, 16, PD_XLSX_INTEGER },
    [COL_FIRST_PERIOD + PD_KPI_PREVIOUS_MONTH] = { previous, 16, PD_XLSX_INTEGER },
    [COL_FIRST_PERIOD + PD_KPI_LAST_YEAR] = { last_year, 16, PD_XLSX_INTEGER },
  };
  lxw_worksheet *sheet = pd_xlsx_add_table_sheet (w->book, C_("kpi", "Monthly KPIs"), columns, N_COLUMNS);
  g_autofree char *goals = NULL;
  guint row = 1;

  for (PdKpiLine line = 0; line < PD_KPI_N_LINES; line++, row++)
    {
      g_autofree char *label = pd_kpi_line_label (w->report, line);

      pd_xlsx_write_text (w->book, sheet, row, COL_SECTION, pd_kpi_line_section (line));
      pd_xlsx_write_text (w->book, sheet, row, COL_LINE, label);
      for (PdKpiPeriod p = 0; p < PD_KPI_N_PERIODS; p++)
        write_value (w, sheet, row, COL_FIRST_PERIOD + p, line, p, FALSE);
    }
  pd_xlsx_finish_table (w->book, sheet, PD_KPI_N_LINES, N_COLUMNS);

  /* Translators: the survey goals (DOMAIN §6), two percentages */
  goals = g_strdup_printf (C_("kpi", "Survey goals: coverage ≥ %d%%, satisfaction ≥ %d%%."),
                           w->report->coverage_goal_pct, w->report->satisfaction_goal_pct);
  worksheet_write_string (sheet, row + 1, 0, w->report->estate_name, w->note);
  worksheet_write_string (sheet, row + 2, 0, goals, w->note);
  worksheet_write_string (sheet, row + 3, 0,
                          C_("kpi", "“—”: nothing to divide by in that month, so there is no rate; it is not zero."), w->note);
}

/* A table of @lines × the three months at @first_row of @sheet, with the
 * chart comparing them placed to its right. */
static void
write_chart (Writer          *w,
             lxw_worksheet   *sheet,
             const char      *name,
             guint            first_row,
             const PdKpiLine *lines,
             guint            n_lines,
             gboolean         rates,
             const char      *title)
{
  lxw_workbook *workbook = pd_xlsx_book_get_workbook (w->book);
  lxw_chart *chart = workbook_add_chart (workbook, LXW_CHART_COLUMN);
  lxw_chart_options options = { .x_offset = 10, .y_offset = 4, .x_scale = 1.3, .y_scale = 1.1 };
  lxw_format *header = pd_xlsx_book_format (w->book, PD_XLSX_HEADER);

  worksheet_write_string (sheet, first_row, 0, C_("kpi", "Indicator"), header);
  for (PdKpiPeriod p = 0; p < PD_KPI_N_PERIODS; p++)
    {
      g_autofree char *column = pd_kpi_period_title (w->report, p);
      worksheet_write_string (sheet, first_row, 1 + p, column, header);
    }
  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *label = pd_kpi_line_label (w->report, lines[i]);

      pd_xlsx_write_text (w->book, sheet, first_row + 1 + i, 0, label);
      for (PdKpiPeriod p = 0; p < PD_KPI_N_PERIODS; p++)
        write_value (w, sheet, first_row + 1 + i, 1 + p, lines[i], p, TRUE);
    }
  for (PdKpiPeriod p = 0; p < PD_KPI_N_PERIODS; p++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      chart_series_set_categories (series, name, first_row + 1, 0, first_row + n_lines, 0);
      chart_series_set_values (series, name, first_row + 1, 1 + p, first_row + n_lines, 1 + p);
      chart_series_set_name_range (series, name, first_row, 1 + p);
    }
  chart_title_set_name (chart, title);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  chart_show_blanks_as (chart, LXW_CHART_BLANKS_AS_GAP);
  if (rates)
    {
      chart_axis_set_num_format (chart->y_axis, "0%");
      chart_axis_set_min (chart->y_axis, 0);
      chart_axis_set_max (chart->y_axis, 1);
    }
  worksheet_insert_chart_opt (sheet, first_row, 5, chart, &options);
}

static void
write_charts (Writer *w)
{
  const char *name = C_("kpi", "Charts");
  lxw_worksheet *sheet = workbook_add_worksheet (pd_xlsx_book_get_workbook (w->book), name);

  worksheet_set_column (sheet, 0, 0, 30, NULL);
  worksheet_set_column (sheet, 1, 3, 20, NULL);
  write_chart (w, sheet, name, 0, chart_counts, G_N_ELEMENTS (chart_counts), FALSE,
               C_("kpi", "Counts compared"));
  write_chart (w, sheet, name, 18, chart_rates, G_N_ELEMENTS (chart_rates), TRUE,
               C_("kpi", "Rates compared"));
}

gboolean
pd_kpi_workbook_write (PdContext  *ctx,
                       const char *month,
                       const char *path,
                       GError    **error)
{
  g_autoptr (PdKpiReport) report = NULL;
  g_autoptr (PdXlsxBook) book = NULL;
  g_autofree char *title = NULL;
  lxw_workbook *workbook;
  Writer w = { 0 };

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  report = pd_kpi_report_new (ctx, month, error);
  if (report == NULL)
    return FALSE;
  /* Translators: the workbook's title; the month, YYYY-MM */
  title = g_strdup_printf (C_("kpi", "Monthly KPI report %s"), month);
  book = pd_xlsx_book_new (path, title);
  workbook = pd_xlsx_book_get_workbook (book);
  w.book = book;
  w.report = report;
  w.rate = workbook_add_format (workbook);
  format_set_num_format (w.rate, "0.00%");
  w.note = workbook_add_format (workbook);
  format_set_font_color (w.note, LXW_COLOR_GRAY);

  write_figures (&w);
  write_charts (&w);
  return pd_xlsx_book_close (g_steal_pointer (&book), error);
}
