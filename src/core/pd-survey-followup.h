/* pd-survey-followup.h — what happens to an owner's opinion (003 L28–32):
 * sent to the responsible department within 2 days of being received, the
 * department's written measures within 3 days of receiving it, the
 * rectification, and a return visit to the owner within 2 weeks of the
 * rectification.  The limits are the settings survey.route_days,
 * survey.measures_days and survey.return_visit_days, in calendar days as the
 * source states them (两日内 / 三日内 / 两周内).  Each stage is dated and
 * signed off by a named person. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef enum
{
  PD_FOLLOWUP_ROUTE,     /* waiting to be routed to a department */
  PD_FOLLOWUP_MEASURES,  /* waiting for the department's written measures */
  PD_FOLLOWUP_RECTIFY,   /* waiting for the rectification */
  PD_FOLLOWUP_VISIT,     /* waiting for the return visit */
  PD_FOLLOWUP_CLOSED,    /* all stages signed off */
} PdFollowupStage;

#define PD_FOLLOWUP_N_STAGES PD_FOLLOWUP_CLOSED

typedef struct
{
  gint64  id;
  gint64  response_id;
  gint64  campaign_id;
  char   *campaign_name;
  char   *unit_code;
  char   *opinion;
  char   *received_on;
  /* Per stage (indexed by PdFollowupStage < CLOSED): the text recorded
   * (department, measures, "" for the rectification, visit result), the date
   * and the person who signed it off; "" while not done. */
  char   *text[PD_FOLLOWUP_N_STAGES];
  char   *done_on[PD_FOLLOWUP_N_STAGES];
  char   *signed_by[PD_FOLLOWUP_N_STAGES];
} PdSurveyFollowup;

void              pd_survey_followup_free   (PdSurveyFollowup *followup);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdSurveyFollowup, pd_survey_followup_free)

/* The first stage not yet signed off. */
PdFollowupStage   pd_survey_followup_stage  (const PdSurveyFollowup *followup);
/* The day @stage is due: received + route days, routed + measures days,
 * no limit for the rectification (NULL), rectified + return-visit days;
 * NULL while the stage it counts from is not done. */
char             *pd_survey_followup_due    (PdContext              *ctx,
                                             const PdSurveyFollowup *followup,
                                             PdFollowupStage         stage);
/* TRUE when @stage was signed off after its due day, or is still open and
 * its due day has passed. */
gboolean          pd_survey_followup_is_late (PdContext              *ctx,
                                              const PdSurveyFollowup *followup,
                                              PdFollowupStage         stage);
/* pd_survey_followup_is_late() with the stage's due day (NULL: none) and
 * today's date given, for a caller that asks it of many follow-ups: the
 * workbook's thousand rows compute each due day once and read the clock
 * once. */
gboolean          pd_survey_followup_is_late_by (const PdSurveyFollowup *followup,
                                                 PdFollowupStage         stage,
                                                 const char             *due,
                                                 const char             *today);
/* TRUE when any stage is late. */
gboolean          pd_survey_followup_any_late (PdContext              *ctx,
                                               const PdSurveyFollowup *followup);

/* Signs off the next open stage @stage (stages go in order) on @date
 * ("" = today) by @signed_by ("" = the current user), recording @text
 * (required for the department, the measures and the visit result).  The
 * date may not be before the previous stage's nor in the future. */
gboolean          pd_survey_followup_sign   (PdContext       *ctx,
                                             gint64           followup_id,
                                             PdFollowupStage  stage,
                                             const char      *text,
                                             const char      *date,
                                             const char      *signed_by,
                                             GError         **error);

PdSurveyFollowup *pd_survey_followup_get    (PdContext  *ctx,
                                             gint64      followup_id,
                                             GError    **error);
/* Follow-ups of opinions received in [@from, @to) (NULL = unbounded), of
 * campaign @campaign_id (0 = all), oldest first.  Element type
 * PdSurveyFollowup. */
GPtrArray        *pd_survey_followup_list   (PdContext  *ctx,
                                             gint64      campaign_id,
                                             const char *from,
                                             const char *to,
                                             GError    **error);

const char       *pd_followup_stage_label   (PdFollowupStage stage);
/* What a stage's text is called: "Department", "Measures", "", "Visit result". */
const char       *pd_followup_text_label    (PdFollowupStage stage);

G_END_DECLS
