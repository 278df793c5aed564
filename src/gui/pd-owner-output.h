/* pd-owner-output.h — what leaves the Owner files tab: the list as a
 * workbook (Ctrl+E) and the 业主信息登记表 of one unit, printed through the
 * print dialog with its preview (Ctrl+P) or saved as PDF.
 *
 * Personal data leave masked; supervisors and above get a choice in the
 * file dialog to write ID numbers and phones in full.  Every file written
 * is logged in export_log (pd-export-log.h). */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

/* Asks for a file name and writes the whole owner list to it; the result
 * ("600 rows exported to …") is put on @status (may be NULL). */
void pd_owner_output_export   (GtkWidget *parent,
                               PdContext *ctx,
                               GtkLabel  *status);
/* The form of @unit_id through the print dialog (masked). */
void pd_owner_output_print    (GtkWidget *parent,
                               PdContext *ctx,
                               gint64     unit_id);
/* Asks for a file name, then writes the form of @unit_id as PDF. */
void pd_owner_output_save_pdf (GtkWidget *parent,
                               PdContext *ctx,
                               gint64     unit_id,
                               GtkLabel  *status);

G_END_DECLS
