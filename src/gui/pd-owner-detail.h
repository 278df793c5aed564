/* pd-owner-detail.h — the owner file of one unit (业主信息), shown beside the
 * Owner files list: the unit's data and state, its owners' full data
 * (editable, saved in one transaction with Ctrl+S), its residents and
 * vehicles, the ownership history and the change history of the file. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

#define PD_TYPE_OWNER_DETAIL (pd_owner_detail_get_type ())
G_DECLARE_FINAL_TYPE (PdOwnerDetail, pd_owner_detail, PD, OWNER_DETAIL, GtkWidget)

GtkWidget *pd_owner_detail_new         (PdContext   *ctx);
/* Shows the file of @unit_id (0: the empty state), dropping unsaved edits. */
void       pd_owner_detail_load        (PdOwnerDetail *self,
                                      gint64       unit_id);
gint64     pd_owner_detail_get_unit_id (PdOwnerDetail *self);
/* TRUE when the user edited the unit or an owner since loading/saving. */
gboolean   pd_owner_detail_is_dirty    (PdOwnerDetail *self);
/* Validates and saves; on failure the error is shown next to its field
 * and nothing is written. */
gboolean   pd_owner_detail_save        (PdOwnerDetail *self);
/* Moves the keyboard focus into the file (its first owner's name). */
void       pd_owner_detail_focus       (PdOwnerDetail *self);

G_END_DECLS
