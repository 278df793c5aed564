/* Patrols of renovating units: the twice-a-day expectation, violations with
 * the penalty schedule, the escalation ladder, stop-work, revoked passes. */
#include "config.h"

#include "pd-deposit-ledger.h"
#include "pd-renovation-patrol.h"
#include "pd-settings.h"
#include "renovation-fixture.h"

static gint64
patrol_ok (PdContext  *ctx,
           gint64      id,
           const char *at)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenovationPatrol) patrol = pd_renovation_patrol_new ();
  gint64 patrol_id;

  patrol->renovation_id = id;
  pd_renovation_set_text (&patrol->at, at);
  pd_renovation_set_text (&patrol->inspector, "楼管李");
  pd_renovation_set_text (&patrol->photo_ref, "IMG_0001.jpg");
  patrol_id = pd_renovation_patrol_add (ctx, patrol, NULL, &error);
  g_assert_no_error (error);
  return patrol_id;
}

static void
test_not_patrolled_today (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 16:00:00");
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);
  g_autoptr (GError) error = NULL;
  gint64 a = fx_on_site (ctx, rand, "3-1-101");
  gint64 b = fx_on_site (ctx, rand, "3-1-201");
  gint64 c = fx_on_site (ctx, rand, "3-1-301");
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (GPtrArray) all = NULL;
  PdPatrolDue *due;

  patrol_ok (ctx, a, "2026-11-23 09:10");
  patrol_ok (ctx, a, "2026-11-23 14:20");
  patrol_ok (ctx, b, "2026-11-23 09:40");
  patrol_ok (ctx, c, "2026-11-22 09:00");   /* yesterday does not count */
  g_assert_true (pd_renovation_stop_work (ctx, c, "停工整改", &error));

  missing = pd_renovation_patrols_today (ctx, TRUE, &error);
  g_assert_cmpint (missing->len, ==, 2);
  due = missing->pdata[0];
  g_assert_cmpstr (due->unit_code, ==, "3-1-201");
  g_assert_cmpint (due->done, ==, 1);
  g_assert_cmpint (due->expected, ==, 2);
  due = missing->pdata[1];
  g_assert_cmpstr (due->unit_code, ==, "3-1-301");   /* stopped works are patrolled too */
  g_assert_cmpint (due->done, ==, 0);
  all = pd_renovation_patrols_today (ctx, FALSE, &error);
  g_assert_cmpint (all->len, ==, 3);

  /* The expectation is a setting. */
  g_clear_pointer (&missing, g_ptr_array_unref);
  g_assert_true (pd_settings_set (ctx, "renovation.patrols_per_day", "1", &error));
  missing = pd_renovation_patrols_today (ctx, TRUE, &error);
  g_assert_cmpint (missing->len, ==, 1);

  /* Accepted works are no longer patrolled. */
  fx_run_to (ctx, a, "accepted");
  g_clear_pointer (&all, g_ptr_array_unref);
  all = pd_renovation_patrols_today (ctx, FALSE, &error);
  g_assert_cmpint (all->len, ==, 2);
  {
    g_autoptr (PdRenovationPatrol) patrol = pd_renovation_patrol_new ();
    patrol->renovation_id = a;
    pd_renovation_set_text (&patrol->inspector, "楼管李");
    g_assert_cmpint (pd_renovation_patrol_add (ctx, patrol, NULL, &error), ==, -1);
    g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  }
}

static void
test_patrol_refusals (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 16:00:00");
  g_autoptr (GRand) rand = g_rand_new_with_seed (4);
  g_autoptr (GError) error = NULL;
  gint64 id = fx_on_site (ctx, rand, "4-1-101");
  g_autoptr (PdRenovationPatrol) patrol = pd_renovation_patrol_new ();
  g_autoptr (PdRenovationViolation) found = pd_renovation_violation_new ();

  patrol->renovation_id = id;
  g_assert_cmpint (pd_renovation_patrol_add (ctx, patrol, NULL, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "inspector");
  g_clear_error (&error);
  pd_renovation_set_text (&patrol->inspector, "工程部赵");
  pd_renovation_set_text (&patrol->at, "2026-11-23 25:00");
  g_assert_cmpint (pd_renovation_patrol_add (ctx, patrol, NULL, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "at");
  g_clear_error (&error);
  pd_renovation_set_text (&patrol->at, "2026-11-23 14:30");
  pd_renovation_set_text (&patrol->result, "violation");
  g_assert_cmpint (pd_renovation_patrol_add (ctx, patrol, NULL, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "code");
  g_clear_error (&error);
  pd_renovation_set_text (&found->code, "Z");
  g_assert_cmpint (pd_renovation_patrol_add (ctx, patrol, found, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "code");
  g_clear_error (&error);
  pd_renovation_set_text (&found->code, "B");
  found->worker_id = 999;
  g_assert_cmpint (pd_renovation_patrol_add (ctx, patrol, found, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "worker");
  g_clear_error (&error);
  /* Nothing was written by any refusal. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation_patrol", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation_violation", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM deposit_entry WHERE kind = 'deduction'", NULL), ==, 0);
}

static void
test_violations_and_ladder (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 10:00:00");
  g_autoptr (GRand) rand = g_rand_new_with_seed (5);
  g_autoptr (GError) error = NULL;
  gint64 id = fx_on_site (ctx, rand, "6-2-1801");
  gint64 thief = fx_worker (ctx, rand, id, "吴某");
  const char *steps[4];

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr (PdRenovationPatrol) patrol = pd_renovation_patrol_new ();
      g_autoptr (PdRenovationViolation) found = pd_renovation_violation_new ();

      patrol->renovation_id = id;
      pd_renovation_set_text (&patrol->inspector, "楼管王");
      pd_renovation_set_text (&patrol->result, "violation");
      pd_renovation_set_text (&patrol->note, "楼道堆放垃圾");
      pd_renovation_set_text (&found->code, i == 3 ? "G" : "D");
      pd_renovation_set_text (&found->description, i == 3 ? "偷拿邻居材料" : "垃圾未袋装");
      found->worker_id = i == 3 ? thief : 0;
      /* The ladder climbs one step per violation unless told otherwise. */
      steps[i] = pd_renovation_next_ladder_step (ctx, id);
      g_assert_cmpint (pd_renovation_patrol_add (ctx, patrol, found, &error), >, 0);
      g_assert_no_error (error);
      g_assert_cmpstr (found->ladder_step, ==, steps[i]);
      g_assert_cmpstr (patrol->action, ==, steps[i]);
      if (i == 1)
        {
          /* The second step is stop-work: the works stop.  Resume to go on. */
          fx_assert_state (ctx, id, "stopped");
          g_assert_true (pd_deposit_top_up (ctx, id, 100000, NULL, &error));
          g_assert_true (pd_renovation_resume (ctx, id, &error));
        }
    }
  g_assert_cmpstr (steps[0], ==, "persuade");
  g_assert_cmpstr (steps[1], ==, "stop_work");
  g_assert_cmpstr (steps[2], ==, "restore");
  g_assert_cmpstr (steps[3], ==, "hold_tools");

  /* Theft: 1000 yuan and the pass revoked. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT deducted_fen FROM renovation_violation WHERE code = 'G'", NULL),
                   ==, 100000);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation_worker WHERE revoked_on = '2026-11-23'",
                                  NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation_violation WHERE rectify_by = '2026-11-24'",
                                  NULL), ==, 4);
  {
    g_autoptr (GPtrArray) list = pd_renovation_violation_list (ctx, id, &error);
    PdRenovationViolation *v = list->pdata[0];
    g_assert_cmpint (list->len, ==, 4);
    g_assert_cmpstr (v->worker_name, ==, "吴某");
    g_assert_true (pd_renovation_violation_rectified (ctx, v->id, &error));
    g_assert_false (pd_renovation_violation_rectified (ctx, v->id, &error));
    g_clear_error (&error);
  }
  {
    g_autoptr (GPtrArray) patrols = pd_renovation_patrol_list (ctx, id, &error);
    g_assert_cmpint (patrols->len, ==, 4);
    g_assert_cmpstr (((PdRenovationPatrol *) patrols->pdata[0])->violation_code, ==, "G");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/renovation-patrol/not-patrolled-today", test_not_patrolled_today);
  g_test_add_func ("/renovation-patrol/refusals", test_patrol_refusals);
  g_test_add_func ("/renovation-patrol/violations-and-ladder", test_violations_and_ladder);
  return g_test_run ();
}
