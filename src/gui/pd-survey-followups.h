/* pd-survey-followups.h — the opinions of the surveys and their follow-up
 * (routed to a department, written measures, rectification, return visit):
 * the list shows the stage each is at and its due day, late ones in red;
 * the panel below signs off the next stage of the selected opinion. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_SURVEY_FOLLOWUPS (pd_survey_followups_get_type ())
G_DECLARE_FINAL_TYPE (PdSurveyFollowups, pd_survey_followups, PD, SURVEY_FOLLOWUPS, GtkBox)

void pd_survey_followups_set_context  (PdSurveyFollowups *self,
                                       PdContext         *ctx);
/* Opinions of campaign @campaign_id, or of all campaigns when 0. */
void pd_survey_followups_set_campaign (PdSurveyFollowups *self,
                                       gint64             campaign_id);
void pd_survey_followups_reload       (PdSurveyFollowups *self);
/* Selects opinion follow-up @followup_id when it is listed. */
void pd_survey_followups_select       (PdSurveyFollowups *self,
                                       gint64             followup_id);

G_END_DECLS
