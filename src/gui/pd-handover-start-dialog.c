/* pd-handover-start-dialog.c — see pd-handover-start-dialog.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-handover.h"
#include "pd-handover-start-dialog.h"
#include "pd-person.h"
#include "pd-unit-role.h"

struct _PdHandoverStartDialog
{
  GtkDialog      parent_instance;
  PdContext     *ctx;
  gint64         unit_id;
  GArray        *owner_ids;     /* current owners of the unit, in dropdown order */
  GtkStringList *owner_names;
  GHashTable    *inputs;        /* field key → input widget */

  GtkEntry      *unit_entry;
  GtkLabel      *unit_label;
  GtkDropDown   *owner_dropdown;
  GtkWidget     *new_owner_grid;
  GtkEntry      *name_entry;
  GtkEntry      *id_number_entry;
  GtkEntry      *mobile_entry;
  GtkEntry      *date_entry;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (PdHandoverStartDialog, pd_handover_start_dialog, GTK_TYPE_DIALOG)

enum { SIGNAL_STARTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
new_owner_chosen (PdHandoverStartDialog *self)
{
  return gtk_drop_down_get_selected (self->owner_dropdown) >= self->owner_ids->len;
}

static void
owner_changed (PdHandoverStartDialog *self)
{
  gtk_widget_set_visible (self->new_owner_grid, new_owner_chosen (self));
}

static void
set_unit_info (PdHandoverStartDialog *self,
               const char            *text,
               gboolean               refused)
{
  gtk_label_set_text (self->unit_label, text);
  if (refused)
    gtk_widget_add_css_class (GTK_WIDGET (self->unit_label), "field-error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->unit_label), "field-error");
}

static void
unit_changed (PdHandoverStartDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autoptr (PdUnit) unit = NULL;
  g_autoptr (GPtrArray) roles = NULL;
  g_autofree char *info = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->unit_entry));

  self->unit_id = 0;
  g_array_set_size (self->owner_ids, 0);
  gtk_string_list_splice (self->owner_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->owner_names)), NULL);
  if (pd_unit_code_parse (text, &code, NULL, NULL, NULL, NULL))
    unit = pd_unit_find (self->ctx, pd_estate_current_id (self->ctx, NULL), code, NULL);
  if (unit == NULL)
    {
      set_unit_info (self, *text ? C_("handover", "No such unit yet.") : "", FALSE);
      gtk_string_list_append (self->owner_names, C_("handover", "New owner…"));
      owner_changed (self);
      return;
    }
  self->unit_id = unit->id;
  roles = pd_unit_role_list (self->ctx, unit->id, 0, TRUE, NULL);
  for (guint i = 0; roles != NULL && i < roles->len; i++)
    {
      PdUnitRole *role = roles->pdata[i];
      if (!g_str_equal (role->role, "owner"))
        continue;
      g_array_append_val (self->owner_ids, role->person_id);
      gtk_string_list_append (self->owner_names, role->person_name);
    }
  gtk_string_list_append (self->owner_names, C_("handover", "New owner…"));
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  owner_changed (self);
  if (!pd_handover_check_can_start (self->ctx, unit->id, &error))
    {
      set_unit_info (self, error->message, TRUE);
      return;
    }
  /* Translators: unit use, state and gross area, e.g. "住宅 · 空置 · 98.5 m²" */
  info = g_strdup_printf (C_("handover", "%s · %s · %.1f m²"), pd_unit_use_label (unit->use), pd_unit_state_label (unit->state),
                          unit->gross_area);
  set_unit_info (self, info, FALSE);
}

static void
clear_errors (PdHandoverStartDialog *self)
{
  GHashTableIter iter;
  GtkWidget *input;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_hash_table_iter_init (&iter, self->inputs);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &input))
    gtk_widget_remove_css_class (input, "error");
}

static void
show_error (PdHandoverStartDialog *self,
            const GError          *error)
{
  const char *key = pd_error_get_field (error);
  GtkWidget *input = key ? g_hash_table_lookup (self->inputs, key) : NULL;

  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (input != NULL)
    {
      gtk_widget_add_css_class (input, "error");
      gtk_widget_grab_focus (input);
    }
}

gint64
pd_handover_start_dialog_start (PdHandoverStartDialog *self,
                                GError               **error)
{
  g_autoptr (PdPerson) person = NULL;
  gint64 owner_id = 0;
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);

  if (self->unit_id == 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "unit",
                          C_("handover", "Unit: enter the code of an existing unit, e.g. 3-2-1201."));
      return -1;
    }
  if (selected < self->owner_ids->len)
    owner_id = g_array_index (self->owner_ids, gint64, selected);
  else
    {
      person = pd_person_new ();
      g_free (person->name);
      person->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
      g_free (person->id_number);
      person->id_number = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->id_number_entry)));
      g_free (person->mobile);
      person->mobile = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->mobile_entry)));
    }
  return pd_handover_start (self->ctx, self->unit_id, owner_id, person,
                            gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), error);
}

static void
pd_handover_start_dialog_response (GtkDialog *dialog,
                                   int        response)
{
  PdHandoverStartDialog *self = PD_HANDOVER_START_DIALOG (dialog);
  g_autoptr (GError) error = NULL;
  gint64 id;

  if (response != GTK_RESPONSE_OK)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  clear_errors (self);
  id = pd_handover_start_dialog_start (self, &error);
  if (id < 0)
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_STARTED], 0, id);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
pd_handover_start_dialog_dispose (GObject *object)
{
  PdHandoverStartDialog *self = PD_HANDOVER_START_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_HANDOVER_START_DIALOG);
  g_clear_object (&self->ctx);
  g_clear_object (&self->owner_names);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->inputs, g_hash_table_unref);
  G_OBJECT_CLASS (pd_handover_start_dialog_parent_class)->dispose (object);
}

static void
pd_handover_start_dialog_class_init (PdHandoverStartDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_handover_start_dialog_dispose;
  GTK_DIALOG_CLASS (klass)->response = pd_handover_start_dialog_response;
  signals[SIGNAL_STARTED] = g_signal_new ("started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/propdesk/PropDesk/ui/pd-handover-start-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdHandoverStartDialog, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverStartDialog, unit_label);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverStartDialog, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverStartDialog, new_owner_grid);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverStartDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverStartDialog, id_number_entry);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverStartDialog, mobile_entry);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverStartDialog, date_entry);
  gtk_widget_class_bind_template_child (widget_class, PdHandoverStartDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, unit_changed);
  gtk_widget_class_bind_template_callback (widget_class, owner_changed);
}

static void
pd_handover_start_dialog_init (PdHandoverStartDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->owner_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (self->owner_names));
  self->inputs = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (self->inputs, "unit", self->unit_entry);
  g_hash_table_insert (self->inputs, "owner", self->owner_dropdown);
  g_hash_table_insert (self->inputs, "name", self->name_entry);
  g_hash_table_insert (self->inputs, "id_number", self->id_number_entry);
  g_hash_table_insert (self->inputs, "mobile", self->mobile_entry);
  g_hash_table_insert (self->inputs, "handover_on", self->date_entry);
  gtk_dialog_set_default_response (GTK_DIALOG (self), GTK_RESPONSE_OK);
}

PdHandoverStartDialog *
pd_handover_start_dialog_new (GtkWindow *parent,
                              PdContext *ctx)
{
  PdHandoverStartDialog *self = g_object_new (PD_TYPE_HANDOVER_START_DIALOG, "transient-for", parent,
                                              "use-header-bar", TRUE, NULL);
  g_autofree char *today = pd_context_today (ctx);

  self->ctx = g_object_ref (ctx);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  unit_changed (self);
  return self;
}

void
pd_handover_start_dialog_set_unit (PdHandoverStartDialog *self,
                                   const char            *unit_code)
{
  gtk_editable_set_text (GTK_EDITABLE (self->unit_entry), unit_code);
}
