/* pd-kpi-actions.c — see pd-kpi-actions.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-form-dialog.h"
#include "pd-form-kpi.h"
#include "pd-kpi-actions.h"
#include "pd-kpi-workbook.h"
#include "pd-pdf.h"
#include "pd-save-chooser.h"
#include "pd-survey-stats.h"

typedef struct
{
  GtkWindow *window;
  PdContext *ctx;
} Request;

static void
request_free (Request *request)
{
  g_object_unref (request->window);
  g_object_unref (request->ctx);
  g_free (request);
}

gboolean
pd_kpi_report_save (PdContext  *ctx,
                    const char *month,
                    const char *path,
                    GError    **error)
{
  g_autoptr (PdRenderer) renderer = NULL;
  PdKpiReport *report;

  if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    return pd_kpi_workbook_write (ctx, month, path, error);
  report = pd_kpi_report_new (ctx, month, error);
  if (report == NULL)
    return FALSE;
  renderer = pd_form_kpi_renderer (report);
  return pd_pdf_write (renderer, path, NULL, error);
}

/* The form's accept: a bad month is refused next to its field before any
 * file is asked for. */
static gboolean
save_report (PdFormDialog *dialog,
             gpointer      data,
             GError      **error)
{
  Request *request = data;
  const char *month = pd_form_dialog_get_text (dialog, "month");
  gboolean pdf = g_strcmp0 (pd_form_dialog_get_choice (dialog, "format"), "pdf") == 0;
  g_autoptr (PdKpiReport) check = pd_kpi_report_new (request->ctx, month, error);
  g_autofree char *name = NULL;

  if (check == NULL)
    return FALSE;
  /* Translators: the suggested file name; the month, YYYY-MM */
  name = g_strdup_printf (pdf ? _("KPI report %s.pdf") : _("KPI report %s.xlsx"), month);
  /* pd_kpi_report_save writes the PDF or the workbook by the name's ending. */
  pd_save_chooser_monthly (GTK_WIDGET (request->window), request->ctx, month, _("Save the KPI Report"), _("_Save"),
                           name, _("The KPI report could not be written"), pd_kpi_report_save);
  return TRUE;
}

GtkWidget *
pd_kpi_report_dialog_new (GtkWindow *window,
                          PdContext *ctx)
{
  static const char *const ids[] = { "xlsx", "pdf", NULL };
  const char *labels[] = { _("Workbook (.xlsx) with charts"), _("One-page PDF"), NULL };
  PdFormDialog *dialog = pd_form_dialog_new (GTK_WIDGET (window), _("Monthly KPI Report"), _("_Save…"));
  g_autoptr (GDateTime) now = pd_context_now (ctx);
  g_autofree char *this_month = g_date_time_format (now, "%Y-%m");
  /* Reports are due by the 28th for the month that has just ended. */
  g_autofree char *month = pd_survey_month_shift (this_month, -1);
  Request *request = g_new0 (Request, 1);

  pd_form_dialog_add_note (dialog, _("The figures of the month beside the month before and the same month "
                                     "last year, for the report due by the 28th."));
  pd_form_dialog_add_entry (dialog, "month", _("Month (YYYY-MM)"), month);
  pd_form_dialog_add_choice (dialog, "format", _("Format"), ids, labels, "xlsx");
  request->window = g_object_ref (window);
  request->ctx = g_object_ref (ctx);
  pd_form_dialog_set_save_func (dialog, save_report, request, (GDestroyNotify) request_free);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
show_report_dialog (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       window)
{
  pd_kpi_report_dialog_new (window, g_object_get_data (G_OBJECT (window), "pd-kpi-context"));
}

void
pd_kpi_actions_install (GtkWindow *window,
                        PdContext *ctx)
{
  static const GActionEntry entries[] = { { "report", show_report_dialog } };
  static const char *const accels[] = { "<Control><Shift>k", NULL };
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkApplication *app = gtk_window_get_application (window);

  g_object_set_data_full (G_OBJECT (window), "pd-kpi-context", g_object_ref (ctx), g_object_unref);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), window);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "kpi", G_ACTION_GROUP (group));
  if (app != NULL)
    gtk_application_set_accels_for_action (app, "kpi.report", accels);
}
