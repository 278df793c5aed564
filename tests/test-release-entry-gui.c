/* Release slips issued from where the need arises, under Xvfb through the
 * real widgets: Ctrl+R on a unit's owner file opens the slip dialog on that
 * unit; Ctrl+R on a renovation opens it on the renovation's unit with the
 * reason "renovation" and its permit in the description.  Each slip issued
 * is read back from the database. */
#include "config.h"

#include <gtk/gtk.h>

#include "pd-demo.h"
#include "pd-owner-view.h"
#include "pd-release-slip-dialog.h"
#include "pd-renovation-view.h"
#include "pd-test-fixture.h"
#include "pd-test-gui.h"

#define NOW "2026-04-15 10:00:00"

typedef struct
{
  PdContext *ctx;
  GtkWidget *window;
} Fixture;

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->ctx = pd_test_context_new (NOW);
  g_assert_true (pd_demo_generate (fixture->ctx, 120, 11, &error));
  g_assert_no_error (error);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1366, 768);
}

static void
fixture_tear_down (Fixture      *fixture,
                   gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  pd_test_gui_spin ();
  g_clear_object (&fixture->ctx);
}

static void
show (Fixture   *fixture,
      GtkWidget *view)
{
  gtk_window_set_child (GTK_WINDOW (fixture->window), view);
  gtk_window_present (GTK_WINDOW (fixture->window));
  pd_test_gui_spin ();
}

static const char *
entry_text (GtkWidget  *dialog,
            const char *id)
{
  GtkWidget *entry = pd_test_gui_find_id (dialog, id);

  g_assert_nonnull (entry);
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static void
set_entry (GtkWidget  *dialog,
           const char *id,
           const char *text)
{
  GtkWidget *entry = pd_test_gui_find_id (dialog, id);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* The rest of the slip as a clerk types it: one item, the carrier, the
 * clerk's check; then Ctrl+S issues it and the dialog says so. */
static void
complete_and_issue (GtkWidget  *dialog,
                    const char *item)
{
  GtkWidget *items = pd_test_gui_find_id (dialog, "items_editor");

  /* The cursor waits on the first item when the unit came with the dialog. */
  g_assert_true (pd_test_gui_has_focus (items));
  gtk_editable_set_text (GTK_EDITABLE (pd_test_gui_find (items, GTK_TYPE_ENTRY, NULL)), item);
  set_entry (dialog, "carrier_entry", "李师傅");
  set_entry (dialog, "carrier_id_entry", "110101199003070011");
  set_entry (dialog, "plate_entry", "京A12345");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (pd_test_gui_find_id (dialog, "safe_check")), TRUE);
  pd_test_gui_press (dialog, GDK_KEY_s, GDK_CONTROL_MASK);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (pd_test_gui_find_id (dialog, "status_label"))),
                                   "Issued slip "));
}

static void
test_from_owner_file (Fixture      *fixture,
                      gconstpointer data)
{
  GtkWidget *view = pd_owner_view_new (fixture->ctx);
  GtkWidget *dialog;
  GtkSingleSelection *selection;
  gint64 unit_id = pd_test_count (fixture->ctx, "SELECT id FROM unit WHERE code = '1-2-301'", NULL);
  g_autofree char *unit = g_strdup_printf ("%" G_GINT64_FORMAT, unit_id);
  g_autofree char *sql = NULL;

  show (fixture, view);
  gtk_editable_set_text (GTK_EDITABLE (pd_test_gui_find_id (view, "search_entry")), "1-2-301");
  pd_test_gui_spin ();
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (pd_test_gui_find_id (view, "list_view"))));
  gtk_single_selection_set_selected (selection, 0);
  pd_test_gui_spin ();
  g_autofree char *last = g_strdup_printf ("%" G_GINT64_FORMAT,
                                           pd_test_count (fixture->ctx, "SELECT max (id) FROM release_slip", NULL));

  pd_test_gui_press (view, GDK_KEY_r, GDK_CONTROL_MASK);
  dialog = pd_test_gui_find_toplevel (fixture->window, PD_TYPE_RELEASE_SLIP_DIALOG);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (entry_text (dialog, "unit_entry"), ==, "1-2-301");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (pd_test_gui_find_id (dialog, "other_button"))));
  complete_and_issue (dialog, "衣柜");

  /* One new slip: that unit, its owner applying, the item. */
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM release_slip WHERE id > ?", last), ==, 1);
  sql = g_strdup_printf ("SELECT count(*) FROM release_slip s JOIN unit_role r ON r.person_id = s.applicant_id "
                         "AND r.unit_id = s.unit_id AND r.role = 'owner' AND r.ended_on = '' "
                         "JOIN release_slip_item i ON i.slip_id = s.id AND i.name = '衣柜' AND i.quantity = 1 "
                         "WHERE s.id > %s AND s.unit_id = ? AND s.unit_code = '1-2-301' AND s.reason = 'other' "
                         "AND s.applicant_role = 'owner' AND s.carrier_name = '李师傅' AND s.state = 'issued'", last);
  g_assert_cmpint (pd_test_count (fixture->ctx, sql, unit), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_from_renovation (Fixture      *fixture,
                      gconstpointer data)
{
  GtkWidget *view = pd_renovation_view_new (fixture->ctx);
  sqlite3_stmt *stmt;
  gint64 renovation_id, unit_id, applicant_id;
  g_autofree char *unit_code = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *note = NULL;
  g_autofree char *last = NULL;
  g_autofree char *sql = NULL;
  GtkWidget *dialog;

  /* A renovation with its permit, a tenant's if there is one (the slip
   * then needs the owner's confirmation), on site if possible. */
  stmt = pd_database_prepare (pd_context_get_database (fixture->ctx),
                              "SELECT r.id, r.unit_id, u.code, r.serial, r.applicant_id FROM renovation r "
                              "JOIN unit u ON u.id = r.unit_id "
                              "JOIN unit_role a ON a.unit_id = r.unit_id AND a.person_id = r.applicant_id AND a.ended_on = '' "
                              "WHERE r.serial <> '' AND r.state NOT IN ('rejected', 'refunded', 'closed', 'withdrawn') "
                              "ORDER BY r.applicant_role <> 'tenant', r.state <> 'in_progress', r.id LIMIT 1", NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  renovation_id = sqlite3_column_int64 (stmt, 0);
  unit_id = sqlite3_column_int64 (stmt, 1);
  unit_code = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  serial = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  applicant_id = sqlite3_column_int64 (stmt, 4);
  sqlite3_reset (stmt);
  unit = g_strdup_printf ("%" G_GINT64_FORMAT, unit_id);
  note = g_strdup_printf ("Permit %s", serial);

  last = g_strdup_printf ("%" G_GINT64_FORMAT, pd_test_count (fixture->ctx, "SELECT max (id) FROM release_slip", NULL));
  show (fixture, view);
  pd_renovation_view_select (PD_RENOVATION_VIEW (view), renovation_id);
  pd_test_gui_spin ();
  pd_test_gui_press (view, GDK_KEY_r, GDK_CONTROL_MASK);
  dialog = pd_test_gui_find_toplevel (fixture->window, PD_TYPE_RELEASE_SLIP_DIALOG);
  g_assert_cmpstr (entry_text (dialog, "unit_entry"), ==, unit_code);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (pd_test_gui_find_id (dialog, "renovation_button"))));
  g_assert_cmpstr (entry_text (dialog, "reason_note_entry"), ==, note);
  complete_and_issue (dialog, "建筑垃圾");

  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM release_slip WHERE id > ?", last), ==, 1);
  sql = g_strdup_printf ("SELECT count(*) FROM release_slip s "
                         "JOIN release_slip_item i ON i.slip_id = s.id AND i.name = '建筑垃圾' "
                         "WHERE s.id > %s AND s.unit_id = ? AND s.reason = 'renovation' AND s.state = 'issued' "
                         "AND s.reason_note = 'Permit %s' AND s.applicant_id = %" G_GINT64_FORMAT " "
                         "AND (s.applicant_role <> 'tenant' OR s.owner_confirm_name <> '')", last, serial,
                         applicant_id);
  g_assert_cmpint (pd_test_count (fixture->ctx, sql, unit), ==, 1);
  g_test_message ("slip for renovation %s issued to its %s", serial,
                  pd_test_count (fixture->ctx, "SELECT count(*) FROM release_slip WHERE id > ? "
                                               "AND applicant_role = 'tenant'", last) ? "tenant" : "owner");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  g_test_add ("/release-entry/from-owner-file", Fixture, NULL, fixture_set_up, test_from_owner_file,
              fixture_tear_down);
  g_test_add ("/release-entry/from-renovation", Fixture, NULL, fixture_set_up, test_from_renovation,
              fixture_tear_down);
  return g_test_run ();
}
