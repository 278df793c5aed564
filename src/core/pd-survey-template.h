/* pd-survey-template.h — the questionnaire (业主满意度调查表, DOMAIN §6):
 * items on a 5-point scale plus a free-text opinion.
 *
 * The template is versioned: a saved version never changes, editing saves a
 * new version, and a campaign keeps the version it was created with, so old
 * campaigns keep their questions and their statistics. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_SURVEY_SCALE_POINTS 5

typedef struct
{
  gint64  id;        /* survey_item id; 0 for an item not saved yet */
  int     position;  /* 1-based, the order on the form */
  char   *title;
} PdSurveyItem;

typedef struct
{
  gint64     id;
  int        version;
  char      *labels[PD_SURVEY_SCALE_POINTS + 1]; /* labels[score], score 1..5; [0] unused */
  char      *opinion_title;                      /* 意见和建议 */
  char      *created_at;
  char      *created_by;
  GPtrArray *items;                              /* PdSurveyItem, by position */
} PdSurveyTemplate;

PdSurveyTemplate *pd_survey_template_new      (void);
void              pd_survey_template_free     (PdSurveyTemplate *tmpl);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdSurveyTemplate, pd_survey_template_free)

/* Appends an item titled @title at the next position. */
void              pd_survey_template_add_item (PdSurveyTemplate *tmpl,
                                               const char       *title);
guint             pd_survey_template_n_items  (const PdSurveyTemplate *tmpl);
const char       *pd_survey_template_item_title (const PdSurveyTemplate *tmpl,
                                                 guint                   index);

/* The newest version (what new campaigns use). */
PdSurveyTemplate *pd_survey_template_get_current (PdContext  *ctx,
                                                  GError    **error);
PdSurveyTemplate *pd_survey_template_get      (PdContext  *ctx,
                                               gint64      template_id,
                                               GError    **error);
/* Saves the labels, opinion title and items of @tmpl (ids and version are
 * ignored) as the next version; supervisor or above.  Titles must be
 * non-empty and distinct, at least one item.  Returns the new version's id
 * (and fills @tmpl's ids and version), -1 with @error. */
gint64            pd_survey_template_save_version (PdContext        *ctx,
                                                   PdSurveyTemplate *tmpl,
                                                   GError          **error);

G_END_DECLS
