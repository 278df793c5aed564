/* pd-pdf.h — any document (PdRenderer) to an A4 PDF file with the fonts
 * embedded: "save as PDF" in the GUI, `propdesk-cli print …` and the tests. */
#pragma once

#include <gio/gio.h>

#include "pd-renderer.h"

G_BEGIN_DECLS

#define PD_PDF_ERROR (pd_pdf_error_quark ())
GQuark pd_pdf_error_quark (void);

typedef enum
{
  PD_PDF_ERROR_WRITE,   /* the file could not be written; the message names it */
} PdPdfErrorCode;

/* Writes every page of @renderer to @path (replaced atomically: a failed
 * write leaves any existing file alone).  The PDF's title is the
 * renderer's title.  @n_pages (may be NULL) receives the page count. */
gboolean pd_pdf_write (PdRenderer *renderer,
                       const char *path,
                       guint      *n_pages,
                       GError    **error);

G_END_DECLS
