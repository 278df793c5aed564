/* pd-print-qr.c — see pd-print-qr.h. */
#include "config.h"

#include <qrencode.h>

#include "pd-print-qr.h"

/* Scanners need four empty modules around the symbol (ISO/IEC 18004). */
#define QUIET_ZONE 4

cairo_surface_t *
pd_print_qr_new (const char *text)
{
  QRcode *code;
  cairo_surface_t *surface;
  unsigned char *data;
  int side, stride;

  g_return_val_if_fail (text != NULL, NULL);

  code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    return NULL;
  side = code->width + 2 * QUIET_ZONE;
  surface = cairo_image_surface_create (CAIRO_FORMAT_A1, side, side);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* A new image surface is cleared: only the dark modules are set.  A1
   * pixels are bits in native-endian 32-bit words, the first pixel in the
   * least significant bit on little-endian machines. */
  for (int row = 0; row < code->width; row++)
    {
      guint32 *line = (guint32 *) (data + (row + QUIET_ZONE) * stride);

      for (int col = 0; col < code->width; col++)
        if (code->data[row * code->width + col] & 1)
          {
            int bit = col + QUIET_ZONE;

#if G_BYTE_ORDER == G_LITTLE_ENDIAN
            line[bit / 32] |= 1u << (bit % 32);
#else
            line[bit / 32] |= 0x80000000u >> (bit % 32);
#endif
          }
    }
  cairo_surface_mark_dirty (surface);
  QRcode_free (code);
  return surface;
}

void
pd_print_qr_draw (PdPrintLayout   *layout,
                  double           x,
                  double           y,
                  double           size,
                  cairo_surface_t *qr)
{
  cairo_t *cr;
  cairo_pattern_t *pattern;
  double scale;

  g_return_if_fail (qr != NULL);
  if (!pd_print_layout_is_drawing (layout))
    return;
  cr = pd_print_layout_get_cairo (layout);
  scale = size / cairo_image_surface_get_width (qr);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 0, 0, 0);
  pattern = cairo_pattern_create_for_surface (qr);
  /* Modules stay crisp squares when scaled up (PDF: /Interpolate false). */
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  cairo_mask (cr, pattern);
  cairo_pattern_destroy (pattern);
  cairo_restore (cr);
}

gboolean
pd_print_qr_at (PdPrintLayout *layout,
                double         x,
                double         y,
                double         size,
                const char    *text)
{
  cairo_surface_t *qr = pd_print_qr_new (text);

  if (qr == NULL)
    return FALSE;
  pd_print_qr_draw (layout, x, y, size, qr);
  cairo_surface_destroy (qr);
  return TRUE;
}
