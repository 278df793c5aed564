/* pd-survey-campaign.h — survey campaigns (调查计划, DOMAIN §6): a period, the
 * units asked (all units of the estate, some buildings, or a sample), the
 * method, and the goals for coverage and satisfaction.
 *
 * The target units are fixed when the campaign is created, so coverage
 * keeps its meaning when units are added later.  A sample is systematic:
 * every k-th unit in natural unit-code order, spread over all buildings and
 * reproducible without a random seed. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  estate_id;
  gint64  template_id;         /* 0 on create = the current template version */
  char   *name;
  char   *start_on;            /* YYYY-MM-DD */
  char   *end_on;              /* YYYY-MM-DD, inclusive */
  char   *target_kind;         /* all | buildings | sample */
  char   *target_buildings;    /* buildings: building codes, comma-separated */
  int     sample_size;         /* sample: number of units */
  char   *method;              /* paper | phone | visit */
  int     coverage_goal_pct;   /* -1 on create = setting survey.coverage_goal_pct */
  int     satisfaction_goal_pct; /* -1 on create = setting survey.satisfaction_goal_pct */
  char   *created_at;
  char   *created_by;
  /* Filled by reads. */
  gint64  n_targets;
  gint64  n_responses;
} PdSurveyCampaign;

PdSurveyCampaign *pd_survey_campaign_new   (void);
void              pd_survey_campaign_free  (PdSurveyCampaign *campaign);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdSurveyCampaign, pd_survey_campaign_free)

/* Validates, resolves the target units and inserts the campaign with them
 * (supervisor or above).  Returns the id, -1 with @error. */
gint64            pd_survey_campaign_create (PdContext        *ctx,
                                             PdSurveyCampaign *campaign,
                                             GError          **error);
PdSurveyCampaign *pd_survey_campaign_get    (PdContext  *ctx,
                                             gint64      campaign_id,
                                             GError    **error);
/* Campaigns of the current estate, newest period first.  Element type
 * PdSurveyCampaign. */
GPtrArray        *pd_survey_campaign_list   (PdContext  *ctx,
                                             GError    **error);
/* The target unit ids, in natural unit-code order. */
GArray           *pd_survey_campaign_target_ids (PdContext  *ctx,
                                                 gint64      campaign_id,
                                                 GError    **error);
gboolean          pd_survey_campaign_is_target  (PdContext  *ctx,
                                                 gint64      campaign_id,
                                                 gint64      unit_id);

const char       *pd_survey_method_label      (const char *method);
const char       *pd_survey_target_kind_label (const char *kind);

G_END_DECLS
