/* pd-renovation-patrol-panel.h — patrols of one renovation on site (装修
 *巡查): record a round (OK or a violation with its penalty code, the step
 * of the escalation ladder, the worker, stop-work), list its patrols and
 * violations, mark violations rectified. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_RENOVATION_PATROL_PANEL (pd_renovation_patrol_panel_get_type ())
G_DECLARE_FINAL_TYPE (PdRenovationPatrolPanel, pd_renovation_patrol_panel, PD, RENOVATION_PATROL_PANEL, GtkBox)

GtkWidget *pd_renovation_patrol_panel_new  (PdContext               *ctx);
void       pd_renovation_patrol_panel_load (PdRenovationPatrolPanel *self,
                                            gint64                   renovation_id);
/* The violation selected in the list (for the rectification notice), 0 for none. */
gint64     pd_renovation_patrol_panel_get_violation (PdRenovationPatrolPanel *self);

/* Signal "changed" (gint64 id) after a patrol was recorded. */

G_END_DECLS
