/* pd-owner-list-model.c — see pd-owner-list-model.h. */
#include "config.h"

#include "pd-owner-list-model.h"
#include "pd-record-item.h"

/* Enough for a tall screen of rows plus what a scroll brings in. */
#define CACHE_SIZE 256

struct _PdOwnerListModel
{
  GObject     parent_instance;
  PdContext  *ctx;
  GArray     *ids;
  GHashTable *cache;   /* unit id (gint64 *) → PdRecordItem */
  GQueue      order;   /* cached unit ids, oldest first, for eviction */
};

static void pd_owner_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdOwnerListModel, pd_owner_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pd_owner_list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return PD_TYPE_RECORD_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return PD_OWNER_LIST_MODEL (model)->ids->len;
}

static void
cache_clear (PdOwnerListModel *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear_full (&self->order, g_free);
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  PdOwnerListModel *self = PD_OWNER_LIST_MODEL (model);
  PdRecordItem *item;
  PdOwnerRow *row;
  gint64 unit_id;
  gint64 *key;

  if (position >= self->ids->len)
    return NULL;
  unit_id = g_array_index (self->ids, gint64, position);
  item = g_hash_table_lookup (self->cache, &unit_id);
  if (item != NULL)
    return g_object_ref (item);

  row = pd_owner_row_get (self->ctx, unit_id, NULL);
  if (row == NULL)
    {
      /* Deleted since the ids were read: an empty row until the refresh
       * that the deletion's "changed" signal brings. */
      row = g_new0 (PdOwnerRow, 1);
      row->unit_id = unit_id;
    }
  item = pd_record_item_new (row, (GDestroyNotify) pd_owner_row_free);
  if (g_queue_get_length (&self->order) >= CACHE_SIZE)
    {
      g_autofree gint64 *oldest = g_queue_pop_head (&self->order);
      g_hash_table_remove (self->cache, oldest);
    }
  key = g_memdup2 (&unit_id, sizeof unit_id);
  g_queue_push_tail (&self->order, key);
  g_hash_table_insert (self->cache, g_memdup2 (&unit_id, sizeof unit_id), g_object_ref (item));
  return item;
}

static void
pd_owner_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
pd_owner_list_model_finalize (GObject *object)
{
  PdOwnerListModel *self = PD_OWNER_LIST_MODEL (object);

  cache_clear (self);
  g_hash_table_unref (self->cache);
  g_array_unref (self->ids);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_owner_list_model_parent_class)->finalize (object);
}

static void
pd_owner_list_model_class_init (PdOwnerListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_owner_list_model_finalize;
}

static void
pd_owner_list_model_init (PdOwnerListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_queue_init (&self->order);
}

PdOwnerListModel *
pd_owner_list_model_new (PdContext *ctx)
{
  PdOwnerListModel *self = g_object_new (PD_TYPE_OWNER_LIST_MODEL, NULL);

  self->ctx = g_object_ref (ctx);
  return self;
}

gboolean
pd_owner_list_model_query (PdOwnerListModel *self,
                           const char       *search,
                           PdOwnerSort       sort,
                           gboolean          descending,
                           gboolean          data_changed,
                           GError          **error)
{
  GArray *ids;
  guint old_len;

  g_return_val_if_fail (PD_IS_OWNER_LIST_MODEL (self), FALSE);
  ids = pd_owner_list_unit_ids (self->ctx, search, sort, descending, error);
  if (ids == NULL)
    return FALSE;
  if (data_changed)
    cache_clear (self);
  /* Two signals, not one: when rows on screen are replaced in the same
   * signal, GTK 4.8 asks for every added item to see whether it can reuse
   * a row widget — all 100,000 of them after clearing a search. */
  old_len = self->ids->len;
  g_array_set_size (self->ids, 0);
  if (old_len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, 0);
  g_array_unref (self->ids);
  self->ids = ids;
  if (ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, ids->len);
  return TRUE;
}

gint64
pd_owner_list_model_get_unit_id (PdOwnerListModel *self,
                                 guint             position)
{
  g_return_val_if_fail (PD_IS_OWNER_LIST_MODEL (self), 0);
  return position < self->ids->len ? g_array_index (self->ids, gint64, position) : 0;
}

guint
pd_owner_list_model_find (PdOwnerListModel *self,
                          gint64            unit_id)
{
  g_return_val_if_fail (PD_IS_OWNER_LIST_MODEL (self), G_MAXUINT);
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == unit_id)
      return i;
  return G_MAXUINT;
}
