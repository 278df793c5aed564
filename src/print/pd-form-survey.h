/* pd-form-survey.h — the paper questionnaire (业主满意度调查表) of a
 * campaign, printed in one batch: one page per target unit, with the unit
 * code and the campaign on it, the items with a box per scale point, room
 * for opinions and the owner's signature. */
#pragma once

#include "pd-print-layout.h"
#include "pd-renderer.h"
#include "pd-survey-print.h"

G_BEGIN_DECLS

void        pd_form_render_survey_questionnaires (cairo_t                      *cr,
                                                  PangoContext                 *pc,
                                                  double                        width_pt,
                                                  double                        height_pt,
                                                  const PdSurveyQuestionnaires *print);
/* The document for the PDF writer and the print dialog; takes @print. */
PdRenderer *pd_form_survey_questionnaires_renderer (PdSurveyQuestionnaires *print);

G_END_DECLS
