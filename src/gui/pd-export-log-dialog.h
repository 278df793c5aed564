/* pd-export-log-dialog.h — the administrator's view of export_log: every
 * time personal data left PropDesk (workbooks, printed forms, backups to a
 * stick), by whom, when, how many rows, and whether ID numbers and phones
 * were in full.  Read-only: the log is the office's evidence (004). */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_EXPORT_LOG_DIALOG (pd_export_log_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdExportLogDialog, pd_export_log_dialog, PD, EXPORT_LOG_DIALOG, GtkWindow)

GtkWidget *pd_export_log_dialog_new (GtkWindow *parent,
                                     PdContext *ctx);

G_END_DECLS
