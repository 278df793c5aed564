/* pd-survey-view.h — the Satisfaction surveys tab (满意度调查): pick a
 * campaign, key its returned forms in, follow the opinions up, read the
 * month's statistics; new campaign (Ctrl+N), questionnaire template, print
 * the campaign's questionnaires (Ctrl+P), export the monthly workbook
 * (Ctrl+E). */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_SURVEY_VIEW (pd_survey_view_get_type ())
G_DECLARE_FINAL_TYPE (PdSurveyView, pd_survey_view, PD, SURVEY_VIEW, GtkBox)

GtkWidget *pd_survey_view_new             (PdContext    *ctx);
/* Shows campaign @campaign_id (the newest when 0). */
void       pd_survey_view_select_campaign (PdSurveyView *self,
                                           gint64        campaign_id);

/* Shows opinion follow-up @followup_id on the follow-ups page of its campaign. */
void       pd_survey_view_show_followup   (PdSurveyView *self,
                                           gint64        followup_id);

G_END_DECLS
