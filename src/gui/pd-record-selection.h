/* pd-record-selection.h — keeping the selected record selected when a list
 * of PdRecordItems is re-read: records are matched by their id. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gint64 (*PdRecordIdFunc) (gconstpointer record);

/* The selected record, or NULL. */
gconstpointer pd_record_selection_get    (GtkSingleSelection *selection);
/* Selects the record whose id is @id; FALSE (selection unchanged) when
 * none has it. */
gboolean      pd_record_selection_select (GtkSingleSelection *selection,
                                          PdRecordIdFunc      id_of,
                                          gint64              id);

G_END_DECLS
