/* pd-after-frame.h — work put off until a widget's next frame is painted:
 * what the first frame does not need (Today's list, the window's icon) must
 * not hold it back (issue #8). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*PdAfterFrameFunc) (GtkWidget *widget);

/* Calls @func (@widget) once, at idle after @widget's frame clock has
 * painted its next frame (one is requested), so the frame is finished and
 * on screen first.  Nothing is called if @widget is disposed before then.
 * @widget must be realized (have a frame clock); FALSE if it is not. */
gboolean pd_after_frame (GtkWidget        *widget,
                         PdAfterFrameFunc  func);

G_END_DECLS
