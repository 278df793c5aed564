/* The Renovation approvals tab, driven through its real widgets under Xvfb:
 * an application is typed in, refused while incomplete (the message next
 * to the field), completed, submitted and taken through the review stages
 * to approval, with the role gates in between. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>

#include "pd-i18n.h"
#include "pd-renovation-detail.h"
#include "pd-renovation-form.h"
#include "pd-renovation-view.h"
#include "renovation-fixture.h"

static void
drain (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkWidget *
find_id (GtkWidget  *root,
         const char *id)
{
  if (GTK_IS_BUILDABLE (root) && g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_id (child, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A visible button or check button with @label (mnemonics ignored), or a
 * check button named @label. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if ((GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0 &&
       gtk_widget_get_visible (gtk_widget_get_parent (root))) ||
      (GTK_IS_CHECK_BUTTON (root) && g_strcmp0 (gtk_widget_get_name (root), label) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
type_in (GtkWidget  *root,
         const char *id,
         const char *text)
{
  GtkWidget *entry = find_id (root, id);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  drain ();
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = find_button (root, label);

  if (button == NULL)
    g_error ("no button “%s”", label);
  g_assert_true (gtk_widget_is_sensitive (button));
  if (GTK_IS_CHECK_BUTTON (button))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (button), TRUE);
  else
    g_signal_emit_by_name (button, "clicked");
  drain ();
}

/* The error label the form put in the same grid row as field @id. */
static GtkWidget *
field_error_beside (GtkWidget  *form,
                    const char *id)
{
  GtkWidget *field = find_id (form, id);
  GtkGrid *grid = GTK_GRID (gtk_widget_get_parent (field));
  int column, row, field_row, width, height;

  gtk_grid_query_child (grid, field, &column, &field_row, &width, &height);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_LABEL (child) || !gtk_widget_has_css_class (child, "field-error"))
        continue;
      gtk_grid_query_child (grid, child, &column, &row, &width, &height);
      if (row == field_row && column == 2)
        return child;
    }
  return NULL;
}

static char *
db_state (PdContext *ctx)
{
  g_autoptr (PdRenovation) r = pd_renovation_get (ctx, 1, NULL);
  return g_strdup (r ? r->state : "");
}

/* PD_TEST_SHOT=DIR saves what the window shows at each step, to look at. */
static void
shot (GtkWidget  *window,
      const char *name)
{
  const char *dir = g_getenv ("PD_TEST_SHOT");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (window);
  /* After a change the window has to be laid out again before it draws. */
  for (int tries = 0; tries < 100 && node == NULL; tries++)
    {
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        {
          g_usleep (20000);
          drain ();
        }
    }
  if (node == NULL)
    {
      g_test_message ("no picture of %s: nothing drawn", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                        &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

static void
test_application_to_approval (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 10:00:00");
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  gint64 unit = fx_unit (ctx, "1-1-101", "residential", "handed_over");
  gint64 owner = fx_person (ctx, rand, "王建国");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view, *form, *detail, *worker_error, *error_label;
  g_autofree char *licence = pd_demo_make_uscc (rand);
  g_autofree char *worker_id = pd_demo_make_prc_id (rand, "1988-04-02", TRUE);
  g_autofree char *state = NULL;

  fx_role (ctx, unit, owner, "owner", 0);
  pd_context_set_user (ctx, "前台小李", PD_ROLE_CLERK);
  view = pd_renovation_view_new (ctx);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  drain ();
  form = find_type (view, PD_TYPE_RENOVATION_FORM);
  detail = find_type (view, PD_TYPE_RENOVATION_DETAIL);

  /* Ctrl+N: a new application; the owner is offered once the unit is typed. */
  g_assert_true (gtk_widget_activate_action (view, "renovation.new", NULL));
  type_in (form, "unit_entry", "1-1-101");
  type_in (form, "contractor_name", "新景装饰工程有限公司");
  type_in (form, "contractor_licence", licence);
  type_in (form, "contractor_qualification", "建筑装修装饰工程专业承包二级");
  type_in (form, "contractor_person", "周建华");
  type_in (form, "contractor_phone", "139 1234 5678");
  type_in (form, "planned_start", "2026/12/1");
  type_in (form, "planned_end", "2027-02-28");
  click (form, "surface");
  click (form, "electrical");
  click (form, "floor_plan");
  g_assert_true (gtk_widget_activate_action (view, "renovation.save", NULL));
  drain ();
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation WHERE state = 'draft' AND "
                                  "planned_start = '2026-12-01' AND contractor_phone = '13912345678' AND "
                                  "applicant_id = (SELECT id FROM person WHERE name = '王建国')", NULL), ==, 1);
  shot (window, "1-draft");

  /* Submitting now is refused: the electrical drawing is missing, and the
   * message stands next to the drawings in the form. */
  gtk_notebook_set_current_page (GTK_NOTEBOOK (find_id (view, "pages")), 1);
  drain ();
  click (detail, pd_renovation_action_label (PD_RENOVATION_SUBMIT));
  state = db_state (ctx);
  g_assert_cmpstr (state, ==, "draft");
  g_clear_pointer (&state, g_free);
  error_label = field_error_beside (form, "drawings_box");
  g_assert_nonnull (error_label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   _("Drawings: electrical work needs the electrical drawing."));
  shot (window, "2-refused");
  click (find_id (form, "drawings_box"), "electrical");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_button (find_id (form, "drawings_box"),
                                                                             "electrical"))));

  /* A worker with a wrong ID number is refused next to the worker entries. */
  type_in (form, "worker_name", "李师傅");
  type_in (form, "worker_id", "110101198804021234");
  click (form, _("Add worker"));
  worker_error = find_id (form, "worker_error");
  g_assert_true (gtk_widget_get_visible (worker_error));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation_worker", NULL), ==, 0);
  type_in (form, "worker_id", worker_id);
  click (form, _("Add worker"));
  g_assert_false (gtk_widget_get_visible (worker_error));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation_worker WHERE name = '李师傅'", NULL), ==, 1);
  g_assert_true (gtk_widget_activate_action (view, "renovation.save", NULL));
  drain ();

  /* Submit, send to engineering, engineering's opinion. */
  gtk_notebook_set_current_page (GTK_NOTEBOOK (find_id (view, "pages")), 1);
  click (detail, pd_renovation_action_label (PD_RENOVATION_SUBMIT));
  state = db_state (ctx);
  g_assert_cmpstr (state, ==, "submitted");
  g_clear_pointer (&state, g_free);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation WHERE review_due = '2026-11-26'", NULL), ==, 1);
  click (detail, pd_renovation_action_label (PD_RENOVATION_START_REVIEW));
  type_in (detail, "note_entry", "图纸符合要求");
  click (detail, pd_renovation_action_label (PD_RENOVATION_PASS_REVIEW));
  state = db_state (ctx);
  g_assert_cmpstr (state, ==, "review_supervisor");
  g_clear_pointer (&state, g_free);

  /* The clerk cannot pass the supervisor's stage: refused with a message. */
  click (detail, pd_renovation_action_label (PD_RENOVATION_PASS_REVIEW));
  state = db_state (ctx);
  g_assert_cmpstr (state, ==, "review_supervisor");
  g_clear_pointer (&state, g_free);
  g_assert_true (gtk_widget_get_visible (find_id (detail, "error_label")));
  shot (window, "3-denied");

  pd_context_set_user (ctx, "客服主管陈静", PD_ROLE_SUPERVISOR);
  click (detail, pd_renovation_action_label (PD_RENOVATION_PASS_REVIEW));
  pd_context_set_user (ctx, "管理处经理刘伟", PD_ROLE_MANAGER);
  type_in (detail, "note_entry", "同意施工");
  click (detail, pd_renovation_action_label (PD_RENOVATION_PASS_REVIEW));
  state = db_state (ctx);
  g_assert_cmpstr (state, ==, "approved");
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM renovation_event WHERE to_state = 'approved' AND "
                                  "user_name = '管理处经理刘伟' AND note = '同意施工'", NULL), ==, 1);
  /* The register shows the new state, and the fees are the next step. */
  g_assert_nonnull (find_button (detail, pd_renovation_action_label (PD_RENOVATION_RECORD_FEES)));
  g_assert_null (find_button (detail, pd_renovation_action_label (PD_RENOVATION_SUBMIT)));
  shot (window, "4-approved");

  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

int
main (int    argc,
      char **argv)
{
  pd_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/renovation-gui/application-to-approval", test_application_to_approval);
  return g_test_run ();
}
