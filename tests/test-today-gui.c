/* The Today tab in the real window under Xvfb: it is the first tab, shows
 * every group with its count, and activating a line (what Enter or a double
 * click on a row emits) switches to the record's tab with the record
 * selected there. */
#include "config.h"

#include <gtk/gtk.h>

#include "pd-handover-view.h"
#include "pd-owner-list-model.h"
#include "pd-owner-view.h"
#include "pd-patrol-vacancy.h"
#include "pd-patrol-view.h"
#include "pd-record-item.h"
#include "pd-renovation-view.h"
#include "pd-test-gui.h"
#include "pd-test-handover.h"
#include "pd-today-view.h"
#include "pd-today.h"
#include "pd-window.h"
#include "renovation-fixture.h"

#define TODAY "2026-10-09 10:00:00"

static void
iterate (void)
{
  pd_test_gui_settle (5, 2000);
}

/* Every label text under @widget, one per line. */
static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static GtkWidget *
label_showing (GtkWidget  *widget,
               const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = label_showing (child, needle);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Enter on the row of @list that shows @needle: the row takes the focus
 * and is activated as its key binding does. */
static void
activate_row (GtkColumnView *list,
              const char    *needle)
{
  GtkWidget *row = label_showing (GTK_WIDGET (list), needle);

  g_assert_nonnull (row);
  while (!GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)))
    row = gtk_widget_get_parent (row);
  gtk_widget_grab_focus (row);
  g_assert_true (gtk_widget_activate (row));
  iterate ();
}

static GtkNotebook *
notebook_of (GtkWidget *window)
{
  return GTK_NOTEBOOK (pd_test_gui_find (window, GTK_TYPE_NOTEBOOK, NULL));
}

static GtkWidget *
current_page (GtkWidget *window)
{
  return pd_window_get_current_view (PD_WINDOW (window));
}

static gpointer
selected_record (GtkWidget *view,
                 const char *list_name)
{
  GtkColumnView *list = GTK_COLUMN_VIEW (pd_test_gui_find (view, GTK_TYPE_COLUMN_VIEW, list_name));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (list));
  PdRecordItem *item = gtk_single_selection_get_selected_item (selection);

  return item ? pd_record_item_get (item) : NULL;
}

static void
test_today_tab (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (TODAY);
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autoptr (GError) error = NULL;
  GtkWidget *window, *today;
  GtkColumnView *list;
  g_autoptr (GString) shown = g_string_new ("");
  gint64 vacant, tenant_unit;

  /* A renovation submitted Mon 09-28: its reply was due 10-08. */
  {
    gint64 unit = fx_unit (ctx, "1-1-101", "residential", "handed_over");
    gint64 owner = fx_person (ctx, rand, "钱业主");

    gint64 review;

    fx_role (ctx, unit, owner, "owner", 0);
    review = fx_application (ctx, rand, unit, owner);
    pd_test_set_now (ctx, "2026-09-28 09:00:00");
    fx_run_to (ctx, review, "submitted");
  }
  /* A handover defect due yesterday. */
  pd_test_set_now (ctx, "2026-09-24 09:00:00");
  {
    gint64 unit = pd_test_make_unit (ctx, "4-1-101", "unsold", "residential");
    gint64 owner = pd_test_make_owner (ctx, unit, "孙业主", 41);
    g_autoptr (PdHandoverDefect) defect = pd_handover_defect_new ();
    gint64 handover_id = pd_handover_start (ctx, unit, owner, NULL, "2026-09-24", &error);

    g_assert_no_error (error);
    defect->handover_id = handover_id;
    pd_renovation_set_text (&defect->room, "客厅");
    pd_renovation_set_text (&defect->description, "墙面空鼓");
    pd_renovation_set_text (&defect->responsible, "建设单位");
    pd_renovation_set_text (&defect->deadline, "2026-10-08");
    g_assert_cmpint (pd_handover_defect_add (ctx, defect, &error), >, 0);
    g_assert_no_error (error);
  }
  pd_test_set_now (ctx, TODAY);
  /* A vacant unit whose September half went without a patrol. */
  vacant = pd_test_make_unit (ctx, "3-1-102", "vacant", "residential");
  g_assert_true (pd_patrol_set_vacant_since (ctx, vacant, "2026-06-01", &error));
  /* A tenant whose lease ends in a week. */
  {
    g_autoptr (PdUnitRole) role = pd_unit_role_new ("tenant");
    gint64 owner;

    tenant_unit = pd_test_make_unit (ctx, "6-1-101", "rented", "residential");
    owner = fx_person (ctx, rand, "周业主");
    fx_role (ctx, tenant_unit, owner, "owner", 0);
    role->unit_id = tenant_unit;
    role->person_id = fx_person (ctx, rand, "吴租客");
    pd_renovation_set_text (&role->start_on, "2025-10-16");
    pd_renovation_set_text (&role->lease_end, "2026-10-16");
    role->authorised_by = owner;
    g_assert_cmpint (pd_unit_role_add (ctx, role, &error), >, 0);
    g_assert_no_error (error);
  }

  window = GTK_WIDGET (pd_window_new (NULL, ctx));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  /* The first tab is Today, and it is the one shown. */
  today = gtk_notebook_get_nth_page (notebook_of (window), 0);
  g_assert_true (PD_IS_TODAY_VIEW (today));
  g_assert_cmpstr (gtk_notebook_get_tab_label_text (notebook_of (window), today), ==, "Today");
  g_assert_true (current_page (window) == today);
  list = GTK_COLUMN_VIEW (pd_test_gui_find (today, GTK_TYPE_COLUMN_VIEW, "today-list"));
  collect_labels (today, shown);
  g_assert_nonnull (strstr (shown->str, "Renovation reviews to answer (1, 1 overdue)\n"));
  g_assert_nonnull (strstr (shown->str, "Handover defects at their deadline (1, 1 overdue)\n"));
  g_assert_nonnull (strstr (shown->str, "Vacant units to patrol this period (1, 1 overdue)\n"));
  g_assert_nonnull (strstr (shown->str, "Tenant leases ending (1)\n"));
  g_assert_nonnull (strstr (shown->str, "Contractor notices to send (1, 1 overdue)\n"));
  g_assert_nonnull (strstr (shown->str, "Keys to get back (0)\n"));
  g_assert_nonnull (strstr (shown->str, "5 items due, 4 overdue\n"));
  g_assert_nonnull (strstr (shown->str, "Reply to the application (Submitted)\n"));
  pd_test_gui_shot (window, "today-tab");

  /* Activating the review opens the Renovations tab on that application. */
  activate_row (list, "Reply to the application");
  g_assert_true (PD_IS_RENOVATION_VIEW (current_page (window)));

  /* The defect: the Handovers tab with that handover chosen. */
  gtk_notebook_set_current_page (notebook_of (window), 0);
  activate_row (list, "客厅: 墙面空鼓");
  g_assert_true (PD_IS_HANDOVER_VIEW (current_page (window)));

  /* The vacant unit: the patrol tab with the unit selected. */
  gtk_notebook_set_current_page (notebook_of (window), 0);
  activate_row (list, "never patrolled");
  g_assert_true (PD_IS_PATROL_VIEW (current_page (window)));
  {
    const PdVacantUnit *unit = selected_record (current_page (window), NULL);
    g_assert_nonnull (unit);
    g_assert_cmpint (unit->unit_id, ==, vacant);
  }

  /* The lease: the unit's owner file. */
  gtk_notebook_set_current_page (notebook_of (window), 0);
  activate_row (list, "Lease of tenant 吴租客 ends");
  g_assert_true (PD_IS_OWNER_VIEW (current_page (window)));
  {
    GtkColumnView *owners = GTK_COLUMN_VIEW (pd_test_gui_find (current_page (window), GTK_TYPE_COLUMN_VIEW, NULL));
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (owners));
    PdOwnerListModel *model = PD_OWNER_LIST_MODEL (gtk_single_selection_get_model (selection));

    g_assert_cmpint (pd_owner_list_model_get_unit_id (model, gtk_single_selection_get_selected (selection)), ==,
                     tenant_unit);
  }

  /* A record written elsewhere shows up without being asked. */
  gtk_notebook_set_current_page (notebook_of (window), 0);
  g_assert_true (pd_unit_role_end (ctx, pd_test_count (ctx, "SELECT id FROM unit_role WHERE role = 'tenant'", NULL),
                                   "2026-10-09", &error));
  g_assert_no_error (error);
  iterate ();
  g_string_truncate (shown, 0);
  collect_labels (today, shown);
  g_assert_nonnull (strstr (shown->str, "Tenant leases ending (0)\n"));
  g_assert_nonnull (strstr (shown->str, "4 items due, 4 overdue\n"));

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  g_test_add_func ("/today-gui/tab", test_today_tab);
  return g_test_run ();
}
