/* The Satisfaction surveys tab driven through its real widgets under Xvfb:
 * three forms keyed in from the keyboard (unit ⏎ digits ⏎ opinion ⏎), a
 * duplicate and a wrong digit refused beside their fields with nothing
 * saved, an opinion's stage signed off, the month's statistics shown, and a
 * campaign planned in its dialog.  PD_TEST_SHOTS=DIR saves PNGs. */
#include "config.h"

#include <string.h>

#include "pd-form-field.h"
#include "pd-survey-entry.h"
#include "pd-survey-followups.h"
#include "pd-survey-view.h"
#include "pd-survey-workbook.h"
#include "pd-test-gui.h"
#include "pd-test-survey.h"

static GtkWidget *
field_of (GtkWidget *root,
          const char *key)
{
  PdFormField *field = pd_form_field_find (root, key);

  g_assert_nonnull (field);
  return GTK_WIDGET (field);
}

static void
key_form (GtkWidget  *window,
          const char *unit,
          const char *digits,
          const char *opinion)
{
  GtkWidget *unit_entry = pd_test_gui_find (window, GTK_TYPE_ENTRY, "survey-unit");
  GtkWidget *scores = pd_test_gui_find (window, GTK_TYPE_ENTRY, "survey-scores");
  GtkWidget *opinion_entry = pd_test_gui_find (window, GTK_TYPE_ENTRY, "survey-opinion");

  gtk_widget_grab_focus (unit_entry);
  pd_test_gui_type (unit_entry, unit);
  pd_test_gui_enter (unit_entry);
  g_assert_true (pd_test_gui_has_focus (scores));
  pd_test_gui_type (scores, digits);
  pd_test_gui_enter (scores);
  g_assert_true (pd_test_gui_has_focus (opinion_entry));
  pd_test_gui_type (opinion_entry, opinion);
  pd_test_gui_enter (opinion_entry);
}

static void
test_key_three_forms (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-20 09:00:00");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view, *unit_entry, *scores, *message, *followups;
  gint64 campaign;

  pd_test_survey_units (ctx);
  campaign = pd_test_survey_campaign (ctx, "2026年3月客户意见征询", "2026-03-01", "2026-03-31", "all", NULL, 0);
  view = pd_survey_view_new (ctx);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  pd_test_gui_spin ();
  unit_entry = pd_test_gui_find (window, GTK_TYPE_ENTRY, "survey-unit");
  scores = pd_test_gui_find (window, GTK_TYPE_ENTRY, "survey-scores");
  message = pd_test_gui_find (window, GTK_TYPE_LABEL, "survey-message");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (pd_test_gui_find (window, GTK_TYPE_LABEL, "survey-items"))),
                            "13 总体满意度"));

  /* Three forms, Enter after each field; the third without an opinion. */
  key_form (window, "1-1-101", "5544332211005", "电梯太慢");
  g_assert_true (pd_test_gui_has_focus (unit_entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (unit_entry)), ==, "");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "1-1-101"));
  key_form (window, "1栋1单元102室", "4", "");
  key_form (window, "2-1-101", "3333333333333", "");
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_response", NULL), ==, 3);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_answer", NULL), ==, 11 + 1 + 13);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_response WHERE answered_on = '2026-03-20'", NULL), ==, 3);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_followup", NULL), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
                      GTK_COLUMN_VIEW (pd_test_gui_find (window, GTK_TYPE_COLUMN_VIEW, "survey-forms"))))), ==, 3);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (pd_test_gui_find (window, GTK_TYPE_LABEL, "survey-count"))),
                            "3 forms keyed of 7"));
  pd_test_gui_shot (window, "survey-1-keyed");

  /* A wrong digit is flagged as it is typed; a duplicate form is refused
   * beside the unit code; nothing is saved and what was typed stays. */
  pd_test_gui_type (scores, "557");
  g_assert_nonnull (strstr (pd_form_field_get_error (PD_FORM_FIELD (field_of (window, "scores"))), "“7”"));
  gtk_editable_set_text (GTK_EDITABLE (scores), "");
  key_form (window, "1-1-101", "5", "再来一份");
  g_assert_nonnull (strstr (pd_form_field_get_error (PD_FORM_FIELD (field_of (window, "unit"))), "already entered"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (unit_entry)), ==, "1-1-101");
  gtk_editable_set_text (GTK_EDITABLE (unit_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (scores), "");
  key_form (window, "9-9-909", "5", "");
  g_assert_nonnull (strstr (pd_form_field_get_error (PD_FORM_FIELD (field_of (window, "unit"))), "9-9-909"));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_response", NULL), ==, 3);
  pd_test_gui_shot (window, "survey-2-refused");

  /* The opinion's follow-up: routed to a department from the panel. */
  gtk_stack_set_visible_child_name (GTK_STACK (pd_test_gui_find (window, GTK_TYPE_STACK, "survey-pages")), "followups");
  pd_test_gui_spin ();
  followups = pd_test_gui_find (window, PD_TYPE_SURVEY_FOLLOWUPS, NULL);
  {
    GtkSelectionModel *model = gtk_column_view_get_model (GTK_COLUMN_VIEW (pd_test_gui_find (followups, GTK_TYPE_COLUMN_VIEW,
                                                                                             "followup-list")));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
    gtk_selection_model_select_item (model, 0, TRUE);
    pd_test_gui_spin ();
  }
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (pd_test_gui_find (followups, GTK_TYPE_LABEL, "followup-stage"))),
                            "2026-03-22"));
  pd_test_gui_type (pd_test_gui_find (followups, GTK_TYPE_ENTRY, "followup-text"), "工程部");
  pd_test_gui_enter (pd_test_gui_find (followups, GTK_TYPE_ENTRY, "followup-text"));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_followup WHERE department = '工程部' "
                                       "AND routed_on = '2026-03-20' AND routed_by = 'tester'", NULL), ==, 1);
  pd_test_gui_shot (window, "survey-3-followups");

  /* The month's statistics: 3 forms of 7 units. */
  gtk_stack_set_visible_child_name (GTK_STACK (pd_test_gui_find (window, GTK_TYPE_STACK, "survey-pages")), "stats");
  pd_test_gui_spin ();
  g_usleep (10000);
  pd_test_gui_spin ();
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (pd_test_gui_find (window, GTK_TYPE_LABEL,
                                                                             "survey-stats-summary"))),
                            "3 forms of 7 units"));
  pd_test_gui_shot (window, "survey-4-stats");
  g_assert_cmpint (campaign, >, 0);

  /* Ctrl+E: the workbook of the month shown, cell for cell the one the
   * core writes for that month. */
  {
    g_autofree char *from_gui = g_build_filename (pd_test_tmpdir (), "survey-gui.xlsx", NULL);
    g_autofree char *from_core = g_build_filename (pd_test_tmpdir (), "survey-core.xlsx", NULL);
    g_autofree char *script = g_test_build_filename (G_TEST_DIST, "dump-xlsx.py", NULL);
    const char *gui_argv[] = { "/usr/bin/python3", script, from_gui, NULL };
    const char *core_argv[] = { "/usr/bin/python3", script, from_core, NULL };
    g_autofree char *gui_cells = NULL, *core_cells = NULL;
    g_autoptr (GError) error = NULL;
    int status = -1;

    g_assert_true (gtk_widget_activate_action (view, "survey.export", NULL));
    pd_test_gui_spin ();
    pd_test_gui_choose_file (window, from_gui);
    g_assert_true (pd_survey_workbook_write (ctx, "2026-03", from_core, &error));
    g_assert_no_error (error);
    gui_cells = pd_test_run (gui_argv, &status, NULL);
    g_assert_cmpint (status, ==, 0);
    core_cells = pd_test_run (core_argv, &status, NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpuint (strlen (gui_cells), >, 100);
    g_assert_cmpstr (gui_cells, ==, core_cells);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_new_campaign_dialog (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-03-20 09:00:00");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view, *dialog;
  GListModel *campaigns;

  pd_test_survey_units (ctx);
  view = pd_survey_view_new (ctx);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  pd_test_gui_spin ();

  g_assert_true (gtk_widget_activate_action (view, "survey.new", NULL));
  pd_test_gui_spin ();
  dialog = pd_test_gui_find_toplevel (window, GTK_TYPE_WINDOW);
  /* A period ending before it starts is refused beside the field. */
  gtk_editable_set_text (GTK_EDITABLE (pd_test_gui_find (dialog, GTK_TYPE_ENTRY, "end_on")), "2026-02-01");
  g_signal_emit_by_name (pd_test_gui_find (dialog, GTK_TYPE_BUTTON, "campaign-create"), "clicked");
  pd_test_gui_spin ();
  g_assert_nonnull (pd_form_field_get_error (pd_form_field_find (dialog, "end_on")));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_campaign", NULL), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (pd_test_gui_find (dialog, GTK_TYPE_ENTRY, "end_on")), "2026-03-31");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pd_test_gui_find (dialog, GTK_TYPE_DROP_DOWN, "target_kind")), 1);
  gtk_editable_set_text (GTK_EDITABLE (pd_test_gui_find (dialog, GTK_TYPE_ENTRY, "target_buildings")), "2");
  pd_test_gui_shot (dialog, "survey-5-campaign");
  g_signal_emit_by_name (pd_test_gui_find (dialog, GTK_TYPE_BUTTON, "campaign-create"), "clicked");
  pd_test_gui_spin ();
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_campaign WHERE target_kind = 'buildings' "
                                       "AND start_on = '2026-03-01' AND coverage_goal_pct = 95", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_target", NULL), ==, 3);
  campaigns = gtk_drop_down_get_model (GTK_DROP_DOWN (pd_test_gui_find (view, GTK_TYPE_DROP_DOWN, "survey-campaign")));
  g_assert_cmpuint (g_list_model_get_n_items (campaigns), ==, 1);
  g_assert_true (gtk_widget_get_sensitive (pd_test_gui_find (view, GTK_TYPE_ENTRY, "survey-unit")));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gui-survey/key-three-forms", test_key_three_forms);
  g_test_add_func ("/gui-survey/new-campaign", test_new_campaign_dialog);
  return g_test_run ();
}
