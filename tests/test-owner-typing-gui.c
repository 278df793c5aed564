/* Typing into the Owner files search a letter at a time, as a clerk does,
 * on a demo estate: after every key the list (the model and the rows drawn)
 * holds exactly what the core's search finds, the first match is selected
 * and the row widgets on screen are the same ones, showing the new rows;
 * the file beside the list shows the selected unit once the typing rests,
 * and at once on Enter. */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "pd-demo.h"
#include "pd-owner-list.h"
#include "pd-owner-view.h"
#include "pd-record-item.h"
#include "pd-test-fixture.h"
#include "pd-test-gui.h"
#include "pd-validate.h"

#define NOW "2026-03-10 09:30:00"
#define UNITS 240

typedef struct
{
  PdContext *ctx;
  GtkWidget *window;
  GtkWidget *view;
  GtkWidget *search;
} Fixture;

static void
iterate (void)
{
  pd_test_gui_settle (2, 1000);
}

/* The list view inside the column view: its children are the row widgets. */
static GtkWidget *
rows_widget (Fixture *fixture)
{
  return pd_test_gui_find_in (pd_test_gui_find_id (fixture->view, "list_view"), GTK_TYPE_LIST_VIEW, NULL);
}

static void
collect_cells (GtkWidget *widget,
               GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "cell"))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_cells (child, texts);
}

/* The texts of the rows drawn, one array of cell texts per row. */
static GPtrArray *
drawn_rows (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (GtkWidget *row = gtk_widget_get_first_child (rows_widget (fixture)); row; row = gtk_widget_get_next_sibling (row))
    {
      GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

      collect_cells (row, texts);
      if (gtk_widget_get_mapped (row) && texts->len > 0)
        g_ptr_array_add (rows, texts);
      else
        g_ptr_array_unref (texts);
    }
  return rows;
}

static GPtrArray *
row_widgets (Fixture *fixture)
{
  GPtrArray *widgets = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (rows_widget (fixture)); row; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_mapped (row))
      g_ptr_array_add (widgets, row);
  return widgets;
}

static const char *
detail_title (Fixture *fixture)
{
  GtkWidget *detail = gtk_widget_get_ancestor (pd_test_gui_find_id (fixture->view, "file_box"),
                                               g_type_from_name ("PdOwnerDetail"));

  return gtk_label_get_text (GTK_LABEL (pd_test_gui_find_id (detail, "title_label")));
}

static GtkSingleSelection *
selection_of (Fixture *fixture)
{
  return GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (pd_test_gui_find_id (fixture->view,
                                                                                               "list_view"))));
}

static gint64
selected_unit (Fixture *fixture)
{
  g_autoptr (GObject) item = gtk_single_selection_get_selected_item (selection_of (fixture))
                               ? g_object_ref (gtk_single_selection_get_selected_item (selection_of (fixture)))
                               : NULL;

  return item ? ((const PdOwnerRow *) pd_record_item_get (PD_RECORD_ITEM (item)))->unit_id : 0;
}

/* Everything the list shows equals the core's search for @text: the
 * units in the core's order, drawn as a run of consecutive rows with
 * their own texts; selected, the unit @previous (the one selected before
 * the key) when still found, otherwise the first match. */
static void
check_list (Fixture    *fixture,
            const char *text,
            gint64      previous)
{
  GtkSingleSelection *selection = selection_of (fixture);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = pd_owner_list_unit_ids (fixture->ctx, text, PD_OWNER_SORT_UNIT, FALSE, &error);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_owner_row_free);
  g_autoptr (GPtrArray) drawn = drawn_rows (fixture);
  const char *count = gtk_label_get_text (GTK_LABEL (pd_test_gui_find_id (fixture->view, "count_label")));
  g_autofree char *expected_count = NULL;
  guint selected = 0, first_drawn = G_MAXUINT;

  g_assert_no_error (error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->search)), ==, text);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_ptr_array_add (rows, pd_owner_row_get (fixture->ctx, g_array_index (ids, gint64, i), &error));
      g_assert_no_error (error);
      if (g_array_index (ids, gint64, i) == previous)
        selected = i;
    }
  expected_count = g_strdup_printf (*text ? "%u unit%s found" : "%u unit%s", ids->len, ids->len == 1 ? "" : "s");
  g_assert_cmpstr (count, ==, expected_count);
  if (ids->len == 0)
    {
      g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
      return;
    }
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, selected);

  /* The rows drawn: consecutive rows of the search, each with its own
   * texts, the selected one among them. */
  g_assert_cmpuint (drawn->len, >=, MIN (ids->len, 5));
  for (guint i = 0; i < ids->len && first_drawn == G_MAXUINT; i++)
    if (g_str_equal (((PdOwnerRow *) rows->pdata[i])->unit_code, ((GPtrArray *) drawn->pdata[0])->pdata[0]))
      first_drawn = i;
  if (first_drawn == G_MAXUINT)
    g_error ("after “%s” the list draws %s, which the search does not find", text,
             (char *) ((GPtrArray *) drawn->pdata[0])->pdata[0]);
  g_assert_cmpuint (selected, >=, first_drawn);
  g_assert_cmpuint (selected, <, first_drawn + drawn->len);
  for (guint i = 0; i < drawn->len; i++)
    {
      GPtrArray *cells = drawn->pdata[i];
      const PdOwnerRow *row;
      g_autofree char *mobile = NULL;

      g_assert_cmpuint (first_drawn + i, <, ids->len);
      row = rows->pdata[first_drawn + i];
      mobile = pd_mask_phone (row->owner_mobile);
      g_assert_cmpstr (cells->pdata[0], ==, row->unit_code);
      g_assert_cmpstr (cells->pdata[1], ==, row->owners && *row->owners ? row->owners : "—");
      g_assert_cmpstr (cells->pdata[2], ==, mobile);
      g_assert_cmpstr (cells->pdata[5], ==, row->tenants ? row->tenants : "");
    }
}

static void
fixture_set_up (Fixture      *fixture,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  fixture->ctx = pd_test_context_new (NOW);
  g_assert_true (pd_demo_generate (fixture->ctx, UNITS, 20261123, &error));
  g_assert_no_error (error);
  fixture->view = pd_owner_view_new (fixture->ctx);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1366, 768);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->view);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->search = pd_test_gui_find_id (fixture->view, "search_entry");
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

/* Types @text a key at a time onto what the box holds, checking the list
 * after each key; returns how many keys kept every row widget drawn. */
static guint
type_checking (Fixture    *fixture,
               const char *text)
{
  guint kept = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      g_autoptr (GPtrArray) before = row_widgets (fixture);
      g_autoptr (GPtrArray) after = NULL;
      g_autofree char *key = g_strndup (p, g_utf8_next_char (p) - p);
      g_autofree char *typed = NULL;
      gint64 previous = selected_unit (fixture);

      pd_test_gui_type (fixture->search, key);
      iterate ();
      typed = g_strdup (gtk_editable_get_text (GTK_EDITABLE (fixture->search)));
      check_list (fixture, typed, previous);
      after = row_widgets (fixture);
      /* A list at least as long as the screen, before and after: the same
       * row widgets show the new rows (none made or thrown away). */
      if (before->len > 0 && after->len == before->len)
        {
          for (guint i = 0; i < after->len; i++)
            g_assert_true (g_ptr_array_find (before, after->pdata[i], NULL));
          kept++;
        }
    }
  return kept;
}

/* The file beside the list shows the selected unit once typing rests. */
static void
check_file_follows (Fixture *fixture)
{
  g_autoptr (PdOwnerRow) row = pd_owner_row_get (fixture->ctx, selected_unit (fixture), NULL);

  g_assert_nonnull (row);
  pd_test_gui_wait_for_label (fixture->view, "title_label", row->unit_code);
  g_assert_cmpstr (detail_title (fixture), ==, row->unit_code);
}

static void
test_type_letter_by_letter (Fixture      *fixture,
                            gconstpointer data)
{
  check_list (fixture, "", 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection_of (fixture))), ==, UNITS);

  /* A unit code: every prefix finds more units than the screen shows, so
   * the rows on screen stay the same widgets from key to key. */
  g_assert_cmpuint (type_checking (fixture, "1-2"), >=, 2);
  check_file_follows (fixture);

  /* A pinyin name, from an empty box (the unit shown stays selected). */
  {
    gint64 previous = selected_unit (fixture);

    gtk_editable_set_text (GTK_EDITABLE (fixture->search), "");
    iterate ();
    check_list (fixture, "", previous);
  }
  type_checking (fixture, "zhangs");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection_of (fixture))), >, 0);
  check_file_follows (fixture);

  /* Deleting letters again. */
  for (int n = 5; n >= 3; n--)
    {
      g_autofree char *prefix = g_strndup ("zhangs", n);
      int end = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (fixture->search)), -1);
      gint64 previous = selected_unit (fixture);

      gtk_editable_delete_text (GTK_EDITABLE (fixture->search), end - 1, end);
      iterate ();
      check_list (fixture, prefix, previous);
    }
  check_file_follows (fixture);

  /* Nothing found: an empty list, nothing selected. */
  type_checking (fixture, "qqq");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection_of (fixture))), ==, 0);
}

/* Enter opens the selected match at once: no waiting for the selection
 * to settle. */
static void
test_enter_is_immediate (Fixture      *fixture,
                         gconstpointer data)
{
  g_autoptr (GArray) ids = NULL;
  g_autoptr (PdOwnerRow) last = NULL;
  g_autoptr (GArray) all = pd_owner_list_unit_ids (fixture->ctx, "", PD_OWNER_SORT_UNIT, FALSE, NULL);
  g_autoptr (PdOwnerRow) start = pd_owner_row_get (fixture->ctx, g_array_index (all, gint64, 0), NULL);

  /* The file of the first unit is there from the start. */
  g_assert_cmpstr (detail_title (fixture), ==, start->unit_code);
  gtk_widget_grab_focus (fixture->search);
  type_checking (fixture, "1-2");
  ids = pd_owner_list_unit_ids (fixture->ctx, "1-2", PD_OWNER_SORT_UNIT, FALSE, NULL);
  g_assert_cmpuint (ids->len, >=, 2);
  last = pd_owner_row_get (fixture->ctx, g_array_index (ids, gint64, ids->len - 1), NULL);
  g_assert_cmpstr (last->unit_code, !=, start->unit_code);
  /* Another match selected (as the arrow keys do), then Enter: its file
   * at once. */
  gtk_single_selection_set_selected (selection_of (fixture), ids->len - 1);
  pd_test_gui_spin ();
  /* What the search entry's Enter emits. */
  g_signal_emit_by_name (fixture->search, "activate");
  g_assert_cmpstr (detail_title (fixture), ==, last->unit_code);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  g_test_add ("/owner-typing/letter-by-letter", Fixture, NULL, fixture_set_up, test_type_letter_by_letter,
              fixture_tear_down);
  g_test_add ("/owner-typing/enter-is-immediate", Fixture, NULL, fixture_set_up, test_enter_is_immediate,
              fixture_tear_down);
  return g_test_run ();
}
