/* What leaves the Owner files tab, driven through its real widgets under
 * Xvfb: Ctrl+E writes the list as a workbook through the file dialog (read
 * back with openpyxl: one row per unit, masked unless a supervisor ticks
 * the choice, and logged); the 业主信息登记表 of the selected unit printed
 * through the print dialog to a PDF ("Print to File") and saved as PDF,
 * both carrying the owner's name (pdftotext). */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "pd-demo.h"
#include "pd-owner-list.h"
#include "pd-owner-view.h"
#include "pd-test-fixture.h"
#include "pd-test-gui.h"

#define NOW "2026-03-10 09:30:00"
#define UNITS 120

typedef struct
{
  PdContext *ctx;
  GtkWidget *window;
  GtkWidget *view;
} Fixture;

/* Answers the save dialog the tab opened: @path, and the unmasked choice
 * when given (NULL: the choice must not be offered). */
static void
answer_save_dialog (const char *path,
                    const char *unmasked)
{
  GtkWindow *dialog = pd_test_gui_shown_toplevel ("GtkFileChooserDialog");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (dialog));
  if (unmasked != NULL)
    gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "unmasked", unmasked);
  else
    g_assert_null (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "unmasked"));
  /* Folder and name as typed: set_file() would keep the suggested name. */
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  pd_test_gui_wait_for_file (path);
}

/* The rows of the workbook's first sheet, header first: cells joined by tabs. */
static GStrv
workbook_rows (const char *path)
{
  const char *script =
    "import sys, openpyxl\n"
    "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
    "for r in ws.iter_rows(values_only=True):\n"
    "    print('\\t'.join('' if c is None else str(c) for c in r))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  out = pd_test_run (argv, &status, &err);
  if (status != 0)
    g_error ("openpyxl could not read %s: %s", path, err);
  g_strchomp (out);
  return g_strsplit (out, "\n", -1);
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "owner-output.db", NULL);
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
  pd_test_gui_spin ();
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
test_export_list (Fixture      *fixture,
                  gconstpointer data)
{
  g_autofree char *masked = g_build_filename (pd_test_tmpdir (), "owners-masked.xlsx", NULL);
  g_autofree char *full = g_build_filename (pd_test_tmpdir (), "owners-full.xlsx", NULL);
  g_autofree char *clerk_file = g_build_filename (pd_test_tmpdir (), "owners-clerk.xlsx", NULL);
  g_autoptr (PdOwnerRow) first = NULL;
  g_autofree char *first_id = NULL;
  g_auto (GStrv) rows = NULL;
  g_auto (GStrv) cells = NULL;
  GtkWidget *search = pd_test_gui_find_id (fixture->view, "search_entry");

  /* A search narrows the screen, not the ledger the office exports. */
  gtk_editable_set_text (GTK_EDITABLE (search), "zs");
  pd_test_gui_spin ();
  pd_test_gui_press (fixture->view, GDK_KEY_e, GDK_CONTROL_MASK);
  answer_save_dialog (masked, "false");
  rows = workbook_rows (masked);
  g_assert_cmpuint (g_strv_length (rows), ==, UNITS + 1);
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM unit", NULL), ==, UNITS);
  cells = g_strsplit (rows[1], "\t", -1);
  g_assert_cmpstr (cells[0], ==, "1-1-101");
  g_assert_cmpstr (cells[4], ==, "张三");
  /* Masked: 138****1234 and the ID with its middle starred. */
  g_assert_nonnull (strstr (cells[6], "****"));
  g_assert_nonnull (strchr (cells[5], '*'));
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM export_log WHERE what = 'owner list' "
                                                "AND rows = 120 AND unmasked = 0 AND file = ?", masked), ==, 1);
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (pd_test_gui_find_id (fixture->view, "output_label"))),
                                   "owners-masked.xlsx."));

  /* A supervisor and above may ask for the full numbers; it is logged. */
  first = pd_owner_row_get (fixture->ctx, pd_test_count (fixture->ctx, "SELECT id FROM unit WHERE code = '1-1-101'",
                                                         NULL), NULL);
  g_assert_nonnull (first);
  first_id = g_strdup (first->owner_id_number);
  g_assert_true (gtk_widget_activate_action (fixture->view, "owners.export", NULL));
  pd_test_gui_spin ();
  answer_save_dialog (full, "true");
  g_clear_pointer (&rows, g_strfreev);
  g_clear_pointer (&cells, g_strfreev);
  rows = workbook_rows (full);
  g_assert_cmpuint (g_strv_length (rows), ==, UNITS + 1);
  cells = g_strsplit (rows[1], "\t", -1);
  g_assert_cmpstr (cells[5], ==, first_id);
  g_assert_cmpstr (cells[6], ==, first->owner_mobile);
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM export_log WHERE unmasked = 1 AND file = ?",
                                  full), ==, 1);

  /* A clerk is not even offered the choice. */
  pd_context_set_user (fixture->ctx, "clerk", PD_ROLE_CLERK);
  g_assert_true (gtk_widget_activate_action (fixture->view, "owners.export", NULL));
  pd_test_gui_spin ();
  answer_save_dialog (clerk_file, NULL);
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM export_log WHERE user_name = 'clerk' "
                                                "AND unmasked = 0 AND rows = 120 AND file = ?", clerk_file), ==, 1);
}

/* Selects @unit_code in the list (clearing any search). */
static void
select_unit (Fixture    *fixture,
             const char *unit_code)
{
  GtkColumnView *list = GTK_COLUMN_VIEW (pd_test_gui_find_id (fixture->view, "list_view"));
  GtkWidget *search = pd_test_gui_find_id (fixture->view, "search_entry");
  GtkSingleSelection *selection;

  gtk_editable_set_text (GTK_EDITABLE (search), unit_code);
  pd_test_gui_spin ();
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), >=, 1);
  gtk_single_selection_set_selected (selection, 0);
  pd_test_gui_spin ();
}

/* The owner of a unit: name, and the unit's code. */
static char *
owner_of (Fixture    *fixture,
          const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT p.name FROM unit u JOIN unit_role r ON r.unit_id = u.id "
                                          "JOIN person p ON p.id = r.person_id WHERE r.role = 'owner' "
                                          "AND r.ended_on = '' AND u.code = '%s'", where);
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (fixture->ctx), sql, NULL);
  char *name;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return name;
}

static void
test_print_form (Fixture      *fixture,
                 gconstpointer data)
{
  g_autofree char *owner = owner_of (fixture, "1-2-301");
  g_autofree char *printed = g_build_filename (pd_test_tmpdir (), "printed-form.pdf", NULL);
  g_autofree char *saved = g_build_filename (pd_test_tmpdir (), "saved-form.pdf", NULL);
  g_autofree char *text = NULL;

  select_unit (fixture, "1-2-301");
  /* Ctrl+P: the print dialog (with its preview button) on the form, its
   * "Print to File" printer writing a PDF. */
  pd_test_gui_print_to_pdf (fixture->view, GDK_KEY_p, GDK_CONTROL_MASK, printed);
  text = pd_test_pdf_text (printed);
  g_assert_nonnull (strstr (text, owner));
  g_assert_nonnull (strstr (text, "1-2-301"));

  /* Save as PDF: the same form through the file dialog, logged. */
  g_assert_true (gtk_widget_activate_action (fixture->view, "owners.save-pdf", NULL));
  pd_test_gui_spin ();
  answer_save_dialog (saved, "false");
  g_free (text);
  text = pd_test_pdf_text (saved);
  g_assert_nonnull (strstr (text, owner));
  g_assert_nonnull (strstr (text, "1-2-301"));
  g_assert_cmpint (pd_test_count (fixture->ctx, "SELECT count(*) FROM export_log WHERE what = 'owner form 1-2-301' "
                                                "AND rows = 1 AND unmasked = 0 AND file = ?", saved), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  g_test_add ("/owner-output/export-list", Fixture, NULL, fixture_set_up, test_export_list, fixture_tear_down);
  g_test_add ("/owner-output/print-form", Fixture, NULL, fixture_set_up, test_print_form, fixture_tear_down);
  return g_test_run ();
}
