/* pd-window.h — the main window: one tab per office job. */
#pragma once

#include "pd-application.h"
#include "pd-today.h"

G_BEGIN_DECLS

#define PD_TYPE_WINDOW (pd_window_get_type ())
G_DECLARE_FINAL_TYPE (PdWindow, pd_window, PD, WINDOW, GtkApplicationWindow)

PdWindow *pd_window_new         (PdApplication *app,
                                 PdContext     *ctx);
/* Switches to the tab that keeps records of @kind (pd-today.h) and selects
 * record @record_id there.  Also action win.show-record, "(ix)". */
void      pd_window_show_record (PdWindow      *self,
                                 PdTodayKind    kind,
                                 gint64         record_id);

/* The view of @type (PD_TYPE_OWNER_VIEW, …), or NULL when its tab has not
 * been shown yet: a tab's view is made when it is first shown. */
GtkWidget *pd_window_get_view   (PdWindow      *self,
                                 GType          type);
/* The view in the tab in front (made when the tab was shown). */
GtkWidget *pd_window_get_current_view (PdWindow *self);
/* Makes the tab with the view of @type the current one, and returns the
 * view (made now if need be); NULL when the window has no such tab. */
GtkWidget *pd_window_show_view  (PdWindow      *self,
                                 GType          type);

G_END_DECLS
