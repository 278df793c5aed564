/* pd-print-qr.h — a QR code drawn into a pd-print-layout page (libqrencode).
 * The modules are a 1-bit image mask scaled without interpolation: as sharp
 * as vector squares in PDFs and on any printer, but one small image instead
 * of hundreds of path segments formatted into the page for every code. */
#pragma once

#include "pd-print-layout.h"

G_BEGIN_DECLS

/* The QR code of @text (error correction M) with its quiet zone, one pixel
 * per module, as a CAIRO_FORMAT_A1 surface; NULL when @text cannot be
 * encoded (too long).  Draw it with pd_print_qr_draw() as often as needed:
 * a PDF embeds a surface drawn twice on a page once. */
cairo_surface_t *pd_print_qr_new  (const char      *text);
/* Draws @qr as a @size × @size square at (@x, @y); does not move the
 * cursor.  Draws nothing on pages that are not drawn. */
void             pd_print_qr_draw (PdPrintLayout   *layout,
                                   double           x,
                                   double           y,
                                   double           size,
                                   cairo_surface_t *qr);
/* Both at once.  FALSE when @text cannot be encoded. */
gboolean         pd_print_qr_at   (PdPrintLayout   *layout,
                                   double           x,
                                   double           y,
                                   double           size,
                                   const char      *text);

G_END_DECLS
