/* pd-handover-output.c — see pd-handover-output.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-export-handovers.h"
#include "pd-export-log.h"
#include "pd-handover-output.h"
#include "pd-pdf.h"
#include "pd-print-operation.h"

static const char *const form_names[] = {
  [PD_HANDOVER_FORM_ACCEPTANCE] = "acceptance",
  [PD_HANDOVER_FORM_NOTICE] = "notice",
  [PD_HANDOVER_FORM_KEY_RECEIPT] = "receipt",
};

gboolean
pd_handover_form_from_name (const char     *name,
                            PdHandoverForm *form)
{
  for (guint i = 0; i < G_N_ELEMENTS (form_names); i++)
    if (g_strcmp0 (name, form_names[i]) == 0)
      {
        *form = i;
        return TRUE;
      }
  return FALSE;
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static PdRenderer *
renderer_for (GtkWidget     *parent,
              PdContext     *ctx,
              gint64         handover_id,
              PdHandoverForm form)
{
  g_autoptr (GError) error = NULL;
  PdHandoverDocument *document = pd_handover_document_load (ctx, handover_id, &error);

  if (document == NULL)
    {
      pd_show_error (parent, C_("handover", "The handover could not be read"), error);
      return NULL;
    }
  return pd_form_handover_renderer (form, document);
}

void
pd_handover_output_print (GtkWidget     *parent,
                          PdContext     *ctx,
                          gint64         handover_id,
                          PdHandoverForm form)
{
  g_autoptr (PdRenderer) renderer = renderer_for (parent, ctx, handover_id, form);
  g_autoptr (GError) error = NULL;

  if (renderer != NULL && !pd_print_operation_run (window_of (parent), renderer, &error))
    pd_show_error (parent, C_("handover", "The form could not be printed"), error);
}

typedef struct
{
  GtkWidget  *parent;
  PdContext  *ctx;
  PdRenderer *renderer;   /* NULL: a workbook */
  char       *what;
  char       *from_day;
  char       *before_day;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->ctx);
  g_clear_pointer (&job->renderer, pd_renderer_unref);
  g_free (job->what);
  g_free (job->from_day);
  g_free (job->before_day);
  g_free (job);
}

static void
save_response (GtkNativeDialog *chooser,
               int              response,
               SaveJob         *job)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = g_file_get_path (file);
      if (job->renderer != NULL)
        ok = pd_pdf_write (job->renderer, path, NULL, &error) &&
             pd_export_log_add (job->ctx, job->what, 1, FALSE, path, &error);
      else
        ok = pd_export_handovers (job->ctx, job->from_day, job->before_day, path, NULL, NULL, &error);
      if (!ok)
        pd_show_error (job->parent, C_("handover", "The file could not be written"), error);
    }
  save_job_free (job);
  g_object_unref (chooser);
}

static void
ask_file (SaveJob    *job,
          const char *title,
          const char *name)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, window_of (job->parent),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               C_("handover", "_Save"),
                                                               C_("handover", "_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
pd_handover_output_save_pdf (GtkWidget     *parent,
                             PdContext     *ctx,
                             gint64         handover_id,
                             PdHandoverForm form)
{
  PdRenderer *renderer = renderer_for (parent, ctx, handover_id, form);
  g_autofree char *name = NULL;
  SaveJob *job;

  if (renderer == NULL)
    return;
  job = g_new0 (SaveJob, 1);
  job->parent = g_object_ref (parent);
  job->ctx = g_object_ref (ctx);
  job->renderer = renderer;
  job->what = g_strdup_printf ("handover %s", pd_renderer_get_title (renderer));
  name = g_strdup_printf ("%s.pdf", pd_renderer_get_title (renderer));
  g_strdelimit (name, "/\\:", '-');
  ask_file (job, C_("handover", "Save the form as PDF"), name);
}

void
pd_handover_output_export (GtkWidget  *parent,
                           PdContext  *ctx,
                           const char *from_day,
                           const char *before_day)
{
  SaveJob *job = g_new0 (SaveJob, 1);
  g_autofree char *month = from_day ? g_strndup (from_day, 7) : NULL;
  g_autofree char *name = NULL;

  job->parent = g_object_ref (parent);
  job->ctx = g_object_ref (ctx);
  job->from_day = g_strdup (from_day);
  job->before_day = g_strdup (before_day);
  /* Translators: file name of the exported register; %s is YYYY-MM or "all" */
  name = g_strdup_printf (C_("handover", "Handover register %s.xlsx"), month ? month : C_("handover", "all"));
  ask_file (job, C_("handover", "Export the handover register"), name);
}
