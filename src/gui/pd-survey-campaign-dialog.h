/* pd-survey-campaign-dialog.h — plan a survey campaign: name, period, the
 * units asked (all, some buildings, or a sample), the method and the goals
 * (filled from the settings).  Calls @created with the new campaign's id. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

typedef void (*PdSurveyCampaignCreated) (gint64   campaign_id,
                                         gpointer user_data);

GtkWidget *pd_survey_campaign_dialog_new (GtkWindow               *parent,
                                          PdContext               *ctx,
                                          PdSurveyCampaignCreated  created,
                                          gpointer                 user_data);

G_END_DECLS
