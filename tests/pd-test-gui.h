/* pd-test-gui.h — driving real widgets in GUI tests under Xvfb: run the
 * main loop, find widgets by type and name, type text key by key, save a
 * PNG of a window when PD_TEST_SHOTS=DIR is set. */
#pragma once

#include <gtk/gtk.h>

static inline void
pd_test_gui_spin (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
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
