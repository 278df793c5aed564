/* pd-context-watch.c — see pd-context-watch.h. */
#include "config.h"

#include "pd-context-watch.h"

#define WATCH_KEY "pd-context-watch"

typedef struct
{
  gpointer           owner;
  PdContext         *ctx;
  gulong             handler;
  guint              source;
  GStrv              prefixes;
  PdContextWatchFunc refresh;
} Watch;

static void
watch_free (Watch *watch)
{
  g_clear_handle_id (&watch->source, g_source_remove);
  g_clear_signal_handler (&watch->handler, watch->ctx);
  g_clear_object (&watch->ctx);
  g_strfreev (watch->prefixes);
  g_free (watch);
}

static gboolean
refresh_idle (gpointer data)
{
  Watch *watch = data;

  watch->source = 0;
  watch->refresh (watch->owner);
  return G_SOURCE_REMOVE;
}

static void
changed (PdContext  *ctx,
         const char *table,
         Watch      *watch)
{
  if (watch->source != 0)
    return;
  for (guint i = 0; watch->prefixes[i] != NULL; i++)
    if (g_str_has_prefix (table, watch->prefixes[i]))
      {
        watch->source = g_idle_add (refresh_idle, watch);
        return;
      }
}

void
pd_context_watch (PdContext          *ctx,
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
}

void
pd_context_unwatch (gpointer owner)
{
  g_object_set_data (G_OBJECT (owner), WATCH_KEY, NULL);
}
