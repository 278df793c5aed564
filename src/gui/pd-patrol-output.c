/* pd-patrol-output.c — see pd-patrol-output.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-export-log.h"
#include "pd-export-patrols.h"
#include "pd-form-patrol.h"
#include "pd-patrol-output.h"
#include "pd-patrol-print.h"
#include "pd-pdf.h"
#include "pd-print-operation.h"

static const char *const form_names[] = {
  [PD_PATROL_PRINTOUT_SHEET] = "sheet",
  [PD_PATROL_PRINTOUT_RECORD] = "record",
  [PD_PATROL_PRINTOUT_NOTICE] = "notice",
  [PD_PATROL_PRINTOUT_SUMMARY] = "summary",
};

gboolean
pd_patrol_printout_from_name (const char       *name,
                              PdPatrolPrintout *form)
{
  for (guint i = 0; i < G_N_ELEMENTS (form_names); i++)
    if (g_strcmp0 (name, form_names[i]) == 0)
      {
        *form = i;
        return TRUE;
      }
  return FALSE;
}

GMenuModel *
pd_patrol_output_print_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) print = g_menu_new ();
  g_autoptr (GMenu) pdf = g_menu_new ();
  const char *labels[] = {
    [PD_PATROL_PRINTOUT_SHEET] = NC_("patrol menu", "Round _sheet of the building"),
    [PD_PATROL_PRINTOUT_RECORD] = NC_("patrol menu", "Patrol _record"),
    [PD_PATROL_PRINTOUT_NOTICE] = NC_("patrol menu", "Rectification _notice"),
    [PD_PATROL_PRINTOUT_SUMMARY] = NC_("patrol menu", "_Monthly summary"),
  };
  const char *pdf_labels[] = {
    [PD_PATROL_PRINTOUT_SHEET] = NC_("patrol menu", "Round sheet as PDF…"),
    [PD_PATROL_PRINTOUT_RECORD] = NC_("patrol menu", "Patrol record as PDF…"),
    [PD_PATROL_PRINTOUT_NOTICE] = NC_("patrol menu", "Rectification notice as PDF…"),
    [PD_PATROL_PRINTOUT_SUMMARY] = NC_("patrol menu", "Monthly summary as PDF…"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (form_names); i++)
    {
      g_autofree char *print_action = g_strdup_printf ("patrol.print::%s", form_names[i]);
      g_autofree char *pdf_action = g_strdup_printf ("patrol.pdf::%s", form_names[i]);

      /* In context: "Rectification notice" alone is the renovation tab's
       * 违章整改通知单, not a patrol's 整改通知单. */
      g_menu_append (print, g_dpgettext2 (GETTEXT_PACKAGE, "patrol menu", labels[i]), print_action);
      g_menu_append (pdf, g_dpgettext2 (GETTEXT_PACKAGE, "patrol menu", pdf_labels[i]), pdf_action);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (print));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (pdf));
  return G_MENU_MODEL (menu);
}

static PdRenderer *
renderer_for (GtkWidget        *parent,
              PdContext        *ctx,
              PdPatrolPrintout  form,
              gint64            id,
              const char       *month)
{
  g_autoptr (GError) error = NULL;
  PdPatrolPrint *print = NULL;
  PdRenderFunc render = NULL;
  g_autofree char *title = NULL;

  switch (form)
    {
    case PD_PATROL_PRINTOUT_SHEET:
      print = pd_patrol_print_sheet (ctx, id, &error);
      render = (PdRenderFunc) pd_form_render_patrol_sheet;
      /* Translators: document title; %s is the building's code */
      title = print ? g_strdup_printf (_("Vacant unit patrol sheet, building %s"), print->building_code) : NULL;
      break;
    case PD_PATROL_PRINTOUT_RECORD:
      print = pd_patrol_print_record (ctx, id, &error);
      render = (PdRenderFunc) pd_form_render_patrol_record;
      /* Translators: document title; unit code and patrol date */
      title = print ? g_strdup_printf (_("Patrol record %s %s"), print->patrol->unit_code,
                                       print->patrol->patrolled_on) : NULL;
      break;
    case PD_PATROL_PRINTOUT_NOTICE:
      print = pd_patrol_print_notice (ctx, id, &error);
      render = (PdRenderFunc) pd_form_render_patrol_notice;
      /* Translators: document title; %s is the notice number */
      title = print ? g_strdup_printf (_("Rectification notice %s"), print->anomaly->notice_no) : NULL;
      break;
    case PD_PATROL_PRINTOUT_SUMMARY:
      print = pd_patrol_print_summary (ctx, month, &error);
      render = (PdRenderFunc) pd_form_render_patrol_summary;
      /* Translators: document title; %s is the month YYYY-MM */
      title = print ? g_strdup_printf (_("Patrol summary %s"), month) : NULL;
      break;
    default:
      g_assert_not_reached ();
    }
  if (print == NULL)
    {
      pd_show_error (parent, _("This form cannot be printed."), error);
      return NULL;
    }
  return pd_renderer_new (title, render, print, (GDestroyNotify) pd_patrol_print_free);
}

typedef struct
{
  GtkWidget  *parent;
  PdContext  *ctx;
  PdRenderer *renderer;   /* NULL: the workbook */
  char       *month;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->ctx);
  g_clear_pointer (&job->renderer, pd_renderer_unref);
  g_free (job->month);
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
  gboolean ok = TRUE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path != NULL && job->renderer != NULL)
    {
      g_autofree char *what = g_strdup_printf ("patrol form %s", pd_renderer_get_title (job->renderer));
      ok = pd_pdf_write (job->renderer, path, NULL, &error) && pd_export_log_add (job->ctx, what, 1, FALSE, path, &error);
    }
  else if (path != NULL)
    ok = pd_export_patrols (job->ctx, job->month, path, &error);
  if (!ok)
    pd_show_error (job->parent, _("The file could not be written."), error);
  save_job_free (job);
  g_object_unref (chooser);
}

static void
ask_file (SaveJob    *job,
          const char *title,
          const char *name)
{
  GtkRoot *root = gtk_widget_get_root (job->parent);
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
pd_patrol_output_print (GtkWidget        *parent,
                        PdContext        *ctx,
                        PdPatrolPrintout  form,
                        gint64            id,
                        const char       *month,
                        gboolean          to_pdf)
{
  PdRenderer *renderer = renderer_for (parent, ctx, form, id, month);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  SaveJob *job;

  if (renderer == NULL)
    return;
  if (!to_pdf)
    {
      GtkRoot *root = gtk_widget_get_root (parent);

      if (!pd_print_operation_run (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, renderer, &error))
        pd_show_error (parent, _("Printing failed."), error);
      pd_renderer_unref (renderer);
      return;
    }
  job = g_new0 (SaveJob, 1);
  job->parent = g_object_ref (parent);
  job->ctx = g_object_ref (ctx);
  job->renderer = renderer;
  name = g_strdup_printf ("%s.pdf", pd_renderer_get_title (renderer));
  g_strdelimit (name, "/\\:", '-');
  ask_file (job, _("Save the Form as PDF"), name);
}

void
pd_patrol_output_export (GtkWidget  *parent,
                         PdContext  *ctx,
                         const char *month)
{
  SaveJob *job = g_new0 (SaveJob, 1);
  /* Translators: suggested file name of the month's workbook */
  g_autofree char *name = g_strdup_printf (_("patrols-%s.xlsx"), month);

  job->parent = g_object_ref (parent);
  job->ctx = g_object_ref (ctx);
  job->month = g_strdup (month);
  ask_file (job, _("Export the Month’s Patrol Statistics"), name);
}
