/* The demo estate's patrols: a living office — units done, due and overdue,
 * months of history, anomalies open and closed, keys back, out and overdue. */
#include "config.h"

#include "pd-demo.h"
#include "pd-key-register.h"
#include "pd-patrol-anomaly.h"
#include "pd-patrol-stats.h"
#include "pd-patrol-vacancy.h"
#include "pd-test-fixture.h"

static void
test_demo_patrols (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 15:30:00");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) vacant = NULL;
  g_autoptr (GPtrArray) loans = NULL;
  g_autoptr (PdPatrolStats) october = NULL;
  int by_status[3] = { 0 }, overdue_loans = 0, out_loans = 0;

  g_assert_true (pd_demo_generate (ctx, 600, 20261123, &error));
  g_assert_no_error (error);
  /* The caller's clock is untouched. */
  {
    g_autofree char *now = pd_context_now_text (ctx);
    g_assert_cmpstr (now, ==, "2026-11-23 15:30:00");
  }

  vacant = pd_patrol_list_vacant (ctx, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vacant->len, >=, 20);
  for (guint i = 0; i < vacant->len; i++)
    by_status[((PdVacantUnit *) vacant->pdata[i])->status]++;
  g_assert_cmpint (by_status[PD_PATROL_STATUS_DONE], >, 0);
  g_assert_cmpint (by_status[PD_PATROL_STATUS_DUE], >, 0);
  g_assert_cmpint (by_status[PD_PATROL_STATUS_OVERDUE], >, 0);

  /* Four months of rounds, every vacant unit with a key on the board. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol WHERE patrolled_on < '2026-08-01'", NULL), >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol WHERE patrolled_on > '2026-11-23'", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(DISTINCT round_id) FROM patrol", NULL), >=, 40);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol_vacancy v WHERE v.closed_on = '' AND NOT EXISTS "
                                       "(SELECT 1 FROM patrol_key k WHERE k.unit_id = v.unit_id)", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol_anomaly WHERE state = 'open'", NULL), >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol_anomaly WHERE state = 'closed'", NULL), >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol_follow_up", NULL), >, 0);

  loans = pd_key_list_loans (ctx, TRUE, &error);
  for (guint i = 0; i < loans->len; i++)
    {
      PdKeyLoan *loan = loans->pdata[i];
      out_loans++;
      overdue_loans += loan->overdue;
    }
  g_assert_cmpint (overdue_loans, >=, 1);
  g_assert_cmpint (out_loans, >, overdue_loans);
  /* Overdue loans come first. */
  g_assert_true (((PdKeyLoan *) loans->pdata[0])->overdue);

  october = pd_patrol_stats_month (ctx, "2026-10", &error);
  g_assert_no_error (error);
  g_assert_cmpint (october->obligations, >, 0);
  g_assert_cmpint (october->counted, ==, october->obligations);
  g_assert_cmpfloat (pd_patrol_stats_on_time_pct (october->met, october->counted), >, 60.0);
  g_assert_cmpfloat (pd_patrol_stats_on_time_pct (october->met, october->counted), <=, 100.0);
  g_assert_cmpint (october->patrols, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/patrol-demo/living-office", test_demo_patrols);
  return g_test_run ();
}
