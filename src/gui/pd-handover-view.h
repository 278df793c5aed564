/* pd-handover-view.h — the Handovers tab (入住验房): the list of handovers
 * with status, month and overdue filters, and the editor of the chosen one.
 * Ctrl+N starts a handover, Ctrl+F searches. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_HANDOVER_VIEW (pd_handover_view_get_type ())
G_DECLARE_FINAL_TYPE (PdHandoverView, pd_handover_view, PD, HANDOVER_VIEW, GtkBox)

PdHandoverView *pd_handover_view_new    (PdContext      *ctx);
/* Re-reads the list, keeping the chosen handover. */
void            pd_handover_view_reload (PdHandoverView *self);
/* Chooses handover @handover_id in the list and the editor. */
void            pd_handover_view_show   (PdHandoverView *self,
                                         gint64          handover_id);

G_END_DECLS
