/* pd-survey-entry.h — keying returned questionnaires in fast, keyboard
 * only: unit code ⏎, one digit per item (5 = 很满意 … 1 = 很不满意, 0 or
 * space = no answer) ⏎, opinion ⏎ saves and starts the next form.  A
 * refused form keeps what was typed and shows the reason next to its
 * field; the forms of the campaign are listed below. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_SURVEY_ENTRY (pd_survey_entry_get_type ())
G_DECLARE_FINAL_TYPE (PdSurveyEntry, pd_survey_entry, PD, SURVEY_ENTRY, GtkBox)

void pd_survey_entry_set_context  (PdSurveyEntry *self,
                                   PdContext     *ctx);
/* The campaign forms are keyed into (0: none, the form is insensitive). */
void pd_survey_entry_set_campaign (PdSurveyEntry *self,
                                   gint64         campaign_id);
/* Saves the form as typed; TRUE when it was saved. */
gboolean pd_survey_entry_save     (PdSurveyEntry *self);
void pd_survey_entry_focus        (PdSurveyEntry *self);
void pd_survey_entry_reload       (PdSurveyEntry *self);

G_END_DECLS
