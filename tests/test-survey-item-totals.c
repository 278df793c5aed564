/* survey_item_day_total (migration 028) equals a count over the raw
 * answers after forms are keyed, answers rescored, moved and deleted, forms
 * moved to another day or campaign, and forms deleted. */
#include "config.h"

#include "pd-test-survey.h"

#define TOTALS "SELECT answered_on, campaign_id, item_id, score, answers FROM survey_item_day_total"
#define COUNTED "SELECT r.answered_on, r.campaign_id, a.item_id, a.score, count(*) FROM survey_answer a " \
  "JOIN survey_response r ON r.id = a.response_id GROUP BY 1, 2, 3, 4"

static void
assert_totals_equal_answers (PdContext *ctx)
{
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM (" TOTALS " EXCEPT " COUNTED ")", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM (" COUNTED " EXCEPT " TOTALS ")", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_item_day_total WHERE answers <= 0", NULL), ==, 0);
}

static void
exec (PdContext  *ctx,
      const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (pd_database_exec (pd_context_get_database (ctx), sql, &error));
  g_assert_no_error (error);
}

static void
test_totals_follow_answers (void)
{
  g_autoptr (PdContext) ctx = pd_test_survey_fixture ();
  g_autoptr (GError) error = NULL;
  gint64 answers = pd_test_count (ctx, "SELECT count(*) FROM survey_answer", NULL);
  gint64 response_id;

  /* Keyed forms. */
  g_assert_cmpint (answers, >, 10);
  g_assert_cmpint (pd_test_count (ctx, "SELECT sum(answers) FROM survey_item_day_total", NULL), ==, answers);
  assert_totals_equal_answers (ctx);

  /* An answer rescored, one moved to another item, one to the blank form. */
  exec (ctx, "UPDATE survey_answer SET score = 6 - score WHERE id = (SELECT min(id) FROM survey_answer)");
  assert_totals_equal_answers (ctx);
  exec (ctx, "UPDATE survey_answer SET item_id = (SELECT max(id) FROM survey_item) "
             "WHERE id = (SELECT max(id) FROM survey_answer)");
  assert_totals_equal_answers (ctx);
  exec (ctx, "UPDATE survey_answer SET response_id = (SELECT r.id FROM survey_response r WHERE NOT EXISTS "
             "(SELECT 1 FROM survey_answer a WHERE a.response_id = r.id) LIMIT 1) "
             "WHERE id = (SELECT min(id) FROM survey_answer)");
  assert_totals_equal_answers (ctx);

  /* A form moved to another day, then to another campaign. */
  exec (ctx, "UPDATE survey_response SET answered_on = '2026-03-07' WHERE id = "
             "(SELECT response_id FROM survey_answer GROUP BY response_id ORDER BY count(*) DESC LIMIT 1)");
  assert_totals_equal_answers (ctx);
  exec (ctx, "UPDATE survey_response SET campaign_id = (SELECT max(id) FROM survey_campaign) WHERE id = "
             "(SELECT response_id FROM survey_answer GROUP BY response_id ORDER BY count(*) DESC LIMIT 1)");
  assert_totals_equal_answers (ctx);

  /* Answers deleted one by one and a whole form through the core. */
  exec (ctx, "DELETE FROM survey_answer WHERE id = (SELECT max(id) FROM survey_answer)");
  assert_totals_equal_answers (ctx);
  response_id = pd_test_count (ctx, "SELECT max(response_id) FROM survey_answer", NULL);
  g_assert_true (pd_survey_response_delete (ctx, response_id, &error));
  g_assert_no_error (error);
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, response_id);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_response WHERE id = ?", id), ==, 0);
  }
  assert_totals_equal_answers (ctx);
  exec (ctx, "DELETE FROM survey_answer");
  assert_totals_equal_answers (ctx);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_item_day_total", NULL), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/survey/item-totals/follow-answers", test_totals_follow_answers);
  return g_test_run ();
}
