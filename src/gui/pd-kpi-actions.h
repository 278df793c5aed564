/* pd-kpi-actions.h — the monthly KPI report from the window's Reports
 * menu (Ctrl+Shift+K): a small form asks for the month and whether a
 * workbook or a one-page PDF is wanted, a file chooser for where it goes. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

/* Inserts the "kpi" action group (kpi.report) into @window and sets the
 * shortcut on its application. */
void       pd_kpi_actions_install  (GtkWindow  *window,
                                    PdContext  *ctx);
/* Opens the form; returned for tests (the form owns itself). */
GtkWidget *pd_kpi_report_dialog_new (GtkWindow *window,
                                     PdContext *ctx);
/* What the file chooser leads to, callable without one (tests): writes the
 * report of @month to @path, a workbook or — for a path ending in .pdf —
 * the page.  FALSE with a field error for a bad month. */
gboolean   pd_kpi_report_save      (PdContext  *ctx,
                                    const char *month,
                                    const char *path,
                                    GError    **error);

G_END_DECLS
