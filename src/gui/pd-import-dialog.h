/* pd-import-dialog.h — importing the office's owner ledger: choose the
 * file, check and correct the column mapping against a preview, choose all
 * rows or none or skipping bad rows, import without freezing the window,
 * and read (and copy) the report. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_IMPORT_DIALOG (pd_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdImportDialog, pd_import_dialog, PD, IMPORT_DIALOG, GtkWindow)

/* Opens the dialog over @parent and asks for a ledger file. */
void            pd_import_dialog_present   (GtkWindow      *parent,
                                            PdContext      *ctx);

PdImportDialog *pd_import_dialog_new       (GtkWindow      *parent,
                                            PdContext      *ctx);
/* Reads @file (in a thread) and shows its mapping and preview; what the
 * file chooser does on "Open" (and what tests call). */
void            pd_import_dialog_load_file (PdImportDialog *self,
                                            GFile          *file);

G_END_DECLS
