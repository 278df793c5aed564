/* The renderer chosen before GTK starts (pd-gsk-choice.h): under Xvfb, whose
 * X server has no DRI, GL would be llvmpipe and cairo is chosen, GL is not
 * set up, and the window is really drawn by cairo; a renderer the user set
 * is kept, and nothing is chosen where the display cannot be asked. */
#include "config.h"

#include <gtk/gtk.h>

#include "pd-gsk-choice.h"

static char *real_display;

static void
clear_environment (void)
{
  g_unsetenv ("GSK_RENDERER");
  g_unsetenv ("GDK_DEBUG");
  g_unsetenv ("GDK_BACKEND");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_unsetenv ("LIBGL_ALWAYS_SOFTWARE");
  g_setenv ("DISPLAY", real_display, TRUE);
}

static void
test_user_renderer_kept (void)
{
  clear_environment ();
  g_setenv ("GSK_RENDERER", "gl", TRUE);
  g_assert_false (pd_gsk_choice_renderer ());
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "gl");
  g_assert_null (g_getenv ("GDK_DEBUG"));
}

static void
test_wayland_left_alone (void)
{
  clear_environment ();
  g_setenv ("GDK_BACKEND", "wayland", TRUE);
  g_assert_false (pd_gsk_choice_renderer ());
  g_assert_null (g_getenv ("GSK_RENDERER"));
  clear_environment ();
  g_setenv ("WAYLAND_DISPLAY", "wayland-0", TRUE);
  g_assert_false (pd_gsk_choice_renderer ());
  g_assert_null (g_getenv ("GSK_RENDERER"));
}

static void
test_no_display (void)
{
  clear_environment ();
  /* No X server answers there: GTK keeps its own choice. */
  g_setenv ("DISPLAY", ":4242", TRUE);
  g_assert_false (pd_gsk_choice_gl_is_software (NULL));
  g_assert_false (pd_gsk_choice_renderer ());
  g_assert_null (g_getenv ("GSK_RENDERER"));
  /* Mesa told to render in software is software wherever it draws. */
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "1", TRUE);
  g_assert_true (pd_gsk_choice_gl_is_software (NULL));
  g_setenv ("LIBGL_ALWAYS_SOFTWARE", "0", TRUE);
  g_assert_false (pd_gsk_choice_gl_is_software (NULL));
}

static void
test_xvfb_is_software (void)
{
  clear_environment ();
  g_assert_true (pd_gsk_choice_gl_is_software (NULL));
  g_setenv ("GDK_DEBUG", "misc", TRUE);
  g_assert_true (pd_gsk_choice_renderer ());
  g_assert_cmpstr (g_getenv ("GSK_RENDERER"), ==, "cairo");
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "misc,gl-disable");
  clear_environment ();
  g_assert_true (pd_gsk_choice_renderer ());
  g_assert_cmpstr (g_getenv ("GDK_DEBUG"), ==, "gl-disable");
}

/* Last: GTK starts once, with what pd_gsk_choice_renderer set. */
static void
test_window_drawn_by_cairo (void)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *window;
  GskRenderer *renderer;

  clear_environment ();
  g_assert_true (pd_gsk_choice_renderer ());
  gtk_init ();
  window = gtk_window_new ();
  gtk_widget_realize (window);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_assert_nonnull (renderer);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (renderer), ==, "GskCairoRenderer");
  /* GL was not set up behind the cairo renderer either. */
  g_assert_false (gdk_display_prepare_gl (gtk_widget_get_display (window), &error));
  g_assert_nonnull (error);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("DISPLAY") == NULL)
    {
      g_test_skip ("needs an X display (xvfb-run)");
      return g_test_run ();
    }
  real_display = g_strdup (g_getenv ("DISPLAY"));
  g_test_add_func ("/gsk-choice/user-renderer-kept", test_user_renderer_kept);
  g_test_add_func ("/gsk-choice/wayland-left-alone", test_wayland_left_alone);
  g_test_add_func ("/gsk-choice/no-display", test_no_display);
  g_test_add_func ("/gsk-choice/xvfb-is-software", test_xvfb_is_software);
  g_test_add_func ("/gsk-choice/window-drawn-by-cairo", test_window_drawn_by_cairo);
  status = g_test_run ();
  g_free (real_display);
  return status;
}
