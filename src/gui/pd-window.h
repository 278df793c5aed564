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

G_END_DECLS
