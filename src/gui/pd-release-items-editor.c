/* pd-release-items-editor.c — see pd-release-items-editor.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-pinyin.h"
#include "pd-release-items-editor.h"
#include "pd-release-suggest.h"

#define HINT_ITEMS 8

typedef struct
{
  GtkEntry *name;
  GtkEntry *quantity;
  GtkEntry *note;
} ItemRow;

struct _PdReleaseItemsEditor
{
  GtkWidget  parent_instance;
  GStrv      common;
  GArray    *rows;      /* ItemRow */
  GtkGrid   *grid;
  GtkLabel  *hint;
};

G_DEFINE_FINAL_TYPE (PdReleaseItemsEditor, pd_release_items_editor, GTK_TYPE_WIDGET)

enum { SIGNAL_DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static ItemRow *
row_at (PdReleaseItemsEditor *self,
        guint                 i)
{
  return &g_array_index (self->rows, ItemRow, i);
}

static int
row_of (PdReleaseItemsEditor *self,
        GtkEntry             *entry)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ItemRow *row = row_at (self, i);
      if (row->name == entry || row->quantity == entry || row->note == entry)
        return i;
    }
  return -1;
}

static void
show_hint (PdReleaseItemsEditor *self,
           const char           *typed)
{
  int match = pd_release_suggest ((const char *const *) self->common, typed);
  g_autoptr (GString) hint = g_string_new (NULL);

  if (match >= 0 && g_strcmp0 (typed, self->common[match]) != 0)
    /* Translators: what the typed letters will become, e.g. "sf → 沙发" */
    g_string_printf (hint, _("%s → %s (Enter or Tab takes it)"), typed, self->common[match]);
  else
    {
      g_string_append (hint, _("Common items, by their pinyin initials:"));
      for (guint i = 0; self->common[i] != NULL && i < HINT_ITEMS; i++)
        {
          g_autofree char *initials = NULL;
          pd_pinyin_of_name (self->common[i], NULL, &initials);
          g_string_append_printf (hint, "  %s %s", self->common[i], initials);
        }
    }
  gtk_label_set_text (self->hint, hint->str);
}

/* Replaces typed letters by the common item they stand for. */
static void
take_suggestion (PdReleaseItemsEditor *self,
                 GtkEntry             *entry)
{
  int match = pd_release_suggest ((const char *const *) self->common, entry_text (entry));

  if (match >= 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), self->common[match]);
}

static void add_row (PdReleaseItemsEditor *self);

/* Enter in a line: on to the next line's name, making one at the end. */
static void
next_row (PdReleaseItemsEditor *self,
          GtkEntry             *entry)
{
  guint i = row_of (self, entry);

  if (i + 1 >= self->rows->len)
    add_row (self);
  gtk_widget_grab_focus (GTK_WIDGET (row_at (self, i + 1)->name));
}

static void
name_activated (PdReleaseItemsEditor *self,
                GtkEntry             *entry)
{
  /* An empty line ends the list. */
  if (*entry_text (entry) == '\0' && row_of (self, entry) > 0)
    {
      g_signal_emit (self, signals[SIGNAL_DONE], 0);
      return;
    }
  take_suggestion (self, entry);
  next_row (self, entry);
}

static void
name_changed (PdReleaseItemsEditor *self,
              GtkEditable          *editable)
{
  show_hint (self, gtk_editable_get_text (editable));
}

static void
name_left (GtkEventControllerFocus *controller,
           PdReleaseItemsEditor    *self)
{
  take_suggestion (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static GtkEntry *
row_entry (const char *placeholder,
           int         width_chars,
           const char *accessible)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return GTK_ENTRY (entry);
}

static void
add_row (PdReleaseItemsEditor *self)
{
  ItemRow row;
  guint line = self->rows->len + 1;
  GtkEventController *left = gtk_event_controller_focus_new ();

  row.name = row_entry (line == 1 ? _("Item, or its pinyin initials (sf = 沙发)") : "", 26,
                        C_("release slip", "Item"));
  row.quantity = row_entry ("1", 4, C_("release slip", "Quantity"));
  row.note = row_entry ("", 18, C_("release slip", "Description"));
  gtk_widget_set_hexpand (GTK_WIDGET (row.note), TRUE);
  gtk_grid_attach (self->grid, GTK_WIDGET (row.name), 0, line, 1, 1);
  gtk_grid_attach (self->grid, GTK_WIDGET (row.quantity), 1, line, 1, 1);
  gtk_grid_attach (self->grid, GTK_WIDGET (row.note), 2, line, 1, 1);
  g_signal_connect_swapped (row.name, "activate", G_CALLBACK (name_activated), self);
  g_signal_connect_swapped (row.name, "changed", G_CALLBACK (name_changed), self);
  g_signal_connect (left, "leave", G_CALLBACK (name_left), self);
  gtk_widget_add_controller (GTK_WIDGET (row.name), left);
  g_signal_connect_swapped (row.quantity, "activate", G_CALLBACK (next_row), self);
  g_signal_connect_swapped (row.note, "activate", G_CALLBACK (next_row), self);
  g_array_append_val (self->rows, row);
}

void
pd_release_items_editor_clear (PdReleaseItemsEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ItemRow *row = row_at (self, i);
      gtk_grid_remove (self->grid, GTK_WIDGET (row->name));
      gtk_grid_remove (self->grid, GTK_WIDGET (row->quantity));
      gtk_grid_remove (self->grid, GTK_WIDGET (row->note));
    }
  g_array_set_size (self->rows, 0);
  add_row (self);
  show_hint (self, "");
}

void
pd_release_items_editor_set_common (PdReleaseItemsEditor *self,
                                    const char *const    *names)
{
  g_strfreev (self->common);
  self->common = g_strdupv ((char **) names);
  show_hint (self, "");
}

void
pd_release_items_editor_focus (PdReleaseItemsEditor *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (row_at (self, 0)->name));
}

gboolean
pd_release_items_editor_is_empty (PdReleaseItemsEditor *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (*entry_text (row_at (self, i)->name) != '\0')
      return FALSE;
  return TRUE;
}

void
pd_release_items_editor_collect (PdReleaseItemsEditor *self,
                                 PdReleaseSlip        *slip)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ItemRow *row = row_at (self, i);
      const char *quantity = entry_text (row->quantity);
      guint64 n = 1;

      if (*entry_text (row->name) == '\0' && *entry_text (row->note) == '\0' && *quantity == '\0')
        continue;
      if (*quantity != '\0' && !g_ascii_string_to_unsigned (quantity, 10, 1, 9999, &n, NULL))
        n = 0;
      g_ptr_array_add (slip->items, pd_release_item_new (entry_text (row->name), (int) n,
                                                         entry_text (row->note)));
    }
}

static void
pd_release_items_editor_dispose (GObject *object)
{
  PdReleaseItemsEditor *self = PD_RELEASE_ITEMS_EDITOR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->common, g_strfreev);
  G_OBJECT_CLASS (pd_release_items_editor_parent_class)->dispose (object);
}

static gboolean
pd_release_items_editor_grab_focus (GtkWidget *widget)
{
  pd_release_items_editor_focus (PD_RELEASE_ITEMS_EDITOR (widget));
  return TRUE;
}

static void
pd_release_items_editor_class_init (PdReleaseItemsEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_release_items_editor_dispose;
  widget_class->grab_focus = pd_release_items_editor_grab_focus;
  signals[SIGNAL_DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
pd_release_items_editor_init (PdReleaseItemsEditor *self)
{
  const char *titles[] = { C_("release slip", "Item"), C_("release slip", "Quantity"),
                           C_("release slip", "Description") };

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  self->common = g_new0 (char *, 1);
  self->rows = g_array_new (FALSE, FALSE, sizeof (ItemRow));
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 8);
  gtk_grid_set_row_spacing (self->grid, 4);
  gtk_widget_set_parent (GTK_WIDGET (self->grid), GTK_WIDGET (self));
  self->hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->hint, 0);
  gtk_label_set_wrap (self->hint, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint), "dim-label");
  gtk_widget_set_parent (GTK_WIDGET (self->hint), GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *label = gtk_label_new (titles[i]);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->grid, label, i, 0, 1, 1);
    }
  add_row (self);
}
