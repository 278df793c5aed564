/* survey_item_day_total (migration 033) and survey_day_total (035) equal
 * counts over the raw forms and answers, and survey_building_day_total
 * (039) the same counts per building of the forms' units, after forms are
 * keyed, answers rescored, moved and deleted, forms moved to another day,
 * campaign or unit, a unit with forms moved to another building's entrance,
 * an entrance moved to another building, and forms deleted;
 * survey_building_target_total (035) equals a count of the
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
#define BUILDING_DAY_TOTALS "SELECT answered_on, campaign_id, building_id, forms, opinions, valid, satisfied " \
  "FROM survey_building_day_total"
#define BUILDING_DAY_COUNTED "SELECT r.answered_on, r.campaign_id, e.building_id, count(DISTINCT r.id), " \
  "count(DISTINCT CASE WHEN r.opinion <> '' THEN r.id END), count(a.id), coalesce (sum (a.score >= 4), 0) " \
  "FROM survey_response r JOIN unit u ON u.id = r.unit_id JOIN entrance e ON e.id = u.entrance_id " \
  "LEFT JOIN survey_answer a ON a.response_id = r.id GROUP BY 1, 2, 3"
/* The building of the first or the last form's unit. */
#define FORM_BUILDING(which) "SELECT e.building_id FROM survey_response r JOIN unit u ON u.id = r.unit_id " \
  "JOIN entrance e ON e.id = u.entrance_id WHERE r.id = (SELECT " which "(id) FROM survey_response)"
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
  assert_same_rows (ctx, BUILDING_DAY_TOTALS, BUILDING_DAY_COUNTED);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_building_day_total WHERE forms <= 0", NULL),
                   ==, 0);
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
  gint64 response_id, building_before;

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

  /* A form moved to a unit of another building; a unit with a form moved
   * to an entrance of another building; that entrance moved to a new
   * building (corrections of the estate's layout). */
  building_before = pd_test_count (ctx, FORM_BUILDING ("min"), NULL);
  exec (ctx, "UPDATE survey_response SET unit_id = (SELECT u.id FROM unit u JOIN entrance e ON e.id = u.entrance_id "
             "WHERE e.building_id <> (" FORM_BUILDING ("min") ") AND NOT EXISTS (SELECT 1 FROM survey_response o "
             "WHERE o.campaign_id = survey_response.campaign_id AND o.unit_id = u.id) ORDER BY u.id LIMIT 1) "
             "WHERE id = (SELECT min(id) FROM survey_response)");
  g_assert_cmpint (pd_test_count (ctx, FORM_BUILDING ("min"), NULL), !=, building_before);
  assert_totals_equal_answers (ctx);
  building_before = pd_test_count (ctx, FORM_BUILDING ("max"), NULL);
  exec (ctx, "UPDATE unit SET entrance_id = (SELECT e.id FROM entrance e WHERE e.building_id <> "
             "(" FORM_BUILDING ("max") ") ORDER BY e.id LIMIT 1) "
             "WHERE id = (SELECT unit_id FROM survey_response WHERE id = (SELECT max(id) FROM survey_response))");
  g_assert_cmpint (pd_test_count (ctx, FORM_BUILDING ("max"), NULL), !=, building_before);
  assert_totals_equal_answers (ctx);
  exec (ctx, "INSERT INTO building (estate_id, code) SELECT estate_id, '99' FROM building LIMIT 1");
  exec (ctx, "UPDATE entrance SET building_id = (SELECT id FROM building WHERE code = '99') WHERE id = "
             "(SELECT u.entrance_id FROM survey_response r JOIN unit u ON u.id = r.unit_id "
             "WHERE r.id = (SELECT max(id) FROM survey_response))");
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_building_day_total d "
                                       "JOIN building b ON b.id = d.building_id WHERE b.code = '99'", NULL), >, 0);
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

/* Forms kept before 039 are summed per building when the database is
 * opened by this version. */
static void
test_building_day_totals_migrated (void)
{
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "before-039.db", NULL);
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (PdDatabase) old = pd_database_open_at_version (path, 38, &error);
    gboolean ok;

    g_assert_no_error (error);
    ok = pd_database_exec (old,
      "INSERT INTO estate (id, code, name) VALUES (1, 'E', '翠苑');"
      "INSERT INTO building (id, estate_id, code) VALUES (1, 1, '1'), (2, 1, '2');"
      "INSERT INTO entrance (id, building_id, code) VALUES (3, 1, '1'), (4, 2, '1');"
      "INSERT INTO unit (id, estate_id, entrance_id, code) VALUES "
      " (1, 1, 3, '1-1-101'), (2, 1, 4, '2-1-101'), (3, 1, 4, '2-1-102');"
      "INSERT INTO survey_campaign (id, estate_id, template_id, name, start_on, end_on, coverage_goal_pct, "
      " satisfaction_goal_pct, created_at, created_by) SELECT 1, 1, min(id), '年度', '2026-10-01', '2026-10-31', "
      " 80, 90, '2026-10-01', 't' FROM survey_template;"
      "INSERT INTO survey_response (id, campaign_id, unit_id, answered_on, opinion, entered_at, entered_by) VALUES "
      " (1, 1, 1, '2026-10-02', '', '2026-10-02', 't'), (2, 1, 2, '2026-10-03', '电梯', '2026-10-03', 't'), "
      " (3, 1, 3, '2026-10-03', '', '2026-10-03', 't');",
      &error);
    g_assert_no_error (error);
    g_assert_true (ok);
  }
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (path, "2026-11-23 09:00:00");

    g_assert_cmpint (pd_test_count (ctx, "PRAGMA user_version", NULL), ==, pd_database_schema_version ());
    assert_same_rows (ctx, BUILDING_DAY_TOTALS, BUILDING_DAY_COUNTED);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_building_day_total", NULL), ==, 2);
    g_assert_cmpint (pd_test_count (ctx, "SELECT forms * 10 + opinions FROM survey_building_day_total "
                                         "WHERE building_id = 2 AND answered_on = '2026-10-03'", NULL), ==, 21);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/survey/item-totals/follow-answers", test_totals_follow_answers);
  g_test_add_func ("/survey/target-totals/follow-targets", test_target_totals_follow_targets);
  g_test_add_func ("/survey/building-day-totals/migrated", test_building_day_totals_migrated);
  return g_test_run ();
}
