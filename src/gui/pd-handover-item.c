/* pd-handover-item.c — see pd-handover-item.h. */
#include "config.h"

#include "pd-handover-item.h"

struct _PdHandoverItem
{
  GObject        parent_instance;
  gpointer       record;
  GDestroyNotify free_func;
};

G_DEFINE_FINAL_TYPE (PdHandoverItem, pd_handover_item, G_TYPE_OBJECT)

static void
pd_handover_item_finalize (GObject *object)
{
  PdHandoverItem *self = PD_HANDOVER_ITEM (object);

  if (self->free_func != NULL)
    g_clear_pointer (&self->record, self->free_func);
  G_OBJECT_CLASS (pd_handover_item_parent_class)->finalize (object);
}

static void
pd_handover_item_class_init (PdHandoverItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_handover_item_finalize;
}

static void
pd_handover_item_init (PdHandoverItem *self)
{
}

PdHandoverItem *
pd_handover_item_new (gpointer       record,
                      GDestroyNotify free_func)
{
  PdHandoverItem *self = g_object_new (PD_TYPE_HANDOVER_ITEM, NULL);

  self->record = record;
  self->free_func = free_func;
  return self;
}

gpointer
pd_handover_item_get_record (PdHandoverItem *self)
{
  g_return_val_if_fail (PD_IS_HANDOVER_ITEM (self), NULL);
  return self->record;
}

typedef struct
{
  PdHandoverTextFunc  text_func;
  PdHandoverClassFunc class_func;
  gpointer            user_data;
} ColumnFuncs;

static const char *const cell_classes[] = { "overdue", "due-soon", "done" };

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            ColumnFuncs              *funcs)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnFuncs              *funcs)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  PdHandoverItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = funcs->text_func (item->record);
  const char *css = funcs->class_func ? funcs->class_func (item->record, funcs->user_data) : NULL;

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_tooltip_text (label, text);
  for (guint i = 0; i < G_N_ELEMENTS (cell_classes); i++)
    gtk_widget_remove_css_class (label, cell_classes[i]);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
}

GtkColumnViewColumn *
pd_handover_add_column (GtkColumnView      *view,
                        const char         *title,
                        PdHandoverTextFunc  text_func,
                        PdHandoverClassFunc class_func,
                        gpointer            user_data,
                        gboolean            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnFuncs *funcs = g_new0 (ColumnFuncs, 1);
  GtkColumnViewColumn *column;

  funcs->text_func = text_func;
  funcs->class_func = class_func;
  funcs->user_data = user_data;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), funcs);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), funcs);
  /* The factory lives as long as the column; so do the funcs. */
  g_object_set_data_full (G_OBJECT (factory), "pd-funcs", funcs, g_free);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  return column;
}

void
pd_handover_store_fill (GListStore    *store,
                        GPtrArray     *records,
                        GDestroyNotify free_func)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  /* The items take the records over from the array. */
  g_ptr_array_set_free_func (records, NULL);
  for (guint i = 0; i < records->len; i++)
    g_ptr_array_add (items, pd_handover_item_new (records->pdata[i], free_func));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
}
