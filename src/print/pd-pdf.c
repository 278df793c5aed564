/* pd-pdf.c — see pd-pdf.h. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "pd-pdf.h"
#include "pd-print-layout.h"

G_DEFINE_QUARK (pd-pdf-error-quark, pd_pdf_error)

typedef struct
{
  GOutputStream *stream;
  GError        *error;   /* the first write error */
} PdfSink;

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
fail (const char   *path,
      const char   *reason,
      GError      **error)
{
  g_autofree char *display = g_filename_display_name (path);

  /* Translators: the first %s is a file name, the second why it failed */
  g_set_error (error, PD_PDF_ERROR, PD_PDF_ERROR_WRITE, _("Cannot write the PDF file “%s”: %s"),
               display, reason);
  return FALSE;
}

gboolean
pd_pdf_write (PdRenderer *renderer,
              const char *path,
              guint      *n_pages,
              GError    **error)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileOutputStream) out = NULL;
  g_autoptr (GError) local_error = NULL;
  PdfSink sink = { NULL, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  PangoContext *pc;
  cairo_t *cr;
  guint pages;

  g_return_val_if_fail (renderer != NULL && path != NULL, FALSE);
  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &local_error);
  if (out == NULL)
    return fail (path, local_error->message, error);
  sink.stream = G_OUTPUT_STREAM (out);

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, &sink, PD_PRINT_A4_WIDTH,
                                                 PD_PRINT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  pd_renderer_get_title (renderer));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "PropDesk " PACKAGE_VERSION);
  cr = cairo_create (surface);
  pc = pango_cairo_create_context (cr);
  pages = pd_renderer_count_pages (renderer, cr, pc, PD_PRINT_A4_WIDTH, PD_PRINT_A4_HEIGHT);
  pd_renderer_draw_all (renderer, cr, pc, PD_PRINT_A4_WIDTH, PD_PRINT_A4_HEIGHT, pages);
  cairo_show_page (cr);
  g_object_unref (pc);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *reason = g_strdup (sink.error ? sink.error->message
                                                     : cairo_status_to_string (status));

      g_clear_error (&sink.error);
      /* Cancelling the replace keeps whatever file was there before. */
      {
        g_autoptr (GCancellable) cancel = g_cancellable_new ();
        g_cancellable_cancel (cancel);
        g_output_stream_close (G_OUTPUT_STREAM (out), cancel, NULL);
      }
      return fail (path, reason, error);
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &local_error))
    return fail (path, local_error->message, error);
  if (n_pages)
    *n_pages = pages;
  return TRUE;
}
