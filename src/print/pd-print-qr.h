/* pd-print-qr.h — a QR code drawn into a pd-print-layout page (libqrencode),
 * as vector squares so it stays sharp in PDFs and on any printer. */
#pragma once

#include "pd-print-layout.h"

G_BEGIN_DECLS

/* Draws the QR code of @text (error correction M, with its quiet zone) as
 * a @size × @size square at (@x, @y); does not move the cursor.  Draws
 * nothing on pages that are not drawn.  FALSE when @text cannot be
 * encoded (too long). */
gboolean pd_print_qr_at (PdPrintLayout *layout,
                         double         x,
                         double         y,
                         double         size,
                         const char    *text);

G_END_DECLS
