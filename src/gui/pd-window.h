/* pd-window.h — the main window: one tab per office job. */
#pragma once

#include "pd-application.h"

G_BEGIN_DECLS

#define PD_TYPE_WINDOW (pd_window_get_type ())
G_DECLARE_FINAL_TYPE (PdWindow, pd_window, PD, WINDOW, GtkApplicationWindow)

PdWindow *pd_window_new (PdApplication *app,
                         PdContext     *ctx);

G_END_DECLS
