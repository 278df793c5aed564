/* pd-owner-view.h — the Owner files tab (业主档案): the searchable, sortable
 * list of units with their owners and, beside it, the selected unit's
 * owner file.  The pattern every tab follows: a view gets a PdContext,
 * lists are GtkColumnViews over lazy models fed from core, actions carry
 * the keyboard shortcuts. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_OWNER_VIEW (pd_owner_view_get_type ())
G_DECLARE_FINAL_TYPE (PdOwnerView, pd_owner_view, PD, OWNER_VIEW, GtkWidget)

GtkWidget *pd_owner_view_new       (PdContext   *ctx);
/* Selects unit @unit_id in the list (the search cleared) and opens its
 * file; unsaved edits of another file are asked about first. */
void       pd_owner_view_show_unit (PdOwnerView *self,
                                    gint64       unit_id);

G_END_DECLS
