/* pd-survey-response.h — returned questionnaires keyed in (DOMAIN §6): the
 * unit code, one digit per item, the opinion as text.
 *
 * Which month a response counts in is decided by its date (answered_on),
 * the day the owner answered.  When the form carries no date, the day it is
 * keyed in is taken, moved into the campaign's period when it lies outside
 * it (a form keyed after the campaign ended counts on its last day). */
#pragma once

#include "pd-context.h"
#include "pd-survey-template.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  campaign_id;
  gint64  unit_id;       /* filled by save and reads */
  char   *unit_code;     /* as typed; canonical after save */
  char   *answered_on;   /* YYYY-MM-DD; "" = default (see above) */
  GArray *scores;        /* int per item of the campaign's template, in order;
                          * 5 = 很满意 … 1 = 很不满意, 0 = no answer; missing
                          * trailing items are no answer */
  char   *opinion;       /* free text; non-empty opens a follow-up */
  char   *entered_at;
  char   *entered_by;
} PdSurveyResponse;

PdSurveyResponse *pd_survey_response_new   (void);
void              pd_survey_response_free  (PdSurveyResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdSurveyResponse, pd_survey_response_free)

/* Parses the keys typed for the items of @tmpl into @scores (cleared
 * first): '5'..'1' a score, '0', space, '-' or '.' no answer.  Fewer keys
 * than items leave the rest unanswered.  Refuses 6–9, any other character,
 * and more keys than items, naming the item. */
gboolean          pd_survey_parse_scores   (const char             *keys,
                                            const PdSurveyTemplate *tmpl,
                                            GArray                 *scores,
                                            GError                **error);

/* Validates and saves one form, its answers and (when there is an opinion)
 * its follow-up, in one transaction.  Refused with nothing saved: an
 * unknown unit, a unit the campaign does not ask, a second form for the
 * same unit and campaign, a score out of 0..5, more scores than items, a
 * date that is not a date, before the campaign's start or in the future.
 * Returns the id, -1 with @error. */
gint64            pd_survey_response_save  (PdContext        *ctx,
                                            PdSurveyResponse *response,
                                            GError          **error);
/* Removes a form keyed by mistake, with its answers and follow-up. */
gboolean          pd_survey_response_delete (PdContext  *ctx,
                                             gint64      response_id,
                                             GError    **error);
/* The forms of a campaign, last keyed first.  Element type PdSurveyResponse. */
GPtrArray        *pd_survey_response_list  (PdContext  *ctx,
                                            gint64      campaign_id,
                                            GError    **error);

G_END_DECLS
