/* The renovation deposit ledger: postings, top-up deadline and stop-work,
 * refund, and its invariants under random sequences of deductions and
 * top-ups. */
#include "config.h"

#include "pd-deposit-ledger.h"
#include "pd-renovation-patrol.h"
#include "pd-settings.h"
#include "renovation-fixture.h"

static void
set_today (PdContext *ctx,
           int        month,
           int        day)
{
  g_autoptr (GDateTime) now = g_date_time_new_local (2026, month, day, 10, 0, 0);
  pd_context_set_now (ctx, now);
}

static gint64
violation (PdContext  *ctx,
           gint64      id,
           const char *code,
           const char *step)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenovationPatrol) patrol = pd_renovation_patrol_new ();
  g_autoptr (PdRenovationViolation) found = pd_renovation_violation_new ();
  gint64 patrol_id;

  patrol->renovation_id = id;
  pd_renovation_set_text (&patrol->inspector, "楼管王");
  pd_renovation_set_text (&patrol->result, "violation");
  pd_renovation_set_text (&found->code, code);
  pd_renovation_set_text (&found->description, "检查发现");
  pd_renovation_set_text (&found->ladder_step, step);
  patrol_id = pd_renovation_patrol_add (ctx, patrol, found, &error);
  g_assert_no_error (error);
  g_assert_cmpint (patrol_id, >, 0);
  return found->deducted_fen;
}

static void
test_deduction_topup_stop_work (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 09:00:00");
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (GError) error = NULL;
  gint64 id = fx_on_site (ctx, rand, "2-1-501");
  PdDepositSummary s = { 0 };
  g_autoptr (GPtrArray) statement = NULL;

  /* D: debris not bagged, 500 yuan from the schedule. */
  g_assert_cmpint (violation (ctx, id, "D", "persuade"), ==, 50000);
  g_assert_true (pd_deposit_summarize (ctx, id, &s, &error));
  g_assert_cmpint (s.paid_fen, ==, 300000);
  g_assert_cmpint (s.deducted_fen, ==, 50000);
  g_assert_cmpint (s.balance_fen, ==, 250000);
  g_assert_cmpint (s.shortfall_fen, ==, 50000);
  g_assert_cmpstr (s.topup_due, ==, "2026-11-26");
  g_assert_false (s.topup_overdue);
  pd_deposit_summary_clear (&s);

  /* Within three days nothing happens; on the fourth the works stop. */
  set_today (ctx, 11, 26);
  g_assert_cmpint (pd_deposit_enforce_topups (ctx, &error), ==, 0);
  fx_assert_state (ctx, id, "in_progress");
  set_today (ctx, 11, 27);
  g_assert_cmpint (pd_deposit_enforce_topups (ctx, &error), ==, 1);
  fx_assert_state (ctx, id, "stopped");
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation WHERE stop_reason LIKE '%2026-11-26%'", NULL),
                   ==, 1);
  /* And they cannot resume until the top-up is paid. */
  g_assert_false (pd_renovation_resume (ctx, id, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "deposit");
  g_clear_error (&error);

  /* A top-up is at most the shortfall. */
  g_assert_false (pd_deposit_top_up (ctx, id, 50001, NULL, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "topup_amount");
  g_clear_error (&error);
  g_assert_false (pd_deposit_top_up (ctx, id, 0, NULL, &error));
  g_clear_error (&error);
  g_assert_true (pd_deposit_top_up (ctx, id, 20000, "部分补交", &error));
  g_assert_false (pd_renovation_resume (ctx, id, &error));
  g_clear_error (&error);
  g_assert_true (pd_deposit_top_up (ctx, id, 30000, NULL, &error));
  g_assert_true (pd_renovation_resume (ctx, id, &error));
  g_assert_false (pd_deposit_top_up (ctx, id, 100, NULL, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);

  /* The statement runs the balance. */
  statement = pd_deposit_statement (ctx, id, &error);
  g_assert_cmpint (statement->len, ==, 4);
  g_assert_cmpstr (((PdDepositEntry *) statement->pdata[1])->kind, ==, "deduction");
  g_assert_cmpstr (((PdDepositEntry *) statement->pdata[1])->violation_code, ==, "D");
  g_assert_cmpint (((PdDepositEntry *) statement->pdata[1])->balance_fen, ==, 250000);
  g_assert_cmpint (((PdDepositEntry *) statement->pdata[3])->balance_fen, ==, 300000);

  /* Refund = paid − deductions + top-ups. */
  fx_run_to (ctx, id, "refunded");
  g_assert_true (pd_deposit_summarize (ctx, id, &s, &error));
  g_assert_cmpint (s.refunded_fen, ==, 300000 - 50000 + 50000);
  g_assert_cmpint (s.balance_fen, ==, 0);
  g_assert_cmpint (s.shortfall_fen, ==, 0);
  pd_deposit_summary_clear (&s);
}

static void
test_deduction_capped (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 09:00:00");
  g_autoptr (GRand) rand = g_rand_new_with_seed (8);
  g_autoptr (GError) error = NULL;
  gint64 id = fx_on_site (ctx, rand, "2-1-601");
  PdDepositSummary s = { 0 };

  /* Settings drive the schedule: A raised to 2,500 yuan. */
  g_assert_true (pd_settings_set (ctx, "renovation.penalty_a_fen", "2500", &error));
  g_assert_cmpint (violation (ctx, id, "A", "restore"), ==, 250000);
  /* The deposit never goes negative: only the 500 left is deducted. */
  g_assert_cmpint (violation (ctx, id, "E", "stop_work"), ==, 50000);
  g_assert_cmpint (pd_test_count (ctx, "SELECT penalty_fen - deducted_fen FROM renovation_violation WHERE code = 'E'",
                                  NULL), ==, 50000);
  g_assert_cmpint (violation (ctx, id, "H", "report"), ==, 0);
  fx_assert_state (ctx, id, "stopped");
  g_assert_true (pd_deposit_summarize (ctx, id, &s, &error));
  g_assert_cmpint (s.balance_fen, ==, 0);
  g_assert_cmpint (s.shortfall_fen, ==, 300000);
  pd_deposit_summary_clear (&s);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM deposit_entry WHERE kind = 'deduction'", NULL), ==, 2);
}

static void
check_invariants (PdContext *ctx,
                  gint64     id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) statement = pd_deposit_statement (ctx, id, &error);
  PdDepositSummary s = { 0 };
  gint64 running = 0;

  g_assert_true (pd_deposit_summarize (ctx, id, &s, &error));
  for (guint i = 0; i < statement->len; i++)
    {
      PdDepositEntry *entry = statement->pdata[i];
      g_assert_cmpint (entry->amount_fen, >, 0);
      running += g_str_equal (entry->kind, "payment") || g_str_equal (entry->kind, "topup")
                   ? entry->amount_fen : -entry->amount_fen;
      g_assert_cmpint (entry->balance_fen, ==, running);
      g_assert_cmpint (running, >=, 0);
    }
  g_assert_cmpint (s.balance_fen, ==, running);
  g_assert_cmpint (s.balance_fen, ==, s.paid_fen - s.deducted_fen + s.topped_up_fen - s.refunded_fen);
  g_assert_cmpint (s.balance_fen, >=, 0);
  g_assert_cmpint (s.balance_fen + s.shortfall_fen, ==, s.shortfall_fen ? s.required_fen : s.balance_fen);
  /* The database agrees with the statement. */
  g_assert_cmpint (pd_test_count (ctx,
    "SELECT coalesce(sum(CASE WHEN kind IN ('payment','topup') THEN amount_fen ELSE -amount_fen END), 0) "
    "FROM deposit_entry WHERE renovation_id = (SELECT max(id) FROM renovation)", NULL), ==, s.balance_fen);
  /* Deductions equal what the violations say they took. */
  g_assert_cmpint (pd_test_count (ctx,
    "SELECT coalesce(sum(deducted_fen), 0) FROM renovation_violation WHERE renovation_id = (SELECT max(id) FROM renovation)",
    NULL), ==, s.deducted_fen);
  pd_deposit_summary_clear (&s);
}

static void
test_random_sequences (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 09:00:00");
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261123);
  static const char *const codes[] = { "A", "B", "C", "D", "E", "F", "G", "H" };

  for (int round = 0; round < 40; round++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *code = g_strdup_printf ("%d-1-%d01", 10 + round / 9, round % 9 + 1);
      gint64 id = fx_on_site (ctx, rand, code);
      PdDepositSummary s = { 0 };
      gint64 expected_refund;

      for (int step = 0; step < 25; step++)
        {
          if (g_rand_int_range (rand, 0, 3) == 0)
            violation (ctx, id, codes[g_rand_int_range (rand, 0, 8)], "persuade");
          else
            {
              g_assert_true (pd_deposit_summarize (ctx, id, &s, &error));
              if (s.shortfall_fen > 0)
                {
                  gint64 amount = g_rand_int_range (rand, 1, (gint32) s.shortfall_fen + 1);
                  g_assert_true (pd_deposit_top_up (ctx, id, amount, NULL, &error));
                }
              else
                {
                  /* Nothing owed: a top-up must be refused and change nothing. */
                  g_assert_false (pd_deposit_top_up (ctx, id, 100, NULL, &error));
                  g_clear_error (&error);
                }
              pd_deposit_summary_clear (&s);
            }
          g_assert_no_error (error);
          check_invariants (ctx, id);
        }

      fx_run_to (ctx, id, "accepted");
      g_assert_true (pd_deposit_summarize (ctx, id, &s, &error));
      expected_refund = s.paid_fen - s.deducted_fen + s.topped_up_fen;
      g_assert_cmpint (expected_refund, >=, 0);
      pd_deposit_summary_clear (&s);
      fx_run_to (ctx, id, "refunded");
      g_assert_true (pd_deposit_summarize (ctx, id, &s, &error));
      g_assert_cmpint (s.refunded_fen, ==, expected_refund);
      g_assert_cmpint (s.balance_fen, ==, 0);
      pd_deposit_summary_clear (&s);
      check_invariants (ctx, id);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/deposit/deduction-topup-stop-work", test_deduction_topup_stop_work);
  g_test_add_func ("/deposit/deduction-capped", test_deduction_capped);
  g_test_add_func ("/deposit/random-sequences", test_random_sequences);
  return g_test_run ();
}
