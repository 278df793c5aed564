/* pd-print-operation.c — see pd-print-operation.h. */
#include "config.h"

#include "pd-print-layout.h"
#include "pd-print-operation.h"

/* What the office chose last time (printer, copies, duplex). */
static GtkPrintSettings *last_settings;

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             PdRenderer        *renderer)
{
  PangoContext *pc = gtk_print_context_create_pango_context (context);
  guint pages = pd_renderer_count_pages (renderer, gtk_print_context_get_cairo_context (context),
                                         pc, gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context));

  g_object_unref (pc);

  gtk_print_operation_set_n_pages (operation, (int) pages);
  g_object_set_data (G_OBJECT (operation), "pd-n-pages", GUINT_TO_POINTER (pages));
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page_nr,
           PdRenderer        *renderer)
{
  PangoContext *pc = gtk_print_context_create_pango_context (context);
  guint pages = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (operation), "pd-n-pages"));

  pd_renderer_draw_page (renderer, gtk_print_context_get_cairo_context (context), pc,
                         gtk_print_context_get_width (context),
                         gtk_print_context_get_height (context), (guint) page_nr, pages);
  g_object_unref (pc);
}

gboolean
pd_print_operation_run (GtkWindow  *parent,
                        PdRenderer *renderer,
                        GError    **error)
{
  g_autoptr (GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPrintOperationResult result;

  g_return_val_if_fail (renderer != NULL, FALSE);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  /* The forms draw their own margins, in points from the paper's corner. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, pd_renderer_get_title (renderer));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), renderer);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), renderer);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                    error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  return TRUE;
}
