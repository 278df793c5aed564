/* test-import-dialog.c — the import dialog driven like a user would: load a
 * ledger, correct a column, choose the mode, import (in its thread), read
 * the report.  With PD_SCREENSHOT_DIR set, each page is saved as a PNG
 * (run under LANGUAGE=zh_CN to look at it in Chinese). */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gtk/gtk.h>

#include "pd-i18n.h"
#include "pd-import-dialog.h"
#include "pd-owner-import.h"
#include "pd-test-fixture.h"

#define NOW "2026-02-10 09:30:00"

static GtkWidget *
child (PdImportDialog *dialog,
       const char     *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), PD_TYPE_IMPORT_DIALOG, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
wait_for_page (PdImportDialog *dialog,
               const char     *page)
{
  GtkStack *stack = GTK_STACK (child (dialog, "stack"));
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_strcmp0 (gtk_stack_get_visible_child_name (stack), page) != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
screenshot (GtkWidget  *window,
            const char *name)
{
  const char *dir = g_getenv ("PD_SCREENSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  settle ();
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static PdImportDialog *
open_dialog (PdContext  *ctx,
             const char *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", fixture, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GtkWidget *parent = gtk_window_new ();
  PdImportDialog *dialog = pd_import_dialog_new (GTK_WINDOW (parent), ctx);

  gtk_window_set_default_size (GTK_WINDOW (dialog), 1280, 720);
  /* Screenshots must not catch a cross-fade half-way. */
  gtk_stack_set_transition_type (GTK_STACK (child (dialog, "stack")), GTK_STACK_TRANSITION_TYPE_NONE);
  gtk_window_present (GTK_WINDOW (dialog));
  screenshot (GTK_WIDGET (dialog), "import-start.png");
  pd_import_dialog_load_file (dialog, file);
  wait_for_page (dialog, "preview");
  return dialog;
}

static GtkDropDown *
mapping_dropdown (PdImportDialog *dialog,
                  guint           column)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (dialog, "mapping_list")), (int) column);
  GtkWidget *box = gtk_list_box_row_get_child (row);

  return GTK_DROP_DOWN (gtk_widget_get_last_child (box));
}

static void
on_changed (PdContext  *ctx,
            const char *table,
            guint      *count)
{
  (*count)++;
}

static void
got_text (GObject      *clipboard,
          GAsyncResult *result,
          gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
}

static void
test_skip_bad (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "dialog.db", NULL);
  g_autoptr (PdContext) ctx = pd_test_context_open (db, NOW);
  PdImportDialog *dialog = open_dialog (ctx, "owners-ledger-gbk.csv");
  GtkColumnView *view = GTK_COLUMN_VIEW (child (dialog, "preview_view"));
  GtkLabel *summary = GTK_LABEL (child (dialog, "summary_label"));
  g_autoptr (GtkColumnViewColumn) notes_column = NULL;
  g_autofree char *report = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint changes = 0;

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "file_label"))), ==, "owners-ledger-gbk.csv");
  /* The detected mapping, one dropdown per column of the file. */
  g_assert_cmpuint (gtk_drop_down_get_selected (mapping_dropdown (dialog, 1)), ==, PD_OWNER_FIELD_UNIT_CODE);
  g_assert_cmpuint (gtk_drop_down_get_selected (mapping_dropdown (dialog, 2)), ==, PD_OWNER_FIELD_NAME);
  g_assert_cmpuint (gtk_drop_down_get_selected (mapping_dropdown (dialog, 5)), ==, PD_OWNER_FIELD_ID_NUMBER);
  g_assert_cmpuint (gtk_drop_down_get_selected (mapping_dropdown (dialog, 18)), ==, PD_OWNER_FIELD_NOTES);
  /* The preview: every data row, line and check first, then the 19 columns. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 15);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 21);
  expected = g_strdup_printf (_("Rows below the header: %u · with problems: %u"), 15, 6);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (summary), expected));
  g_clear_pointer (&expected, g_free);
  screenshot (GTK_WIDGET (dialog), "import-preview.png");

  /* Without a name column the import cannot run, and the summary says why. */
  gtk_drop_down_set_selected (mapping_dropdown (dialog, 2), PD_OWNER_FIELD_NONE);
  expected = g_strdup_printf (_("Column mapping: no column holds the field “%s”; choose it for one of the columns"),
                              pd_owner_field_label (PD_OWNER_FIELD_NAME));
  g_assert_cmpstr (gtk_label_get_text (summary), ==, expected);
  g_clear_pointer (&expected, g_free);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (summary), "error"));
  gtk_drop_down_set_selected (mapping_dropdown (dialog, 2), PD_OWNER_FIELD_NAME);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (summary), "error"));
  /* The user decides the notes column is not to be imported. */
  gtk_drop_down_set_selected (mapping_dropdown (dialog, 18), PD_OWNER_FIELD_NONE);
  notes_column = g_list_model_get_item (gtk_column_view_get_columns (view), 20);
  g_assert_cmpstr (gtk_column_view_column_get_title (notes_column), ==, "备注");
  /* Taking a field for another column frees it from the first. */
  gtk_drop_down_set_selected (mapping_dropdown (dialog, 0), PD_OWNER_FIELD_UNIT_CODE);
  g_assert_cmpuint (gtk_drop_down_get_selected (mapping_dropdown (dialog, 1)), ==, PD_OWNER_FIELD_NONE);
  gtk_drop_down_set_selected (mapping_dropdown (dialog, 1), PD_OWNER_FIELD_UNIT_CODE);
  g_assert_cmpuint (gtk_drop_down_get_selected (mapping_dropdown (dialog, 0)), ==, PD_OWNER_FIELD_NONE);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (dialog, "skip_bad_check")), TRUE);
  g_signal_connect (ctx, "changed", G_CALLBACK (on_changed), &changes);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  wait_for_page (dialog, "report");
  screenshot (GTK_WIDGET (dialog), "import-report.png");

  expected = g_strdup_printf (_("%u rows were imported; the %u rejected rows were skipped."), 9, 6);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "report_title"))), ==, expected);
  g_clear_pointer (&expected, g_free);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (dialog, "report_view")));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  report = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  {
    g_autofree char *imported = g_strdup_printf (_("Imported rows: %u\n"), 9);
    g_autofree char *rejected = g_strdup_printf (_("Rejected rows: %u\n"), 6);
    g_autofree char *line10 = g_strdup_printf (_("line %u: %s\n"), 10, "");

    expected_text = g_strconcat (imported, rejected, NULL);
    g_assert_true (g_str_has_prefix (report, expected_text));
    g_strchomp (line10);
    g_assert_true (g_str_has_prefix (report + strlen (expected_text), line10));
  }

  /* Written by the import's own connection, seen by ours, views told. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person", NULL), ==, 7);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit", NULL), ==, 6);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person WHERE notes <> ''", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'person' AND user_name = ?", "tester"), ==, 7);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(DISTINCT at) FROM audit_log WHERE table_name = ?", "person"), ==, 1);
  g_assert_cmpuint (changes, >=, 4);

  /* The report can be copied. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.copy", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL, got_text, &copied);
  while (copied == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (copied, ==, report);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_all_or_nothing (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "nothing.db", NULL);
  g_autoptr (PdContext) ctx = pd_test_context_open (db, NOW);
  PdImportDialog *dialog = open_dialog (ctx, "owners-ledger-calc.xlsx");
  gint64 audit = pd_test_count (ctx, "SELECT count(*) FROM audit_log", NULL);
  GtkLabel *title;

  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (child (dialog, "skip_bad_check"))));
  {
    g_autofree char *expected = g_strdup_printf (_("Rows below the header: %u · with problems: %u"), 15, 11);
    g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child (dialog, "summary_label"))), expected));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  wait_for_page (dialog, "report");
  title = GTK_LABEL (child (dialog, "report_title"));
  {
    g_autofree char *expected = g_strdup_printf (_("Nothing was imported: %u rows were rejected. Correct them in the ledger and import it again, or choose to skip bad rows."), 11);
    g_assert_cmpstr (gtk_label_get_text (title), ==, expected);
  }
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (title), "error"));
  screenshot (GTK_WIDGET (dialog), "import-nothing.png");
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log", NULL), ==, audit);

  /* Back to the preview, skip the bad rows this time. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.back", NULL));
  wait_for_page (dialog, "preview");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (dialog, "skip_bad_check")), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  wait_for_page (dialog, "report");
  {
    g_autofree char *expected = g_strdup_printf (_("%u rows were imported; the %u rejected rows were skipped."), 4, 11);
    g_assert_cmpstr (gtk_label_get_text (title), ==, expected);
  }
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (title), "error"));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person", NULL), ==, 3);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  pd_i18n_init ();
  gtk_test_init (&argc, &argv, NULL);
  {
    /* The application's styles, so screenshots show what users see. */
    g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();
    gtk_css_provider_load_from_resource (provider, "/org/propdesk/PropDesk/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  g_test_add_func ("/import-dialog/skip-bad", test_skip_bad);
  g_test_add_func ("/import-dialog/all-or-nothing", test_all_or_nothing);
  return g_test_run ();
}
