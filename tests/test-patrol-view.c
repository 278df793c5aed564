/* The Vacant-unit patrols tab driven through its real widgets: a whole
 * building's round recorded from the keyboard (the window's own key
 * bindings are activated, the note typed into the entry that has the
 * focus, Enter on the focused button), the list following it, an anomaly
 * closed through its dialog, a key signed out through the register. */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "pd-estate.h"
#include "pd-form-dialog.h"
#include "pd-form-field.h"
#include "pd-key-register-page.h"
#include "pd-key-register.h"
#include "pd-patrol-anomaly-list.h"
#include "pd-patrol-round-window.h"
#include "pd-patrol-vacancy.h"
#include "pd-patrol-view.h"
#include "pd-record-item.h"
#include "pd-test-fixture.h"
#include "pd-test-gui.h"

typedef struct
{
  PdContext *ctx;
  GtkWidget *window;
  GtkWidget *view;
} Fixture;

static void
iterate (void)
{
  pd_test_gui_settle (3, 1000);
}

static GtkWidget *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_by_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_toplevel (GType type)
{
  g_autoptr (GListModel) toplevels = NULL;
  GtkWidget *found = NULL;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = GTK_WIDGET (window);
    }
  return found;
}

/* Presses @keyval with @modifiers through the bindings of @widget's class,
 * exactly as the key press would: the shortcut's action with its
 * arguments.  FALSE when no binding has that key. */
static gboolean
press_key (GtkWidget      *widget,
           guint           keyval,
           GdkModifierType modifiers)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* Enter on whatever has the focus. */
static void
press_enter (GtkWidget *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  gint64 until;

  /* In an entry the focus is on its GtkText, whose "activate" is what
   * Enter emits (it activates the window's default widget). */
  g_assert_nonnull (focus);
  if (GTK_IS_TEXT (focus))
    g_signal_emit_by_name (focus, "activate");
  else
    g_assert_true (gtk_widget_activate (focus));
  /* An activated button shows itself pressed for a moment before it clicks. */
  until = g_get_monotonic_time () + 400 * 1000;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  iterate ();
}

static gint64
make_unit (PdContext  *ctx,
           const char *code,
           const char *state)
{
  g_autoptr (PdUnit) unit = pd_unit_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PdKey) key = pd_key_new ();

  unit->code = g_strdup (code);
  g_free (unit->state);
  unit->state = g_strdup (state);
  g_assert_cmpint (pd_unit_create (ctx, pd_estate_current_id (ctx, NULL), unit, &error), >, 0);
  g_free (key->code);
  key->code = g_strdup_printf ("K%s", code);
  key->unit_id = unit->id;
  g_assert_cmpint (pd_key_add (ctx, key, &error), >, 0);
  return unit->id;
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  const char *const units[][2] = {
    { "1-1-101", "vacant" }, { "1-1-201", "vacant" }, { "1-1-301", "occupied" }, { "1-2-101", "vacant" },
    { "2-1-101", "vacant" },
  };

  fixture->ctx = pd_test_context_new ("2026-03-10 09:30:00");
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    make_unit (fixture->ctx, units[i][0], units[i][1]);
  fixture->view = pd_patrol_view_new (fixture->ctx);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1366, 768);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->view);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate ();
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_clear_object (&fixture->ctx);
}

static const PdVacantUnit *
row_at (Fixture *fixture,
        guint    position)
{
  GtkColumnView *list = GTK_COLUMN_VIEW (find_by_id (fixture->view, "list_view"));
  g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (list)), position);

  g_assert_nonnull (item);
  return pd_record_item_get (PD_RECORD_ITEM (item));
}

static void
test_round_from_keyboard (Fixture      *fixture,
                          gconstpointer data)
{
  GtkLabel *count = GTK_LABEL (find_by_id (fixture->view, "count_label"));
  GtkWidget *round;
  GtkWidget *focus;

  g_assert_cmpstr (gtk_label_get_text (count), ==, "4 vacant units · 0 overdue · 4 due · 0 done");
  g_assert_cmpstr (row_at (fixture, 0)->unit_code, ==, "1-1-101");
  g_assert_cmpint (row_at (fixture, 0)->status, ==, PD_PATROL_STATUS_DUE);

  /* Ctrl+N opens the round on the building of the selected unit. */
  g_assert_true (press_key (fixture->view, GDK_KEY_n, GDK_CONTROL_MASK));
  iterate ();
  round = find_toplevel (PD_TYPE_PATROL_ROUND_WINDOW);
  g_assert_nonnull (round);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_by_id (round, "inspector_entry"))), ==, "tester");
  gtk_editable_set_text (GTK_EDITABLE (find_by_id (round, "inspector_entry")), "李管家");
  /* Enter in the inspector field starts the round (the default button). */
  gtk_widget_grab_focus (find_by_id (round, "inspector_entry"));
  press_enter (round);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_by_id (round, "stack"))), ==, "walk");
  /* The building's three vacant units' keys went out with the round. */
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM patrol_key_loan WHERE returned_at = '' "
                                                "AND borrower = '李管家'", NULL), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_by_id (round, "unit_title"))), ==, "1-1-101");

  /* Unit 1: key 4 marks the leakage item, the note is typed where the cursor
   * went, Enter leaves the note, Enter saves. */
  g_assert_true (press_key (round, GDK_KEY_4, 0));
  focus = gtk_root_get_focus (GTK_ROOT (round));
  g_assert_true (GTK_IS_TEXT (focus));
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_parent (focus)), "主卧天花渗水");
  press_enter (round);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (round)) == find_by_id (round, "save_button"));
  press_enter (round);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_by_id (round, "unit_title"))), ==, "1-1-201");

  /* Unit 2: all OK, a single Enter. */
  press_enter (round);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_by_id (round, "unit_title"))), ==, "1-2-101");
  /* Unit 3: 0 marks cleanliness (the tenth item), pressed twice it is OK again, then once more. */
  g_assert_true (press_key (round, GDK_KEY_0, 0));
  g_assert_true (press_key (round, GDK_KEY_0, 0));
  g_assert_true (press_key (round, GDK_KEY_0, 0));
  press_enter (round);
  press_enter (round);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_by_id (round, "progress_label"))), ==,
                   "3 of 3 units patrolled");
  /* Everything recorded: Enter finishes the round and signs the keys back. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (round)) == find_by_id (round, "finish_button"));
  press_enter (round);
  g_assert_null (find_toplevel (PD_TYPE_PATROL_ROUND_WINDOW));

  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM patrol WHERE round_id IS NOT NULL "
                                                "AND inspector = '李管家' AND patrolled_on = '2026-03-10'", NULL), ==, 3);
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM patrol_item WHERE result = 'problem'", NULL), ==, 2);
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM patrol_anomaly WHERE kind = 'leak' "
                                                "AND item = 'leak' AND description = '主卧天花渗水' "
                                                "AND department = 'engineering'",
                                  NULL), ==, 1);
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM patrol_anomaly WHERE kind = 'dirty' "
                                                "AND department = 'cleaning'", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM patrol_key_loan WHERE returned_at = ''", NULL),
                   ==, 0);

  /* The list follows: building 1 done, building 2 still due. */
  iterate ();
  g_assert_cmpstr (gtk_label_get_text (count), ==, "4 vacant units · 0 overdue · 1 due · 3 done");
  g_assert_cmpint (row_at (fixture, 0)->status, ==, PD_PATROL_STATUS_DONE);
  g_assert_cmpint (row_at (fixture, 0)->open_anomalies, ==, 1);
  g_assert_cmpstr (row_at (fixture, 3)->unit_code, ==, "2-1-101");
  g_assert_cmpint (row_at (fixture, 3)->status, ==, PD_PATROL_STATUS_DUE);
}

static void
test_close_anomaly_dialog (Fixture      *fixture,
                           gconstpointer data)
{
  PdPatrolAnomalyList *list = PD_PATROL_ANOMALY_LIST (find_by_type (fixture->view, PD_TYPE_PATROL_ANOMALY_LIST));
  GtkColumnView *table = GTK_COLUMN_VIEW (find_by_type (GTK_WIDGET (list), GTK_TYPE_COLUMN_VIEW));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (table));
  PdFormDialog *dialog;
  PdFormField *result;

  /* Report one through the tab (Report Anomaly… on the selected unit). */
  gtk_widget_activate_action (fixture->view, "patrol.report", NULL);
  iterate ();
  dialog = PD_FORM_DIALOG (find_toplevel (PD_TYPE_FORM_DIALOG));
  g_assert_cmpstr (pd_form_dialog_get_text (dialog, "unit"), ==, "1-1-101");
  gtk_editable_set_text (GTK_EDITABLE (pd_form_field_get_child (pd_form_field_find (GTK_WIDGET (dialog), "description"))),
                         "入户门锁被撬");
  g_assert_true (pd_form_dialog_accept (dialog));
  iterate ();
  /* The anomaly page, still hidden, has read nothing yet; shown, it lists the report. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);
  pd_patrol_view_show_anomaly (PD_PATROL_VIEW (fixture->view), 0);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM patrol_anomaly WHERE kind = 'damage' "
                                                "AND deadline = '2026-03-13' AND notice_no = 'KZ2026-0001'", NULL), ==, 1);

  gtk_single_selection_set_selected (selection, 0);
  gtk_widget_activate_action (GTK_WIDGET (list), "anomalies.close", NULL);
  iterate ();
  dialog = PD_FORM_DIALOG (find_toplevel (PD_TYPE_FORM_DIALOG));
  g_assert_nonnull (dialog);
  /* No result written: refused, the message next to the field, nothing closed. */
  g_assert_false (pd_form_dialog_accept (dialog));
  result = pd_form_field_find (GTK_WIDGET (dialog), "result");
  g_assert_cmpstr (pd_form_field_get_error (result), ==, "Result: describe how the anomaly was dealt with.");
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM patrol_anomaly WHERE state = 'open'", NULL), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (pd_form_field_get_child (result)), "已更换锁芯");
  g_assert_true (pd_form_dialog_accept (dialog));
  iterate ();
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM patrol_anomaly WHERE state = 'closed' "
                                                "AND outcome = 'fixed' AND result = '已更换锁芯' "
                                                "AND closed_on = '2026-03-10'", NULL), ==, 1);
  /* The open list is empty again. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);
}

static void
test_sign_out_key (Fixture      *fixture,
                   gconstpointer data)
{
  GtkWidget *page = find_by_type (fixture->view, PD_TYPE_KEY_REGISTER_PAGE);
  GtkColumnView *keys = GTK_COLUMN_VIEW (find_by_type (page, GTK_TYPE_COLUMN_VIEW));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (keys));
  PdFormDialog *dialog;

  /* The key register reads its keys when its page is first shown. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);
  pd_patrol_view_show_loan (PD_PATROL_VIEW (fixture->view), 0);
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 5);
  gtk_single_selection_set_selected (selection, 1);
  gtk_widget_activate_action (page, "keys.sign-out", NULL);
  iterate ();
  dialog = PD_FORM_DIALOG (find_toplevel (PD_TYPE_FORM_DIALOG));
  g_assert_cmpstr (pd_form_dialog_get_text (dialog, "due_at"), ==, "2026-03-10 13:30");
  g_assert_false (pd_form_dialog_accept (dialog));
  g_assert_nonnull (pd_form_field_get_error (pd_form_field_find (GTK_WIDGET (dialog), "borrower")));
  gtk_editable_set_text (GTK_EDITABLE (pd_form_field_get_child (pd_form_field_find (GTK_WIDGET (dialog), "borrower"))),
                         "中介 小陈");
  gtk_editable_set_text (GTK_EDITABLE (pd_form_field_get_child (pd_form_field_find (GTK_WIDGET (dialog), "purpose"))),
                         "带客户看房");
  g_assert_true (pd_form_dialog_accept (dialog));
  iterate ();
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM patrol_key_loan l JOIN patrol_key k "
                                                "ON k.id = l.key_id WHERE k.code = 'K1-1-201' AND l.returned_at = '' "
                                                "AND l.due_at = '2026-03-10 13:30:00'", NULL), ==, 1);
  /* The list says where the key is now. */
  {
    g_autoptr (PdRecordItem) item = g_list_model_get_item (G_LIST_MODEL (selection), 1);
    const PdKey *key = pd_record_item_get (item);
    g_assert_cmpstr (key->borrower, ==, "中介 小陈");
  }
  gtk_widget_activate_action (page, "keys.sign-back", NULL);
  iterate ();
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM patrol_key_loan WHERE returned_at = ''", NULL),
                   ==, 0);
}

static void
test_print_and_export (Fixture      *fixture,
                       gconstpointer data)
{
  GtkMenuButton *print = GTK_MENU_BUTTON (find_by_id (fixture->view, "print_button"));
  GMenuModel *menu = gtk_menu_button_get_menu_model (print);
  g_autofree char *pdf = g_build_filename (pd_test_tmpdir (), "summary.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (pd_test_tmpdir (), "patrols.xlsx", NULL);
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  GtkWidget *dialog;

  /* Ctrl+P opens the menu: the four forms to print, and the same as PDF. */
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  for (int section = 0; section < 2; section++)
    {
      g_autoptr (GMenuModel) items = g_menu_model_get_item_link (menu, section, G_MENU_LINK_SECTION);
      const char *forms[] = { "sheet", "record", "notice", "summary" };

      g_assert_cmpint (g_menu_model_get_n_items (items), ==, 4);
      for (int i = 0; i < 4; i++)
        {
          g_autoptr (GVariant) action = g_menu_model_get_item_attribute_value (items, i, G_MENU_ATTRIBUTE_ACTION,
                                                                              G_VARIANT_TYPE_STRING);
          g_autoptr (GVariant) target = g_menu_model_get_item_attribute_value (items, i, G_MENU_ATTRIBUTE_TARGET,
                                                                              G_VARIANT_TYPE_STRING);
          g_assert_cmpstr (g_variant_get_string (action, NULL), ==, section ? "patrol.pdf" : "patrol.print");
          g_assert_cmpstr (g_variant_get_string (target, NULL), ==, forms[i]);
        }
    }
  g_assert_true (press_key (fixture->view, GDK_KEY_p, GDK_CONTROL_MASK));
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (print))));
  gtk_menu_button_popdown (print);
  iterate ();

  /* No patrol of the unit yet: the tab says what to choose. */
  gtk_widget_activate_action (fixture->view, "patrol.print", "s", "record");
  iterate ();
  dialog = find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_object_get (dialog, "text", &message, NULL);
  g_assert_cmpstr (message, ==, "Choose a unit and one of its patrols first.");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();

  /* The month's summary straight to PDF. */
  gtk_widget_activate_action (fixture->view, "patrol.pdf", "s", "summary");
  iterate ();
  pd_test_gui_choose_file (NULL, pdf);
  text = pd_test_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "VacantUnitPatrolSummary"));
  g_assert_nonnull (strstr (text, "2026-03"));

  /* Ctrl+E: the month's workbook. */
  g_assert_true (press_key (fixture->view, GDK_KEY_e, GDK_CONTROL_MASK));
  iterate ();
  pd_test_gui_choose_file (NULL, xlsx);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM export_log WHERE what = ?",
                                  "patrol statistics 2026-03"), ==, 1);
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM export_log WHERE what LIKE 'patrol form %'",
                                  NULL), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  g_test_add ("/patrol-view/round-from-keyboard", Fixture, NULL, fixture_set_up, test_round_from_keyboard,
              fixture_tear_down);
  g_test_add ("/patrol-view/close-anomaly", Fixture, NULL, fixture_set_up, test_close_anomaly_dialog,
              fixture_tear_down);
  g_test_add ("/patrol-view/sign-out-key", Fixture, NULL, fixture_set_up, test_sign_out_key, fixture_tear_down);
  g_test_add ("/patrol-view/print-and-export", Fixture, NULL, fixture_set_up, test_print_and_export,
              fixture_tear_down);
  return g_test_run ();
}
