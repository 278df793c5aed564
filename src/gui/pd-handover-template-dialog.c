/* pd-handover-template-dialog.c — see pd-handover-template-dialog.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-estate.h"
#include "pd-handover-checklist.h"
#include "pd-handover-template-dialog.h"

static const char *const uses[] = { "residential", "shop", "office" };

typedef struct
{
  PdContext   *ctx;
  GtkDropDown *use_dropdown;
  GtkListBox  *rows;
  GtkLabel    *error_label;
  guint        shown_use;
} TemplateState;

static void
template_state_free (TemplateState *state)
{
  g_clear_object (&state->ctx);
  g_free (state);
}

static GtkWidget *
row_entry (GtkListBoxRow *row,
           int            which)
{
  GtkWidget *box = gtk_list_box_row_get_child (row);
  GtkWidget *child = gtk_widget_get_first_child (box);

  for (int i = 0; i < which; i++)
    child = gtk_widget_get_next_sibling (child);
  return child;
}

static void
remove_clicked (GtkButton *button,
                GtkWidget *row)
{
  gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (row)), row);
}

static GtkWidget *
add_row (TemplateState *state,
         const char    *room,
         const char    *item,
         int            position)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *room_entry = gtk_entry_new ();
  GtkWidget *item_entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_editable_set_text (GTK_EDITABLE (room_entry), room);
  gtk_editable_set_text (GTK_EDITABLE (item_entry), item);
  gtk_entry_set_placeholder_text (GTK_ENTRY (room_entry), C_("handover", "Room"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (item_entry), C_("handover", "Item"));
  gtk_editable_set_width_chars (GTK_EDITABLE (room_entry), 10);
  gtk_widget_set_hexpand (item_entry, TRUE);
  gtk_widget_set_tooltip_text (remove, C_("handover", "Remove this item"));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked), row);
  gtk_box_append (GTK_BOX (box), room_entry);
  gtk_box_append (GTK_BOX (box), item_entry);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_insert (state->rows, row, position);
  return row;
}

static void
show_use (TemplateState *state)
{
  g_autoptr (GPtrArray) items = NULL;
  GtkWidget *child;

  state->shown_use = gtk_drop_down_get_selected (state->use_dropdown);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (state->rows))) != NULL)
    gtk_list_box_remove (state->rows, child);
  items = pd_handover_template_list (state->ctx, uses[state->shown_use], NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      PdHandoverCheck *check = items->pdata[i];
      add_row (state, check->room, check->item, -1);
    }
  gtk_widget_set_visible (GTK_WIDGET (state->error_label), FALSE);
}

/* A new row under the selected one, in the same room. */
static void
add_clicked (GtkButton     *button,
             TemplateState *state)
{
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (state->rows);
  const char *room = selected ? gtk_editable_get_text (GTK_EDITABLE (row_entry (selected, 0))) : "";
  GtkWidget *row = add_row (state, room, "", selected ? gtk_list_box_row_get_index (selected) + 1 : -1);

  gtk_list_box_select_row (state->rows, GTK_LIST_BOX_ROW (row));
  gtk_widget_grab_focus (row_entry (GTK_LIST_BOX_ROW (row), 1));
}

static void
move (TemplateState *state,
      int            delta)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (state->rows);
  int index;

  if (row == NULL)
    return;
  index = gtk_list_box_row_get_index (row) + delta;
  if (index < 0 || gtk_list_box_get_row_at_index (state->rows, index) == NULL)
    return;
  g_object_ref (row);
  gtk_list_box_remove (state->rows, GTK_WIDGET (row));
  gtk_list_box_insert (state->rows, GTK_WIDGET (row), index);
  gtk_list_box_select_row (state->rows, row);
  g_object_unref (row);
}

static void
up_clicked (GtkButton     *button,
            TemplateState *state)
{
  move (state, -1);
}

static void
down_clicked (GtkButton     *button,
              TemplateState *state)
{
  move (state, 1);
}

static void
template_response (GtkDialog     *dialog,
                   int            response,
                   TemplateState *state)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_handover_check_free);
  g_autoptr (GError) error = NULL;
  GtkListBoxRow *row;

  if (response != GTK_RESPONSE_OK && response != GTK_RESPONSE_APPLY)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  for (int i = 0; (row = gtk_list_box_get_row_at_index (state->rows, i)) != NULL; i++)
    g_ptr_array_add (items, pd_handover_check_new (gtk_editable_get_text (GTK_EDITABLE (row_entry (row, 0))),
                                                   gtk_editable_get_text (GTK_EDITABLE (row_entry (row, 1)))));
  if (!pd_handover_template_set (state->ctx, uses[state->shown_use], items, &error))
    {
      gtk_label_set_text (state->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (state->error_label), TRUE);
      return;
    }
  if (response == GTK_RESPONSE_OK)
    gtk_window_destroy (GTK_WINDOW (dialog));
  else
    show_use (state);
}

static GtkWidget *
add_button (GtkWidget  *box,
            const char *label,
            GCallback   callback,
            gpointer    data)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);
  g_signal_connect (b, "clicked", callback, data);
  gtk_box_append (GTK_BOX (box), b);
  return b;
}

GtkWidget *
pd_handover_template_dialog_new (GtkWindow *parent,
                                 PdContext *ctx)
{
  TemplateState *state = g_new0 (TemplateState, 1);
  GtkWidget *dialog = gtk_dialog_new_with_buttons (C_("handover", "Inspection checklist template"), parent,
                                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT |
                                                   GTK_DIALOG_USE_HEADER_BAR,
                                                   C_("handover", "_Cancel"), GTK_RESPONSE_CANCEL,
                                                   C_("handover", "_Apply"), GTK_RESPONSE_APPLY,
                                                   C_("handover", "_Save"), GTK_RESPONSE_OK, NULL);
  GtkWidget *content = gtk_dialog_get_content_area (GTK_DIALOG (dialog));
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *hint = gtk_label_new (C_("handover", "One line per item, in the order the unit is walked. A handover "
                                     "already started keeps the checklist it started with."));
  const char *use_labels[G_N_ELEMENTS (uses) + 1] = { NULL };

  state->ctx = g_object_ref (ctx);
  for (guint i = 0; i < G_N_ELEMENTS (uses); i++)
    use_labels[i] = pd_unit_use_label (uses[i]);
  state->use_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (use_labels));
  gtk_widget_set_name (GTK_WIDGET (state->use_dropdown), "use");
  gtk_box_append (GTK_BOX (top), gtk_label_new (C_("handover", "Checklist for")));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (state->use_dropdown));
  add_button (top, C_("handover", "_Add item"), G_CALLBACK (add_clicked), state);
  add_button (top, C_("handover", "Move _up"), G_CALLBACK (up_clicked), state);
  add_button (top, C_("handover", "Move _down"), G_CALLBACK (down_clicked), state);
  gtk_widget_set_margin_start (top, 12);
  gtk_widget_set_margin_end (top, 12);
  gtk_widget_set_margin_top (top, 12);
  gtk_box_append (GTK_BOX (content), top);

  state->rows = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (state->rows), "template-rows");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (state->rows));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_margin_start (scrolled, 12);
  gtk_widget_set_margin_end (scrolled, 12);
  gtk_box_append (GTK_BOX (content), scrolled);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "statusbar");
  gtk_box_append (GTK_BOX (content), hint);
  state->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (state->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (state->error_label), "field-error");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (state->error_label));

  g_object_set_data_full (G_OBJECT (dialog), "pd-state", state, (GDestroyNotify) template_state_free);
  g_signal_connect_swapped (state->use_dropdown, "notify::selected", G_CALLBACK (show_use), state);
  g_signal_connect (dialog, "response", G_CALLBACK (template_response), state);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 620, 640);
  show_use (state);
  return dialog;
}
