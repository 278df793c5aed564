/* pd-bench-probe.h — what bench/pd-bench measures inside the GUI, switched on
 * by environment variables (never set for users):
 *
 *   PROPDESK_BENCH_STARTUP=1   print "first-frame-ms T" (since main()) and
 *                              "first-frame-at-us T" (the monotonic clock,
 *                              g_get_monotonic_time) at the first painted
 *                              frame of the main window, then quit;
 *   PROPDESK_BENCH_TYPE=TEXT   then type TEXT into the first search box one
 *                              character a frame, print "type-ms" with the
 *                              time from each keystroke to the painted result;
 *   PROPDESK_BENCH_SCROLL=1    then scroll the first list to its end, a page
 *                              (or 1/200 of it) a frame, print "scroll-ms T
 *                              pages N".
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Notes when main() began: call first thing there. */
void pd_bench_probe_mark_start (void);
/* Watches @window if a bench variable is set. */
void pd_bench_probe_attach     (GtkWindow *window);

G_END_DECLS
