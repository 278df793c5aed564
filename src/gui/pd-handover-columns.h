/* pd-handover-columns.h — the text columns of the Handovers tab's lists,
 * declared as tables (title, text, style, width) and built with
 * pd_text_column_new(). */
#pragma once

#include "pd-text-column.h"

G_BEGIN_DECLS

typedef struct
{
  const char        *title;   /* NC_("handover", …): translated when added */
  PdTextColumnFunc   text;
  PdTextColumnStyle  style;
  int                width;   /* pixels; 0 expands */
} PdHandoverColumn;

void pd_handover_columns_append (GtkColumnView          *view,
                                 const PdHandoverColumn *columns,
                                 guint                   n_columns,
                                 gpointer                user_data);

G_END_DECLS
