/* Survey statistics against hand-computed figures: blanks, an item nobody
 * answered, a form left entirely blank, a month without responses, a month
 * whose campaign got no form, pooling items across template versions,
 * per building, month by month and the same month a year earlier. */
#include "config.h"

#include <math.h>

#include "pd-survey-stats.h"
#include "pd-test-survey.h"

static void
assert_item (const PdSurveyStats *stats,
             guint                index,
             const char          *title,
             const gint64         counts[6],
             double               rate,
             double               average)
{
  const PdSurveyItemStats *item;
  gint64 valid = 0;

  g_assert_cmpuint (index, <, stats->items->len);
  item = stats->items->pdata[index];
  g_assert_cmpstr (item->title, ==, title);
  for (int s = 0; s <= 5; s++)
    g_assert_cmpint (item->counts[s], ==, counts[s]);
  for (int s = 1; s <= 5; s++)
    valid += counts[s];
  g_assert_cmpint (item->valid, ==, valid);
  g_assert_cmpint (item->satisfied, ==, counts[4] + counts[5]);
  if (isnan (rate))
    {
      g_assert_false (pd_survey_rate_is_defined (item->rate));
      g_assert_true (isnan (item->average));
    }
  else
    {
      g_assert_cmpfloat (item->rate, ==, rate);
      g_assert_cmpfloat (item->average, ==, average);
    }
}

static const PdSurveyBuildingStats *
building (const PdSurveyStats *stats,
          guint                index,
          const char          *code)
{
  const PdSurveyBuildingStats *b;

  g_assert_cmpuint (index, <, stats->buildings->len);
  b = stats->buildings->pdata[index];
  g_assert_cmpstr (b->building_code, ==, code);
  return b;
}

static void
test_month_with_blanks (void)
{
  g_autoptr (PdContext) ctx = pd_test_survey_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PdSurveyStats) march = pd_survey_stats_month (ctx, "2026-03", &error);
  /* counts[0] = blanks, then scores 1..5 */
  static const gint64 clean[6] = { 1, 1, 0, 1, 1, 1 };     /* 5,3,1,4 + one blank */
  static const gint64 green[6] = { 2, 0, 1, 0, 1, 1 };     /* 4,5,2 + two blanks */
  static const gint64 parking[6] = { 5, 0, 0, 0, 0, 0 };   /* nobody answered */
  const PdSurveyBuildingStats *b;

  g_assert_no_error (error);
  g_assert_cmpint (march->responses, ==, 5);
  g_assert_cmpint (march->targets, ==, 6);
  g_assert_cmpfloat (march->coverage, ==, 5.0 / 6.0);
  g_assert_cmpint (march->valid, ==, 7);
  g_assert_cmpint (march->satisfied, ==, 4);
  g_assert_cmpfloat (march->rate, ==, 4.0 / 7.0);
  g_assert_cmpfloat (march->average, ==, 24.0 / 7.0);
  g_assert_cmpint (march->opinions, ==, 1);
  g_assert_cmpint (march->coverage_goal_pct, ==, 95);
  g_assert_cmpint (march->satisfaction_goal_pct, ==, 95);
  g_assert_cmpuint (march->items->len, ==, 3);
  assert_item (march, 0, "保洁卫生", clean, 0.5, 13.0 / 4.0);
  assert_item (march, 1, "绿化养护", green, 2.0 / 3.0, 11.0 / 3.0);
  assert_item (march, 2, "停车管理", parking, NAN, NAN);

  g_assert_cmpuint (march->buildings->len, ==, 2);
  b = building (march, 0, "1");
  g_assert_cmpint (b->targets, ==, 3);
  g_assert_cmpint (b->responses, ==, 3);
  g_assert_cmpfloat (b->coverage, ==, 1.0);
  g_assert_cmpint (b->valid, ==, 3);
  g_assert_cmpfloat (b->rate, ==, 2.0 / 3.0);
  b = building (march, 1, "2");
  g_assert_cmpint (b->targets, ==, 3);
  g_assert_cmpint (b->responses, ==, 2);
  g_assert_cmpfloat (b->coverage, ==, 2.0 / 3.0);
  g_assert_cmpint (b->valid, ==, 4);
  g_assert_cmpfloat (b->rate, ==, 0.5);
}

static void
test_versions_pooled_by_title (void)
{
  g_autoptr (PdContext) ctx = pd_test_survey_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PdSurveyStats) april = pd_survey_stats_month (ctx, "2026-04", &error);
  static const gint64 parking[6] = { 1, 0, 0, 0, 0, 1 };
  static const gint64 clean[6] = { 0, 0, 0, 1, 0, 1 };
  static const gint64 green[6] = { 1, 0, 0, 0, 0, 0 };
  static const gint64 complaints[6] = { 0, 0, 0, 0, 0, 1 };

  g_assert_no_error (error);
  /* The late March form and the April form; April's targets are both
   * campaigns' (6 + 7). */
  g_assert_cmpint (april->responses, ==, 2);
  g_assert_cmpint (april->targets, ==, 13);
  g_assert_cmpfloat (april->coverage, ==, 2.0 / 13.0);
  g_assert_cmpfloat (april->rate, ==, 3.0 / 4.0);
  g_assert_cmpint (april->opinions, ==, 1);
  /* Newest version's order: 停车管理 1, 保洁卫生 2, 绿化养护 (v2) 2, 投诉处理 3. */
  g_assert_cmpuint (april->items->len, ==, 4);
  assert_item (april, 0, "停车管理", parking, 1.0, 5.0);
  assert_item (april, 1, "保洁卫生", clean, 0.5, 4.0);
  assert_item (april, 2, "绿化养护", green, NAN, NAN);
  assert_item (april, 3, "投诉处理", complaints, 1.0, 5.0);
  g_assert_cmpuint (april->buildings->len, ==, 3);
  g_assert_cmpint (building (april, 0, "1")->responses, ==, 0);
  g_assert_cmpfloat (building (april, 0, "1")->coverage, ==, 0.0);
  g_assert_false (pd_survey_rate_is_defined (building (april, 0, "1")->rate));
  g_assert_cmpint (building (april, 1, "2")->targets, ==, 6);
  g_assert_cmpint (building (april, 2, "3")->targets, ==, 1);
  g_assert_cmpfloat (building (april, 2, "3")->coverage, ==, 1.0);
}

static void
test_zero_responses (void)
{
  g_autoptr (PdContext) ctx = pd_test_survey_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PdSurveyStats) january = pd_survey_stats_month (ctx, "2026-01", &error);
  g_autoptr (PdSurveyStats) may = pd_survey_stats_month (ctx, "2026-05", &error);
  g_autofree char *shown = NULL;

  g_assert_no_error (error);
  /* No campaign, no form: nothing is divided by zero, nothing is 0 %. */
  g_assert_cmpint (january->responses, ==, 0);
  g_assert_cmpint (january->targets, ==, 0);
  g_assert_false (pd_survey_rate_is_defined (january->coverage));
  g_assert_false (pd_survey_rate_is_defined (january->rate));
  g_assert_false (pd_survey_rate_is_defined (january->average));
  g_assert_cmpuint (january->buildings->len, ==, 0);
  /* The current questionnaire's items are listed, empty. */
  g_assert_cmpuint (january->items->len, ==, 3);
  g_assert_cmpstr (((PdSurveyItemStats *) january->items->pdata[0])->title, ==, "停车管理");
  g_assert_cmpint (((PdSurveyItemStats *) january->items->pdata[0])->counts[0], ==, 0);
  g_assert_false (pd_survey_rate_is_defined (((PdSurveyItemStats *) january->items->pdata[0])->rate));
  shown = pd_survey_rate_format (january->rate);
  g_assert_cmpstr (shown, ==, "—");

  /* A campaign nobody answered: coverage 0 (defined), satisfaction not. */
  g_assert_cmpint (may->targets, ==, 7);
  g_assert_cmpint (may->responses, ==, 0);
  g_assert_cmpfloat (may->coverage, ==, 0.0);
  g_assert_false (pd_survey_rate_is_defined (may->rate));
  g_assert_cmpuint (may->items->len, ==, 3);
  g_assert_cmpuint (may->buildings->len, ==, 3);

  g_assert_null (pd_survey_stats_month (ctx, "2026-13", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "month");
}

static void
test_trend_and_last_year (void)
{
  g_autoptr (PdContext) ctx = pd_test_survey_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) trend = pd_survey_stats_trend (ctx, "2026-05", 5, &error);
  g_autofree char *year_ago = pd_survey_month_shift ("2026-03", -12);
  g_autoptr (PdSurveyStats) last_year = NULL;
  g_autoptr (PdSurveyStats) whole = NULL;
  PdSurveyStats *m;
  g_autofree char *wrap = pd_survey_month_shift ("2026-12", 1);

  g_assert_no_error (error);
  g_assert_cmpstr (wrap, ==, "2027-01");
  g_assert_cmpuint (trend->len, ==, 5);
  m = trend->pdata[0];
  g_assert_cmpstr (m->from, ==, "2026-01-01");
  g_assert_cmpint (m->responses, ==, 0);
  g_assert_false (pd_survey_rate_is_defined (m->coverage));
  m = trend->pdata[2];
  g_assert_cmpstr (m->from, ==, "2026-03-01");
  g_assert_cmpint (m->responses, ==, 5);
  g_assert_cmpint (m->targets, ==, 6);
  g_assert_cmpfloat (m->rate, ==, 4.0 / 7.0);
  g_assert_cmpfloat (m->average, ==, 24.0 / 7.0);
  g_assert_cmpint (m->opinions, ==, 1);
  m = trend->pdata[3];
  g_assert_cmpint (m->targets, ==, 13);
  g_assert_cmpfloat (m->rate, ==, 0.75);
  m = trend->pdata[4];
  g_assert_cmpfloat (m->coverage, ==, 0.0);
  g_assert_false (pd_survey_rate_is_defined (m->rate));

  /* The trend agrees with the full month statistics. */
  {
    g_autoptr (PdSurveyStats) march = pd_survey_stats_month (ctx, "2026-03", &error);
    m = trend->pdata[2];
    g_assert_cmpint (m->valid, ==, march->valid);
    g_assert_cmpint (m->satisfied, ==, march->satisfied);
    g_assert_cmpfloat (m->coverage, ==, march->coverage);
  }

  g_assert_cmpstr (year_ago, ==, "2025-03");
  last_year = pd_survey_stats_month (ctx, year_ago, &error);
  g_assert_cmpint (last_year->responses, ==, 1);
  g_assert_cmpint (last_year->targets, ==, 7);
  g_assert_cmpfloat (last_year->coverage, ==, 1.0 / 7.0);
  g_assert_cmpfloat (last_year->rate, ==, 0.5);

  /* A whole campaign, without dates: March's campaign incl. its late form. */
  whole = pd_survey_stats_compute (ctx, 2, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (whole->responses, ==, 6);
  g_assert_cmpint (whole->targets, ==, 6);
  g_assert_cmpfloat (whole->coverage, ==, 1.0);
  g_assert_cmpfloat (whole->rate, ==, 5.0 / 8.0);
}

/* The trend sums its year of answers day by day into months in one grouped
 * pass: each of its months must equal the month's own statistics — over a
 * year boundary, months without any form, a form on the last day of March
 * and the late one on the first of April, and a month (2025-03) whose
 * neighbours are empty. */
static void
test_trend_equals_months (void)
{
  g_autoptr (PdContext) ctx = pd_test_survey_fixture ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) trend = pd_survey_stats_trend (ctx, "2026-06", 16, &error);
  gint64 responses = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (trend->len, ==, 16);
  g_assert_cmpstr (((PdSurveyStats *) trend->pdata[0])->from, ==, "2025-03-01");
  g_assert_cmpstr (((PdSurveyStats *) trend->pdata[9])->from, ==, "2025-12-01");
  g_assert_cmpstr (((PdSurveyStats *) trend->pdata[10])->from, ==, "2026-01-01");
  g_assert_cmpstr (((PdSurveyStats *) trend->pdata[15])->to, ==, "2026-07-01");
  for (guint i = 0; i < trend->len; i++)
    {
      const PdSurveyStats *m = trend->pdata[i];
      g_autofree char *month = g_strndup (m->from, 7);
      g_autoptr (PdSurveyStats) full = pd_survey_stats_month (ctx, month, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (m->to, ==, full->to);
      g_assert_cmpint (m->targets, ==, full->targets);
      g_assert_cmpint (m->responses, ==, full->responses);
      g_assert_cmpint (m->valid, ==, full->valid);
      g_assert_cmpint (m->satisfied, ==, full->satisfied);
      g_assert_cmpint (m->score_sum, ==, full->score_sum);
      g_assert_cmpint (m->opinions, ==, full->opinions);
      g_assert_cmpint (m->coverage_goal_pct, ==, full->coverage_goal_pct);
      g_assert_cmpint (m->satisfaction_goal_pct, ==, full->satisfaction_goal_pct);
      g_assert_cmpint (isnan (m->coverage), ==, isnan (full->coverage));
      if (!isnan (m->coverage))
        g_assert_cmpfloat (m->coverage, ==, full->coverage);
      g_assert_cmpint (isnan (m->rate), ==, isnan (full->rate));
      if (!isnan (m->rate))
        g_assert_cmpfloat (m->rate, ==, full->rate);
      responses += m->responses;
    }
  /* Every form of the fixture, each in exactly one month. */
  g_assert_cmpint (responses, ==, 8);
  g_assert_cmpint (((PdSurveyStats *) trend->pdata[0])->responses, ==, 1);
  g_assert_cmpint (((PdSurveyStats *) trend->pdata[12])->responses, ==, 5);   /* 03-31 in March */
  g_assert_cmpint (((PdSurveyStats *) trend->pdata[12])->score_sum, ==, 24);
  g_assert_cmpint (((PdSurveyStats *) trend->pdata[13])->responses, ==, 2);   /* 04-01 in April */
  g_assert_cmpint (((PdSurveyStats *) trend->pdata[13])->valid, ==, 4);
  g_assert_cmpint (((PdSurveyStats *) trend->pdata[13])->score_sum, ==, 18);
  for (guint i = 1; i < 12; i++)
    g_assert_cmpint (((PdSurveyStats *) trend->pdata[i])->valid, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/survey/stats/month-with-blanks", test_month_with_blanks);
  g_test_add_func ("/survey/stats/versions-pooled", test_versions_pooled_by_title);
  g_test_add_func ("/survey/stats/zero-responses", test_zero_responses);
  g_test_add_func ("/survey/stats/trend-and-last-year", test_trend_and_last_year);
  g_test_add_func ("/survey/stats/trend-equals-months", test_trend_equals_months);
  return g_test_run ();
}
