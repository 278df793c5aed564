/* pd-survey-template-dialog.h — edit the questionnaire: its items (one per
 * line, in order), the five scale labels and the opinion heading.  Saving
 * makes a new version; campaigns already planned keep theirs. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

GtkWidget *pd_survey_template_dialog_new (GtkWindow *parent,
                                          PdContext *ctx);

G_END_DECLS
