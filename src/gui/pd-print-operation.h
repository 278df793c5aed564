/* pd-print-operation.h — printing a document from the GUI (Ctrl+P): the
 * system print dialog, with its preview, drawing the same PdRenderer as
 * the PDF writer. */
#pragma once

#include <gtk/gtk.h>

#include "pd-renderer.h"

G_BEGIN_DECLS

/* Shows the print dialog for @renderer on @parent and prints (or
 * previews) it.  The printer and page settings chosen are remembered for
 * the next print of the session.  FALSE with @error when printing failed;
 * a cancelled dialog is not an error. */
gboolean pd_print_operation_run (GtkWindow  *parent,
                                 PdRenderer *renderer,
                                 GError    **error);

G_END_DECLS
