/* pd-text-column.c — see pd-text-column.h. */
#include "config.h"

#include "pd-record-item.h"
#include "pd-text-column.h"

typedef struct
{
  PdTextColumnFunc  text_func;
  PdTextColumnStyle style_func;
  gpointer          user_data;
  float             xalign;
} ColumnInfo;

/* Only long texts get a tooltip: it is there to reveal what the ellipsis
 * hides.  Asked for when the pointer rests on the cell: setting a tooltip
 * text at every bind makes GTK ask the X server where the pointer is, half
 * the cost of a keystroke in the owner search. */
static gboolean
query_tooltip (GtkWidget  *label,
               int         x,
               int         y,
               gboolean    keyboard_mode,
               GtkTooltip *tooltip,
               gpointer    data)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (g_utf8_strlen (text, -1) <= 8)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            ColumnInfo               *info)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), info->xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "cell");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_tooltip), NULL);
  g_object_set_data (G_OBJECT (label), "pd-column-info", info);
  gtk_list_item_set_child (list_item, label);
}

static void
show_record (GtkListItem *list_item)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const ColumnInfo *info = g_object_get_data (G_OBJECT (label), "pd-column-info");
  gpointer item = gtk_list_item_get_item (list_item);
  gconstpointer record = PD_IS_RECORD_ITEM (item) ? pd_record_item_get (item) : NULL;
  g_autofree char *text = record ? info->text_func (record, info->user_data) : NULL;
  const char *style = record && info->style_func ? info->style_func (record, info->user_data) : NULL;
  const char *old_style = g_object_get_data (G_OBJECT (label), "pd-style");

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  if (old_style != NULL)
    gtk_widget_remove_css_class (label, old_style);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  g_object_set_data (G_OBJECT (label), "pd-style", (gpointer) style);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnInfo               *info)
{
  gpointer item = gtk_list_item_get_item (list_item);

  show_record (list_item);
  /* An item whose record is replaced (pd_record_item_set) keeps its row:
   * only the texts change. */
  if (PD_IS_RECORD_ITEM (item))
    g_signal_connect_swapped (item, "changed", G_CALLBACK (show_record), list_item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ColumnInfo               *info)
{
  gpointer item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, show_record, list_item);
}

GtkColumnViewColumn *
pd_text_column_new (const char        *title,
                    PdTextColumnFunc   text_func,
                    PdTextColumnStyle  style_func,
                    gpointer           user_data,
                    float              xalign,
                    int                width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnInfo *info = g_new0 (ColumnInfo, 1);
  GtkColumnViewColumn *column;

  info->text_func = text_func;
  info->style_func = style_func;
  info->user_data = user_data;
  info->xalign = xalign;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), info);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), info);
  g_object_set_data_full (G_OBJECT (factory), "pd-column-info", info, g_free);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  else
    gtk_column_view_column_set_expand (column, TRUE);
  return column;
}

void
pd_column_view_take (GtkColumnView       *view,
                     GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}
