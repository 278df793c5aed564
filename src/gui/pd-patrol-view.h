/* pd-patrol-view.h — the Vacant-unit patrols tab (空置房巡查, DOMAIN §4):
 * every vacant unit with its last patrol, next due date and status (due
 * this period, overdue, done), the anomalies with their rectification
 * notices, and the key register.  Ctrl+N starts a round, Ctrl+P prints,
 * Ctrl+E exports the monthly statistics, Ctrl+F finds a unit. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_PATROL_VIEW (pd_patrol_view_get_type ())
G_DECLARE_FINAL_TYPE (PdPatrolView, pd_patrol_view, PD, PATROL_VIEW, GtkWidget)

GtkWidget *pd_patrol_view_new          (PdContext    *ctx);
/* Shows vacant unit @unit_id in the list (filters cleared), anomaly
 * @anomaly_id on the anomalies page, key loan @loan_id in the register. */
void       pd_patrol_view_show_unit    (PdPatrolView *self,
                                        gint64        unit_id);
void       pd_patrol_view_show_anomaly (PdPatrolView *self,
                                        gint64        anomaly_id);
void       pd_patrol_view_show_loan    (PdPatrolView *self,
                                        gint64        loan_id);

G_END_DECLS
