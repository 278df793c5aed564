/* pd-text-column.h — a GtkColumnView column of one line of text computed
 * from the record of each row (a PdRecordItem).  Every list of PropDesk is
 * built from these, so cells look and behave the same everywhere: one
 * line, ellipsized with the full text as tooltip, optional CSS class per
 * row (e.g. "overdue"). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Returns the cell text for @record, newly allocated. */
typedef char       *(*PdTextColumnFunc)  (gconstpointer record,
                                          gpointer      user_data);
/* Returns a CSS class for the cell of @record, or NULL. */
typedef const char *(*PdTextColumnStyle) (gconstpointer record,
                                          gpointer      user_data);

/* @xalign 0 for text, 1 for numbers.  @width > 0 fixes the width in
 * pixels; 0 lets the column expand. */
GtkColumnViewColumn *pd_text_column_new (const char        *title,
                                         PdTextColumnFunc   text_func,
                                         PdTextColumnStyle  style_func,
                                         gpointer           user_data,
                                         float              xalign,
                                         int                width);

/* Appends @column (taken over) to @view. */
void                 pd_column_view_take (GtkColumnView       *view,
                                          GtkColumnViewColumn *column);

G_END_DECLS
