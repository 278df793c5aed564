/* pd-context-watch.h — re-reading a view when the data it shows changes.
 *
 * Core writes come in bursts (a round records a dozen patrols, anomalies
 * and loans): the view's refresh runs once, at idle, after the writes to the
 * tables it watches.  The watch ends with the view (or pd_context_unwatch in
 * its dispose, before its children go). */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

typedef void (*PdContextWatchFunc) (gpointer owner);

/* Calls @refresh (@owner) at idle after a write to a table whose name starts
 * with one of @prefixes (NULL-terminated). */
void pd_context_watch   (PdContext          *ctx,
                         gpointer            owner,
                         const char *const  *prefixes,
                         PdContextWatchFunc  refresh);
void pd_context_unwatch (gpointer            owner);

G_END_DECLS
