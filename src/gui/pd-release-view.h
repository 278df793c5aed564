/* pd-release-view.h — the Release slips tab (放行条): the register with
 * search and filters (issue date, unit, reason, state), issuing, the gate
 * check, batch printing, voiding and the month's export. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_RELEASE_VIEW (pd_release_view_get_type ())
G_DECLARE_FINAL_TYPE (PdReleaseView, pd_release_view, PD, RELEASE_VIEW, GtkWidget)

GtkWidget *pd_release_view_new (PdContext *ctx);

G_END_DECLS
