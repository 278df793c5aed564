/* pd-owner-list-model.c — see pd-owner-list-model.h. */
#include "config.h"

#include "pd-owner-list-model.h"
#include "pd-record-item.h"

/* The most recently asked-for items stay alive (and their rows read) for
 * a moment, so that a caller reading a row right after the list asked
 * for it does not read it twice; everything else lives only as long as
 * GTK holds it. */
#define RECENT_SIZE 64

struct _PdOwnerListModel
{
  GObject     parent_instance;
  PdContext  *ctx;
  GArray     *ids;
  GHashTable *live;    /* position → PdRecordItem, not owned: the items that exist */
  GQueue      recent;  /* owned references to the last RECENT_SIZE items asked for */
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

static PdOwnerRow *
read_row (PdOwnerListModel *self,
          gint64            unit_id)
{
  PdOwnerRow *row = pd_owner_row_get (self->ctx, unit_id, NULL);

  if (row == NULL)
    {
      /* Deleted since the ids were read: an empty row until the refresh
       * that the deletion's "changed" signal brings. */
      row = g_new0 (PdOwnerRow, 1);
      row->unit_id = unit_id;
    }
  return row;
}

/* An item has gone (GTK and the recent queue let it go): forget it, unless
 * its position has been given to another item since. */
static void
item_finalized (gpointer  data,
                GObject  *item)
{
  PdOwnerListModel *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == item)
      {
        g_hash_table_iter_remove (&iter);
        return;
      }
}

static void
forget_item (gpointer key,
             gpointer item,
             gpointer data)
{
  g_object_weak_unref (item, item_finalized, data);
}

static void
recent_clear (PdOwnerListModel *self)
{
  g_queue_clear_full (&self->recent, g_object_unref);
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  PdOwnerListModel *self = PD_OWNER_LIST_MODEL (model);
  PdRecordItem *item;

  if (position >= self->ids->len)
    return NULL;
  item = g_hash_table_lookup (self->live, GUINT_TO_POINTER (position));
  if (item != NULL)
    return g_object_ref (item);
  item = pd_record_item_new (read_row (self, g_array_index (self->ids, gint64, position)),
                             (GDestroyNotify) pd_owner_row_free);
  g_object_weak_ref (G_OBJECT (item), item_finalized, self);
  g_hash_table_insert (self->live, GUINT_TO_POINTER (position), item);
  if (g_queue_get_length (&self->recent) >= RECENT_SIZE)
    g_object_unref (g_queue_pop_head (&self->recent));
  g_queue_push_tail (&self->recent, g_object_ref (item));
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

  g_hash_table_foreach (self->live, forget_item, self);
  g_hash_table_unref (self->live);
  recent_clear (self);
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
  self->live = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->recent);
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
  g_autoptr (GArray) old_ids = NULL;
  g_autoptr (GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key, value;
  GArray *ids;
  guint old_len;

  g_return_val_if_fail (PD_IS_OWNER_LIST_MODEL (self), FALSE);
  ids = pd_owner_list_unit_ids (self->ctx, search, sort, descending, error);
  if (ids == NULL)
    return FALSE;
  old_ids = g_steal_pointer (&self->ids);
  self->ids = ids;
  old_len = old_ids->len;
  /* Only the items GTK holds (the rows on screen, the selection) are
   * worth updating; the others are read again if asked for. */
  recent_clear (self);

  /* The items keep their positions: one at a position the new list still
   * has takes that position's row (its row widget stays and only its texts
   * change); the ones past the new end go.  GTK 4.8 makes a new row widget
   * for every item it has not seen, so replacing all items cost ~40 widgets
   * with ~10 labels each per keystroke. */
  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint position = GPOINTER_TO_UINT (key);

      if (position >= ids->len)
        {
          g_object_weak_unref (value, item_finalized, self);
          g_hash_table_iter_remove (&iter);
        }
      else if (data_changed || position >= old_len ||
               g_array_index (old_ids, gint64, position) != g_array_index (ids, gint64, position))
        {
          g_ptr_array_add (changed, g_object_ref (value));
          g_array_append_val (positions, position);
        }
    }
  /* (Outside the walk: a "changed" handler may let go of an item.) */
  for (guint i = 0; i < changed->len; i++)
    pd_record_item_set (changed->pdata[i],
                        read_row (self, g_array_index (ids, gint64, g_array_index (positions, guint, i))));
  if (ids->len < old_len)
    g_list_model_items_changed (G_LIST_MODEL (self), ids->len, old_len - ids->len, 0);
  else if (ids->len > old_len)
    g_list_model_items_changed (G_LIST_MODEL (self), old_len, 0, ids->len - old_len);
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
