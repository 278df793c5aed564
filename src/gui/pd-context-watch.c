/* pd-context-watch.c — see pd-context-watch.h. */
#include "config.h"

#include "pd-context-watch.h"

#define WATCH_KEY "pd-context-watch"

typedef struct
{
  gpointer           owner;
  PdContext         *ctx;
  gulong             handler;
  gulong             map_handler;
  guint              source;
  GStrv              prefixes;
  PdContextWatchFunc refresh;
  gboolean           lazy;
  gboolean           stale;    /* (lazy) to be read at the next map */
  gboolean           reading;  /* (lazy) refresh called by the watch itself */
} Watch;

static void
watch_free (Watch *watch)
{
  g_clear_handle_id (&watch->source, g_source_remove);
  g_clear_signal_handler (&watch->handler, watch->ctx);
  g_clear_signal_handler (&watch->map_handler, watch->owner);
  g_clear_object (&watch->ctx);
  g_strfreev (watch->prefixes);
  g_free (watch);
}

/* The refresh, told that it is wanted even though the view may be hidden. */
static void
read_now (Watch *watch)
{
  watch->stale = FALSE;
  watch->reading = TRUE;
  watch->refresh (watch->owner);
  watch->reading = FALSE;
}

/* A lazy view not on screen: mark it, read it when it shows. */
static gboolean
postpone (Watch *watch)
{
  if (!watch->lazy || watch->reading || gtk_widget_get_mapped (GTK_WIDGET (watch->owner)))
    return FALSE;
  watch->stale = TRUE;
  return TRUE;
}

static gboolean
refresh_idle (gpointer data)
{
  Watch *watch = data;

  watch->source = 0;
  /* Hidden since the change (another tab chosen): at its next map. */
  if (!postpone (watch))
    read_now (watch);
  return G_SOURCE_REMOVE;
}

static void
changed (PdContext  *ctx,
         const char *table,
         Watch      *watch)
{
  if (watch->source != 0 || (watch->lazy && watch->stale))
    return;
  for (guint i = 0; watch->prefixes[i] != NULL; i++)
    if (g_str_has_prefix (table, watch->prefixes[i]))
      {
        if (!postpone (watch))
          watch->source = g_idle_add (refresh_idle, watch);
        return;
      }
}

static void
mapped (GtkWidget *owner,
        Watch     *watch)
{
  if (watch->stale)
    read_now (watch);
}

static Watch *
watch_new (PdContext          *ctx,
           gpointer            owner,
           const char *const  *prefixes,
           PdContextWatchFunc  refresh)
{
  Watch *watch = g_new0 (Watch, 1);

  watch->owner = owner;
  watch->ctx = g_object_ref (ctx);
  watch->prefixes = g_strdupv ((char **) prefixes);
  watch->refresh = refresh;
  watch->handler = g_signal_connect (ctx, "changed", G_CALLBACK (changed), watch);
  g_object_set_data_full (G_OBJECT (owner), WATCH_KEY, watch, (GDestroyNotify) watch_free);
  return watch;
}

void
pd_context_watch (PdContext          *ctx,
                  gpointer            owner,
                  const char *const  *prefixes,
                  PdContextWatchFunc  refresh)
{
  watch_new (ctx, owner, prefixes, refresh);
}

void
pd_context_watch_lazily (PdContext          *ctx,
                         GtkWidget          *owner,
                         const char *const  *prefixes,
                         PdContextWatchFunc  refresh)
{
  Watch *watch = watch_new (ctx, owner, prefixes, refresh);

  watch->lazy = TRUE;
  watch->stale = TRUE;
  watch->map_handler = g_signal_connect (owner, "map", G_CALLBACK (mapped), watch);
  if (gtk_widget_get_mapped (owner))
    read_now (watch);
}

gboolean
pd_context_watch_postpone (gpointer owner)
{
  Watch *watch = g_object_get_data (G_OBJECT (owner), WATCH_KEY);

  return watch != NULL && postpone (watch);
}

void
pd_context_watch_ensure (gpointer owner)
{
  Watch *watch = g_object_get_data (G_OBJECT (owner), WATCH_KEY);

  if (watch == NULL || !watch->stale)
    return;
  g_clear_handle_id (&watch->source, g_source_remove);
  read_now (watch);
}

void
pd_context_watch_read (gpointer owner)
{
  Watch *watch = g_object_get_data (G_OBJECT (owner), WATCH_KEY);

  g_return_if_fail (watch != NULL);
  g_clear_handle_id (&watch->source, g_source_remove);
  read_now (watch);
}

void
pd_context_unwatch (gpointer owner)
{
  g_object_set_data (G_OBJECT (owner), WATCH_KEY, NULL);
}
