/* Patrol schedule rules (pd-patrol-schedule.h): periods, due dates and
 * statuses under both policies, across month and year ends. */
#include "config.h"

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-patrol-schedule.h"
#include "pd-settings.h"
#include "pd-test-fixture.h"

static void
assert_period (PdPatrolPolicy policy,
               const char    *day,
               const char    *start,
               const char    *end)
{
  PdPatrolPeriod period;

  g_assert_true (pd_patrol_period_of (policy, day, &period));
  g_assert_cmpstr (period.start, ==, start);
  g_assert_cmpstr (period.end, ==, end);
}

static void
assert_next_due (PdPatrolPolicy policy,
                 const char    *since,
                 const char    *last,
                 const char    *expected)
{
  g_autofree char *due = pd_patrol_next_due (policy, since, last);
  g_assert_cmpstr (due, ==, expected);
}

static void
test_twice_monthly_periods (void)
{
  const PdPatrolPolicy twice = PD_PATROL_POLICY_TWICE_MONTHLY;
  g_autoptr (GArray) february = pd_patrol_periods_of_month (twice, 2026, 2);
  g_autoptr (GArray) leap = pd_patrol_periods_of_month (twice, 2028, 2);
  PdPatrolPeriod period;

  assert_period (twice, "2026-01-01", "2026-01-01", "2026-01-15");
  assert_period (twice, "2026-01-15", "2026-01-01", "2026-01-15");
  assert_period (twice, "2026-01-16", "2026-01-16", "2026-01-31");
  assert_period (twice, "2026-02-20", "2026-02-16", "2026-02-28");
  assert_period (twice, "2028-02-29", "2028-02-16", "2028-02-29");
  assert_period (twice, "2026-04-30", "2026-04-16", "2026-04-30");
  assert_period (twice, "2026-12-31", "2026-12-16", "2026-12-31");
  g_assert_false (pd_patrol_period_of (twice, "2026-02-30", &period));
  g_assert_false (pd_patrol_period_of (twice, "soon", &period));

  g_assert_cmpuint (february->len, ==, 2);
  g_assert_cmpstr (g_array_index (february, PdPatrolPeriod, 0).start, ==, "2026-02-01");
  g_assert_cmpstr (g_array_index (february, PdPatrolPeriod, 1).end, ==, "2026-02-28");
  g_assert_cmpstr (g_array_index (leap, PdPatrolPeriod, 1).end, ==, "2028-02-29");
}

static void
test_weekly_periods (void)
{
  const PdPatrolPolicy weekly = PD_PATROL_POLICY_WEEKLY;
  g_autoptr (GArray) june = pd_patrol_periods_of_month (weekly, 2026, 6);
  g_autoptr (GArray) july = pd_patrol_periods_of_month (weekly, 2026, 7);
  g_autoptr (GArray) august = pd_patrol_periods_of_month (weekly, 2026, 8);
  g_autoptr (GArray) january = pd_patrol_periods_of_month (weekly, 2027, 1);

  assert_period (weekly, "2026-07-01", "2026-06-29", "2026-07-05");
  assert_period (weekly, "2026-06-29", "2026-06-29", "2026-07-05");
  assert_period (weekly, "2026-07-05", "2026-06-29", "2026-07-05");
  assert_period (weekly, "2026-12-31", "2026-12-28", "2027-01-03");

  /* June 2026 starts on a Monday: four weeks, the one across the month end
   * belongs to July (its Sunday). */
  g_assert_cmpuint (june->len, ==, 4);
  g_assert_cmpstr (g_array_index (june, PdPatrolPeriod, 0).start, ==, "2026-06-01");
  g_assert_cmpstr (g_array_index (june, PdPatrolPeriod, 3).end, ==, "2026-06-28");
  g_assert_cmpuint (july->len, ==, 4);
  g_assert_cmpstr (g_array_index (july, PdPatrolPeriod, 0).start, ==, "2026-06-29");
  g_assert_cmpstr (g_array_index (july, PdPatrolPeriod, 3).end, ==, "2026-07-26");
  /* August 2026 has five Sundays; the week ending 6 September is September's. */
  g_assert_cmpuint (august->len, ==, 5);
  g_assert_cmpstr (g_array_index (august, PdPatrolPeriod, 0).start, ==, "2026-07-27");
  g_assert_cmpstr (g_array_index (august, PdPatrolPeriod, 4).end, ==, "2026-08-30");
  /* The week across the year end counts in January. */
  g_assert_cmpstr (g_array_index (january, PdPatrolPeriod, 0).start, ==, "2026-12-28");
  g_assert_cmpstr (g_array_index (january, PdPatrolPeriod, 0).end, ==, "2027-01-03");
}

static void
test_twice_monthly_due (void)
{
  const PdPatrolPolicy twice = PD_PATROL_POLICY_TWICE_MONTHLY;

  /* Never patrolled: the period the vacancy began in. */
  assert_next_due (twice, "2026-03-10", NULL, "2026-03-15");
  assert_next_due (twice, "2026-03-16", "", "2026-03-31");
  /* Patrolled: the period after the last patrol's. */
  assert_next_due (twice, "2025-06-01", "2026-03-14", "2026-03-31");
  assert_next_due (twice, "2025-06-01", "2026-03-31", "2026-04-15");
  assert_next_due (twice, "2025-06-01", "2026-12-20", "2027-01-15");
  assert_next_due (twice, "2025-06-01", "2026-02-16", "2026-03-15");
  /* The last patrol predates the current vacancy: the vacancy counts. */
  assert_next_due (twice, "2026-05-20", "2026-03-03", "2026-05-31");

  /* Across the January/February month end, patrolled on the 10th and 20th. */
  g_assert_cmpint (pd_patrol_status_on (twice, "2026-02-15", "2026-01-31"), ==, PD_PATROL_STATUS_DONE);
  g_assert_cmpint (pd_patrol_status_on (twice, "2026-02-15", "2026-02-01"), ==, PD_PATROL_STATUS_DUE);
  g_assert_cmpint (pd_patrol_status_on (twice, "2026-02-15", "2026-02-15"), ==, PD_PATROL_STATUS_DUE);
  g_assert_cmpint (pd_patrol_status_on (twice, "2026-02-15", "2026-02-16"), ==, PD_PATROL_STATUS_OVERDUE);
  /* Overdue into the next month until patrolled. */
  g_assert_cmpint (pd_patrol_status_on (twice, "2026-03-31", "2026-04-01"), ==, PD_PATROL_STATUS_OVERDUE);
  g_assert_cmpint (pd_patrol_status_on (twice, "2026-03-31", "2026-03-31"), ==, PD_PATROL_STATUS_DUE);
  /* Patrolled today while overdue: due again in the next period, done now. */
  {
    g_autofree char *due = pd_patrol_next_due (twice, "2026-01-01", "2026-04-03");
    g_assert_cmpstr (due, ==, "2026-04-30");
    g_assert_cmpint (pd_patrol_status_on (twice, due, "2026-04-03"), ==, PD_PATROL_STATUS_DONE);
  }
}

static void
test_weekly_due (void)
{
  const PdPatrolPolicy weekly = PD_PATROL_POLICY_WEEKLY;

  assert_next_due (weekly, "2026-07-01", NULL, "2026-07-05");
  assert_next_due (weekly, "2026-01-01", "2026-06-28", "2026-07-05");
  assert_next_due (weekly, "2026-01-01", "2026-06-29", "2026-07-12");
  assert_next_due (weekly, "2026-01-01", "2026-12-30", "2027-01-10");

  /* Patrolled on Sunday 28 June: the week across the month end is due on 5 July. */
  g_assert_cmpint (pd_patrol_status_on (weekly, "2026-07-05", "2026-06-28"), ==, PD_PATROL_STATUS_DONE);
  g_assert_cmpint (pd_patrol_status_on (weekly, "2026-07-05", "2026-06-30"), ==, PD_PATROL_STATUS_DUE);
  g_assert_cmpint (pd_patrol_status_on (weekly, "2026-07-05", "2026-07-05"), ==, PD_PATROL_STATUS_DUE);
  g_assert_cmpint (pd_patrol_status_on (weekly, "2026-07-05", "2026-07-06"), ==, PD_PATROL_STATUS_OVERDUE);
  /* The same last patrol is fine under the twice-monthly policy until 15 July. */
  {
    g_autofree char *due = pd_patrol_next_due (PD_PATROL_POLICY_TWICE_MONTHLY, "2026-01-01", "2026-06-28");
    g_assert_cmpstr (due, ==, "2026-07-15");
    g_assert_cmpint (pd_patrol_status_on (PD_PATROL_POLICY_TWICE_MONTHLY, due, "2026-07-06"), ==,
                     PD_PATROL_STATUS_DUE);
  }
}

static void
test_policy_per_estate (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-10 09:00:00");
  g_autoptr (GError) error = NULL;
  gint64 estate = pd_estate_current_id (ctx, NULL);
  gint64 other = pd_estate_ensure (ctx, "NORTH", "北苑", NULL);

  g_assert_cmpint (pd_patrol_policy_for_estate (ctx, estate), ==, PD_PATROL_POLICY_TWICE_MONTHLY);
  g_assert_true (pd_settings_set (ctx, "patrol.policy", "weekly", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_patrol_policy_for_estate (ctx, estate), ==, PD_PATROL_POLICY_WEEKLY);
  g_assert_cmpint (pd_patrol_policy_for_estate (ctx, other), ==, PD_PATROL_POLICY_WEEKLY);

  g_assert_true (pd_patrol_set_estate_policy (ctx, other, "twice_monthly", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_patrol_policy_for_estate (ctx, other), ==, PD_PATROL_POLICY_TWICE_MONTHLY);
  g_assert_cmpint (pd_patrol_policy_for_estate (ctx, estate), ==, PD_PATROL_POLICY_WEEKLY);
  g_assert_true (pd_patrol_set_estate_policy (ctx, other, NULL, &error));
  g_assert_cmpint (pd_patrol_policy_for_estate (ctx, other), ==, PD_PATROL_POLICY_WEEKLY);

  g_assert_false (pd_patrol_set_estate_policy (ctx, other, "daily", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (pd_error_get_field (error), ==, "policy");
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol_estate_policy", NULL), ==, 0);

  pd_context_set_user (ctx, "clerk", PD_ROLE_CLERK);
  g_assert_false (pd_patrol_set_estate_policy (ctx, other, "weekly", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/patrol-schedule/twice-monthly/periods", test_twice_monthly_periods);
  g_test_add_func ("/patrol-schedule/weekly/periods", test_weekly_periods);
  g_test_add_func ("/patrol-schedule/twice-monthly/due", test_twice_monthly_due);
  g_test_add_func ("/patrol-schedule/weekly/due", test_weekly_due);
  g_test_add_func ("/patrol-schedule/policy-per-estate", test_policy_per_estate);
  return g_test_run ();
}
