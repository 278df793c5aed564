/* The Handovers tab driven through its real widgets under Xvfb: a refused
 * start, a handover started, papers, readings and keys entered, the
 * checklist walked from its key actions with one defect, the inspection
 * finished, the notice sent, the defect re-inspected as fixed, the unit
 * handed over; and the checklist template edited in its dialog.
 * PD_TEST_SHOTS=DIR saves a PNG of the window at each stage. */
#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "pd-handover-checklist-view.h"
#include "pd-handover-defects-view.h"
#include "pd-handover-editor.h"
#include "pd-handover-start-dialog.h"
#include "pd-handover-template-dialog.h"
#include "pd-handover-view.h"
#include "pd-i18n.h"
#include "pd-owner-detail.h"
#include "pd-test-fixture.h"
#include "pd-test-handover.h"

static void
spin (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWidget *
find_in (GtkWidget  *root,
         GType       type,
         const char *name)
{
  if ((type == G_TYPE_INVALID || G_TYPE_CHECK_INSTANCE_TYPE (root, type)) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_in (child, type, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find (GtkWidget  *root,
      GType       type,
      const char *name)
{
  GtkWidget *found = find_in (root, type, name);

  if (found == NULL)
    g_error ("no widget %s named %s", g_type_name (type), name ? name : "(any)");
  return found;
}

/* A toplevel other than @main_window, by type. */
static GtkWidget *
find_toplevel (GtkWidget *main_window,
               GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);
      if (window != main_window && G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  g_error ("no %s open", g_type_name (type));
  return NULL;
}

static void
type_into (GtkWidget  *root,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find (root, G_TYPE_INVALID, name)), text);
}

static void
shot (GtkWidget  *window,
      const char *name)
{
  const char *dir = g_getenv ("PD_TEST_SHOTS");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int w, h;

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (window);
  /* Let the window lay out and draw its first frame. */
  for (int tries = 0; tries < 40 && node == NULL; tries++)
    {
      g_usleep (20000);
      spin ();
      w = gtk_widget_get_width (window);
      h = gtk_widget_get_height (window);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

/* The first label under @root whose text contains @text, or NULL. */
static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
label_text (GtkWidget *label)
{
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_complete_a_handover (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-09-24 10:00:00");
  gint64 unit = pd_test_make_unit (ctx, "1-1-102", "vacant", "residential");
  GtkWidget *window = gtk_window_new ();
  PdHandoverView *view = pd_handover_view_new (ctx);
  GtkWidget *dialog, *editor, *checklist, *defects, *note, *error_label;
  gint64 id;

  pd_test_make_unit (ctx, "1-1-201", "handed_over", "residential");
  pd_test_make_owner (ctx, unit, "张三", 1);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  editor = find (window, PD_TYPE_HANDOVER_EDITOR, NULL);

  /* Ctrl+N's action: the start dialog refuses a unit already handed over. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "handover.new", NULL));
  spin ();
  dialog = find_toplevel (window, PD_TYPE_HANDOVER_START_DIALOG);
  type_into (dialog, "unit", "1-1-201");
  spin ();
  g_assert_nonnull (strstr (label_text (find (dialog, GTK_TYPE_LABEL, "unit-info")), "already handed over"));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  spin ();
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover", NULL), ==, 0);

  /* The right unit and its owner from the owner file. */
  type_into (dialog, "unit", "1-1-102");
  spin ();
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find (dialog, GTK_TYPE_DROP_DOWN, "owner"))), ==, 0);
  shot (dialog, "1-start");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  spin ();
  id = pd_test_count (ctx, "SELECT id FROM handover WHERE unit_id = 1", NULL);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (pd_handover_editor_get_handover_id (PD_HANDOVER_EDITOR (editor)), ==, id);

  /* Papers, readings (a bad one first), keys. */
  type_into (editor, "fee_receipt", "SK-2026-000123");
  type_into (editor, "engineer", "工程部 李工");
  for (const char *const *key = (const char *const[]) { "move_in_notice", "purchase_contract", "owner_id",
                                                        "service_contract", "renovation_agreement",
                                                        "management_rules", NULL }; *key; key++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (find (editor, GTK_TYPE_CHECK_BUTTON, *key)), TRUE);
  type_into (editor, "water", "-3");
  type_into (editor, "electricity", "3021.75");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  spin ();
  error_label = gtk_grid_get_child_at (GTK_GRID (gtk_widget_get_parent (find (editor, GTK_TYPE_ENTRY, "water"))), 1, 1);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (label_text (error_label), "cannot be negative"));
  g_assert_true (gtk_widget_has_css_class (find (editor, GTK_TYPE_ENTRY, "water"), "error"));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover WHERE fee_receipt = ''", NULL), ==, 1);
  type_into (editor, "water", "12.5");
  type_into (editor, "gas", "0.5");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find (editor, GTK_TYPE_SPIN_BUTTON, "house_keys")), 3);
  type_into (editor, "access_cards", "MJ01 MJ02");
  g_signal_emit_by_name (find (editor, GTK_TYPE_BUTTON, "keys-today"), "clicked");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  spin ();
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover WHERE water_milli = 12500 AND "
                                       "electricity_milli = 3021750 AND gas_milli = 500 AND house_keys = 3 AND "
                                       "access_cards = 'MJ01、MJ02' AND keys_received_by = '张三' AND "
                                       "keys_handed_on = '2026-09-24' AND fee_receipt = 'SK-2026-000123'", NULL), ==, 1);
  shot (window, "2-papers");

  /* The walk, from the keys' actions: OK, OK, not applicable, a defect with
   * its note typed and Enter, then the rest OK. */
  checklist = find (editor, PD_TYPE_HANDOVER_CHECKLIST_VIEW, NULL);
  note = find (checklist, GTK_TYPE_ENTRY, "checklist-note");
  g_assert_true (gtk_widget_activate_action (checklist, "checklist.ok", NULL));
  g_assert_true (gtk_widget_activate_action (checklist, "checklist.ok", NULL));
  g_assert_true (gtk_widget_activate_action (checklist, "checklist.na", NULL));
  g_assert_true (gtk_widget_activate_action (checklist, "checklist.defect", NULL));
  gtk_editable_set_text (GTK_EDITABLE (note), "可视对讲无图像");
  g_signal_emit_by_name (note, "activate");
  spin ();
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_check WHERE result = 'ok'", NULL), ==, 2);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_check WHERE result = 'na' AND position = 3", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_defect WHERE room = '入户门厅' "
                                       "AND description = '地面：可视对讲无图像'", NULL), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, "");
  {
    g_autofree char *progress = pd_handover_checklist_view_get_progress (PD_HANDOVER_CHECKLIST_VIEW (checklist));
    g_assert_cmpstr (progress, ==, "4/44");
  }
  gtk_notebook_set_current_page (GTK_NOTEBOOK (find (editor, GTK_TYPE_NOTEBOOK, NULL)), 2);
  shot (window, "3-checklist");
  g_assert_true (gtk_widget_activate_action (checklist, "checklist.rest-ok", NULL));
  spin ();

  /* Finish, send the notice, re-inspect as fixed, hand over. */
  g_assert_true (gtk_widget_activate_action (editor, "editor.finish", NULL));
  spin ();
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover WHERE status = 'defects_open'", NULL), ==, 1);
  defects = find (editor, PD_TYPE_HANDOVER_DEFECTS_VIEW, NULL);
  g_assert_true (gtk_widget_activate_action (defects, "defects.send-notice", NULL));
  spin ();
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_defect WHERE notice_no = 'ZG2026-0001'", NULL), ==, 1);
  gtk_notebook_set_current_page (GTK_NOTEBOOK (find (editor, GTK_TYPE_NOTEBOOK, NULL)), 3);
  shot (window, "4-defects");
  pd_handover_defects_view_select (PD_HANDOVER_DEFECTS_VIEW (defects), 0);
  g_assert_true (gtk_widget_activate_action (defects, "defects.reinspect", NULL));
  spin ();
  dialog = find_toplevel (window, GTK_TYPE_DIALOG);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (dialog, GTK_TYPE_CHECK_BUTTON, "fixed"))));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  spin ();
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover WHERE status = 'inspected'", NULL), ==, 1);
  g_assert_true (gtk_widget_activate_action (editor, "editor.close", NULL));
  spin ();
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover WHERE status = 'closed' "
                                       "AND closed_on = '2026-09-24'", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit WHERE code = '1-1-102' AND state = 'handed_over'", NULL), ==, 1);
  g_assert_cmpstr (label_text (find (editor, GTK_TYPE_LABEL, "handover-status")), ==, "Closed");
  shot (window, "5-closed");

  /* The list shows it closed; "Overdue only" hides it. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
                      GTK_COLUMN_VIEW (find (window, GTK_TYPE_COLUMN_VIEW, "handover-list"))))), ==, 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (window, GTK_TYPE_CHECK_BUTTON, "handover-attention")), TRUE);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (
                      GTK_COLUMN_VIEW (find (window, GTK_TYPE_COLUMN_VIEW, "handover-list"))))), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();

  /* The owner file shows the unit handed over, and the handover. */
  {
    GtkWidget *file_window = gtk_window_new ();
    GtkWidget *detail = pd_owner_detail_new (ctx);
    GtkWidget *state_label = NULL;

    gtk_window_set_child (GTK_WINDOW (file_window), detail);
    gtk_window_present (GTK_WINDOW (file_window));
    pd_owner_detail_load (PD_OWNER_DETAIL (detail), unit);
    spin ();
    state_label = find_label_containing (detail, "Handover: Closed 2026-09-24");
    g_assert_nonnull (state_label);
    g_assert_nonnull (find_label_containing (detail, "Handed over"));
    gtk_window_destroy (GTK_WINDOW (file_window));
    spin ();
  }
}

static void
test_template_dialog (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-09-24 10:00:00");
  GtkWidget *dialog = pd_handover_template_dialog_new (NULL, ctx);
  GtkWidget *rows;
  GtkListBoxRow *first;

  gtk_window_present (GTK_WINDOW (dialog));
  spin ();
  rows = find (dialog, GTK_TYPE_LIST_BOX, "template-rows");
  /* Shops: 12 rows; the first one's item renamed, then saved. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (dialog, GTK_TYPE_DROP_DOWN, "use")), 1);
  spin ();
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (rows), 11));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (rows), 12));
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (rows), 0);
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_next_sibling (
                           gtk_widget_get_first_child (gtk_list_box_row_get_child (first)))), "防盗卷帘门");
  shot (dialog, "6-template");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  spin ();
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_template_item WHERE use = 'shop' "
                                       "AND position = 1 AND item = '防盗卷帘门'", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_template_item WHERE use = 'shop'", NULL), ==, 12);
}

/* Only with PD_TEST_SHOTS: the tab on the demo office, styled as in the
 * application, for a person to look at (LANGUAGE=zh_CN for the office's view). */
static void
test_demo_shots (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 10:00:00");
  g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr (GError) error = NULL;
  GtkWidget *window, *editor;
  PdHandoverView *view;
  gint64 id;

  if (g_getenv ("PD_TEST_SHOTS") == NULL)
    {
      g_test_skip ("PD_TEST_SHOTS not set");
      return;
    }
  g_assert_true (pd_demo_generate (ctx, 300, 20261123, &error));
  gtk_css_provider_load_from_resource (css, "/org/propdesk/PropDesk/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  window = gtk_window_new ();
  view = pd_handover_view_new (ctx);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  editor = find (window, PD_TYPE_HANDOVER_EDITOR, NULL);
  id = pd_test_count (ctx, "SELECT min (handover_id) FROM handover_defect WHERE status = 'open' "
                           "AND deadline < '2026-11-23'", NULL);
  pd_handover_view_show (view, id);
  gtk_notebook_set_current_page (GTK_NOTEBOOK (find (editor, GTK_TYPE_NOTEBOOK, NULL)), 3);
  shot (window, "7-demo-defects");
  gtk_notebook_set_current_page (GTK_NOTEBOOK (find (editor, GTK_TYPE_NOTEBOOK, NULL)), 0);
  shot (window, "8-demo-papers");
  id = pd_test_count (ctx, "SELECT min (id) FROM handover WHERE status = 'in_progress' "
                           "AND EXISTS (SELECT 1 FROM handover_check c WHERE c.handover_id = handover.id AND c.result = '')", NULL);
  pd_handover_view_show (view, id);
  gtk_notebook_set_current_page (GTK_NOTEBOOK (find (editor, GTK_TYPE_NOTEBOOK, NULL)), 2);
  shot (window, "9-demo-checklist");
  gtk_window_destroy (GTK_WINDOW (window));
  spin ();
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  pd_i18n_init ();
  g_test_add_func ("/gui-handover/complete-a-handover", test_complete_a_handover);
  g_test_add_func ("/gui-handover/template-dialog", test_template_dialog);
  g_test_add_func ("/gui-handover/demo-shots", test_demo_shots);
  return g_test_run ();
}
