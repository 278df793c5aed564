/* pd-form-dialog.c — see pd-form-dialog.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-form-dialog.h"
#include "pd-form-field.h"

struct _PdFormDialog
{
  GtkWindow        parent_instance;
  GtkWidget       *fields;     /* vertical box of notes and PdFormFields */
  GtkWidget       *accept;
  GHashTable      *choice_ids; /* key → GStrv of ids, for drop-downs */
  PdFormDialogSave save;
  gpointer         save_data;
  GDestroyNotify   save_destroy;
};

G_DEFINE_FINAL_TYPE (PdFormDialog, pd_form_dialog, GTK_TYPE_WINDOW)

static void
pd_form_dialog_dispose (GObject *object)
{
  PdFormDialog *self = PD_FORM_DIALOG (object);

  if (self->save_destroy != NULL)
    g_clear_pointer (&self->save_data, self->save_destroy);
  g_clear_pointer (&self->choice_ids, g_hash_table_unref);
  G_OBJECT_CLASS (pd_form_dialog_parent_class)->dispose (object);
}

static void
pd_form_dialog_class_init (PdFormDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_form_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_form_dialog_init (PdFormDialog *self)
{
  self->choice_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
}

PdFormDialog *
pd_form_dialog_new (GtkWidget  *parent,
                    const char *title,
                    const char *accept_label)
{
  PdFormDialog *self = g_object_new (PD_TYPE_FORM_DIALOG, "title", title, "modal", TRUE,
                                     "default-width", 420, "destroy-with-parent", TRUE, NULL);
  GtkRoot *root = parent ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  gtk_widget_set_margin_top (box, 16);
  gtk_widget_set_margin_bottom (box, 16);
  gtk_widget_set_margin_start (box, 16);
  gtk_widget_set_margin_end (box, 16);
  self->fields = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_box_append (GTK_BOX (box), self->fields);
  self->accept = gtk_button_new_with_mnemonic (accept_label);
  gtk_widget_add_css_class (self->accept, "suggested-action");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), self->accept);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_child (GTK_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->accept);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  g_signal_connect_swapped (self->accept, "clicked", G_CALLBACK (pd_form_dialog_accept), self);
  return self;
}

void
pd_form_dialog_add_note (PdFormDialog *self,
                         const char   *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (self->fields), label);
}

static GtkWidget *
add_field (PdFormDialog *self,
           const char   *key,
           const char   *label,
           GtkWidget    *input)
{
  gtk_box_append (GTK_BOX (self->fields), pd_form_field_new (label, key, input));
  return input;
}

GtkWidget *
pd_form_dialog_add_entry (PdFormDialog *self,
                          const char   *key,
                          const char   *label,
                          const char   *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  return add_field (self, key, label, entry);
}

GtkWidget *
pd_form_dialog_add_choice (PdFormDialog      *self,
                           const char        *key,
                           const char        *label,
                           const char *const *ids,
                           const char *const *labels,
                           const char        *active_id)
{
  GtkWidget *drop_down = gtk_drop_down_new_from_strings (labels);

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], active_id) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), i);
  g_hash_table_insert (self->choice_ids, g_strdup (key), g_strdupv ((char **) ids));
  return add_field (self, key, label, drop_down);
}

static GtkWidget *
input_of (PdFormDialog *self,
          const char   *key)
{
  PdFormField *field = pd_form_field_find (self->fields, key);

  g_return_val_if_fail (field != NULL, NULL);
  return pd_form_field_get_child (field);
}

const char *
pd_form_dialog_get_text (PdFormDialog *self,
                         const char   *key)
{
  GtkWidget *input = input_of (self, key);

  g_return_val_if_fail (GTK_IS_EDITABLE (input), "");
  return gtk_editable_get_text (GTK_EDITABLE (input));
}

const char *
pd_form_dialog_get_choice (PdFormDialog *self,
                           const char   *key)
{
  GtkWidget *input = input_of (self, key);
  GStrv ids = g_hash_table_lookup (self->choice_ids, key);
  guint selected;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (input) && ids != NULL, NULL);
  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (input));
  return selected < g_strv_length (ids) ? ids[selected] : NULL;
}

void
pd_form_dialog_set_save_func (PdFormDialog    *self,
                              PdFormDialogSave save,
                              gpointer         user_data,
                              GDestroyNotify   destroy)
{
  if (self->save_destroy != NULL)
    g_clear_pointer (&self->save_data, self->save_destroy);
  self->save = save;
  self->save_data = user_data;
  self->save_destroy = destroy;
}

gboolean
pd_form_dialog_accept (PdFormDialog *self)
{
  g_autoptr (GError) error = NULL;

  pd_form_field_clear_errors (self->fields);
  if (self->save != NULL && !self->save (self, self->save_data, &error))
    {
      if (error != NULL && !pd_form_field_show_error (self->fields, error))
        pd_show_error (GTK_WIDGET (self), gtk_window_get_title (GTK_WINDOW (self)), error);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
