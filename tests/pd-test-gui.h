/* pd-test-gui.h — driving real widgets in GUI tests under Xvfb: run the
 * main loop, find widgets by type and name, type text key by key, press a
 * widget's keyboard shortcut, print through the print dialog to a PDF file,
 * save a PNG of a window when PD_TEST_SHOTS=DIR is set. */
#pragma once

#include <gtk/gtk.h>

static inline void
pd_test_gui_spin (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until it is idle, @rounds times with a pause of
 * @pause_us between: idle handlers (refreshes, lazy reads, a worker's
 * result) may queue more work after the loop went idle. */
static inline void
pd_test_gui_settle (guint  rounds,
                    gulong pause_us)
{
  for (guint round = 0; round < rounds; round++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (pause_us);
    }
}

static inline GtkWidget *
pd_test_gui_find_in (GtkWidget  *root,
                     GType       type,
                     const char *name)
{
  if ((type == G_TYPE_INVALID || G_TYPE_CHECK_INSTANCE_TYPE (root, type)) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pd_test_gui_find_in (child, type, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline GtkWidget *
pd_test_gui_find (GtkWidget  *root,
                  GType       type,
                  const char *name)
{
  GtkWidget *found = pd_test_gui_find_in (root, type, name);

  if (found == NULL)
    g_error ("no widget %s named %s", g_type_name (type), name ? name : "(any)");
  return found;
}

/* The widget with the builder (template) id @id below @root, or NULL. */
static inline GtkWidget *
pd_test_gui_find_id (GtkWidget  *root,
                     const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pd_test_gui_find_id (child, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Runs the main loop until the label with buildable id @id under @root
 * reads @text (views that follow a selection after a pause), at most 5 s;
 * the label is returned for the caller's assertion. */
static inline GtkLabel *
pd_test_gui_wait_for_label (GtkWidget  *root,
                            const char *id,
                            const char *text)
{
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  GtkWidget *label = NULL;

  while (g_get_monotonic_time () < until)
    {
      label = pd_test_gui_find_id (root, id);
      if (GTK_IS_LABEL (label) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
        break;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  return GTK_IS_LABEL (label) ? GTK_LABEL (label) : NULL;
}

/* A toplevel other than @main_window, by type. */
static inline GtkWidget *
pd_test_gui_find_toplevel (GtkWidget *main_window,
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

/* Answers the save chooser a view opened with @path, as a user would, and
 * waits for the file: the chooser checks the folder asynchronously before
 * it lets a save through. */
static inline void
pd_test_gui_choose_file (GtkWidget  *main_window,
                         const char *path)
{
  GtkWidget *chooser = pd_test_gui_find_toplevel (main_window, GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr (GFile) folder = g_file_new_for_path (dir);
  g_autoptr (GError) error = NULL;
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  pd_test_gui_spin ();
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  while (!g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_get_monotonic_time () < until)
    pd_test_gui_spin ();
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  pd_test_gui_spin ();
}

/* Types @text into the editable one character at a time, as keys do. */
static inline void
pd_test_gui_type (GtkWidget  *editable,
                  const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      int position = -1;
      gtk_editable_insert_text (GTK_EDITABLE (editable), p, (int) (g_utf8_next_char (p) - p), &position);
      gtk_editable_set_position (GTK_EDITABLE (editable), -1);
      pd_test_gui_spin ();
    }
}

/* TRUE when the keyboard focus is on @widget or inside it (an entry's
 * focus is on its inner text widget). */
static inline gboolean
pd_test_gui_has_focus (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Enter in an entry: what its Enter key binding emits. */
static inline void
pd_test_gui_enter (GtkWidget *entry)
{
  g_assert_true (GTK_IS_ENTRY (entry));
  g_signal_emit_by_name (entry, "activate");
  pd_test_gui_spin ();
}

/* Presses the shortcut @keyval + @modifiers that @widget's class binds (as
 * gtk_widget_class_add_binding_action set it up), the way GTK dispatches
 * the key; fails the test when @widget has no such binding. */
static inline void
pd_test_gui_press (GtkWidget      *widget,
                   guint           keyval,
                   GdkModifierType modifiers)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              pd_test_gui_spin ();
              return;
            }
        }
    }
  g_error ("%s has no shortcut %s", G_OBJECT_TYPE_NAME (widget), gdk_keyval_name (keyval));
}

/* A shown toplevel of the type named @type_name, or NULL (by name: the
 * print dialog's type exists only once one is made). */
static inline GtkWindow *
pd_test_gui_shown_toplevel (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (g_str_equal (G_OBJECT_TYPE_NAME (window), type_name) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

/* Runs the main loop until @path exists (a save dialog checks the file
 * asynchronously before it answers; printing writes in the background). */
static inline void
pd_test_gui_wait_for_file (const char *path)
{
  for (int i = 0; i < 500 && !g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      pd_test_gui_spin ();
      g_usleep (10000);
    }
  /* When it did not come, say what is on screen instead (an error?). */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
          g_autofree char *text = NULL;

          if (GTK_IS_MESSAGE_DIALOG (window))
            g_object_get (window, "secondary-text", &text, NULL);
          g_printerr ("open: %s %s\n", G_OBJECT_TYPE_NAME (window), text ? text : "");
        }
    }
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  pd_test_gui_spin ();
}

typedef struct
{
  const char *path;
  gboolean    configured;
  gboolean    answered;
} PdTestPrintJob;

static inline gboolean
pd_test_gui_answer_print_dialog (gpointer data)
{
  PdTestPrintJob *job = data;
  GtkWindow *dialog = pd_test_gui_shown_toplevel ("GtkPrintUnixDialog");
  g_autoptr (GObject) printer = NULL;
  gboolean is_virtual = FALSE;

  if (dialog == NULL)
    return G_SOURCE_CONTINUE;
  /* Through properties: <gtk/gtkunixprint.h> is a pkg-config module of its
   * own that the tests do not otherwise need. */
  g_object_get (dialog, "selected-printer", &printer, NULL);
  if (printer != NULL)
    g_object_get (printer, "is-virtual", &is_virtual, NULL);
  if (!is_virtual && !job->configured)
    {
      g_autoptr (GtkPrintSettings) settings = gtk_print_settings_new ();
      g_autofree char *uri = g_filename_to_uri (job->path, NULL, NULL);

      /* GTK's file backend, by its name in the test's language: the
       * dialog selects it once it is listed. */
      gtk_print_settings_set_printer (settings, g_dgettext ("gtk40", "Print to File"));
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
      gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
      g_object_set (dialog, "print-settings", settings, NULL);
      job->configured = TRUE;
    }
  if (!is_virtual)
    return G_SOURCE_CONTINUE;
  job->answered = TRUE;
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  return G_SOURCE_REMOVE;
}

/* Presses @widget's shortcut @keyval + @modifiers, which must open the
 * print dialog, and prints with it to the PDF file @path; returns when
 * the file is there. */
static inline void
pd_test_gui_print_to_pdf (GtkWidget      *widget,
                          guint           keyval,
                          GdkModifierType modifiers,
                          const char     *path)
{
  PdTestPrintJob job = { path, FALSE, FALSE };
  guint source = g_timeout_add (50, pd_test_gui_answer_print_dialog, &job);

  /* The print dialog runs its own main loop, where the timeout answers it. */
  pd_test_gui_press (widget, keyval, modifiers);
  if (!job.answered)
    g_source_remove (source);
  g_assert_true (job.answered);
  pd_test_gui_wait_for_file (path);
}

static inline void
pd_test_gui_shot (GtkWidget  *window,
                  const char *name)
{
  const char *dir = g_getenv ("PD_TEST_SHOTS");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int w = 0, h = 0;

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (window);
  /* Let the window lay out and draw its first frame. */
  for (int tries = 0; tries < 40 && node == NULL; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      g_usleep (20000);
      pd_test_gui_spin ();
      w = gtk_widget_get_width (window);
      h = gtk_widget_get_height (window);
      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, path);
}

/* Running the whole application in a test: count its main windows as
 * they open and act a moment after each (a window builds its tabs after
 * "window-added"), and never hang on a window nobody answers. */
typedef struct _PdTestAppWindows PdTestAppWindows;
/* @nth: 1 for the first window counted, 2 for the next… */
typedef void (*PdTestWindowFunc) (guint    nth,
                                  gpointer data);

struct _PdTestAppWindows
{
  GType            window_type;   /* the windows counted, e.g. PD_TYPE_WINDOW */
  guint            delay_ms;      /* after_window runs this long after each opens */
  PdTestWindowFunc after_window;
  gpointer         data;
  guint            windows_seen;
  GApplication    *app;           /* while pd_test_gui_run_app runs */
  guint            give_up;
};

typedef struct
{
  PdTestAppWindows *windows;
  guint             nth;
} PdTestWindowCall;

static inline gboolean
pd_test_gui_call_after_window (gpointer data)
{
  PdTestWindowCall *call = data;

  call->windows->after_window (call->nth, call->windows->data);
  return G_SOURCE_REMOVE;
}

static inline void
pd_test_gui_window_added (GtkApplication   *app,
                          GtkWindow        *window,
                          PdTestAppWindows *windows)
{
  PdTestWindowCall *call;

  if (!G_TYPE_CHECK_INSTANCE_TYPE (window, windows->window_type))
    return;
  call = g_new (PdTestWindowCall, 1);
  call->windows = windows;
  call->nth = ++windows->windows_seen;
  g_timeout_add_full (G_PRIORITY_DEFAULT, windows->delay_ms, pd_test_gui_call_after_window, call, g_free);
}

static inline gboolean
pd_test_gui_give_up (gpointer data)
{
  PdTestAppWindows *windows = data;

  g_printerr ("the application did not quit in time\n");
  windows->give_up = 0;
  g_application_quit (windows->app);
  return G_SOURCE_REMOVE;
}

/* Runs @app on @argv with @windows watched until it quits; after
 * @seconds it is made to quit (and the test's assertions fail). */
static inline int
pd_test_gui_run_app (GApplication     *app,
                     char            **argv,
                     PdTestAppWindows *windows,
                     guint             seconds)
{
  gulong handler = g_signal_connect (app, "window-added", G_CALLBACK (pd_test_gui_window_added), windows);
  int status;

  windows->app = app;
  windows->give_up = g_timeout_add_seconds (seconds, pd_test_gui_give_up, windows);
  status = g_application_run (app, (int) g_strv_length (argv), argv);
  /* Not left to fire during a later test of the same program. */
  if (windows->give_up != 0)
    g_source_remove (windows->give_up);
  windows->give_up = 0;
  windows->app = NULL;
  g_signal_handler_disconnect (app, handler);
  return status;
}
