/* pd-save-chooser.c — see pd-save-chooser.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-export-log.h"
#include "pd-pdf.h"
#include "pd-save-chooser.h"

typedef struct
{
  GtkWidget     *parent;
  char          *failure;
  PdSaveFunc     save;
  gpointer       data;
  GDestroyNotify data_free;
} SaveRequest;

static void
save_request_free (SaveRequest *request)
{
  if (request->data_free != NULL)
    request->data_free (request->data);
  g_object_unref (request->parent);
  g_free (request->failure);
  g_free (request);
}

GtkWindow *
pd_save_chooser_window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_response (GtkNativeDialog *chooser,
             int              response,
             SaveRequest     *request)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path != NULL && !request->save (path, request->data, &error))
    pd_show_error (request->parent, request->failure, error);
  save_request_free (request);
  g_object_unref (chooser);
}

void
pd_save_chooser_show (GtkWidget      *parent,
                      const char     *title,
                      const char     *accept_label,
                      const char     *suggested_name,
                      const char     *failure,
                      PdSaveFunc      save,
                      gpointer        data,
                      GDestroyNotify  data_free)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, pd_save_chooser_window_of (parent),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               accept_label, _("_Cancel"));
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->parent = g_object_ref (parent);
  request->failure = g_strdup (failure);
  request->save = save;
  request->data = data;
  request->data_free = data_free;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct
{
  PdContext  *ctx;
  PdRenderer *renderer;
  char       *log_what;
} PdfSave;

static void
pdf_save_free (PdfSave *pdf)
{
  g_object_unref (pdf->ctx);
  pd_renderer_unref (pdf->renderer);
  g_free (pdf->log_what);
  g_free (pdf);
}

static gboolean
write_pdf (const char *path,
           gpointer    data,
           GError    **error)
{
  PdfSave *pdf = data;

  return pd_pdf_write (pdf->renderer, path, NULL, error) &&
         pd_export_log_add (pdf->ctx, pdf->log_what, 1, FALSE, path, error);
}

void
pd_save_chooser_pdf (GtkWidget  *parent,
                     PdContext  *ctx,
                     PdRenderer *renderer,
                     const char *log_prefix,
                     const char *title,
                     const char *failure)
{
  PdfSave *pdf = g_new0 (PdfSave, 1);
  g_autofree char *name = g_strdup_printf ("%s.pdf", pd_renderer_get_title (renderer));

  /* A title such as "Patrol record 1-2-0301 2026-10-09" may hold
   * characters no file system takes. */
  g_strdelimit (name, "/\\:", '-');
  pdf->ctx = g_object_ref (ctx);
  pdf->renderer = renderer;
  pdf->log_what = g_strdup_printf ("%s %s", log_prefix, pd_renderer_get_title (renderer));
  pd_save_chooser_show (parent, title, _("_Save"), name, failure, write_pdf, pdf, (GDestroyNotify) pdf_save_free);
}

typedef struct
{
  PdContext        *ctx;
  char             *month;
  PdMonthlySaveFunc save;
} MonthlySave;

static void
monthly_save_free (MonthlySave *monthly)
{
  g_object_unref (monthly->ctx);
  g_free (monthly->month);
  g_free (monthly);
}

static gboolean
write_monthly (const char *path,
               gpointer    data,
               GError    **error)
{
  MonthlySave *monthly = data;

  return monthly->save (monthly->ctx, monthly->month, path, error);
}

void
pd_save_chooser_monthly (GtkWidget         *parent,
                         PdContext         *ctx,
                         const char        *month,
                         const char        *title,
                         const char        *accept_label,
                         const char        *suggested_name,
                         const char        *failure,
                         PdMonthlySaveFunc  save)
{
  MonthlySave *monthly = g_new0 (MonthlySave, 1);

  monthly->ctx = g_object_ref (ctx);
  monthly->month = g_strdup (month);
  monthly->save = save;
  pd_save_chooser_show (parent, title, accept_label, suggested_name, failure, write_monthly, monthly,
                        (GDestroyNotify) monthly_save_free);
}
