/* pd-test-survey.h — building blocks of the survey tests (core, import,
 * export, print, gui): a small estate, campaigns, keyed forms, and the
 * hand-computed statistics fixture. */
#pragma once

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-survey-campaign.h"
#include "pd-survey-response.h"
#include "pd-survey-template.h"
#include "pd-test-fixture.h"

/* Buildings 1 and 2 with three units each, building 3 with one. */
static inline void
pd_test_survey_units (PdContext *ctx)
{
  static const char *const codes[] = { "1-1-101", "1-1-102", "1-2-101", "2-1-101", "2-1-102", "2-1-201", "3-1-101" };
  gint64 estate_id = pd_estate_current_id (ctx, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PdUnit) unit = pd_unit_new ();
      unit->code = g_strdup (codes[i]);
      g_assert_cmpint (pd_unit_create (ctx, estate_id, unit, &error), >, 0);
      g_assert_no_error (error);
    }
}

/* @kind all | buildings | sample. */
static inline gint64
pd_test_survey_campaign (PdContext  *ctx,
                         const char *name,
                         const char *from,
                         const char *to,
                         const char *kind,
                         const char *buildings,
                         int         sample)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdSurveyCampaign) campaign = pd_survey_campaign_new ();
  gint64 id;

  g_free (campaign->name);
  campaign->name = g_strdup (name);
  g_free (campaign->start_on);
  campaign->start_on = g_strdup (from);
  g_free (campaign->end_on);
  campaign->end_on = g_strdup (to);
  g_free (campaign->target_kind);
  campaign->target_kind = g_strdup (kind);
  g_free (campaign->target_buildings);
  campaign->target_buildings = g_strdup (buildings ? buildings : "");
  campaign->sample_size = sample;
  id = pd_survey_campaign_create (ctx, campaign, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Keys one form as the entry screen does; -1 with @error when refused. */
static inline gint64
pd_test_survey_form (PdContext  *ctx,
                     gint64      campaign_id,
                     const char *unit_code,
                     const char *keys,
                     const char *date,
                     const char *opinion,
                     GError    **error)
{
  g_autoptr (PdSurveyResponse) response = pd_survey_response_new ();
  g_autoptr (PdSurveyCampaign) campaign = pd_survey_campaign_get (ctx, campaign_id, NULL);
  g_autoptr (PdSurveyTemplate) tmpl = pd_survey_template_get (ctx, campaign->template_id, NULL);

  response->campaign_id = campaign_id;
  g_free (response->unit_code);
  response->unit_code = g_strdup (unit_code);
  g_free (response->answered_on);
  response->answered_on = g_strdup (date ? date : "");
  g_free (response->opinion);
  response->opinion = g_strdup (opinion ? opinion : "");
  if (!pd_survey_parse_scores (keys, tmpl, response->scores, error))
    return -1;
  return pd_survey_response_save (ctx, response, error);
}

static inline void
pd_test_survey_save_template (PdContext         *ctx,
                              const char *const *titles)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdSurveyTemplate) tmpl = pd_survey_template_get_current (ctx, &error);

  g_ptr_array_set_size (tmpl->items, 0);
  for (guint i = 0; titles[i] != NULL; i++)
    pd_survey_template_add_item (tmpl, titles[i]);
  g_assert_cmpint (pd_survey_template_save_version (ctx, tmpl, &error), >, 0);
  g_assert_no_error (error);
}

static inline void
pd_test_survey_ok_form (PdContext  *ctx,
                        gint64      campaign_id,
                        const char *unit_code,
                        const char *keys,
                        const char *date,
                        const char *opinion)
{
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (pd_test_survey_form (ctx, campaign_id, unit_code, keys, date, opinion, &error), >, 0);
  g_assert_no_error (error);
}

/* The hand-computed fixture (clock 2026-06-15), see test-survey-stats.c:
 * v2 = 保洁卫生, 绿化养护, 停车管理; March 2026 over buildings 1 and 2 with
 * blanks, an all-blank item and an all-blank form; a late March form in
 * April; v3 = 停车管理, 保洁卫生, 投诉处理 for April and May (no form in
 * May); one form in March 2025. */
static inline PdContext *
pd_test_survey_fixture_open (const char *path)
{
  static const char *const v2[] = { "保洁卫生", "绿化养护", "停车管理", NULL };
  static const char *const v3[] = { "停车管理", "保洁卫生", "投诉处理", NULL };
  PdContext *ctx = pd_test_context_open (path ? path : ":memory:", "2026-06-15 09:00:00");
  gint64 last_year, march, april;

  pd_test_survey_units (ctx);
  pd_test_survey_save_template (ctx, v2);
  last_year = pd_test_survey_campaign (ctx, "2025年3月", "2025-03-01", "2025-03-31", "all", NULL, 0);
  pd_test_survey_ok_form (ctx, last_year, "1-1-101", "25", "2025-03-20", NULL);

  march = pd_test_survey_campaign (ctx, "2026年3月", "2026-03-01", "2026-03-31", "buildings", "1,2", 0);
  pd_test_survey_ok_form (ctx, march, "1-1-101", "540", "2026-03-05", "保洁不及时");
  pd_test_survey_ok_form (ctx, march, "1-1-102", "300", "2026-03-06", NULL);
  pd_test_survey_ok_form (ctx, march, "1-2-101", "000", "2026-03-15", NULL);  /* returned blank */
  pd_test_survey_ok_form (ctx, march, "2-1-101", "150", "2026-03-31", NULL);
  pd_test_survey_ok_form (ctx, march, "2-1-102", "42", "2026-03-10", NULL);
  pd_test_survey_ok_form (ctx, march, "2-1-201", "5", "2026-04-01", NULL);    /* late return: April */

  pd_test_survey_save_template (ctx, v3);
  april = pd_test_survey_campaign (ctx, "2026年4月", "2026-04-01", "2026-04-30", "all", NULL, 0);
  pd_test_survey_ok_form (ctx, april, "3-1-101", "535", "2026-04-02", "希望增加车位");
  pd_test_survey_campaign (ctx, "2026年5月", "2026-05-01", "2026-05-31", "all", NULL, 0);
  return ctx;
}

static inline PdContext *
pd_test_survey_fixture (void)
{
  return pd_test_survey_fixture_open (NULL);
}
