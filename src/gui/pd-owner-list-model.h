/* pd-owner-list-model.h — the Owner files list as a GListModel.
 *
 * It holds only the unit ids (pd_owner_list_unit_ids); an item (a
 * PdRecordItem holding a PdOwnerRow) is made when GTK asks for a position
 * and lives only as long as GTK holds it (the rows on screen) plus a short
 * queue of the last ones asked for, so a 100,000-unit estate costs 800 KB
 * of ids plus the rows on screen.
 *
 * An item stands for its position: a new search or order gives the items
 * that exist the rows now at their positions (pd_record_item_set, so their
 * row widgets stay) and "items-changed" says only how many positions were
 * added or removed at the end. */
#pragma once

#include <gio/gio.h>

#include "pd-owner-list.h"

G_BEGIN_DECLS

#define PD_TYPE_OWNER_LIST_MODEL (pd_owner_list_model_get_type ())
G_DECLARE_FINAL_TYPE (PdOwnerListModel, pd_owner_list_model, PD, OWNER_LIST_MODEL, GObject)

PdOwnerListModel *pd_owner_list_model_new      (PdContext        *ctx);
/* Re-reads the ids for @search in the given order.  With @data_changed
 * (after a write) every existing item's row is read again; without, only
 * those whose position now holds another unit. */
gboolean          pd_owner_list_model_query    (PdOwnerListModel *self,
                                                const char       *search,
                                                PdOwnerSort       sort,
                                                gboolean          descending,
                                                gboolean          data_changed,
                                                GError          **error);
gint64            pd_owner_list_model_get_unit_id (PdOwnerListModel *self,
                                                   guint             position);
/* The position of @unit_id, or G_MAXUINT when it is not in the list. */
guint             pd_owner_list_model_find     (PdOwnerListModel *self,
                                                gint64            unit_id);

G_END_DECLS
