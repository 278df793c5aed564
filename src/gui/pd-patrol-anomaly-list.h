/* pd-patrol-anomaly-list.h — the anomalies page of the patrol tab: open
 * anomalies oldest first (their age in days, overdue deadlines in red) or
 * all of them, the selected one's notice and follow-ups beside the list,
 * and the actions on it: report, follow up, close with a result. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_PATROL_ANOMALY_LIST (pd_patrol_anomaly_list_get_type ())
G_DECLARE_FINAL_TYPE (PdPatrolAnomalyList, pd_patrol_anomaly_list, PD, PATROL_ANOMALY_LIST, GtkWidget)

GtkWidget *pd_patrol_anomaly_list_new          (PdContext           *ctx);
/* The selected anomaly's id, 0 when none. */
gint64     pd_patrol_anomaly_list_get_selected (PdPatrolAnomalyList *self);
/* Selects anomaly @anomaly_id when it is listed. */
void       pd_patrol_anomaly_list_select       (PdPatrolAnomalyList *self,
                                                gint64               anomaly_id);
/* Opens the report dialog for @unit_code (may be NULL). */
void       pd_patrol_anomaly_list_report       (PdPatrolAnomalyList *self,
                                                const char          *unit_code);

G_END_DECLS
