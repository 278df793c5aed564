/* pd-gsk-choice.c — see pd-gsk-choice.h. */
#include "config.h"

#include <string.h>

#include "pd-gsk-choice.h"

#ifdef HAVE_XCB
#include <xcb/xcb.h>
#endif

#ifdef HAVE_XCB
static gboolean
has_extension (xcb_connection_t *connection,
               const char       *name)
{
  xcb_query_extension_cookie_t cookie = xcb_query_extension (connection, strlen (name), name);
  g_autofree xcb_query_extension_reply_t *reply = xcb_query_extension_reply (connection, cookie, NULL);

  return reply != NULL && reply->present;
}
#endif

gboolean
pd_gsk_choice_gl_is_software (const char *display_name)
{
#ifdef HAVE_XCB
  const char *forced = g_getenv ("LIBGL_ALWAYS_SOFTWARE");
  xcb_connection_t *connection;
  gboolean software;

  if (forced != NULL && *forced != '\0' && !g_str_equal (forced, "0") && !g_str_equal (forced, "false"))
    return TRUE;
  /* An X server that starts over when its last client leaves (Xvfb
   * without -noreset) refuses connections for a moment meanwhile; the next
   * attempt goes through. */
  for (int attempt = 0;; attempt++)
    {
      connection = xcb_connect (display_name, NULL);
      if (!xcb_connection_has_error (connection))
        break;
      xcb_disconnect (connection);
      if (attempt == 2)
        return FALSE;
    }
  /* Mesa reaches the graphics card through DRI3 or DRI2, NVIDIA's own
   * driver through NV-GLX; with none of them GL is rendered on the CPU. */
  software = !has_extension (connection, "DRI3") && !has_extension (connection, "DRI2") &&
             !has_extension (connection, "NV-GLX");
  xcb_disconnect (connection);
  return software;
#else
  return FALSE;
#endif
}

/* Whether GTK will open an X11 display: GDK_BACKEND names it first, or is
 * unset and no Wayland compositor is there to be tried before it. */
static gboolean
backend_is_x11 (void)
{
  const char *backend = g_getenv ("GDK_BACKEND");

  if (backend != NULL && *backend != '\0' && !g_str_equal (backend, "*"))
    return g_str_has_prefix (backend, "x11");
  return g_getenv ("WAYLAND_DISPLAY") == NULL && g_getenv ("DISPLAY") != NULL;
}

gboolean
pd_gsk_choice_renderer (void)
{
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *flags = NULL;

  if (g_getenv ("GSK_RENDERER") != NULL || !backend_is_x11 () || !pd_gsk_choice_gl_is_software (NULL))
    return FALSE;
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  /* GTK 4.8 sets GL up when it opens an X display (to pick the window
   * visual) even for the cairo renderer: that is most of the cost. */
  flags = debug != NULL && *debug != '\0' ? g_strconcat (debug, ",gl-disable", NULL) : g_strdup ("gl-disable");
  g_setenv ("GDK_DEBUG", flags, TRUE);
  return TRUE;
}
