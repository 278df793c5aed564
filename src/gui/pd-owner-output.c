/* pd-owner-output.c — see pd-owner-output.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-estate.h"
#include "pd-form-owner.h"
#include "pd-owner-export.h"
#include "pd-owner-output.h"
#include "pd-pdf.h"
#include "pd-print-operation.h"

#define CHOICE_UNMASKED "unmasked"

/* The form of @unit_id, or NULL after telling the user why not. */
static PdOwnerForm *
load_form (GtkWidget *parent,
           PdContext *ctx,
           gint64     unit_id,
           gboolean   unmasked)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) unit = NULL;
  PdOwnerForm *form = NULL;

  if (unit_id <= 0)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Choose a unit in the list first."));
  else if ((unit = pd_unit_get (ctx, unit_id, &error)) != NULL)
    form = pd_owner_form_load (ctx, unit->code, unmasked, &error);
  if (form == NULL)
    pd_show_error (parent, _("The owner registration form cannot be made"), error);
  return form;
}

void
pd_owner_output_print (GtkWidget *parent,
                       PdContext *ctx,
                       gint64     unit_id)
{
  PdOwnerForm *form = load_form (parent, ctx, unit_id, FALSE);
  g_autoptr (PdRenderer) renderer = NULL;
  g_autoptr (GError) error = NULL;

  if (form == NULL)
    return;
  renderer = pd_form_owner_renderer (form);
  if (!pd_print_operation_run (GTK_WINDOW (gtk_widget_get_root (parent)), renderer, &error))
    pd_show_error (parent, _("The owner registration form could not be printed"), error);
}

/* ---- files ------------------------------------------------------------- */

typedef struct
{
  GtkWidget *parent;
  PdContext *ctx;
  GtkLabel  *status;    /* may be NULL */
  gint64     unit_id;   /* 0: the list as a workbook */
  gboolean   choice;    /* the unmasked choice was offered */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->parent);
  g_object_unref (job->ctx);
  g_clear_object (&job->status);
  g_free (job);
}

/* Writes the form of the job's unit to @path; returns the page count, 0 on
 * error. */
static guint
write_form (SaveJob    *job,
            const char *path,
            gboolean    unmasked,
            GError    **error)
{
  PdOwnerForm *form = load_form (job->parent, job->ctx, job->unit_id, unmasked);
  g_autoptr (PdRenderer) renderer = NULL;
  guint pages = 0;

  if (form == NULL)
    return 0;
  renderer = pd_form_owner_renderer (form);   /* owns @form from here on */
  if (!pd_pdf_write (renderer, path, &pages, error) ||
      !pd_owner_form_log (job->ctx, form, path, error))
    return 0;
  return pages;
}

static void
save_response (GtkNativeDialog *dialog,
               int              response,
               SaveJob         *job)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *done = NULL;
  g_autoptr (GError) error = NULL;
  gboolean unmasked;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (chooser);
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;
  unmasked = job->choice && g_strcmp0 (gtk_file_chooser_get_choice (chooser, CHOICE_UNMASKED), "true") == 0;
  if (job->unit_id == 0)
    {
      gint64 rows = pd_owner_export (job->ctx, path, unmasked, &error);

      if (rows < 0)
        pd_show_error (job->parent, _("The owner list could not be exported"), error);
      else
        /* Translators: number of units written, then the file */
        done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d row exported to %s.", "%d rows exported to %s.",
                                             (gulong) rows), (int) rows, path);
    }
  else if (write_form (job, path, unmasked, &error) > 0)
    /* Translators: %s is the file */
    done = g_strdup_printf (_("Owner registration form saved as %s."), path);
  else if (error != NULL)
    pd_show_error (job->parent, _("The owner registration form could not be saved"), error);
  if (done != NULL && job->status != NULL)
    gtk_label_set_text (job->status, done);
out:
  save_job_free (job);
  g_object_unref (dialog);
}

static void
ask_file (SaveJob    *job,
          const char *title,
          const char *name)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title,
                                                               GTK_WINDOW (gtk_widget_get_root (job->parent)),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                                               C_("owner file", "_Save"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* Only those who may have them are offered the full numbers; the export
   * checks the role again. */
  job->choice = pd_context_get_role (job->ctx) >= PD_ROLE_SUPERVISOR;
  if (job->choice)
    gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), CHOICE_UNMASKED,
                                 _("Full ID numbers and phones (logged)"), NULL, NULL);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static SaveJob *
save_job_new (GtkWidget *parent,
              PdContext *ctx,
              GtkLabel  *status,
              gint64     unit_id)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->parent = g_object_ref (parent);
  job->ctx = g_object_ref (ctx);
  job->status = status ? g_object_ref (status) : NULL;
  job->unit_id = unit_id;
  return job;
}

void
pd_owner_output_export (GtkWidget *parent,
                        PdContext *ctx,
                        GtkLabel  *status)
{
  g_autofree char *today = pd_context_today (ctx);
  /* Translators: suggested file name of the exported owner list; %s is the date */
  g_autofree char *name = g_strdup_printf (_("owner-files-%s.xlsx"), today);

  g_return_if_fail (GTK_IS_WIDGET (parent) && PD_IS_CONTEXT (ctx));
  ask_file (save_job_new (parent, ctx, status, 0), _("Export the Owner List"), name);
}

void
pd_owner_output_save_pdf (GtkWidget *parent,
                          PdContext *ctx,
                          gint64     unit_id,
                          GtkLabel  *status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) unit = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (parent) && PD_IS_CONTEXT (ctx));
  if (unit_id <= 0)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Choose a unit in the list first."));
      pd_show_error (parent, _("The owner registration form cannot be made"), error);
      return;
    }
  unit = pd_unit_get (ctx, unit_id, &error);
  if (unit == NULL)
    {
      pd_show_error (parent, _("The owner registration form cannot be made"), error);
      return;
    }
  /* Translators: suggested file name of the form; %s is the unit code */
  name = g_strdup_printf (_("owner-form-%s.pdf"), unit->code);
  ask_file (save_job_new (parent, ctx, status, unit_id), _("Save the Owner Registration Form as PDF"), name);
}
