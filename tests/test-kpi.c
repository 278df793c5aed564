/* The monthly KPI report in core: every figure of October 2026, the month
 * before and October 2025 equals the count made by hand from the fixture
 * (records on both sides of each month end and deadline, a holiday and a
 * make-up working day in the way); a bad month is refused by name. */
#include "config.h"

#include "pd-test-kpi.h"

static void
test_figures (void)
{
  g_autoptr (PdContext) ctx = pd_test_kpi_fixture_open (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdKpiReport) report = pd_kpi_report_new (ctx, "2026-10", &error);
  static const char *const months[] = { "2026-10", "2026-09", "2025-10" };

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpint (report->review_days, ==, 3);
  for (int p = 0; p < PD_KPI_N_PERIODS; p++)
    {
      g_assert_cmpstr (report->periods[p].month, ==, months[p]);
      for (int line = 0; line < PD_KPI_N_LINES; line++)
        {
          double want = pd_test_kpi_expected[line][p];
          double got = pd_kpi_value (&report->periods[p], line);

          if (g_test_verbose ())
            g_test_message ("%s line %d: %g (want %g)", months[p], line, got, want);
          if (isnan (want))
            g_assert_true (isnan (got));
          else
            g_assert_cmpfloat_with_epsilon (got, want, 1e-9);
        }
    }
}

static void
test_formats (void)
{
  g_autoptr (PdContext) ctx = pd_test_kpi_fixture_open (NULL);
  g_autoptr (PdKpiReport) report = pd_kpi_report_new (ctx, "2026-10", NULL);
  const PdKpiMonth *now = &report->periods[PD_KPI_THIS_MONTH];
  const PdKpiMonth *last_year = &report->periods[PD_KPI_LAST_YEAR];
  g_autofree char *rate = pd_kpi_value_format (now, PD_KPI_SURVEY_SATISFACTION);
  g_autofree char *money = pd_kpi_value_format (now, PD_KPI_DEDUCTIONS);
  g_autofree char *count = pd_kpi_value_format (now, PD_KPI_OLDEST_ANOMALY);
  g_autofree char *undefined = pd_kpi_value_format (last_year, PD_KPI_SURVEY_COVERAGE);
  g_autofree char *label = pd_kpi_line_label (report, PD_KPI_REVIEWS_ON_TIME);

  g_assert_cmpstr (rate, ==, "66.67%");
  g_assert_cmpstr (money, ==, "500.00");
  g_assert_cmpstr (count, ==, "30");
  g_assert_cmpstr (undefined, ==, "—");
  g_assert_nonnull (strstr (label, "3"));
  for (int line = 0; line < PD_KPI_N_LINES; line++)
    {
      g_autofree char *text = pd_kpi_line_label (report, line);
      g_assert_cmpstr (text, !=, "");
      g_assert_cmpstr (pd_kpi_line_section (line), !=, "");
    }
}

static void
test_bad_month (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (PD_TEST_KPI_NOW);
  static const char *const bad[] = { "2026-13", "2026-1", "26-10", "2026-10-01", "", "十月" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PdKpiReport) report = pd_kpi_report_new (ctx, bad[i], &error);

      g_assert_null (report);
      g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
      g_assert_cmpstr (pd_error_get_field (error), ==, "month");
      g_assert_nonnull (strstr (error->message, "Month"));
    }
}

/* January reaches back into December of the year before. */
static void
test_january (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (PD_TEST_KPI_NOW);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdKpiReport) report = pd_kpi_report_new (ctx, "2026-01", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (report->periods[PD_KPI_PREVIOUS_MONTH].month, ==, "2025-12");
  g_assert_cmpstr (report->periods[PD_KPI_LAST_YEAR].month, ==, "2025-01");
  g_assert_cmpint (report->periods[PD_KPI_THIS_MONTH].handovers, ==, 0);
  g_assert_true (isnan (pd_kpi_value (&report->periods[PD_KPI_THIS_MONTH], PD_KPI_REVIEWS_RATE)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kpi/figures", test_figures);
  g_test_add_func ("/kpi/formats", test_formats);
  g_test_add_func ("/kpi/bad-month", test_bad_month);
  g_test_add_func ("/kpi/january", test_january);
  return g_test_run ();
}
