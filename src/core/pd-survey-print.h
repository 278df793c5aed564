/* pd-survey-print.h — what the batch of paper questionnaires of a campaign
 * needs: the estate, the campaign and its questionnaire version, and the
 * target units in natural order (one form each, its unit code printed on
 * it so the returned form is keyed against the right unit). */
#pragma once

#include "pd-survey-campaign.h"
#include "pd-survey-template.h"

G_BEGIN_DECLS

typedef struct
{
  char             *estate_name;
  char             *footer;     /* "Printed by … at …" */
  PdSurveyCampaign *campaign;
  PdSurveyTemplate *tmpl;       /* the campaign's version */
  GPtrArray        *unit_codes; /* char *, one form per unit */
} PdSurveyQuestionnaires;

PdSurveyQuestionnaires *pd_survey_questionnaires_new   (PdContext  *ctx,
                                                        gint64      campaign_id,
                                                        GError    **error);
void                    pd_survey_questionnaires_free  (PdSurveyQuestionnaires *print);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdSurveyQuestionnaires, pd_survey_questionnaires_free)
/* "Questionnaires — NAME" (the PDF's and print job's title). */
char                   *pd_survey_questionnaires_title (const PdSurveyQuestionnaires *print);

G_END_DECLS
