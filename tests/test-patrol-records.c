/* Vacant-unit patrols in core, the parts test-patrol.c leaves out: an
 * anomaly's life cycle (reported, followed up, overdue, closed, then
 * refused), the key register's loans (out, refused twice, overdue, back,
 * retired), the vacant-unit list under the weekly policy across a month
 * end, and the month's statistics under both policies. */
#include "config.h"

#include "pd-patrol-stats.h"
#include "pd-settings.h"
#include "pd-test-patrol.h"

static void
test_anomaly_life_cycle (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-09 09:00:00");
  gint64 unit = pd_test_patrol_unit (ctx, "1-1-101", "vacant");
  g_autoptr (PdAnomaly) anomaly = pd_anomaly_new ();
  g_autoptr (PdAnomaly) read = NULL;
  g_autoptr (GPtrArray) follow_ups = NULL;
  g_autoptr (GPtrArray) open = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id, later;

  /* Reported by hand (not on a patrol): department and deadline follow
   * from the kind — dirt goes to cleaning, 1 working day. */
  anomaly->unit_id = unit;
  g_free (anomaly->kind);
  anomaly->kind = g_strdup ("dirty");
  g_free (anomaly->description);
  anomaly->description = g_strdup ("楼道垃圾堆放");
  id = pd_anomaly_report (ctx, anomaly, &error);
  g_assert_no_error (error);
  read = pd_anomaly_get (ctx, id, &error);
  g_assert_cmpstr (read->department, ==, "cleaning");
  g_assert_cmpstr (read->found_on, ==, "2026-03-09");
  g_assert_cmpstr (read->deadline, ==, "2026-03-10");
  g_assert_cmpstr (read->state, ==, "open");
  g_assert_cmpint (read->patrol_id, ==, 0);
  g_assert_false (read->overdue);
  g_clear_pointer (&read, pd_anomaly_free);

  /* A second one, found a day later, is younger: the open list is oldest first. */
  pd_test_patrol_clock (ctx, "2026-03-10 09:00");
  {
    g_autoptr (PdAnomaly) leak = pd_anomaly_new ();
    leak->unit_id = unit;
    g_free (leak->kind);
    leak->kind = g_strdup ("leak");
    g_free (leak->description);
    leak->description = g_strdup ("卫生间地漏反水");
    later = pd_anomaly_report (ctx, leak, &error);
    g_assert_no_error (error);
  }
  /* Refused: no unit, an unknown kind, a deadline before the day found. */
  {
    g_autoptr (PdAnomaly) bad = pd_anomaly_new ();
    g_free (bad->kind);
    bad->kind = g_strdup ("leak");
    g_free (bad->description);
    bad->description = g_strdup ("x");
    g_assert_cmpint (pd_anomaly_report (ctx, bad, &error), ==, -1);
    g_assert_cmpstr (pd_error_get_field (error), ==, "unit");
    g_clear_error (&error);
    bad->unit_id = unit;
    g_free (bad->kind);
    bad->kind = g_strdup ("fire");
    g_assert_cmpint (pd_anomaly_report (ctx, bad, &error), ==, -1);
    g_assert_cmpstr (pd_error_get_field (error), ==, "kind");
    g_clear_error (&error);
    g_free (bad->kind);
    bad->kind = g_strdup ("leak");
    g_free (bad->deadline);
    bad->deadline = g_strdup ("2026-03-01");
    g_assert_cmpint (pd_anomaly_report (ctx, bad, &error), ==, -1);
    g_assert_cmpstr (pd_error_get_field (error), ==, "deadline");
    g_clear_error (&error);
  }
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM patrol_anomaly", NULL), ==, 2);

  /* Follow-ups; on the 12th the dirt is past its deadline. */
  pd_test_patrol_clock (ctx, "2026-03-12 10:00");
  g_assert_true (pd_anomaly_add_follow_up (ctx, id, "已通知保洁部", &error));
  g_assert_false (pd_anomaly_add_follow_up (ctx, id, "   ", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "follow_up");
  g_clear_error (&error);
  open = pd_anomaly_list (ctx, TRUE, &error);
  g_assert_cmpuint (open->len, ==, 2);
  g_assert_cmpint (((PdAnomaly *) open->pdata[0])->id, ==, id);
  g_assert_cmpint (((PdAnomaly *) open->pdata[0])->age_days, ==, 3);
  g_assert_true (((PdAnomaly *) open->pdata[0])->overdue);
  g_assert_cmpint (((PdAnomaly *) open->pdata[1])->id, ==, later);
  g_clear_pointer (&open, g_ptr_array_unref);

  /* Closing needs an outcome and a written result. */
  g_assert_false (pd_anomaly_close (ctx, id, "", "已清扫", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "outcome");
  g_clear_error (&error);
  g_assert_false (pd_anomaly_close (ctx, id, "fixed", " ", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "result");
  g_clear_error (&error);
  pd_test_patrol_clock (ctx, "2026-03-13 16:00");
  g_assert_true (pd_anomaly_close (ctx, id, "fixed", "保洁已清扫，复查合格", &error));
  g_assert_no_error (error);
  read = pd_anomaly_get (ctx, id, &error);
  g_assert_cmpstr (read->state, ==, "closed");
  g_assert_cmpstr (read->closed_on, ==, "2026-03-13");
  g_assert_cmpstr (read->outcome, ==, "fixed");
  g_assert_cmpstr (read->result, ==, "保洁已清扫，复查合格");
  g_assert_cmpint (read->age_days, ==, 4);
  g_assert_false (read->overdue);

  /* Closed is final: no more follow-ups, no second closing. */
  g_assert_false (pd_anomaly_add_follow_up (ctx, id, "再看看", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (pd_anomaly_close (ctx, id, "no_action", "重复", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
  follow_ups = pd_anomaly_list_follow_ups (ctx, id, &error);
  g_assert_cmpuint (follow_ups->len, ==, 1);
  g_assert_cmpstr (((PdAnomalyFollowUp *) follow_ups->pdata[0])->note, ==, "已通知保洁部");
  open = pd_anomaly_list (ctx, TRUE, &error);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpint (((PdAnomaly *) open->pdata[0])->id, ==, later);
}

static void
test_key_loans (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-10 09:00:00");
  gint64 unit = pd_test_patrol_unit (ctx, "1-1-101", "vacant");
  gint64 key = pd_test_patrol_key (ctx, "K101", unit);
  g_autoptr (PdKey) again = pd_key_new ();
  g_autoptr (GPtrArray) out = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *due = NULL;
  gint64 loan;

  /* Tags are unique. */
  g_free (again->code);
  again->code = g_strdup ("K101");
  again->unit_id = unit;
  g_assert_cmpint (pd_key_add (ctx, again, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Out for the default 4 hours; not twice; not without a borrower. */
  due = pd_key_default_due (ctx);
  g_assert_cmpstr (due, ==, "2026-03-10 13:00:00");
  g_assert_cmpint (pd_key_sign_out (ctx, key, "", "巡查", NULL, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "borrower");
  g_clear_error (&error);
  loan = pd_key_sign_out (ctx, key, "李管家", "空置房巡查", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_key_sign_out (ctx, key, "王管家", "带看", NULL, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (pd_key_retire (ctx, key, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);

  /* Still out at 13:30: overdue, listed first. */
  pd_test_patrol_clock (ctx, "2026-03-10 13:30");
  out = pd_key_list_loans (ctx, TRUE, &error);
  g_assert_cmpuint (out->len, ==, 1);
  g_assert_true (((PdKeyLoan *) out->pdata[0])->overdue);
  g_assert_cmpstr (((PdKeyLoan *) out->pdata[0])->borrower, ==, "李管家");
  g_clear_pointer (&out, g_ptr_array_unref);

  /* Back late: no longer out, still counted as returned late. */
  g_assert_true (pd_key_sign_back (ctx, loan, &error));
  g_assert_false (pd_key_sign_back (ctx, loan, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "loan");
  g_clear_error (&error);
  out = pd_key_list_loans (ctx, TRUE, &error);
  g_assert_cmpuint (out->len, ==, 0);
  g_clear_pointer (&out, g_ptr_array_unref);
  out = pd_key_list_loans (ctx, FALSE, &error);
  g_assert_cmpuint (out->len, ==, 1);
  g_assert_cmpstr (((PdKeyLoan *) out->pdata[0])->returned_at, ==, "2026-03-10 13:30:00");
  g_assert_true (((PdKeyLoan *) out->pdata[0])->overdue);
  g_assert_cmpstr (((PdKeyLoan *) out->pdata[0])->received_by, ==, "tester");

  /* Back in the office it can leave the register. */
  g_assert_true (pd_key_retire (ctx, key, &error));
  g_assert_no_error (error);
  g_clear_pointer (&out, g_ptr_array_unref);
  out = pd_key_list (ctx, &error);
  g_assert_cmpuint (out->len, ==, 0);
}

/* Weekly policy with the clock: the week across the June/July end is
 * July's; a unit patrolled on Sunday 28 June is done until it ends. */
static void
test_weekly_list_across_month_end (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-06-01 09:00:00");
  g_autoptr (GError) error = NULL;
  gint64 a = pd_test_patrol_unit (ctx, "1-1-101", "vacant");
  g_autoptr (GPtrArray) list = NULL;

  pd_test_patrol_unit (ctx, "1-1-102", "vacant");
  g_assert_true (pd_settings_set (ctx, "patrol.policy", "weekly", &error));
  g_assert_true (pd_patrol_sync_vacancies (ctx, &error));
  pd_test_patrol_clock (ctx, "2026-06-28 10:00");
  pd_test_patrol_record (ctx, a, "李管家", -1, NULL, -1);

  pd_test_patrol_clock (ctx, "2026-07-01 10:00");
  list = pd_patrol_list_vacant (ctx, 0, &error);
  g_assert_cmpuint (list->len, ==, 2);
  /* 1-1-101: the week of 29 June is due on Sunday 5 July. */
  g_assert_cmpstr (((PdVacantUnit *) list->pdata[0])->next_due, ==, "2026-07-05");
  g_assert_cmpint (((PdVacantUnit *) list->pdata[0])->status, ==, PD_PATROL_STATUS_DUE);
  /* 1-1-102 was never patrolled: overdue since its first week ended on 7 June. */
  g_assert_cmpstr (((PdVacantUnit *) list->pdata[1])->next_due, ==, "2026-06-07");
  g_assert_cmpint (((PdVacantUnit *) list->pdata[1])->status, ==, PD_PATROL_STATUS_OVERDUE);
  g_assert_cmpint (((PdVacantUnit *) list->pdata[1])->days_to_due, ==, -24);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Under the twice-monthly policy the same unit is due on 15 July. */
  g_assert_true (pd_settings_set (ctx, "patrol.policy", "twice_monthly", &error));
  list = pd_patrol_list_vacant (ctx, 0, &error);
  g_assert_cmpstr (((PdVacantUnit *) list->pdata[0])->next_due, ==, "2026-07-15");
  g_assert_cmpint (((PdVacantUnit *) list->pdata[0])->status, ==, PD_PATROL_STATUS_DUE);
}

/* The month of pd-test-patrol.h, worked out by hand there; then the same
 * patrols counted weekly. */
static void
test_month_statistics (void)
{
  PdTestPatrolMonth m = pd_test_patrol_month ();
  g_autoptr (PdContext) ctx = m.ctx;
  g_autoptr (GError) error = NULL;
  g_autoptr (PdPatrolStats) s = pd_patrol_stats_month (ctx, "2026-03", &error);
  g_autoptr (PdPatrolStats) weekly = NULL;
  PdPatrolBuildingStats *b1, *b2;

  g_assert_no_error (error);
  g_assert_cmpstr (s->as_of, ==, "2026-03-20");
  g_assert_cmpint (s->periods, ==, 2);
  g_assert_cmpint (s->units_due, ==, 4);
  g_assert_cmpint (s->obligations, ==, 8);
  g_assert_cmpint (s->counted, ==, 5);
  g_assert_cmpint (s->met, ==, 3);
  g_assert_cmpfloat_with_epsilon (pd_patrol_stats_on_time_pct (s->met, s->counted), 60.0, 1e-9);
  g_assert_cmpint (s->patrols, ==, 3);
  g_assert_cmpint (s->units_patrolled, ==, 3);
  g_assert_cmpint (s->anomalies_found, ==, 3);
  g_assert_cmpint (s->anomalies_by_kind[0], ==, 1);   /* leak */
  g_assert_cmpint (s->anomalies_by_kind[1], ==, 0);   /* damage */
  g_assert_cmpint (s->anomalies_by_kind[2], ==, 1);   /* occupation */
  g_assert_cmpint (s->anomalies_by_kind[3], ==, 1);   /* dirty */
  g_assert_cmpint (s->anomalies_closed, ==, 1);
  g_assert_cmpint (s->open_anomalies, ==, 2);
  g_assert_cmpint (s->oldest_open_days, ==, 10);
  g_assert_cmpint (s->key_loans, ==, 3);
  g_assert_cmpint (s->key_loans_overdue, ==, 2);
  g_assert_cmpuint (s->buildings->len, ==, 2);
  b1 = s->buildings->pdata[0];
  b2 = s->buildings->pdata[1];
  g_assert_cmpstr (b1->building_code, ==, "1");
  g_assert_cmpint (b1->units_due, ==, 3);
  g_assert_cmpint (b1->obligations, ==, 6);
  g_assert_cmpint (b1->counted, ==, 3);
  g_assert_cmpint (b1->met, ==, 2);
  g_assert_cmpint (b2->counted, ==, 2);
  g_assert_cmpint (b2->met, ==, 1);
  g_assert_cmpfloat (pd_patrol_stats_on_time_pct (0, 0), <, 0);

  /* Weekly: March 2026's weeks end on the 1st, 8th, 15th, 22nd and 29th.
   * The week ending 1 March owes 4 (vacant since the 1st), unmet; the
   * weeks ending the 8th and the 15th owe 4 each, the second met twice
   * (1-1-101 on the 10th, 1-2-101 on the 12th); the week ending the 22nd (current) is met
   * by 2-1-101 on the 18th; the 29th is ahead.  Counted 4+4+4+1 = 13,
   * met 0+0+2+1 = 3. */
  g_assert_true (pd_settings_set (ctx, "patrol.policy", "weekly", &error));
  weekly = pd_patrol_stats_month (ctx, "2026-03", &error);
  g_assert_cmpint (weekly->policy, ==, PD_PATROL_POLICY_WEEKLY);
  g_assert_cmpint (weekly->periods, ==, 5);
  g_assert_cmpint (weekly->obligations, ==, 20);
  g_assert_cmpint (weekly->counted, ==, 13);
  g_assert_cmpint (weekly->met, ==, 3);
  g_assert_cmpint (weekly->units_due, ==, 4);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/patrol-records/anomaly-life-cycle", test_anomaly_life_cycle);
  g_test_add_func ("/patrol-records/key-loans", test_key_loans);
  g_test_add_func ("/patrol-records/weekly-list-across-month-end", test_weekly_list_across_month_end);
  g_test_add_func ("/patrol-records/month-statistics", test_month_statistics);
  return g_test_run ();
}
