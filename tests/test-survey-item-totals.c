/* survey_item_day_total (migration 033) and survey_day_total (035) equal
 * counts over the raw forms and answers after forms are keyed, answers
 * rescored, moved and deleted, forms moved to another day or campaign, and
 * forms deleted; survey_building_target_total (035) equals a count of the
 * targets per campaign and building as targets are added, moved and
 * removed and as a unit or an entrance moves to another building. */
#include "config.h"

#include "pd-test-survey.h"

#define TOTALS "SELECT answered_on, campaign_id, item_id, score, answers FROM survey_item_day_total"
#define COUNTED "SELECT r.answered_on, r.campaign_id, a.item_id, a.score, count(*) FROM survey_answer a " \
  "JOIN survey_response r ON r.id = a.response_id GROUP BY 1, 2, 3, 4"

#define DAY_TOTALS "SELECT answered_on, campaign_id, forms, opinions, valid, satisfied, score_sum " \
  "FROM survey_day_total"
#define DAY_COUNTED "SELECT r.answered_on, r.campaign_id, count(DISTINCT r.id), " \
  "count(DISTINCT CASE WHEN r.opinion <> '' THEN r.id END), count(a.id), " \
  "coalesce (sum (a.score >= 4), 0), coalesce (sum (a.score), 0) " \
  "FROM survey_response r LEFT JOIN survey_answer a ON a.response_id = r.id GROUP BY 1, 2"
#define TARGET_TOTALS "SELECT campaign_id, building_id, targets FROM survey_building_target_total"
/* The first campaign that does not target @target's unit yet. */
#define FREE_CAMPAIGN(target) "SELECT c.id FROM survey_campaign c WHERE NOT EXISTS " \
  "(SELECT 1 FROM survey_target o WHERE o.campaign_id = c.id AND o.unit_id = " target ".unit_id) " \
  "ORDER BY c.id LIMIT 1"
#define TARGETS_COUNTED "SELECT t.campaign_id, e.building_id, count(*) FROM survey_target t " \
  "JOIN unit u ON u.id = t.unit_id JOIN entrance e ON e.id = u.entrance_id GROUP BY 1, 2"

static void
assert_same_rows (PdContext  *ctx,
                  const char *kept,
                  const char *counted)
{
  g_autofree char *missing = g_strdup_printf ("SELECT count(*) FROM (%s EXCEPT %s)", counted, kept);
  g_autofree char *extra = g_strdup_printf ("SELECT count(*) FROM (%s EXCEPT %s)", kept, counted);

  g_assert_cmpint (pd_test_count (ctx, missing, NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, extra, NULL), ==, 0);
}

static void
assert_totals_equal_answers (PdContext *ctx)
{
  assert_same_rows (ctx, DAY_TOTALS, DAY_COUNTED);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_day_total WHERE forms <= 0", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM (" TOTALS " EXCEPT " COUNTED ")", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM (" COUNTED " EXCEPT " TOTALS ")", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_item_day_total WHERE answers <= 0", NULL), ==, 0);
}

static void
exec (PdContext  *ctx,
      const char *sql)
{
  g_autoptr (GError) error = NULL;

  gboolean ok = pd_database_exec (pd_context_get_database (ctx), sql, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
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
  exec (ctx, "DELETE FROM survey_followup; DELETE FROM survey_response");
  assert_totals_equal_answers (ctx);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_day_total", NULL), ==, 0);
}

static void
assert_target_totals (PdContext *ctx)
{
  assert_same_rows (ctx, TARGET_TOTALS, TARGETS_COUNTED);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_building_target_total WHERE targets <= 0", NULL),
                   ==, 0);
}

static void
test_target_totals_follow_targets (void)
{
  g_autoptr (PdContext) ctx = pd_test_survey_fixture ();
  gint64 targets = pd_test_count (ctx, "SELECT count(*) FROM survey_target", NULL);
  gint64 campaign_sum, target_id;
  g_autofree char *move = NULL;

  g_assert_cmpint (targets, >, 2);
  g_assert_cmpint (pd_test_count (ctx, "SELECT sum(targets) FROM survey_building_target_total", NULL), ==, targets);
  assert_target_totals (ctx);

  /* A target moved to another campaign, one removed, one added back. */
  campaign_sum = pd_test_count (ctx, "SELECT sum(campaign_id) FROM survey_target", NULL);
  target_id = pd_test_count (ctx, "SELECT min(t.id) FROM survey_target t WHERE EXISTS (" FREE_CAMPAIGN ("t") ")", NULL);
  g_assert_cmpint (target_id, >, 0);
  move = g_strdup_printf ("UPDATE survey_target SET campaign_id = (" FREE_CAMPAIGN ("t") ") "
                          "FROM survey_target t WHERE t.id = %" G_GINT64_FORMAT " AND survey_target.id = t.id",
                          target_id);
  exec (ctx, move);
  g_assert_cmpint (pd_test_count (ctx, "SELECT sum(campaign_id) FROM survey_target", NULL), !=, campaign_sum);
  assert_target_totals (ctx);
  exec (ctx, "DELETE FROM survey_target WHERE id = (SELECT max(id) FROM survey_target)");
  assert_target_totals (ctx);
  exec (ctx, "INSERT INTO survey_target (campaign_id, unit_id) SELECT min(c.id), u.id FROM survey_campaign c, unit u "
             "WHERE NOT EXISTS (SELECT 1 FROM survey_target t WHERE t.campaign_id = c.id AND t.unit_id = u.id) "
             "GROUP BY u.id LIMIT 1");
  assert_target_totals (ctx);
  g_assert_cmpint (pd_test_count (ctx, "SELECT sum(targets) FROM survey_building_target_total", NULL), ==,
                   targets);

  /* A unit of building 1 moved to building 3's entrance; then that
   * entrance moved to a new building 4. */
  exec (ctx, "UPDATE unit SET entrance_id = (SELECT e.id FROM entrance e JOIN building b ON b.id = e.building_id "
             "WHERE b.code = '3') WHERE id = (SELECT min(u.id) FROM unit u JOIN entrance e ON e.id = u.entrance_id "
             "JOIN building b ON b.id = e.building_id WHERE b.code = '1')");
  assert_target_totals (ctx);
  exec (ctx, "INSERT INTO building (estate_id, code) SELECT estate_id, '4' FROM building WHERE code = '3'");
  exec (ctx, "UPDATE entrance SET building_id = (SELECT id FROM building WHERE code = '4') "
             "WHERE building_id = (SELECT id FROM building WHERE code = '3')");
  assert_target_totals (ctx);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_building_target_total n "
                                       "JOIN building b ON b.id = n.building_id WHERE b.code = '4'", NULL), >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_building_target_total n "
                                       "JOIN building b ON b.id = n.building_id WHERE b.code = '3'", NULL), ==, 0);

  exec (ctx, "DELETE FROM survey_target");
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_building_target_total", NULL), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/survey/item-totals/follow-answers", test_totals_follow_answers);
  g_test_add_func ("/survey/target-totals/follow-targets", test_target_totals_follow_targets);
  return g_test_run ();
}
