/* pd-bulk.c — see pd-bulk.h. */
#include "config.h"

#include "pd-audit.h"
#include "pd-bulk.h"
#include "pd-search.h"

typedef struct
{
  GHashTable *ids[2];   /* PdBulkKind → set of gint64 ids */
  GHashTable *tables;   /* interned table names */
} Bulk;

static GQuark
bulk_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("pd-bulk");
  return quark;
}

static void
bulk_free (Bulk *bulk)
{
  for (guint i = 0; i < G_N_ELEMENTS (bulk->ids); i++)
    g_hash_table_unref (bulk->ids[i]);
  g_hash_table_unref (bulk->tables);
  g_free (bulk);
}

static Bulk *
get_bulk (PdContext *ctx)
{
  return g_object_get_qdata (G_OBJECT (ctx), bulk_quark ());
}

gboolean
pd_bulk_begin (PdContext *ctx,
               GError   **error)
{
  Bulk *bulk;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), FALSE);
  g_return_val_if_fail (get_bulk (ctx) == NULL, FALSE);
  if (!pd_audit_bulk_begin (pd_context_get_database (ctx), error))
    return FALSE;
  bulk = g_new0 (Bulk, 1);
  for (guint i = 0; i < G_N_ELEMENTS (bulk->ids); i++)
    bulk->ids[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  bulk->tables = g_hash_table_new (g_str_hash, g_str_equal);
  g_object_set_qdata_full (G_OBJECT (ctx), bulk_quark (), bulk, (GDestroyNotify) bulk_free);
  return TRUE;
}

gboolean
pd_bulk_active (PdContext *ctx)
{
  return get_bulk (ctx) != NULL;
}

gboolean
pd_bulk_reindex (PdContext  *ctx,
                 PdBulkKind  kind,
                 gint64      id,
                 GError    **error)
{
  Bulk *bulk = get_bulk (ctx);

  if (bulk == NULL)
    return kind == PD_BULK_PERSON ? pd_search_reindex_person (ctx, id, error)
                                  : pd_search_reindex_unit (ctx, id, error);
  if (!g_hash_table_contains (bulk->ids[kind], &id))
    g_hash_table_add (bulk->ids[kind], g_memdup2 (&id, sizeof id));
  return TRUE;
}

gboolean
pd_bulk_defer_notify (PdContext  *ctx,
                      const char *table)
{
  Bulk *bulk = get_bulk (ctx);

  if (bulk == NULL)
    return FALSE;
  g_hash_table_add (bulk->tables, (gpointer) g_intern_string (table));
  return TRUE;
}

/* The ids of @set (pd_search_reindex_many() puts them in order). */
static GArray *
ids_of_set (GHashTable *set)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (set));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  return ids;
}

gboolean
pd_bulk_end (PdContext *ctx,
             GError   **error)
{
  Bulk *bulk = g_object_steal_qdata (G_OBJECT (ctx), bulk_quark ());
  g_autoptr (GArray) people = NULL;
  g_autoptr (GArray) units = NULL;
  GHashTableIter iter;
  gpointer table;
  gboolean ok = TRUE;

  g_return_val_if_fail (bulk != NULL, FALSE);
  /* Detached first: the reindexing below must really write. */
  people = ids_of_set (bulk->ids[PD_BULK_PERSON]);
  units = ids_of_set (bulk->ids[PD_BULK_UNIT]);
  ok = pd_search_reindex_many (ctx, (const gint64 *) (gpointer) people->data, people->len,
                               (const gint64 *) (gpointer) units->data, units->len, error);
  if (ok)
    ok = pd_audit_bulk_end (pd_context_get_database (ctx), error);
  else
    pd_audit_bulk_cancel (pd_context_get_database (ctx));
  g_hash_table_iter_init (&iter, bulk->tables);
  while (ok && g_hash_table_iter_next (&iter, &table, NULL))
    pd_context_notify_changed (ctx, table);
  bulk_free (bulk);
  return ok;
}

void
pd_bulk_cancel (PdContext *ctx)
{
  g_object_set_qdata (G_OBJECT (ctx), bulk_quark (), NULL);
  pd_audit_bulk_cancel (pd_context_get_database (ctx));
}
