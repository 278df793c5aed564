/* pd-after-frame.c — see pd-after-frame.h. */
#include "config.h"

#include "pd-after-frame.h"

typedef struct
{
  GtkWidget       *widget;  /* weakly */
  PdAfterFrameFunc func;
  GdkFrameClock   *clock;
  gulong           handler; /* until the frame is painted */
  guint            idle;    /* then until the idle */
} AfterFrame;

static void
after_frame_free (AfterFrame *wait)
{
  g_clear_signal_handler (&wait->handler, wait->clock);
  g_clear_handle_id (&wait->idle, g_source_remove);
  g_clear_object (&wait->clock);
  g_free (wait);
}

/* @widget is disposed first: nothing is called. */
static void
on_widget_gone (gpointer  data,
                GObject  *where_the_widget_was)
{
  after_frame_free (data);
}

static gboolean
call_at_idle (gpointer data)
{
  AfterFrame *wait = data;
  GtkWidget *widget = wait->widget;
  PdAfterFrameFunc func = wait->func;

  wait->idle = 0;
  g_object_weak_unref (G_OBJECT (widget), on_widget_gone, wait);
  after_frame_free (wait);
  func (widget);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                AfterFrame    *wait)
{
  g_clear_signal_handler (&wait->handler, clock);
  /* At idle: once the frame is finished and on screen. */
  wait->idle = g_idle_add (call_at_idle, wait);
}

gboolean
pd_after_frame (GtkWidget        *widget,
                PdAfterFrameFunc  func)
{
  GdkFrameClock *clock;
  AfterFrame *wait;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  if ((clock = gtk_widget_get_frame_clock (widget)) == NULL)
    return FALSE;
  wait = g_new0 (AfterFrame, 1);
  wait->widget = widget;
  wait->func = func;
  wait->clock = g_object_ref (clock);
  wait->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), wait);
  g_object_weak_ref (G_OBJECT (widget), on_widget_gone, wait);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  return TRUE;
}
