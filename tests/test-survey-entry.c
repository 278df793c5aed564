/* Surveys: the versioned questionnaire, campaigns and their targets, keyed
 * entry with its refusals, and the opinion follow-ups with their deadlines. */
#include "config.h"

#include "pd-demo.h"
#include "pd-settings.h"
#include "pd-survey-followup.h"
#include "pd-test-survey.h"

static const char *const default_titles[] = {
  "前台接待与服务态度", "报修响应速度", "维修质量", "保洁卫生", "绿化养护", "安全秩序", "公共设施维护",
  "停车管理", "装修管理", "收费透明度", "社区文化活动", "投诉处理", "总体满意度",
};

static void
test_default_template (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-20 09:00:00");
  g_autoptr (GError) error = NULL;
  g_autoptr (PdSurveyTemplate) tmpl = pd_survey_template_get_current (ctx, &error);
  static const char *const labels[] = { NULL, "很不满意", "不满意", "一般", "满意", "很满意" };

  g_assert_no_error (error);
  g_assert_cmpint (tmpl->version, ==, 1);
  g_assert_cmpuint (pd_survey_template_n_items (tmpl), ==, 13);
  for (guint i = 0; i < G_N_ELEMENTS (default_titles); i++)
    g_assert_cmpstr (pd_survey_template_item_title (tmpl, i), ==, default_titles[i]);
  for (int score = 1; score <= 5; score++)
    g_assert_cmpstr (tmpl->labels[score], ==, labels[score]);
  g_assert_cmpstr (tmpl->opinion_title, ==, "意见和建议");
}

static void
test_template_versions (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-20 09:00:00");
  g_autoptr (GError) error = NULL;
  g_autoptr (PdSurveyTemplate) edited = NULL;
  g_autoptr (PdSurveyTemplate) old_again = NULL;
  g_autoptr (PdSurveyCampaign) old_campaign = NULL;
  g_autoptr (PdSurveyCampaign) new_campaign_read = NULL;
  gint64 old_id, new_id, audit_before;

  pd_test_survey_units (ctx);
  old_id = pd_test_survey_campaign (ctx, "一月调查", "2026-01-05", "2026-01-20", "all", NULL, 0);

  edited = pd_survey_template_get_current (ctx, &error);
  g_ptr_array_remove_index (edited->items, 12);
  pd_survey_template_add_item (edited, "电梯运行");
  g_free (edited->labels[3]);
  edited->labels[3] = g_strdup ("基本满意");

  /* A clerk may not edit the questionnaire; refusals save nothing. */
  audit_before = pd_test_count (ctx, "SELECT count(*) FROM audit_log", NULL);
  pd_context_set_user (ctx, "clerk", PD_ROLE_CLERK);
  g_assert_cmpint (pd_survey_template_save_version (ctx, edited, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);
  pd_context_set_user (ctx, "supervisor", PD_ROLE_SUPERVISOR);
  pd_survey_template_add_item (edited, "电梯运行");
  g_assert_cmpint (pd_survey_template_save_version (ctx, edited, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DUPLICATE);
  g_assert_cmpstr (pd_error_get_field (error), ==, "items");
  g_clear_error (&error);
  g_ptr_array_remove_index (edited->items, edited->items->len - 1);
  g_free (edited->labels[1]);
  edited->labels[1] = g_strdup ("  ");
  g_assert_cmpint (pd_survey_template_save_version (ctx, edited, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log", NULL), ==, audit_before);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_template", NULL), ==, 1);

  g_free (edited->labels[1]);
  edited->labels[1] = g_strdup ("很不满意");
  g_assert_cmpint (pd_survey_template_save_version (ctx, edited, &error), >, 1);
  g_assert_no_error (error);
  g_assert_cmpint (edited->version, ==, 2);

  new_id = pd_test_survey_campaign (ctx, "三月调查", "2026-03-01", "2026-03-31", "all", NULL, 0);
  old_campaign = pd_survey_campaign_get (ctx, old_id, &error);
  new_campaign_read = pd_survey_campaign_get (ctx, new_id, &error);
  g_assert_cmpint (new_campaign_read->template_id, ==, edited->id);
  g_assert_cmpint (old_campaign->template_id, !=, edited->id);

  /* The old campaign keeps its 13 questions, the new one has the edit. */
  old_again = pd_survey_template_get (ctx, old_campaign->template_id, &error);
  g_assert_cmpuint (pd_survey_template_n_items (old_again), ==, 13);
  g_assert_cmpstr (pd_survey_template_item_title (old_again, 12), ==, "总体满意度");
  g_assert_cmpstr (old_again->labels[3], ==, "一般");
  {
    g_autoptr (PdSurveyTemplate) current = pd_survey_template_get_current (ctx, &error);
    g_assert_cmpstr (pd_survey_template_item_title (current, 12), ==, "电梯运行");
    g_assert_cmpstr (current->labels[3], ==, "基本满意");
  }
  /* A form of the old campaign has 13 answers, keyed against its items. */
  g_assert_cmpint (pd_test_survey_form (ctx, old_id, "1-1-101", "5555555555554", "2026-01-10", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_answer a JOIN survey_item i ON i.id = a.item_id "
                                       "WHERE i.title = '总体满意度' AND a.score = 4", NULL), ==, 1);
}

static void
test_campaign_targets (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-20 09:00:00");
  g_autoptr (GError) error = NULL;
  g_autoptr (PdSurveyCampaign) read = NULL;
  g_autoptr (PdSurveyCampaign) bad = pd_survey_campaign_new ();
  g_autoptr (GArray) ids = NULL;
  gint64 all, by_building, sample;

  pd_test_survey_units (ctx);
  all = pd_test_survey_campaign (ctx, "全体", "2026-03-01", "2026-03-31", "all", NULL, 0);
  by_building = pd_test_survey_campaign (ctx, "2栋与3栋", "2026-03-01", "2026-03-31", "buildings", "2, 3", 0);
  sample = pd_test_survey_campaign (ctx, "抽样", "2026-03-01", "2026-03-31", "sample", NULL, 3);

  read = pd_survey_campaign_get (ctx, all, &error);
  g_assert_cmpint (read->n_targets, ==, 7);
  g_assert_cmpint (read->coverage_goal_pct, ==, 95);
  g_assert_cmpint (read->satisfaction_goal_pct, ==, 95);
  g_assert_cmpstr (read->method, ==, "paper");
  g_clear_pointer (&read, pd_survey_campaign_free);
  read = pd_survey_campaign_get (ctx, by_building, &error);
  g_assert_cmpint (read->n_targets, ==, 4);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_target t JOIN unit u ON u.id = t.unit_id "
                                       "WHERE t.campaign_id = 2 AND u.code LIKE '1-%'", NULL), ==, 0);
  /* Systematic sample of 3 of 7 in unit order: positions 0, 2 and 4. */
  ids = pd_survey_campaign_target_ids (ctx, sample, &error);
  g_assert_cmpuint (ids->len, ==, 3);
  {
    g_autoptr (PdUnit) u0 = pd_unit_get (ctx, g_array_index (ids, gint64, 0), NULL);
    g_autoptr (PdUnit) u1 = pd_unit_get (ctx, g_array_index (ids, gint64, 1), NULL);
    g_autoptr (PdUnit) u2 = pd_unit_get (ctx, g_array_index (ids, gint64, 2), NULL);
    g_assert_cmpstr (u0->code, ==, "1-1-101");
    g_assert_cmpstr (u1->code, ==, "1-2-101");
    g_assert_cmpstr (u2->code, ==, "2-1-102");
  }

  /* Goals come from the settings at creation. */
  g_assert_true (pd_settings_set (ctx, "survey.satisfaction_goal_pct", "90", &error));
  g_clear_pointer (&read, pd_survey_campaign_free);
  read = pd_survey_campaign_get (ctx, pd_test_survey_campaign (ctx, "四月", "2026-04-01", "2026-04-30", "all", NULL, 0), &error);
  g_assert_cmpint (read->satisfaction_goal_pct, ==, 90);

  /* Refusals name the field and save nothing. */
  g_free (bad->name);
  bad->name = g_strdup ("坏");
  g_free (bad->start_on);
  bad->start_on = g_strdup ("2026-03-10");
  g_free (bad->end_on);
  bad->end_on = g_strdup ("2026-03-01");
  g_assert_cmpint (pd_survey_campaign_create (ctx, bad, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "end_on");
  g_clear_error (&error);
  g_free (bad->end_on);
  bad->end_on = g_strdup ("2026-03-31");
  g_free (bad->target_kind);
  bad->target_kind = g_strdup ("buildings");
  g_free (bad->target_buildings);
  bad->target_buildings = g_strdup ("9");
  g_assert_cmpint (pd_survey_campaign_create (ctx, bad, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "target_buildings");
  g_clear_error (&error);
  g_free (bad->target_kind);
  bad->target_kind = g_strdup ("sample");
  bad->sample_size = 8;
  g_assert_cmpint (pd_survey_campaign_create (ctx, bad, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "sample_size");
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_campaign", NULL), ==, 4);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_target", NULL), ==, 7 + 4 + 3 + 7);
}

static void
test_keyed_entry (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-20 09:00:00");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (PdSurveyTemplate) tmpl = pd_survey_template_get_current (ctx, NULL);
  g_autoptr (GArray) scores = g_array_new (FALSE, TRUE, sizeof (int));
  gint64 campaign, only_two, audit_before;
  PdSurveyResponse *first;

  pd_test_survey_units (ctx);
  campaign = pd_test_survey_campaign (ctx, "三月", "2026-03-01", "2026-03-31", "all", NULL, 0);
  only_two = pd_test_survey_campaign (ctx, "2栋", "2026-03-01", "2026-03-31", "buildings", "2", 0);

  /* Keys: 5..1 scores, 0 / space / '-' no answer, missing trailing = none. */
  g_assert_true (pd_survey_parse_scores ("54 3-0 21", tmpl, scores, &error));
  g_assert_cmpuint (scores->len, ==, 9);
  g_assert_cmpint (g_array_index (scores, int, 0), ==, 5);
  g_assert_cmpint (g_array_index (scores, int, 2), ==, 0);
  g_assert_cmpint (g_array_index (scores, int, 4), ==, 0);
  g_assert_cmpint (g_array_index (scores, int, 8), ==, 1);
  g_assert_false (pd_survey_parse_scores ("556", tmpl, scores, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_RANGE);
  g_assert_nonnull (strstr (error->message, "维修质量"));
  g_assert_nonnull (strstr (error->message, "“6”"));
  g_clear_error (&error);
  g_assert_false (pd_survey_parse_scores ("5a", tmpl, scores, &error));
  g_assert_nonnull (strstr (error->message, "报修响应速度"));
  g_clear_error (&error);
  g_assert_false (pd_survey_parse_scores ("55555555555555", tmpl, scores, &error));
  g_assert_nonnull (strstr (error->message, "13"));
  g_clear_error (&error);

  g_assert_cmpint (pd_test_survey_form (ctx, campaign, "1-1-101", "5544332211005", "2026-03-05", "电梯太慢", &error), >, 0);
  g_assert_no_error (error);
  /* Blanks are not stored: 11 valid answers of 13. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_answer", NULL), ==, 11);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_followup WHERE received_on = '2026-03-05'", NULL), ==, 1);
  /* No date: today, inside the period. */
  g_assert_cmpint (pd_test_survey_form (ctx, campaign, "1栋1单元102室", "4", NULL, NULL, &error), >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_response WHERE answered_on = '2026-03-20'", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_followup", NULL), ==, 1);

  audit_before = pd_test_count (ctx, "SELECT count(*) FROM audit_log", NULL);
  /* Duplicate form. */
  g_assert_cmpint (pd_test_survey_form (ctx, campaign, "1-1-101", "5", "2026-03-06", NULL, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DUPLICATE);
  g_assert_cmpstr (pd_error_get_field (error), ==, "unit");
  g_assert_nonnull (strstr (error->message, "1-1-101"));
  g_clear_error (&error);
  /* Unknown unit. */
  g_assert_cmpint (pd_test_survey_form (ctx, campaign, "9-9-999", "5", "2026-03-06", NULL, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "9-9-999"));
  g_clear_error (&error);
  g_assert_cmpint (pd_test_survey_form (ctx, campaign, "abc", "5", "2026-03-06", NULL, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "unit");
  g_clear_error (&error);
  /* A unit the campaign does not ask. */
  g_assert_cmpint (pd_test_survey_form (ctx, only_two, "1-1-101", "5", "2026-03-06", NULL, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
  /* Digit out of range, through the parser and directly. */
  g_assert_cmpint (pd_test_survey_form (ctx, campaign, "1-2-101", "5557", "2026-03-06", "x", &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "scores");
  g_clear_error (&error);
  {
    g_autoptr (PdSurveyResponse) response = pd_survey_response_new ();
    int bad = 9;
    response->campaign_id = campaign;
    g_free (response->unit_code);
    response->unit_code = g_strdup ("1-2-101");
    g_array_append_val (response->scores, bad);
    g_assert_cmpint (pd_survey_response_save (ctx, response, &error), ==, -1);
    g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_RANGE);
    g_clear_error (&error);
  }
  /* Dates: malformed, before the campaign, in the future. */
  g_assert_cmpint (pd_test_survey_form (ctx, campaign, "1-2-101", "5", "2026-02-30", NULL, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "answered_on");
  g_clear_error (&error);
  g_assert_cmpint (pd_test_survey_form (ctx, campaign, "1-2-101", "5", "2026-02-28", NULL, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "answered_on");
  g_clear_error (&error);
  g_assert_cmpint (pd_test_survey_form (ctx, campaign, "1-2-101", "5", "2026-03-21", NULL, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "answered_on");
  g_clear_error (&error);
  /* Nothing of the refused forms was saved. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_response", NULL), ==, 2);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_answer", NULL), ==, 12);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_followup", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log", NULL), ==, audit_before);

  list = pd_survey_response_list (ctx, campaign, &error);
  g_assert_cmpuint (list->len, ==, 2);
  first = list->pdata[1];
  g_assert_cmpstr (first->unit_code, ==, "1-1-101");
  g_assert_cmpuint (first->scores->len, ==, 13);
  g_assert_cmpint (g_array_index (first->scores, int, 0), ==, 5);
  g_assert_cmpint (g_array_index (first->scores, int, 10), ==, 0);
  g_assert_cmpint (g_array_index (first->scores, int, 12), ==, 5);
  g_assert_cmpstr (first->opinion, ==, "电梯太慢");

  /* A form keyed by mistake can be removed and keyed again. */
  g_assert_true (pd_survey_response_delete (ctx, first->id, &error));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_followup", NULL), ==, 0);
  g_assert_cmpint (pd_test_survey_form (ctx, campaign, "1-1-101", "3", "2026-03-05", NULL, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_keyed_after_campaign_end (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-04-10 09:00:00");
  g_autoptr (GError) error = NULL;
  gint64 campaign;

  pd_test_survey_units (ctx);
  campaign = pd_test_survey_campaign (ctx, "三月", "2026-03-01", "2026-03-31", "all", NULL, 0);
  /* Without a date, a form keyed after the end counts on the last day. */
  g_assert_cmpint (pd_test_survey_form (ctx, campaign, "1-1-101", "5", NULL, NULL, &error), >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_response WHERE answered_on = '2026-03-31'", NULL), ==, 1);
  /* A late return with its own date keeps it. */
  g_assert_cmpint (pd_test_survey_form (ctx, campaign, "1-1-102", "5", "2026-04-02", NULL, &error), >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_response WHERE answered_on = '2026-04-02'", NULL), ==, 1);
}

static void
test_followup_deadlines (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-13 09:00:00");
  g_autoptr (GError) error = NULL;
  g_autoptr (PdSurveyFollowup) f = NULL;
  g_autoptr (GDateTime) later = NULL;
  g_autofree char *due = NULL;
  g_autoptr (GPtrArray) list = NULL;
  gint64 campaign, id;

  pd_test_survey_units (ctx);
  campaign = pd_test_survey_campaign (ctx, "三月", "2026-03-01", "2026-03-31", "all", NULL, 0);
  g_assert_cmpint (pd_test_survey_form (ctx, campaign, "2-1-101", "3333333333333", "2026-03-10", "楼道灯坏了", &error), >, 0);
  id = pd_test_count (ctx, "SELECT id FROM survey_followup", NULL);

  /* Received on the 10th: route due on the 12th; on the 13th it is late. */
  f = pd_survey_followup_get (ctx, id, &error);
  g_assert_cmpstr (f->opinion, ==, "楼道灯坏了");
  g_assert_cmpstr (f->unit_code, ==, "2-1-101");
  g_assert_cmpint (pd_survey_followup_stage (f), ==, PD_FOLLOWUP_ROUTE);
  due = pd_survey_followup_due (ctx, f, PD_FOLLOWUP_ROUTE);
  g_assert_cmpstr (due, ==, "2026-03-12");
  g_assert_true (pd_survey_followup_is_late (ctx, f, PD_FOLLOWUP_ROUTE));
  g_assert_null (pd_survey_followup_due (ctx, f, PD_FOLLOWUP_MEASURES));

  /* Stages go in order, need their text, and are dated sensibly. */
  g_assert_false (pd_survey_followup_sign (ctx, id, PD_FOLLOWUP_MEASURES, "换灯", "", "", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
  g_assert_false (pd_survey_followup_sign (ctx, id, PD_FOLLOWUP_ROUTE, " ", "2026-03-12", "", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "text");
  g_clear_error (&error);
  g_assert_false (pd_survey_followup_sign (ctx, id, PD_FOLLOWUP_ROUTE, "工程部", "2026-03-09", "", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "date");
  g_clear_error (&error);
  g_assert_false (pd_survey_followup_sign (ctx, id, PD_FOLLOWUP_ROUTE, "工程部", "2026-03-14", "", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "date");
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_followup WHERE routed_on <> ''", NULL), ==, 0);

  /* Routed on the due day by 李主管: on time. */
  g_assert_true (pd_survey_followup_sign (ctx, id, PD_FOLLOWUP_ROUTE, "工程部", "2026-03-12", "李主管", &error));
  g_assert_no_error (error);
  g_clear_pointer (&f, pd_survey_followup_free);
  f = pd_survey_followup_get (ctx, id, &error);
  g_assert_cmpstr (f->text[PD_FOLLOWUP_ROUTE], ==, "工程部");
  g_assert_cmpstr (f->signed_by[PD_FOLLOWUP_ROUTE], ==, "李主管");
  g_assert_false (pd_survey_followup_is_late (ctx, f, PD_FOLLOWUP_ROUTE));
  g_clear_pointer (&due, g_free);
  due = pd_survey_followup_due (ctx, f, PD_FOLLOWUP_MEASURES);
  g_assert_cmpstr (due, ==, "2026-03-15");
  g_assert_false (pd_survey_followup_is_late (ctx, f, PD_FOLLOWUP_MEASURES));

  /* Measures on the 16th: one day late, and it stays marked late. */
  later = g_date_time_new_local (2026, 3, 30, 9, 0, 0);
  pd_context_set_now (ctx, later);
  g_assert_true (pd_survey_followup_sign (ctx, id, PD_FOLLOWUP_MEASURES, "更换楼道灯具", "2026-03-16", "", &error));
  g_assert_true (pd_survey_followup_sign (ctx, id, PD_FOLLOWUP_RECTIFY, "", "2026-03-18", "", &error));
  g_assert_no_error (error);
  g_clear_pointer (&f, pd_survey_followup_free);
  f = pd_survey_followup_get (ctx, id, &error);
  g_assert_cmpstr (f->signed_by[PD_FOLLOWUP_MEASURES], ==, "tester");
  g_assert_true (pd_survey_followup_is_late (ctx, f, PD_FOLLOWUP_MEASURES));
  g_assert_false (pd_survey_followup_is_late (ctx, f, PD_FOLLOWUP_RECTIFY));
  g_assert_cmpint (pd_survey_followup_stage (f), ==, PD_FOLLOWUP_VISIT);
  /* Return visit due two weeks after the rectification: 04-01, not yet late on 03-30. */
  g_clear_pointer (&due, g_free);
  due = pd_survey_followup_due (ctx, f, PD_FOLLOWUP_VISIT);
  g_assert_cmpstr (due, ==, "2026-04-01");
  g_assert_false (pd_survey_followup_is_late (ctx, f, PD_FOLLOWUP_VISIT));
  g_assert_true (pd_survey_followup_any_late (ctx, f));
  g_assert_true (pd_survey_followup_sign (ctx, id, PD_FOLLOWUP_VISIT, "业主满意，已签字", "2026-03-30", "王客服", &error));
  g_clear_pointer (&f, pd_survey_followup_free);
  f = pd_survey_followup_get (ctx, id, &error);
  g_assert_cmpint (pd_survey_followup_stage (f), ==, PD_FOLLOWUP_CLOSED);
  g_assert_false (pd_survey_followup_sign (ctx, id, PD_FOLLOWUP_VISIT, "again", "2026-03-30", "", &error));
  g_clear_error (&error);

  /* The settings drive the limits. */
  g_assert_true (pd_settings_set (ctx, "survey.return_visit_days", "7", &error));
  g_clear_pointer (&due, g_free);
  due = pd_survey_followup_due (ctx, f, PD_FOLLOWUP_VISIT);
  g_assert_cmpstr (due, ==, "2026-03-25");
  g_assert_true (pd_survey_followup_is_late (ctx, f, PD_FOLLOWUP_VISIT));

  list = pd_survey_followup_list (ctx, 0, "2026-03-01", "2026-04-01", &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = pd_survey_followup_list (ctx, 0, "2026-04-01", "2026-05-01", &error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_cli_new_campaign (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "campaign.db", NULL);
  g_autoptr (PdContext) ctx = pd_test_context_open (db, "2026-03-20 09:00:00");
  const char *argv[] = { g_getenv ("PROPDESK_CLI"), "--db", db, "survey", "new-campaign", "2026年春季满意度调查",
                         "--from", "2026-03-01", "--to", "2026-04-30", NULL };
  const char *bad[] = { g_getenv ("PROPDESK_CLI"), "--db", db, "survey", "new-campaign", "坏",
                        "--from", "2026-03-01", "--to", "2026-02-30", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (PdSurveyCampaign) campaign = NULL;
  int status;

  pd_test_survey_units (ctx);
  g_clear_object (&ctx);
  out = pd_test_run (argv, &status, &err);
  g_assert_cmpint (status, ==, 0);
  ctx = pd_test_context_open (db, NULL);
  campaign = pd_survey_campaign_get (ctx, 1, NULL);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT "\n", campaign->id);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (campaign->name, ==, "2026年春季满意度调查");
  g_assert_cmpstr (campaign->start_on, ==, "2026-03-01");
  g_assert_cmpstr (campaign->end_on, ==, "2026-04-30");
  g_assert_cmpstr (campaign->target_kind, ==, "all");
  g_assert_cmpint (campaign->n_targets, ==, 7);
  g_clear_object (&ctx);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = pd_test_run (bad, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "2026-02-30"));
  ctx = pd_test_context_open (db, NULL);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_campaign", NULL), ==, 1);
}

/* The statement of pd_survey_followup_list(), among the connection's
 * cached ones. */
static sqlite3_stmt *
followup_list_statement (PdContext *ctx)
{
  sqlite3 *handle = pd_database_get_handle (pd_context_get_database (ctx));

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (handle, NULL); stmt != NULL; stmt = sqlite3_next_stmt (handle, stmt))
    if (strstr (sqlite3_sql (stmt), "FROM survey_followup f") && strstr (sqlite3_sql (stmt), "ORDER BY f.received_on"))
      return stmt;
  g_error ("pd_survey_followup_list's statement is not cached");
  return NULL;
}

/* Migration 038: a period's follow-ups are searched in the index of the
 * day received, not read from every follow-up; open ends still list all. */
static void
test_followup_period_index (PdContext *ctx,
                            guint      all)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) month = pd_survey_followup_list (ctx, 0, "2026-06-01", "2026-07-01", &error);
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  gint64 in_month = pd_test_count (ctx, "SELECT count(*) FROM survey_followup "
                                        "WHERE received_on >= '2026-06-01' AND received_on < '2026-07-01'", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (in_month, >, 0);
  g_assert_cmpint (month->len, ==, in_month);
  g_assert_cmpint (sqlite3_stmt_status (followup_list_statement (ctx), SQLITE_STMTSTATUS_FULLSCAN_STEP, FALSE), ==, 0);
  before = pd_survey_followup_list (ctx, 0, NULL, "2026-06-01", &error);
  after = pd_survey_followup_list (ctx, 0, "2026-06-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len + after->len, ==, all);
  g_assert_cmpuint (before->len, >, 0);
  g_assert_cmpuint (after->len, >, month->len);
}

/* The demo: a year of monthly campaigns with forms and every follow-up stage. */
static void
test_demo (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 09:00:00");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) followups = NULL;
  guint at_stage[PD_FOLLOWUP_CLOSED + 1] = { 0 };
  guint late = 0;

  g_assert_true (pd_demo_generate (ctx, 300, 7, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_campaign", NULL), ==, 12);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(DISTINCT substr(answered_on, 1, 7)) FROM survey_response", NULL), ==, 12);
  g_assert_cmpint (pd_test_count (ctx, "SELECT min(answered_on) >= '2025-12-01' AND max(answered_on) <= '2026-11-23' "
                                       "FROM survey_response", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_response", NULL), >, 300);
  followups = pd_survey_followup_list (ctx, 0, NULL, NULL, &error);
  for (guint i = 0; i < followups->len; i++)
    {
      at_stage[pd_survey_followup_stage (followups->pdata[i])]++;
      late += pd_survey_followup_any_late (ctx, followups->pdata[i]);
    }
  for (int stage = 0; stage <= PD_FOLLOWUP_CLOSED; stage++)
    g_assert_cmpuint (at_stage[stage], >, 0);
  g_assert_cmpuint (late, >, 0);
  g_assert_cmpuint (late, <, followups->len);
  g_assert_cmpint (followups->len, ==, pd_test_count (ctx, "SELECT count(*) FROM survey_followup", NULL));
  test_followup_period_index (ctx, followups->len);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/survey/template/default", test_default_template);
  g_test_add_func ("/survey/template/versions", test_template_versions);
  g_test_add_func ("/survey/campaign/targets", test_campaign_targets);
  g_test_add_func ("/survey/entry/keyed", test_keyed_entry);
  g_test_add_func ("/survey/entry/after-end", test_keyed_after_campaign_end);
  g_test_add_func ("/survey/followup/deadlines", test_followup_deadlines);
  g_test_add_func ("/survey/cli/new-campaign", test_cli_new_campaign);
  g_test_add_func ("/survey/demo", test_demo);
  return g_test_run ();
}
