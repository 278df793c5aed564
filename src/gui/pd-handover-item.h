/* pd-handover-item.h — a core record (handover row, checklist item, defect)
 * as a GObject for the handover tab's GListModels, and the text columns the
 * tab's GtkColumnViews are made of. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PD_TYPE_HANDOVER_ITEM (pd_handover_item_get_type ())
G_DECLARE_FINAL_TYPE (PdHandoverItem, pd_handover_item, PD, HANDOVER_ITEM, GObject)

/* Takes ownership of @record, freed with @free_func. */
PdHandoverItem *pd_handover_item_new        (gpointer       record,
                                             GDestroyNotify free_func);
gpointer        pd_handover_item_get_record (PdHandoverItem *self);

/* Cell text of a record (newly allocated) and an optional CSS class for
 * the cell ("overdue", "due-soon", "done" or NULL). */
typedef char       *(*PdHandoverTextFunc)  (gconstpointer record);
typedef const char *(*PdHandoverClassFunc) (gconstpointer record,
                                            gpointer      user_data);

/* Appends a column of labels to @view.  @class_func may be NULL. */
GtkColumnViewColumn *pd_handover_add_column (GtkColumnView      *view,
                                             const char         *title,
                                             PdHandoverTextFunc  text_func,
                                             PdHandoverClassFunc class_func,
                                             gpointer            user_data,
                                             gboolean            expand);
/* Replaces the contents of @store with @records (a GPtrArray whose
 * records the items take over and free with @free_func). */
void pd_handover_store_fill (GListStore    *store,
                             GPtrArray     *records,
                             GDestroyNotify free_func);

G_END_DECLS
