/* pd-today-view.h — the Today tab (今日待办, issue #10), the window's first:
 * what pd_today_collect finds due today or overdue, one group per kind with
 * its count, overdue lines in red.  Enter or a double click on a line asks
 * the window (action win.show-record, "(ix)": PdTodayKind, record id) to
 * open the record in its tab.  Re-read after every write to the tables it
 * draws on, and at midnight. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_TODAY_VIEW (pd_today_view_get_type ())
G_DECLARE_FINAL_TYPE (PdTodayView, pd_today_view, PD, TODAY_VIEW, GtkBox)

GtkWidget *pd_today_view_new     (PdContext   *ctx);
/* Re-reads the list now. */
void       pd_today_view_refresh (PdTodayView *self);

G_END_DECLS
