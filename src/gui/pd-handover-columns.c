/* pd-handover-columns.c — see pd-handover-columns.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-handover-columns.h"

void
pd_handover_columns_append (GtkColumnView          *view,
                            const PdHandoverColumn *columns,
                            guint                   n_columns,
                            gpointer                user_data)
{
  for (guint i = 0; i < n_columns; i++)
    {
      GtkColumnViewColumn *column = pd_text_column_new (g_dpgettext2 (NULL, "handover", columns[i].title),
                                                        columns[i].text, columns[i].style, user_data, 0,
                                                        columns[i].width);
      gtk_column_view_append_column (view, column);
      g_object_unref (column);
    }
}
