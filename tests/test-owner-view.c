/* The Owner files tab on a demo database, driven through its real widgets:
 * the list, the search box, sorting, editing and saving a file (and its
 * history), a refused edit, and a new file through the dialog. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "pd-demo.h"
#include "pd-form-field.h"
#include "pd-owner-file.h"
#include "pd-owner-history.h"
#include "pd-owner-list.h"
#include "pd-owner-view.h"
#include "pd-record-item.h"
#include "pd-test-fixture.h"
#include "pd-test-gui.h"
#include "pd-unit-role.h"

#define NOW "2026-03-10 09:30:00"
#define UNITS 120

typedef struct
{
  PdContext *ctx;
  GtkWidget *window;
  GtkWidget *view;
} Fixture;

static void
iterate (void)
{
  /* Twice: idle handlers (refreshes) may queue more work. */
  pd_test_gui_settle (2, 1000);
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static GListModel *
list_model (Fixture *fixture)
{
  GtkWidget *list = pd_test_gui_find_id (fixture->view, "list_view");

  g_assert_nonnull (list);
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (list)));
}

static const PdOwnerRow *
row_at (Fixture *fixture,
        guint    position)
{
  g_autoptr (GObject) item = g_list_model_get_item (list_model (fixture), position);

  g_assert_nonnull (item);
  /* The model's cache keeps the item (and its row) alive. */
  return pd_record_item_get (PD_RECORD_ITEM (item));
}

static guint
position_of (Fixture    *fixture,
             const char *unit_code)
{
  GListModel *model = list_model (fixture);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (row_at (fixture, i)->unit_code, unit_code) == 0)
      return i;
  return G_MAXUINT;
}

static GtkEditable *
field_entry (GtkWidget  *form,
             const char *key)
{
  PdFormField *field = pd_form_field_find (form, key);

  g_assert_nonnull (field);
  return GTK_EDITABLE (pd_form_field_get_child (field));
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "owners.db", NULL);
  g_autoptr (GError) error = NULL;

  g_remove (path);
  fixture->ctx = pd_test_context_open (path, NOW);
  g_assert_true (pd_demo_generate (fixture->ctx, UNITS, 20261123, &error));
  g_assert_no_error (error);
  fixture->view = pd_owner_view_new (fixture->ctx);
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
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_clear_object (&fixture->ctx);
}

static void
test_list_and_search (Fixture      *fixture,
                      gconstpointer data)
{
  GtkWidget *search = pd_test_gui_find_id (fixture->view, "search_entry");
  GtkWidget *count = pd_test_gui_find_id (fixture->view, "count_label");
  GListModel *model = list_model (fixture);
  guint n;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, UNITS);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                    pd_test_count (fixture->ctx, "SELECT count(*) FROM unit", NULL));
  g_assert_cmpstr (row_at (fixture, 0)->unit_code, ==, "1-1-101");
  g_assert_cmpstr (row_at (fixture, 0)->owners, ==, "张三");
  /* What is drawn, not only what is in the model. */
  g_assert_true (has_label (fixture->view, "1-1-101"));
  g_assert_true (has_label (fixture->view, "张三"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, "120 units");

  gtk_editable_set_text (GTK_EDITABLE (search), "zs");
  iterate ();
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, UNITS);
  g_assert_cmpuint (position_of (fixture, "1-1-101"), !=, G_MAXUINT);
  for (guint i = 0; i < n; i++)
    {
      /* Every row found has someone whose name reads z… s… on that unit. */
      g_autofree char *unit_id = g_strdup_printf ("%" G_GINT64_FORMAT, row_at (fixture, i)->unit_id);
      g_assert_cmpint (pd_test_count (fixture->ctx,
                                      "SELECT count(*) FROM unit_role r JOIN person p ON p.id = r.person_id "
                                      "WHERE r.unit_id = ? AND r.ended_on = '' AND p.initials LIKE 'zs%'",
                                      unit_id), >, 0);
    }
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (count)), "units found") ||
                 g_str_has_suffix (gtk_label_get_text (GTK_LABEL (count)), "unit found"));

  /* A phone tail narrows to the owner of that phone. */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, UNITS);
  {
    g_autofree char *tail = g_strdup (row_at (fixture, 0)->owner_mobile + 7);
    gtk_editable_set_text (GTK_EDITABLE (search), tail);
    iterate ();
    g_assert_cmpuint (position_of (fixture, "1-1-101"), !=, G_MAXUINT);
  }

  /* A write elsewhere (an import, another tab) reaches the list through
   * the context's "changed" signal. */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  iterate ();
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PdUnit) unit = pd_unit_new ();
    g_autoptr (PdPerson) person = pd_person_new ();
    g_autoptr (PdUnitRole) role = pd_unit_role_new ("owner");

    unit->code = g_strdup ("88-1-101");
    person->name = (g_free (person->name), g_strdup ("诸葛亮"));
    g_assert_cmpint (pd_owner_file_add_person (fixture->ctx, unit, person, role, &error), >, 0);
    g_assert_no_error (error);
    iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, UNITS + 1);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, "121 units");
  }

  /* Nothing found: the empty state, not an empty table. */
  gtk_editable_set_text (GTK_EDITABLE (search), "no such owner");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pd_test_gui_find_id (fixture->view, "list_stack"))), ==, "empty");
}

static void
test_sort_by_header (Fixture      *fixture,
                     gconstpointer data)
{
  GtkColumnView *list = GTK_COLUMN_VIEW (pd_test_gui_find_id (fixture->view, "list_view"));
  GListModel *columns = gtk_column_view_get_columns (list);
  g_autoptr (GtkColumnViewColumn) area = g_list_model_get_item (columns, 4);
  double largest = (double) pd_test_count (fixture->ctx, "SELECT CAST(max(gross_area) * 100 AS INTEGER) FROM unit", NULL) / 100;

  g_assert_cmpstr (gtk_column_view_column_get_title (area), ==, "Area (m²)");
  gtk_column_view_sort_by_column (list, area, GTK_SORT_DESCENDING);
  iterate ();
  g_assert_cmpfloat_with_epsilon (row_at (fixture, 0)->gross_area, largest, 0.01);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, UNITS);
  gtk_column_view_sort_by_column (list, area, GTK_SORT_ASCENDING);
  iterate ();
  g_assert_cmpfloat (row_at (fixture, 0)->gross_area, <=, row_at (fixture, 1)->gross_area);
}

static GtkWidget *
select_unit (Fixture    *fixture,
             const char *unit_code)
{
  GtkColumnView *list = GTK_COLUMN_VIEW (pd_test_gui_find_id (fixture->view, "list_view"));
  guint position = position_of (fixture, unit_code);

  g_assert_cmpuint (position, !=, G_MAXUINT);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (list)), position);
  iterate ();
  /* The file follows once the selection has rested on the row a moment. */
  pd_test_gui_wait_for_label (fixture->view, "title_label", unit_code);
  return pd_test_gui_find_id (fixture->view, "file_box");
}

static void
test_edit_save_and_history (Fixture      *fixture,
                            gconstpointer data)
{
  GtkWidget *file = select_unit (fixture, "1-1-101");
  GtkWidget *detail = gtk_widget_get_ancestor (file, g_type_from_name ("PdOwnerDetail"));
  g_autofree char *old_mobile = NULL;
  GtkEditable *mobile;
  GListModel *history;
  gboolean found = FALSE;
  gint64 audit_rows;

  g_assert_nonnull (detail);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pd_test_gui_find_id (detail, "title_label"))), ==, "1-1-101");
  mobile = field_entry (file, "mobile");
  old_mobile = g_strdup (gtk_editable_get_text (mobile));
  g_assert_cmpuint (strlen (old_mobile), ==, 11);
  g_assert_false (gtk_widget_is_sensitive (pd_test_gui_find_id (detail, "revert_button")) &&
                  gtk_widget_get_visible (pd_test_gui_find_id (detail, "revert_button")));

  audit_rows = pd_test_count (fixture->ctx, "SELECT max(id) FROM audit_log", NULL);
  gtk_editable_set_text (mobile, "139 1234 5678");
  iterate ();
  g_assert_true (gtk_widget_get_visible (pd_test_gui_find_id (detail, "dirty_label")));
  g_assert_true (gtk_widget_activate_action (detail, "detail.save", NULL));
  iterate ();
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM person WHERE name = '张三' AND mobile = '13912345678'", NULL), ==, 1);
  g_assert_false (gtk_widget_get_visible (pd_test_gui_find_id (detail, "dirty_label")));
  /* Fields shown rounded and left alone are not rewritten (no phantom changes). */
  {
    g_autofree char *before = g_strdup_printf ("%" G_GINT64_FORMAT, audit_rows);
    g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM audit_log WHERE id > ?", before), ==, 1);
  }
  /* The list row follows (masked). */
  g_assert_cmpstr (row_at (fixture, position_of (fixture, "1-1-101"))->owner_mobile, ==, "13912345678");
  g_assert_true (has_label (fixture->view, "139****5678"));

  history = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (pd_test_gui_find_id (detail, "history_view"))));
  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (history, i);
      const PdHistoryEntry *entry = pd_record_item_get (PD_RECORD_ITEM (item));

      if (g_str_equal (entry->field, "Mobile") && g_str_equal (entry->record, "张三"))
        {
          g_assert_cmpstr (entry->old_value, ==, old_mobile);
          g_assert_cmpstr (entry->new_value, ==, "13912345678");
          g_assert_cmpstr (entry->user_name, ==, "tester");
          g_assert_cmpuint (i, ==, 0);   /* newest first */
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* An invalid mobile: the error is next to the field, nothing changes. */
  audit_rows = pd_test_count (fixture->ctx, "SELECT count(*) FROM audit_log", NULL);
  mobile = field_entry (file, "mobile");   /* saving rebuilt the form */
  g_assert_cmpstr (gtk_editable_get_text (mobile), ==, "13912345678");
  gtk_editable_set_text (field_entry (file, "layout"), "复式五室三厅");
  gtk_editable_set_text (mobile, "1391234");
  g_assert_true (gtk_widget_activate_action (detail, "detail.save", NULL));
  iterate ();
  g_assert_nonnull (pd_form_field_get_error (pd_form_field_find (file, "mobile")));
  g_assert_true (strstr (pd_form_field_get_error (pd_form_field_find (file, "mobile")), "Mobile") != NULL);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (mobile), "error"));
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM audit_log", NULL), ==, audit_rows);
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM person WHERE mobile = '13912345678'", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM unit WHERE layout = '复式五室三厅'", NULL), ==, 0);
  g_assert_true (gtk_widget_get_visible (pd_test_gui_find_id (detail, "dirty_label")));
  /* Correcting the value clears the complaint. */
  gtk_editable_set_text (mobile, "13912345679");
  g_assert_null (pd_form_field_get_error (pd_form_field_find (file, "mobile")));
}

static GtkWindow *
find_dialog (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (g_str_equal (G_OBJECT_TYPE_NAME (window), type_name))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static void
test_new_file (Fixture      *fixture,
               gconstpointer data)
{
  GtkWindow *dialog;
  GtkWidget *detail;
  g_autoptr (PdUnit) gone = pd_unit_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (fixture->view, "owners.new", NULL));
  iterate ();
  dialog = find_dialog ("PdRoleDialog");
  g_assert_nonnull (dialog);

  /* A code naming an existing unit refers to it: the field is the "unit"
   * one (pd-error.h), and that unit's errors show next to it — here the
   * unit was removed after it was typed. */
  gone->code = g_strdup ("9-1-1802");
  g_assert_cmpint (pd_unit_create (fixture->ctx, pd_estate_current_id (fixture->ctx, NULL), gone, &error), >, 0);
  gtk_editable_set_text (field_entry (GTK_WIDGET (dialog), "unit_code"), "9-1-1802");
  g_assert_null (pd_form_field_find (GTK_WIDGET (dialog), "unit_code"));
  g_assert_true (pd_database_exec (pd_context_get_database (fixture->ctx), "DELETE FROM unit WHERE code = '9-1-1802'", &error));
  gtk_editable_set_text (field_entry (GTK_WIDGET (dialog), "name"), "欧阳明");
  gtk_editable_set_text (field_entry (GTK_WIDGET (dialog), "mobile"), "13700001111");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL));
  iterate ();
  g_assert_nonnull (find_dialog ("PdRoleDialog"));
  g_assert_nonnull (strstr (pd_form_field_get_error (pd_form_field_find (GTK_WIDGET (dialog), "unit")), "does not exist"));
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM person WHERE name = '欧阳明'", NULL), ==, 0);

  /* A code naming no unit is that of a unit to create: "unit_code". */
  gtk_editable_set_text (field_entry (GTK_WIDGET (dialog), "unit"), "9栋1单元1801");
  g_assert_null (pd_form_field_find (GTK_WIDGET (dialog), "unit"));
  gtk_editable_set_text (field_entry (GTK_WIDGET (dialog), "gross_area"), "120.5");
  gtk_editable_set_text (field_entry (GTK_WIDGET (dialog), "name"), "欧阳明");
  gtk_editable_set_text (field_entry (GTK_WIDGET (dialog), "mobile"), "12345");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL));
  iterate ();
  /* Refused next to the field; neither unit nor person exists. */
  g_assert_nonnull (pd_form_field_get_error (pd_form_field_find (GTK_WIDGET (dialog), "mobile")));
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM unit WHERE code = '9-1-1801'", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM person WHERE name = '欧阳明'", NULL), ==, 0);

  gtk_editable_set_text (field_entry (GTK_WIDGET (dialog), "mobile"), "13700001111");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL));
  iterate ();
  g_assert_null (find_dialog ("PdRoleDialog"));
  g_assert_cmpint (pd_test_count (fixture->ctx,
                                  "SELECT count(*) FROM unit u JOIN unit_role r ON r.unit_id = u.id "
                                  "JOIN person p ON p.id = r.person_id WHERE u.code = '9-1-1801' "
                                  "AND u.gross_area = 120.5 AND r.role = 'owner' AND p.name = '欧阳明'", NULL), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list_model (fixture)), ==, UNITS + 1);
  detail = gtk_widget_get_ancestor (pd_test_gui_find_id (fixture->view, "file_box"), g_type_from_name ("PdOwnerDetail"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pd_test_gui_find_id (detail, "title_label"))), ==, "9-1-1801");
}

static char *
first_unit (Fixture    *fixture,
            const char *sql)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (fixture->ctx), sql, NULL);
  char *code;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  code = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return code;
}

static void
test_residents_and_transfer (Fixture      *fixture,
                             gconstpointer data)
{
  g_autofree char *code = first_unit (fixture, "SELECT u.code FROM unit u JOIN unit_role r ON r.unit_id = u.id "
                                               "WHERE r.role = 'tenant' AND r.ended_on = '' ORDER BY u.id LIMIT 1");
  GtkWidget *file = select_unit (fixture, code);
  GtkWidget *detail = gtk_widget_get_ancestor (file, g_type_from_name ("PdOwnerDetail"));
  GtkWidget *residents = pd_test_gui_find_id (detail, "residents");
  GtkSingleSelection *selection;
  GtkWindow *dialog;
  GtkListBox *hits;
  GtkListBoxRow *hit;

  /* End the tenancy on a date. */
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (pd_test_gui_find_id (residents, "residents_view"))));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (selection), i);
      if (g_str_equal (((PdUnitRole *) pd_record_item_get (PD_RECORD_ITEM (item)))->role, "tenant"))
        gtk_single_selection_set_selected (selection, i);
    }
  iterate ();
  gtk_editable_set_text (GTK_EDITABLE (pd_test_gui_find_id (residents, "ended_on_entry")), "2026-03-09");
  g_assert_true (gtk_widget_activate_action (residents, "residents.end-role", NULL));
  iterate ();
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM unit_role r JOIN unit u ON u.id = r.unit_id "
                                                "WHERE u.code = ? AND r.role = 'tenant' AND r.ended_on = '2026-03-09'", code), ==, 1);
  g_assert_cmpstr (row_at (fixture, position_of (fixture, code))->tenants, ==, "");

  /* A vehicle: a bad plate is refused next to its field, a good one added. */
  gtk_editable_set_text (GTK_EDITABLE (pd_test_gui_find_id (residents, "plate_entry")), "12345");
  g_assert_true (gtk_widget_activate_action (residents, "residents.add-vehicle", NULL));
  iterate ();
  g_assert_nonnull (pd_form_field_get_error (pd_form_field_find (pd_test_gui_find_id (residents, "vehicle_form"), "plate")));
  gtk_editable_set_text (GTK_EDITABLE (pd_test_gui_find_id (residents, "plate_entry")), "粤B 9Z999");
  gtk_editable_set_text (GTK_EDITABLE (pd_test_gui_find_id (residents, "parking_space_entry")), "B2-088");
  g_assert_true (gtk_widget_activate_action (residents, "residents.add-vehicle", NULL));
  iterate ();
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM vehicle v JOIN unit u ON u.id = v.unit_id "
                                                "WHERE v.plate = '粤B9Z999' AND v.parking_space = 'B2-088' AND u.code = ?", code), ==, 1);

  /* Transfer to an existing person found by search: 张三 of 1-1-101. */
  g_assert_true (gtk_widget_activate_action (detail, "detail.transfer", NULL));
  iterate ();
  dialog = find_dialog ("PdRoleDialog");
  g_assert_nonnull (dialog);
  /* The unit is given: shown, not typed, and the field of its errors. */
  g_assert_cmpstr (gtk_editable_get_text (field_entry (GTK_WIDGET (dialog), "unit")), ==, code);
  g_assert_false (gtk_editable_get_editable (field_entry (GTK_WIDGET (dialog), "unit")));
  gtk_editable_set_text (GTK_EDITABLE (pd_test_gui_find_id (GTK_WIDGET (dialog), "person_search_entry")), "zs");
  hits = GTK_LIST_BOX (pd_test_gui_find_id (GTK_WIDGET (dialog), "hits_list"));
  for (int wait = 0; wait < 100 && gtk_list_box_get_row_at_index (hits, 0) == NULL; wait++)
    {
      g_usleep (10000);
      iterate ();
    }
  hit = gtk_list_box_get_row_at_index (hits, 0);
  g_assert_nonnull (hit);
  gtk_widget_activate (GTK_WIDGET (hit));
  iterate ();
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (pd_test_gui_find_id (GTK_WIDGET (dialog), "chosen_label"))),
                                   "Existing person: 张三"));
  gtk_editable_set_text (field_entry (GTK_WIDGET (dialog), "transfer_date"), "2026-03-10");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.ok", NULL));
  iterate ();
  g_assert_null (find_dialog ("PdRoleDialog"));
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM unit_role r JOIN unit u ON u.id = r.unit_id "
                                                "JOIN person p ON p.id = r.person_id WHERE u.code = ? AND r.role = 'owner' "
                                                "AND r.ended_on = '' AND p.name = '张三' AND r.start_on = '2026-03-10'", code), ==, 1);
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM person WHERE name = '张三'", NULL), ==, 1);
  g_assert_cmpstr (row_at (fixture, position_of (fixture, code))->owners, ==, "张三");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pd_test_gui_find_id (detail, "title_label"))), ==, code);
}

static void
test_import_opens_dialog (Fixture      *fixture,
                          gconstpointer data)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (fixture->view, "owners.import", NULL));
  iterate ();
  dialog = find_dialog ("PdImportDialog");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (fixture->window));
  gtk_window_destroy (dialog);
  iterate ();
}

static void
window_gone (gpointer data,
             GObject *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

static void
test_unsaved_edits_ask (Fixture      *fixture,
                        gconstpointer data)
{
  GtkWidget *file = select_unit (fixture, "1-1-101");
  GtkWidget *detail = gtk_widget_get_ancestor (file, g_type_from_name ("PdOwnerDetail"));
  GtkColumnView *list = GTK_COLUMN_VIEW (pd_test_gui_find_id (fixture->view, "list_view"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (list));
  GtkWindow *question;
  gboolean gone = FALSE;

  /* Leaving for another unit: Cancel stays, Save saves and goes. */
  gtk_editable_set_text (field_entry (file, "layout"), "复式五室三厅");
  gtk_single_selection_set_selected (selection, position_of (fixture, "1-1-102"));
  iterate ();
  question = find_dialog ("GtkMessageDialog");
  g_assert_nonnull (question);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  iterate ();
  g_assert_null (find_dialog ("GtkMessageDialog"));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position_of (fixture, "1-1-101"));
  g_assert_cmpstr (gtk_editable_get_text (field_entry (file, "layout")), ==, "复式五室三厅");
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM unit WHERE layout = '复式五室三厅'", NULL), ==, 0);

  gtk_single_selection_set_selected (selection, position_of (fixture, "1-1-102"));
  iterate ();
  gtk_dialog_response (GTK_DIALOG (find_dialog ("GtkMessageDialog")), GTK_RESPONSE_ACCEPT);
  iterate ();
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM unit WHERE code = '1-1-101' AND layout = '复式五室三厅'", NULL), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pd_test_gui_find_id (detail, "title_label"))), ==, "1-1-102");

  /* Closing the window: asked too; Discard closes without writing. */
  gtk_editable_set_text (field_entry (file, "layout"), "跃层");
  gtk_window_close (GTK_WINDOW (fixture->window));
  iterate ();
  question = find_dialog ("GtkMessageDialog");
  g_assert_nonnull (question);
  g_object_weak_ref (G_OBJECT (fixture->window), window_gone, &gone);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_REJECT);
  iterate ();
  g_assert_true (gone);
  fixture->window = NULL;
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM unit WHERE layout = '跃层'", NULL), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  g_test_add ("/owner-view/list-and-search", Fixture, NULL, fixture_set_up, test_list_and_search, fixture_tear_down);
  g_test_add ("/owner-view/sort-by-header", Fixture, NULL, fixture_set_up, test_sort_by_header, fixture_tear_down);
  g_test_add ("/owner-view/edit-save-and-history", Fixture, NULL, fixture_set_up, test_edit_save_and_history,
              fixture_tear_down);
  g_test_add ("/owner-view/residents-and-transfer", Fixture, NULL, fixture_set_up, test_residents_and_transfer,
              fixture_tear_down);
  g_test_add ("/owner-view/import-opens-dialog", Fixture, NULL, fixture_set_up, test_import_opens_dialog,
              fixture_tear_down);
  g_test_add ("/owner-view/unsaved-edits-ask", Fixture, NULL, fixture_set_up, test_unsaved_edits_ask,
              fixture_tear_down);
  g_test_add ("/owner-view/new-file", Fixture, NULL, fixture_set_up, test_new_file, fixture_tear_down);
  return g_test_run ();
}
