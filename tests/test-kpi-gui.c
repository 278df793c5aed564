/* The monthly KPI report from the window: kpi.report opens the form with
 * last month filled in; a bad month is refused next to its field; a good
 * one leads to the file chooser, and the file it names gets the workbook
 * or the PDF — all in Chinese, as the office works. */
#include "config.h"

#include <glib/gstdio.h>

#include "pd-form-dialog.h"
#include "pd-form-field.h"
#include "pd-kpi-actions.h"
#include "pd-test-gui.h"
#include "pd-test-kpi.h"

static void
test_report_from_window (void)
{
  g_autoptr (PdContext) ctx = pd_test_kpi_fixture_open (NULL);
  g_autofree char *xlsx = g_build_filename (pd_test_tmpdir (), "kpi-gui.xlsx", NULL);
  g_autofree char *pdf = g_build_filename (pd_test_tmpdir (), "kpi-gui.pdf", NULL);
  GtkWidget *window = gtk_window_new ();
  PdFormDialog *dialog;
  PdFormField *month;
  g_autofree char *text = NULL;

  pd_kpi_actions_install (GTK_WINDOW (window), ctx);
  gtk_window_present (GTK_WINDOW (window));
  pd_test_gui_spin ();
  g_assert_true (gtk_widget_activate_action (window, "kpi.report", NULL));
  pd_test_gui_spin ();
  dialog = PD_FORM_DIALOG (pd_test_gui_find_toplevel (window, PD_TYPE_FORM_DIALOG));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "月度指标报表");
  /* The clock says 2026-11-05: the report due is October's. */
  g_assert_cmpstr (pd_form_dialog_get_text (dialog, "month"), ==, "2026-10");
  g_assert_cmpstr (pd_form_dialog_get_choice (dialog, "format"), ==, "xlsx");

  month = pd_form_field_find (GTK_WIDGET (dialog), "month");
  gtk_editable_set_text (GTK_EDITABLE (pd_form_field_get_child (month)), "2026-13");
  g_assert_false (pd_form_dialog_accept (dialog));
  g_assert_nonnull (strstr (pd_form_field_get_error (month), "2026-13"));
  pd_test_gui_shot (GTK_WIDGET (dialog), "kpi-form");

  gtk_editable_set_text (GTK_EDITABLE (pd_form_field_get_child (month)), "2026-10");
  g_assert_true (pd_form_dialog_accept (dialog));
  pd_test_gui_spin ();
  pd_test_gui_choose_file (window, xlsx);
  for (int i = 0; i < 100 && !g_file_test (xlsx, G_FILE_TEST_EXISTS); i++)
    {
      g_usleep (20000);
      pd_test_gui_spin ();
    }
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_EXISTS));

  /* The same figures as the CLI's page, through the function the chooser calls. */
  g_assert_true (pd_kpi_report_save (ctx, "2026-10", pdf, NULL));
  text = pd_test_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "放行条开具张数211"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  pd_test_use_chinese ();
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  g_test_add_func ("/kpi-gui/report-from-window", test_report_from_window);
  return g_test_run ();
}
