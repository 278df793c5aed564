/* pd-print-qr.c — see pd-print-qr.h. */
#include "config.h"

#include <qrencode.h>

#include "pd-print-qr.h"

/* Scanners need four empty modules around the symbol (ISO/IEC 18004). */
#define QUIET_ZONE 4

gboolean
pd_print_qr_at (PdPrintLayout *layout,
                double         x,
                double         y,
                double         size,
                const char    *text)
{
  QRcode *code;
  cairo_t *cr;
  double module;

  g_return_val_if_fail (text != NULL, FALSE);

  code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    return FALSE;
  if (pd_print_layout_is_drawing (layout))
    {
      cr = pd_print_layout_get_cairo (layout);
      module = size / (code->width + 2 * QUIET_ZONE);
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      for (int row = 0; row < code->width; row++)
        for (int col = 0; col < code->width; col++)
          if (code->data[row * code->width + col] & 1)
            cairo_rectangle (cr, x + (col + QUIET_ZONE) * module, y + (row + QUIET_ZONE) * module,
                             module, module);
      /* One fill for all modules: no hairline seams between neighbours. */
      cairo_fill (cr);
      cairo_restore (cr);
    }
  QRcode_free (code);
  return TRUE;
}
