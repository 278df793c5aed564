/* The monthly KPI report on one A4 page: every line of the fixture's three
 * months reads along its row in the PDF (label, then this month, the month
 * before, the same month last year), in Chinese, with the chart's title. */
#include "config.h"

#include "pd-form-kpi.h"
#include "pd-pdf.h"
#include "pd-test-kpi.h"

static void
test_page (void)
{
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "kpi.pdf", NULL);
  g_autoptr (PdContext) ctx = pd_test_kpi_fixture_open (NULL);
  g_autoptr (GError) error = NULL;
  PdKpiReport *report = pd_kpi_report_new (ctx, "2026-10", &error);
  g_autoptr (PdRenderer) renderer = NULL;
  g_autofree char *text = NULL;
  guint pages = 0;

  g_assert_no_error (error);
  renderer = pd_form_kpi_renderer (report);
  g_assert_true (pd_pdf_write (renderer, path, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, 1);
  text = pd_test_pdf_text (path);
  if (g_test_verbose ())
    g_test_message ("%s", text);

  g_assert_nonnull (strstr (text, "客服月度指标2026-10"));
  g_assert_nonnull (strstr (text, "本月（2026-10）上月（2026-09）去年同月（2025-10）"));
  for (PdKpiLine line = 0; line < PD_KPI_N_LINES; line++)
    {
      g_autofree char *label = pd_kpi_line_label (report, line);
      g_autoptr (GString) row = g_string_new (label);

      for (PdKpiPeriod p = 0; p < PD_KPI_N_PERIODS; p++)
        {
          double want = pd_test_kpi_expected[line][p];

          if (isnan (want))
            g_string_append (row, "—");
          else if (pd_kpi_line_kind (line) == PD_KPI_RATE)
            g_string_append_printf (row, "%.2f%%", want * 100);
          else if (pd_kpi_line_kind (line) == PD_KPI_MONEY)
            g_string_append_printf (row, "%.2f", want / 100);
          else
            g_string_append_printf (row, "%.0f", want);
        }
      if (strstr (text, row->str) == NULL)
        g_error ("the page lacks the row “%s”", row->str);
    }
  g_assert_nonnull (strstr (text, "满意度调查调查目标户数610"));
  g_assert_nonnull (strstr (text, "各项比率对比"));
}

int
main (int argc, char **argv)
{
  pd_test_use_chinese ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kpi/page", test_page);
  return g_test_run ();
}
