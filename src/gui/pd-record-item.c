/* pd-record-item.c — see pd-record-item.h. */
#include "config.h"

#include "pd-record-item.h"

struct _PdRecordItem
{
  GObject        parent_instance;
  gpointer       record;
  GDestroyNotify free_func;
};

G_DEFINE_FINAL_TYPE (PdRecordItem, pd_record_item, G_TYPE_OBJECT)

static guint changed_signal;

static void
pd_record_item_finalize (GObject *object)
{
  PdRecordItem *self = PD_RECORD_ITEM (object);

  if (self->free_func != NULL && self->record != NULL)
    self->free_func (self->record);
  G_OBJECT_CLASS (pd_record_item_parent_class)->finalize (object);
}

static void
pd_record_item_class_init (PdRecordItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_record_item_finalize;
  changed_signal = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 0);
}

static void
pd_record_item_init (PdRecordItem *self)
{
}

PdRecordItem *
pd_record_item_new (gpointer       record,
                    GDestroyNotify free_func)
{
  PdRecordItem *self = g_object_new (PD_TYPE_RECORD_ITEM, NULL);

  self->record = record;
  self->free_func = free_func;
  return self;
}

gpointer
pd_record_item_get (PdRecordItem *self)
{
  g_return_val_if_fail (PD_IS_RECORD_ITEM (self), NULL);
  return self->record;
}

void
pd_record_item_set (PdRecordItem *self,
                    gpointer      record)
{
  gpointer old;

  g_return_if_fail (PD_IS_RECORD_ITEM (self));
  old = g_steal_pointer (&self->record);
  self->record = record;
  if (self->free_func != NULL && old != NULL)
    self->free_func (old);
  g_signal_emit (self, changed_signal, 0);
}

void
pd_record_store_replace (GListStore    *store,
                         GPtrArray     *records,
                         GDestroyNotify free_func)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_records = records->len;
  gpointer *taken;

  taken = g_ptr_array_steal (records, NULL);
  for (guint i = 0; i < n_records; i++)
    g_ptr_array_add (items, pd_record_item_new (taken[i], free_func));
  g_free (taken);
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
}

GListStore *
pd_record_store_new (GPtrArray     *records,
                     GDestroyNotify free_func)
{
  GListStore *store = g_list_store_new (PD_TYPE_RECORD_ITEM);

  if (records != NULL)
    pd_record_store_replace (store, records, free_func);
  return store;
}
