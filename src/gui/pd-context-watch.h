/* pd-context-watch.h — re-reading a view when the data it shows changes.
 *
 * Core writes come in bursts (a round records a dozen patrols, anomalies
 * and loans): the view's refresh runs once, at idle, after the writes to the
 * tables it watches.  The watch ends with the view (or pd_context_unwatch in
 * its dispose, before its children go).
 *
 * A tab's view watched lazily reads nothing until it is shown: with a
 * portfolio of 100,000 units, reading every tab at start took seconds
 * (issue #8).  It is read at its first map; a change while it is hidden only
 * marks it stale, and it is read again at its next map. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

typedef void (*PdContextWatchFunc) (gpointer owner);

/* Calls @refresh (@owner) at idle after a write to a table whose name starts
 * with one of @prefixes (NULL-terminated; "" for every table). */
void     pd_context_watch          (PdContext          *ctx,
                                    gpointer            owner,
                                    const char *const  *prefixes,
                                    PdContextWatchFunc  refresh);
/* The same, and the first @refresh when @owner is first mapped (at once if
 * it is already); while @owner is not mapped a change only marks it stale. */
void     pd_context_watch_lazily   (PdContext          *ctx,
                                    GtkWidget          *owner,
                                    const char *const  *prefixes,
                                    PdContextWatchFunc  refresh);
/* For a lazy view's own re-reads (a filter changed): TRUE when @owner is
 * not shown, and then it is marked stale instead — the caller reads nothing. */
gboolean pd_context_watch_postpone (gpointer            owner);
/* The pending read of a stale lazy view, now: before a record of it is
 * selected from another tab.  Nothing when the view is up to date. */
void     pd_context_watch_ensure   (gpointer            owner);
/* The watch's refresh now, stale or not, shown or not (the pending one
 * included): a view showing a record asked for from another tab. */
void     pd_context_watch_read     (gpointer            owner);
void     pd_context_unwatch        (gpointer            owner);

G_END_DECLS
