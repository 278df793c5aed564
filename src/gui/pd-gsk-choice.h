/* pd-gsk-choice.h — which GSK renderer draws the windows, chosen before GTK
 * starts.  Where GL would be Mesa's software rasteriser (llvmpipe: an X
 * server with no DRI, such as Xvfb, Xvnc or a forwarded display), the cairo
 * renderer draws the same widgets: on the 100,000-unit portfolio under Xvfb,
 * setting up llvmpipe was about half of the CPU time to the first frame and
 * 127 MB of its 181 MB resident memory (0.92 s CPU and 181 MB with GL,
 * 0.40 s and 54 MB with cairo and GL not set up).  A renderer the user
 * chose (GSK_RENDERER) is always kept. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether GL on the X display @display_name (NULL: $DISPLAY) would be drawn
 * in software; FALSE when that cannot be told (no X display). */
gboolean pd_gsk_choice_gl_is_software (const char *display_name);

/* Sets GSK_RENDERER=cairo, and gl-disable in GDK_DEBUG so that GTK does not
 * set GL up at all, when GSK_RENDERER is unset, GTK will use X11 and GL there
 * would be software.  TRUE when it did.  Call before gtk_init. */
gboolean pd_gsk_choice_renderer (void);

G_END_DECLS
