/* test-lazy-tabs-gui.c — a tab reads its records when it is first shown,
 * not when the window is built (issue #8: with 100,000 units every tab read
 * at start took seconds); a change while it is hidden reads nothing until
 * it shows again; a record opened from Today in a tab never shown is found
 * and selected.  In the main window a tab's view is not even made before
 * the tab is first shown, and what needs the icon theme waits for the first
 * frame. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pd-demo.h"
#include "pd-handover-editor.h"
#include "pd-handover-view.h"
#include "pd-owner-view.h"
#include "pd-patrol-anomaly-list.h"
#include "pd-patrol-view.h"
#include "pd-record-item.h"
#include "pd-release-view.h"
#include "pd-renovation-form.h"
#include "pd-renovation-view.h"
#include "pd-survey-followup.h"
#include "pd-survey-followups.h"
#include "pd-survey-view.h"
#include "pd-test-fixture.h"
#include "pd-test-gui.h"
#include "pd-today-view.h"
#include "pd-today.h"
#include "pd-window.h"

#define NOW "2026-03-10 09:30:00"
#define UNITS 120

/* Statements run on the connection (sqlite3_trace_v2 sees each start). */
static guint statements;

static int
count_statement (unsigned int kind, void *data, void *stmt, void *sql)
{
  statements++;
  return 0;
}

static void
iterate (void)
{
  pd_test_gui_settle (5, 2000);
}

static PdContext *
demo_context (const char *name)
{
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), name, NULL);
  g_autoptr (GError) error = NULL;
  PdContext *ctx;

  g_remove (path);
  ctx = pd_test_context_open (path, NOW);
  g_assert_true (pd_demo_generate (ctx, UNITS, 20261123, &error));
  g_assert_no_error (error);
  sqlite3_trace_v2 (pd_database_get_handle (pd_context_get_database (ctx)), SQLITE_TRACE_STMT, count_statement,
                    NULL);
  return ctx;
}

typedef GtkWidget *(*ViewNew) (PdContext *ctx);

static GtkWidget *
handover_view_new (PdContext *ctx)
{
  return GTK_WIDGET (pd_handover_view_new (ctx));
}

/* Each tab's view behind a front page of a notebook, as in the window. */
static void
test_hidden_reads_nothing (void)
{
  /* (The owner files tab only waits for its first showing: once read, it
   * follows changes itself.) */
  static const struct { const char *name; ViewNew view_new; gboolean first_only; } tabs[] = {
    { "handovers", handover_view_new, FALSE },
    { "renovations", pd_renovation_view_new, FALSE },
    { "release slips", pd_release_view_new, FALSE },
    { "surveys", pd_survey_view_new, FALSE },
    { "patrols", pd_patrol_view_new, FALSE },
    { "owner files", pd_owner_view_new, TRUE },
  };
  g_autoptr (PdContext) ctx = demo_context ("lazy-hidden.db");

  for (guint t = 0; t < G_N_ELEMENTS (tabs); t++)
    {
      GtkWidget *window = gtk_window_new ();
      GtkNotebook *notebook = GTK_NOTEBOOK (gtk_notebook_new ());
      GtkWidget *view;
      guint shown;

      g_test_message ("tab: %s", tabs[t].name);
      gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
      gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (notebook));
      gtk_notebook_append_page (notebook, gtk_label_new ("front"), NULL);
      gtk_window_present (GTK_WINDOW (window));
      iterate ();

      statements = 0;
      view = tabs[t].view_new (ctx);
      gtk_notebook_append_page (notebook, view, NULL);
      iterate ();
      g_assert_cmpuint (statements, ==, 0);

      /* Writes elsewhere: the hidden tab is only marked to read later. */
      pd_context_notify_changed (ctx, "renovation");
      pd_context_notify_changed (ctx, "release_slip");
      pd_context_notify_changed (ctx, "survey_response");
      pd_context_notify_changed (ctx, "patrol");
      pd_context_notify_changed (ctx, "handover");
      iterate ();
      g_assert_cmpuint (statements, ==, 0);

      /* Shown: it reads, once. */
      gtk_notebook_set_current_page (notebook, 1);
      iterate ();
      shown = statements;
      g_assert_cmpuint (shown, >, 0);

      /* Hidden again, a change is read only when it shows again. */
      if (tabs[t].first_only)
        {
          gtk_window_destroy (GTK_WINDOW (window));
          iterate ();
          continue;
        }
      gtk_notebook_set_current_page (notebook, 0);
      iterate ();
      statements = 0;
      pd_context_notify_changed (ctx, "renovation");
      pd_context_notify_changed (ctx, "release_slip");
      pd_context_notify_changed (ctx, "patrol");
      iterate ();
      g_assert_cmpuint (statements, ==, 0);
      gtk_notebook_set_current_page (notebook, 1);
      iterate ();
      g_assert_cmpuint (statements, >, 0);

      gtk_window_destroy (GTK_WINDOW (window));
      iterate ();
    }
}

static GtkNotebook *
notebook_of (GtkWidget *window)
{
  return GTK_NOTEBOOK (pd_test_gui_find (window, GTK_TYPE_NOTEBOOK, NULL));
}

static GtkWidget *
tab_of_type (GtkWidget *window,
             GType      type)
{
  GtkWidget *view = pd_window_get_view (PD_WINDOW (window), type);

  g_assert_nonnull (view);
  return view;
}

/* The number of rows in the first list under @widget. */
static guint
rows_in (GtkWidget *widget)
{
  GtkColumnView *list = GTK_COLUMN_VIEW (pd_test_gui_find (widget, GTK_TYPE_COLUMN_VIEW, NULL));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (list)));
}

/* One the Renovations tab lists (its filter hides finished ones). */
static gint64
active_renovation (PdContext *ctx)
{
  return pd_test_count (ctx, "SELECT max(id) FROM renovation "
                             "WHERE state NOT IN ('rejected', 'refunded', 'closed', 'withdrawn')", NULL);
}

static void
show_record (GtkWidget   *window,
             PdTodayKind  kind,
             gint64       id)
{
  g_assert_cmpint (id, >, 0);
  g_assert_true (gtk_widget_activate_action (window, "win.show-record", "(ix)", (gint32) kind, id));
  iterate ();
}

/* Today opens records in the Renovations, Handovers, Surveys and Patrols
 * tabs: each found and selected though the tab was never shown before. */
static void
test_open_from_today (void)
{
  g_autoptr (PdContext) ctx = demo_context ("lazy-today.db");
  gint64 renovation = active_renovation (ctx);
  gint64 handover = pd_test_count (ctx, "SELECT max(id) FROM handover", NULL);
  gint64 followup = pd_test_count (ctx, "SELECT max(id) FROM survey_followup WHERE visited_on = ''", NULL);
  gint64 anomaly = pd_test_count (ctx, "SELECT max(id) FROM patrol_anomaly WHERE state = 'open'", NULL);
  GtkWidget *window = GTK_WIDGET (pd_window_new (NULL, ctx));
  GtkLabel *summary = GTK_LABEL (pd_test_gui_find (window, GTK_TYPE_LABEL, "today-summary"));
  GtkWidget *page;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  /* Only Today, in front, is made with the window. */
  g_assert_cmpint (gtk_notebook_get_n_pages (notebook_of (window)), ==, 7);
  g_assert_true (PD_IS_TODAY_VIEW (gtk_notebook_get_nth_page (notebook_of (window), 0)));
  g_assert_null (pd_window_get_view (PD_WINDOW (window), PD_TYPE_OWNER_VIEW));
  g_assert_null (pd_window_get_view (PD_WINDOW (window), PD_TYPE_HANDOVER_VIEW));
  g_assert_null (pd_window_get_view (PD_WINDOW (window), PD_TYPE_RENOVATION_VIEW));
  g_assert_null (pd_window_get_view (PD_WINDOW (window), PD_TYPE_RELEASE_VIEW));
  g_assert_null (pd_window_get_view (PD_WINDOW (window), PD_TYPE_SURVEY_VIEW));
  g_assert_null (pd_window_get_view (PD_WINDOW (window), PD_TYPE_PATROL_VIEW));
  /* Today, in front, reads after the window's first frame is drawn; the
   * icon and the tabs' scroll arrows come then too. */
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (gtk_label_get_text (summary), ==, "Reading what is due…");
  g_assert_null (gtk_window_get_icon_name (GTK_WINDOW (window)));
  g_assert_false (gtk_notebook_get_scrollable (notebook_of (window)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pd_test_gui_find_id (window, "date_label"))), ==,
                   "Today, 2026-03-10 Tuesday");
  g_assert_cmpuint (rows_in (tab_of_type (window, PD_TYPE_TODAY_VIEW)), ==, 0);
  iterate ();
  g_assert_true (g_str_has_suffix (gtk_label_get_text (summary), " overdue") ||
                 g_str_equal (gtk_label_get_text (summary), "Nothing is due today."));
  g_assert_cmpuint (rows_in (tab_of_type (window, PD_TYPE_TODAY_VIEW)), >, 0);
  g_assert_cmpstr (gtk_window_get_icon_name (GTK_WINDOW (window)), ==, "org.propdesk.PropDesk");
  g_assert_true (gtk_notebook_get_scrollable (notebook_of (window)));
  /* The other tabs are still not made. */
  g_assert_null (pd_window_get_view (PD_WINDOW (window), PD_TYPE_RENOVATION_VIEW));
  g_assert_null (pd_window_get_view (PD_WINDOW (window), PD_TYPE_OWNER_VIEW));

  /* A tab clicked for the first time shows its view, made then. */
  gtk_notebook_set_current_page (notebook_of (window), 4);
  iterate ();
  page = pd_window_get_current_view (PD_WINDOW (window));
  g_assert_true (PD_IS_RELEASE_VIEW (page));
  g_assert_true (page == pd_window_get_view (PD_WINDOW (window), PD_TYPE_RELEASE_VIEW));
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpuint (rows_in (page), >, 0);

  show_record (window, PD_TODAY_RENOVATION_REVIEW, renovation);
  page = pd_window_get_current_view (PD_WINDOW (window));
  g_assert_true (PD_IS_RENOVATION_VIEW (page));
  g_assert_cmpuint (rows_in (page), >, 1);
  g_assert_cmpint (pd_renovation_form_get_id (PD_RENOVATION_FORM (pd_test_gui_find (page, PD_TYPE_RENOVATION_FORM,
                                                                                    NULL))), ==, renovation);

  show_record (window, PD_TODAY_HANDOVER_DEFECT, handover);
  page = pd_window_get_current_view (PD_WINDOW (window));
  g_assert_true (PD_IS_HANDOVER_VIEW (page));
  g_assert_cmpuint (rows_in (page), >, 1);
  g_assert_cmpint (pd_handover_editor_get_handover_id (PD_HANDOVER_EDITOR (pd_test_gui_find (page, PD_TYPE_HANDOVER_EDITOR,
                                                                                             NULL))), ==, handover);

  show_record (window, PD_TODAY_SURVEY_FOLLOWUP, followup);
  page = pd_window_get_current_view (PD_WINDOW (window));
  g_assert_true (PD_IS_SURVEY_VIEW (page));
  {
    GtkWidget *followups = pd_test_gui_find (page, PD_TYPE_SURVEY_FOLLOWUPS, NULL);
    GtkColumnView *list = GTK_COLUMN_VIEW (pd_test_gui_find (followups, GTK_TYPE_COLUMN_VIEW, NULL));
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (list));
    PdRecordItem *item = gtk_single_selection_get_selected_item (selection);

    g_assert_nonnull (item);
    g_assert_cmpint (((PdSurveyFollowup *) pd_record_item_get (item))->id, ==, followup);
  }

  show_record (window, PD_TODAY_ANOMALY, anomaly);
  page = pd_window_get_current_view (PD_WINDOW (window));
  g_assert_true (PD_IS_PATROL_VIEW (page));
  g_assert_cmpint (pd_patrol_anomaly_list_get_selected (PD_PATROL_ANOMALY_LIST (pd_test_gui_find (page, PD_TYPE_PATROL_ANOMALY_LIST,
                                                                                                  NULL))), ==, anomaly);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

/* A record selected in a tab still hidden (a caller not going through the
 * window's notebook): the view reads first, then selects. */
static void
test_select_in_hidden (void)
{
  g_autoptr (PdContext) ctx = demo_context ("lazy-select.db");
  gint64 renovation = active_renovation (ctx);
  gint64 handover = pd_test_count (ctx, "SELECT max(id) FROM handover", NULL);
  GtkWidget *window = gtk_window_new ();
  GtkNotebook *notebook = GTK_NOTEBOOK (gtk_notebook_new ());
  GtkWidget *renovations = pd_renovation_view_new (ctx);
  GtkWidget *handovers = GTK_WIDGET (pd_handover_view_new (ctx));

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (notebook));
  gtk_notebook_append_page (notebook, gtk_label_new ("front"), NULL);
  gtk_notebook_append_page (notebook, renovations, NULL);
  gtk_notebook_append_page (notebook, handovers, NULL);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_cmpuint (rows_in (renovations), ==, 0);

  pd_renovation_view_select (PD_RENOVATION_VIEW (renovations), renovation);
  g_assert_cmpuint (rows_in (renovations), >, 1);
  g_assert_cmpint (pd_renovation_form_get_id (PD_RENOVATION_FORM (pd_test_gui_find (renovations, PD_TYPE_RENOVATION_FORM,
                                                                                    NULL))), ==, renovation);
  pd_handover_view_show (PD_HANDOVER_VIEW (handovers), handover);
  g_assert_cmpuint (rows_in (handovers), >, 1);
  g_assert_cmpint (pd_handover_editor_get_handover_id (PD_HANDOVER_EDITOR (pd_test_gui_find (handovers, PD_TYPE_HANDOVER_EDITOR,
                                                                                             NULL))), ==, handover);
  /* Read already: showing the tab now reads nothing more. */
  statements = 0;
  gtk_notebook_set_current_page (notebook, 1);
  iterate ();
  g_assert_cmpuint (statements, ==, 0);
  g_assert_cmpuint (rows_in (renovations), >, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  g_test_add_func ("/lazy-tabs/hidden-reads-nothing", test_hidden_reads_nothing);
  g_test_add_func ("/lazy-tabs/open-from-today", test_open_from_today);
  g_test_add_func ("/lazy-tabs/select-in-hidden", test_select_in_hidden);
  return g_test_run ();
}
