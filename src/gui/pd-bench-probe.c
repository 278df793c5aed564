/* pd-bench-probe.c — see pd-bench-probe.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pd-bench-probe.h"
#include "pd-owner-view.h"
#include "pd-window.h"

typedef struct
{
  GtkWindow     *window;
  gint64         start_us;
  gint64         step_us;   /* when the current keystroke or page began */
  char          *text;      /* what is typed */
  glong          typed;     /* characters typed so far */
  GString       *report;
  GtkAdjustment *scroll;
  guint          pages;
} Probe;

static void
probe_free (Probe *probe)
{
  g_free (probe->text);
  if (probe->report != NULL)
    g_string_free (probe->report, TRUE);
  g_free (probe);
}

/* The first widget of @type in the visible part of the tree under @widget. */
static GtkWidget *
find_visible (GtkWidget *widget,
              GType      type)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_visible (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The Owner files tab in front: typing and scrolling are measured there. */
static void
show_owner_tab (Probe *probe)
{
  pd_window_show_view (PD_WINDOW (probe->window), PD_TYPE_OWNER_VIEW);
  gtk_widget_queue_draw (GTK_WIDGET (probe->window));
}

/* This process's peak resident memory so far, from Linux's /proc (VmHWM),
 * in kB; -1 where there is none.  The bench cannot take it from wait4():
 * a child started by posix_spawn shares the bench's memory until its exec,
 * and the kernel counts the bench's peak as the child's. */
static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "\nVmHWM:")) == NULL)
    return -1;
  return strtol (line + strlen ("\nVmHWM:"), NULL, 10);
}

static void
finish (GdkFrameClock *clock,
        Probe         *probe)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (probe->window));
  long peak = peak_rss_kb ();

  if (peak >= 0)
    g_print ("peak-rss-kb %ld\n", peak);

  g_signal_handlers_disconnect_by_data (clock, probe);
  probe_free (probe);
  g_application_quit (app);
}

/* One character more into the search box, inserted at the end as a key
 * press does (gtk_editable_set_text would empty the box first: a second
 * "changed", for the whole list, that no typing makes); its "changed"
 * handler re-reads the list at once, and the next painted frame shows the
 * result. */
static gboolean
type_next (GdkFrameClock *clock,
           Probe         *probe)
{
  GtkWidget *entry = find_visible (GTK_WIDGET (probe->window), GTK_TYPE_SEARCH_ENTRY);
  g_autofree char *key = NULL;
  int position;

  if (entry == NULL || probe->typed >= g_utf8_strlen (probe->text, -1))
    return FALSE;
  key = g_utf8_substring (probe->text, probe->typed, probe->typed + 1);
  probe->typed++;
  probe->step_us = g_get_monotonic_time ();
  position = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  gtk_editable_insert_text (GTK_EDITABLE (entry), key, -1, &position);
  gtk_editable_set_position (GTK_EDITABLE (entry), position);
  gtk_widget_queue_draw (GTK_WIDGET (probe->window));
  return TRUE;
}

static gboolean
scroll_next (Probe *probe)
{
  double value = gtk_adjustment_get_value (probe->scroll);
  double end = gtk_adjustment_get_upper (probe->scroll) - gtk_adjustment_get_page_size (probe->scroll);

  if (value >= end)
    return FALSE;
  /* A page a frame would take a minute over 100,000 rows; at most 200
   * steps still bring rows from every part of the list in. */
  probe->pages++;
  gtk_adjustment_set_value (probe->scroll,
                            MIN (end, value + MAX (gtk_adjustment_get_page_size (probe->scroll),
                                                   gtk_adjustment_get_upper (probe->scroll) / 200)));
  gtk_widget_queue_draw (GTK_WIDGET (probe->window));
  return TRUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Probe         *probe)
{
  gint64 now = g_get_monotonic_time ();

  if (probe->report == NULL)
    {
      g_print ("first-frame-ms %.1f\nfirst-frame-at-us %" G_GINT64_FORMAT "\n", (now - probe->start_us) / 1000.0, now);
      probe->report = g_string_new (NULL);
      if (probe->text == NULL && g_getenv ("PROPDESK_BENCH_SCROLL") == NULL)
        {
          finish (clock, probe);
          return;
        }
      show_owner_tab (probe);
      return;
    }
  /* (On the owner tab's first frame nothing is typed yet.) */
  if (probe->text != NULL && probe->typed > 0)
    g_string_append_printf (probe->report, " %.1f", (now - probe->step_us) / 1000.0);

  if (probe->text != NULL)
    {
      if (type_next (clock, probe))
        return;
      g_print ("type-ms%s\n", probe->report->str);
      g_clear_pointer (&probe->text, g_free);
      if (g_getenv ("PROPDESK_BENCH_SCROLL") == NULL)
        {
          finish (clock, probe);
          return;
        }
    }

  if (probe->scroll == NULL)
    {
      GtkWidget *list = find_visible (GTK_WIDGET (probe->window), GTK_TYPE_COLUMN_VIEW);
      GtkWidget *parent = list ? gtk_widget_get_parent (list) : NULL;

      if (!GTK_IS_SCROLLED_WINDOW (parent))
        {
          g_print ("scroll-ms none\n");
          finish (clock, probe);
          return;
        }
      probe->scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (parent));
      probe->step_us = now;
    }
  if (!scroll_next (probe))
    {
      g_print ("scroll-ms %.1f pages %u\n", (now - probe->step_us) / 1000.0, probe->pages);
      finish (clock, probe);
    }
}

static void
on_realized (GtkWidget *window,
             Probe     *probe)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), probe);
}

static gint64 main_start_us;

void
pd_bench_probe_mark_start (void)
{
  main_start_us = g_get_monotonic_time ();
}

void
pd_bench_probe_attach (GtkWindow *window)
{
  Probe *probe;

  if (g_getenv ("PROPDESK_BENCH_STARTUP") == NULL)
    return;
  probe = g_new0 (Probe, 1);
  probe->window = window;
  probe->start_us = main_start_us;
  probe->text = g_strdup (g_getenv ("PROPDESK_BENCH_TYPE"));
  g_signal_connect (window, "realize", G_CALLBACK (on_realized), probe);
}
