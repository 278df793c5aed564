/* pd-form-kpi.c — see pd-form-kpi.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-form-kpi.h"

#define CHART_HEIGHT 135.0

/* The rates the chart compares (the counts are read from the table). */
static const PdKpiLine chart_lines[] = {
  PD_KPI_DEFECTS_RATE, PD_KPI_REVIEWS_RATE, PD_KPI_PATROLS_RATE, PD_KPI_SURVEY_COVERAGE,
  PD_KPI_SURVEY_SATISFACTION,
};

/* Greys, so the page reads the same from a black-and-white printer. */
static const double period_grey[PD_KPI_N_PERIODS] = { 0.25, 0.6, 0.85 };

static void
print_table (PdPrintLayout     *layout,
             const PdKpiReport *report)
{
  g_autofree char *now = pd_kpi_period_title (report, PD_KPI_THIS_MONTH);
  g_autofree char *previous = pd_kpi_period_title (report, PD_KPI_PREVIOUS_MONTH);
  g_autofree char *last_year = pd_kpi_period_title (report, PD_KPI_LAST_YEAR);
  const PdPrintColumn columns[] = {
    { C_("kpi", "Area"), 0.14, PANGO_ALIGN_CENTER },
    { C_("kpi", "Indicator"), 0.38, PANGO_ALIGN_LEFT },
    { now, 0.16, PANGO_ALIGN_RIGHT },
    { previous, 0.16, PANGO_ALIGN_RIGHT },
    { last_year, 0.16, PANGO_ALIGN_RIGHT },
  };
  const char *section = NULL;

  pd_print_table_begin (layout, columns, G_N_ELEMENTS (columns));
  for (PdKpiLine line = 0; line < PD_KPI_N_LINES; line++)
    {
      g_autofree char *label = pd_kpi_line_label (report, line);
      char *values[PD_KPI_N_PERIODS];
      const char *cells[2 + PD_KPI_N_PERIODS];

      /* The area is named once, on its first line. */
      cells[0] = g_strcmp0 (section, pd_kpi_line_section (line)) != 0 ? pd_kpi_line_section (line) : NULL;
      section = pd_kpi_line_section (line);
      cells[1] = label;
      for (PdKpiPeriod p = 0; p < PD_KPI_N_PERIODS; p++)
        cells[2 + p] = values[p] = pd_kpi_value_format (&report->periods[p], line);
      pd_print_table_row (layout, cells);
      for (PdKpiPeriod p = 0; p < PD_KPI_N_PERIODS; p++)
        g_free (values[p]);
    }
  pd_print_table_end (layout);
}

static void
draw_legend (PdPrintLayout     *layout,
             const PdKpiReport *report,
             double             right,
             double             y)
{
  cairo_t *cr = pd_print_layout_get_cairo (layout);
  double x = right;

  for (int p = PD_KPI_N_PERIODS - 1; p >= 0; p--)
    {
      g_autofree char *text = pd_kpi_period_title (report, p);
      double width = pd_print_text_width (layout, PD_PRINT_STYLE_SMALL, text);

      x -= width + 2;
      pd_print_text_at (layout, PD_PRINT_STYLE_SMALL, x, y, width + 2, PANGO_ALIGN_LEFT, text);
      x -= 12;
      cairo_rectangle (cr, x, y + 2, 9, 7);
      cairo_set_source_rgb (cr, period_grey[p], period_grey[p], period_grey[p]);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 0.4);
      cairo_stroke (cr);
      x -= 10;
    }
}

/* Grouped bars of the rates, 0–100 %, one group per rate; a rate that is
 * not a number gets "—" instead of a bar. */
static void
draw_chart (PdPrintLayout     *layout,
            const PdKpiReport *report,
            double             x,
            double             y,
            double             width,
            double             height)
{
  cairo_t *cr = pd_print_layout_get_cairo (layout);
  double axis_x = x + 30, top = y + 16, label_height = 26;
  double bottom = y + height - label_height, plot_width = x + width - axis_x;
  double group_width = plot_width / G_N_ELEMENTS (chart_lines);
  double bar_width = group_width * 0.8 / PD_KPI_N_PERIODS;

  cairo_save (cr);
  pd_print_text_at (layout, PD_PRINT_STYLE_BOLD, x, y, width / 2, PANGO_ALIGN_LEFT,
                    C_("kpi", "Rates compared"));
  draw_legend (layout, report, x + width, y);
  cairo_set_line_width (cr, 0.3);
  for (int pct = 0; pct <= 100; pct += 25)
    {
      double gy = bottom - (bottom - top) * pct / 100.0;
      g_autofree char *tick = g_strdup_printf ("%d%%", pct);

      cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
      cairo_move_to (cr, axis_x, gy);
      cairo_line_to (cr, x + width, gy);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      pd_print_text_at (layout, PD_PRINT_STYLE_SMALL, x, gy - 5, 26, PANGO_ALIGN_RIGHT, tick);
    }
  for (guint i = 0; i < G_N_ELEMENTS (chart_lines); i++)
    {
      double gx = axis_x + i * group_width + group_width * 0.1;
      g_autofree char *label = pd_kpi_line_label (report, chart_lines[i]);

      for (PdKpiPeriod p = 0; p < PD_KPI_N_PERIODS; p++)
        {
          double value = pd_kpi_value (&report->periods[p], chart_lines[i]);
          double bx = gx + p * bar_width;

          if (value != value)   /* NAN: no rate that month */
            {
              pd_print_text_at (layout, PD_PRINT_STYLE_SMALL, bx, bottom - 11, bar_width,
                                PANGO_ALIGN_CENTER, "—");
              continue;
            }
          cairo_rectangle (cr, bx, bottom - (bottom - top) * CLAMP (value, 0, 1), bar_width - 1,
                           (bottom - top) * CLAMP (value, 0, 1));
          cairo_set_source_rgb (cr, period_grey[p], period_grey[p], period_grey[p]);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_set_line_width (cr, 0.4);
          cairo_stroke (cr);
        }
      pd_print_text_at (layout, PD_PRINT_STYLE_SMALL, axis_x + i * group_width, bottom + 3, group_width,
                        PANGO_ALIGN_CENTER, label);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, axis_x, top - 4);
  cairo_line_to (cr, axis_x, bottom);
  cairo_line_to (cr, x + width, bottom);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
print_chart (PdPrintLayout     *layout,
             const PdKpiReport *report)
{
  double x, y, width;

  pd_print_layout_ensure_space (layout, CHART_HEIGHT);
  x = pd_print_layout_get_x (layout);
  y = pd_print_layout_get_y (layout);
  width = pd_print_layout_get_width (layout);
  if (pd_print_layout_is_drawing (layout))
    draw_chart (layout, report, x, y, width, CHART_HEIGHT);
  pd_print_layout_skip (layout, CHART_HEIGHT);
}

void
pd_form_render_kpi (cairo_t           *cr,
                    PangoContext      *pc,
                    double             width_pt,
                    double             height_pt,
                    const PdKpiReport *report)
{
  PdPrintLayout *layout = pd_print_layout_begin (cr, pc, width_pt, height_pt);
  const char *roles[] = { C_("kpi", "Prepared by"), C_("kpi", "Supervisor") };
  /* Translators: the page's title; the month, YYYY-MM */
  g_autofree char *title = g_strdup_printf (C_("kpi", "Customer Service KPIs %s"), report->periods[0].month);
  /* Translators: the survey goals (DOMAIN §6), two percentages */
  g_autofree char *goals = g_strdup_printf (C_("kpi", "Survey goals: coverage ≥ %d%%, satisfaction ≥ %d%%."),
                                            report->coverage_goal_pct, report->satisfaction_goal_pct);
  g_autofree char *notes = g_strconcat (goals, " ",
                                        C_("kpi", "“—”: nothing to divide by in that month, so there is no rate; it is not zero."),
                                        NULL);

  pd_print_layout_set_page_numbers (layout, FALSE);
  pd_print_title (layout, title, report->estate_name, NULL);
  print_table (layout, report);
  pd_print_layout_skip (layout, 4);
  pd_print_paragraph (layout, PD_PRINT_STYLE_SMALL, notes);
  pd_print_layout_skip (layout, 4);
  print_chart (layout, report);
  pd_print_layout_skip (layout, 2);
  pd_print_signatures (layout, roles, G_N_ELEMENTS (roles));
  pd_print_layout_end (layout);
}

PdRenderer *
pd_form_kpi_renderer (PdKpiReport *report)
{
  /* Translators: the document's title; the month, YYYY-MM */
  g_autofree char *title = g_strdup_printf (C_("kpi", "Monthly KPI report %s"), report->periods[0].month);

  return pd_renderer_new (title, (PdRenderFunc) pd_form_render_kpi, report,
                          (GDestroyNotify) pd_kpi_report_free);
}
