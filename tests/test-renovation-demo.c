/* The demo office's renovations: every state of the workflow, consistent
 * with the units, balanced ledgers, gap-free serials, today's rounds. */
#include "config.h"

#include <string.h>

#include "pd-calendar.h"
#include "pd-deposit-ledger.h"
#include "pd-renovation-patrol.h"
#include "renovation-fixture.h"

static void
test_demo_renovations (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 16:30:00");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) missing = NULL;
  guint n_states;
  const PdRenovationChoice *states = pd_renovation_states (&n_states);

  g_assert_true (pd_demo_generate (ctx, 600, 20261123, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < n_states; i++)
    if (pd_test_count (ctx, "SELECT count(*) FROM renovation WHERE state = ?", states[i].key) == 0)
      g_error ("no demo renovation is %s", states[i].key);

  /* Units renovate exactly while works are on site. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit u WHERE (u.state = 'renovating') <> EXISTS "
                                  "(SELECT 1 FROM renovation r WHERE r.unit_id = u.id AND r.state IN "
                                  "('in_progress', 'stopped', 'completion_requested', 'rectification'))", NULL), ==, 0);
  /* Serials 1..n without a gap, in the order of issue. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation WHERE serial IS NOT NULL", NULL), ==,
                   pd_test_count (ctx, "SELECT max(serial_no) FROM renovation", NULL));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation a JOIN renovation b ON a.serial_no < b.serial_no "
                                  "WHERE a.permit_issued_on > b.permit_issued_on", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation_violation", NULL), >, 10);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM deposit_entry WHERE kind = 'topup'", NULL), >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation WHERE applicant_role = 'tenant'", NULL), >, 0);

  /* Every ledger balances and never went negative. */
  all = pd_renovation_list (ctx, &error);
  g_assert_cmpint (all->len, >, 50);
  for (guint i = 0; i < all->len; i++)
    {
      PdRenovation *r = all->pdata[i];
      g_autoptr (GPtrArray) statement = pd_deposit_statement (ctx, r->id, &error);
      PdDepositSummary s = { 0 };

      g_assert_true (pd_deposit_summarize (ctx, r->id, &s, &error));
      for (guint j = 0; j < statement->len; j++)
        g_assert_cmpint (((PdDepositEntry *) statement->pdata[j])->balance_fen, >=, 0);
      g_assert_cmpint (s.balance_fen, ==, s.paid_fen - s.deducted_fen + s.topped_up_fen - s.refunded_fen);
      if (g_str_equal (r->state, "refunded") || g_str_equal (r->state, "closed"))
        g_assert_cmpint (s.balance_fen, ==, 0);
      pd_deposit_summary_clear (&s);
    }

  /* What Today reads (pd_renovation_list_pressing): exactly the reviews
   * due by two working days ahead, the stop-works and the on-site works
   * short of deposit after a deduction, in the same order as the full
   * list; every review due soon or late and every shortfall among them. */
  {
    g_autofree char *today = pd_context_today (ctx);
    g_autofree char *until = pd_calendar_add_working_days (ctx, today, 2);
    g_autoptr (GPtrArray) pressing = pd_renovation_list_pressing (ctx, until, &error);
    guint k = 0, reviews = 0, short_of_deposit = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < all->len; i++)
      {
        PdRenovation *r = all->pdata[i];
        PdReviewDeadline review = pd_renovation_review_deadline (ctx, r);
        PdDepositSummary s = { 0 };
        gboolean reviewing = g_str_equal (r->state, "submitted") || pd_renovation_state_in_review (r->state);
        gboolean expected;

        g_assert_true (pd_deposit_summarize (ctx, r->id, &s, &error));
        expected = (reviewing && strcmp (r->review_due, until) <= 0) || g_str_equal (r->state, "stopped") ||
                   (pd_renovation_state_on_site (r->state) && s.balance_fen < s.required_fen && s.deducted_fen > 0);
        if (review == PD_REVIEW_OVERDUE || review == PD_REVIEW_DUE_SOON)
          {
            g_assert_true (expected);
            reviews++;
          }
        if (pd_renovation_state_on_site (r->state) && s.shortfall_fen > 0)
          {
            g_assert_true (expected);
            short_of_deposit++;
          }
        pd_deposit_summary_clear (&s);
        if (!expected)
          continue;
        g_assert_cmpuint (k, <, pressing->len);
        g_assert_cmpint (((PdRenovation *) pressing->pdata[k++])->id, ==, r->id);
      }
    g_assert_cmpuint (k, ==, pressing->len);
    g_assert_cmpuint (reviews, >, 0);
    g_assert_cmpuint (short_of_deposit, >, 0);
    g_assert_cmpuint (pressing->len, <, all->len);
  }

  /* Today's rounds are under way: most units seen, some not yet twice. */
  missing = pd_renovation_patrols_today (ctx, TRUE, &error);
  g_assert_cmpint (missing->len, >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation_patrol WHERE at LIKE '2026-11-23%'", NULL),
                   >, 20);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation_patrol WHERE at > '2026-11-23 16:30'", NULL),
                   ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/renovation-demo/every-state", test_demo_renovations);
  return g_test_run ();
}
