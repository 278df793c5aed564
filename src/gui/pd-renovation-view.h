/* pd-renovation-view.h — the Renovation approvals tab (装修审批): the
 * register of applications with their review deadlines, today's patrol
 * round, and for the chosen one its form, workflow, deposit and patrols. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_RENOVATION_VIEW (pd_renovation_view_get_type ())
G_DECLARE_FINAL_TYPE (PdRenovationView, pd_renovation_view, PD, RENOVATION_VIEW, GtkBox)

GtkWidget *pd_renovation_view_new    (PdContext        *ctx);
/* Selects application @renovation_id in the list (0: none). */
void       pd_renovation_view_select (PdRenovationView *self,
                                      gint64            renovation_id);

G_END_DECLS
