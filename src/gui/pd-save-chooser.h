/* pd-save-chooser.h — "save as…" for every printout and workbook of the
 * tabs: one native file chooser, the write done by the caller's function,
 * its failure shown as a dialog. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"
#include "pd-renderer.h"

G_BEGIN_DECLS

/* Writes what the caller wants saved to @path. */
typedef gboolean (*PdSaveFunc) (const char *path,
                                gpointer    data,
                                GError    **error);

/* Asks, modal on @parent's window, where to save (@suggested_name first)
 * and calls @save with the chosen path.  When @save fails, its error is
 * shown under the heading @failure.  @data is freed with @data_free
 * whatever the answer, cancelled included. */
void pd_save_chooser_show (GtkWidget      *parent,
                           const char     *title,
                           const char     *accept_label,
                           const char     *suggested_name,
                           const char     *failure,
                           PdSaveFunc      save,
                           gpointer        data,
                           GDestroyNotify  data_free);

/* Saves @renderer (taken over) as a PDF named after its title, and logs
 * the file in the export log as "@log_prefix <title>". */
void pd_save_chooser_pdf  (GtkWidget      *parent,
                           PdContext      *ctx,
                           PdRenderer     *renderer,
                           const char     *log_prefix,
                           const char     *title,
                           const char     *failure);

/* Writes the workbook of @month ("YYYY-MM") to @path. */
typedef gboolean (*PdMonthlySaveFunc) (PdContext  *ctx,
                                       const char *month,
                                       const char *path,
                                       GError    **error);

/* Asks where to save the workbook of @month and writes it with @save. */
void pd_save_chooser_monthly (GtkWidget         *parent,
                              PdContext         *ctx,
                              const char        *month,
                              const char        *title,
                              const char        *accept_label,
                              const char        *suggested_name,
                              const char        *failure,
                              PdMonthlySaveFunc  save);

/* The window @widget is in, or NULL before it is in one. */
GtkWindow *pd_save_chooser_window_of (GtkWidget *widget);

G_END_DECLS
