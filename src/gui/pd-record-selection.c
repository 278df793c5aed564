/* pd-record-selection.c — see pd-record-selection.h. */
#include "config.h"

#include "pd-record-item.h"
#include "pd-record-selection.h"

gconstpointer
pd_record_selection_get (GtkSingleSelection *selection)
{
  gpointer item = gtk_single_selection_get_selected_item (selection);

  return item ? pd_record_item_get (item) : NULL;
}

gboolean
pd_record_selection_select (GtkSingleSelection *selection,
                            PdRecordIdFunc      id_of,
                            gint64              id)
{
  GListModel *model = G_LIST_MODEL (selection);

  for (guint i = 0; id != 0 && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (PdRecordItem) item = g_list_model_get_item (model, i);

      if (id_of (pd_record_item_get (item)) == id)
        {
          gtk_single_selection_set_selected (selection, i);
          return TRUE;
        }
    }
  return FALSE;
}
