/* pd-record-item.h — a core record (a plain struct such as PdUnitRole or
 * PdHistoryEntry) as a list item, so GtkColumnView can show arrays the
 * core returns without a GObject type per struct. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PD_TYPE_RECORD_ITEM (pd_record_item_get_type ())
G_DECLARE_FINAL_TYPE (PdRecordItem, pd_record_item, PD, RECORD_ITEM, GObject)

/* Takes ownership of @record, freed with @free_func. */
PdRecordItem *pd_record_item_new       (gpointer       record,
                                        GDestroyNotify free_func);
gpointer      pd_record_item_get       (PdRecordItem  *self);
/* Replaces the record (the old one is freed with the item's free_func)
 * and emits "changed": a list can show other data in the same item, and
 * the row widget bound to it, instead of replacing both. */
void          pd_record_item_set       (PdRecordItem  *self,
                                        gpointer       record);

/* Replaces the contents of @store (of PdRecordItem) with the elements of
 * @records, taking them over (each freed later with @free_func): @records
 * is left empty. */
void          pd_record_store_replace  (GListStore    *store,
                                        GPtrArray     *records,
                                        GDestroyNotify free_func);

/* A new store of the records of @records (taken over; NULL: empty). */
GListStore   *pd_record_store_new      (GPtrArray     *records,
                                        GDestroyNotify free_func);

G_END_DECLS
