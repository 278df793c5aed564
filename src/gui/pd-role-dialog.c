/* pd-role-dialog.c — see pd-role-dialog.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-error.h"
#include "pd-form-field.h"
#include "pd-owner-file.h"
#include "pd-owner-list.h"
#include "pd-person-form.h"
#include "pd-role-dialog.h"
#include "pd-search.h"
#include "pd-validate.h"

#define MAX_HITS 8

struct _PdRoleDialog
{
  GtkWindow         parent_instance;
  PdContext        *ctx;
  PdRoleDialogMode  mode;
  gint64            unit_id;     /* the unit given, or the existing unit the code names */
  PdPerson         *chosen;      /* an existing person, or NULL for a new one */
  GArray           *owner_ids;   /* behind authorised_by_dropdown */

  GtkWidget        *form;
  GtkWidget        *unit_code_field;
  GtkEntry         *unit_code_entry;
  GtkLabel         *unit_status_label;
  GtkWidget        *new_use_field;
  GtkWidget        *new_area_field;
  GtkWidget        *new_state_field;
  GtkDropDown      *use_dropdown;
  GtkEntry         *gross_area_entry;
  GtkDropDown      *state_dropdown;
  GtkLabel         *role_title;
  GtkWidget        *role_field;
  GtkDropDown      *role_dropdown;
  GtkWidget        *relation_field;
  GtkEntry         *relation_entry;
  GtkWidget        *start_field;
  GtkEntry         *start_on_entry;
  GtkWidget        *transfer_field;
  GtkEntry         *transfer_date_entry;
  GtkWidget        *lease_end_field;
  GtkEntry         *lease_end_entry;
  GtkWidget        *authorised_by_field;
  GtkDropDown      *authorised_by_dropdown;
  GtkWidget        *note_field;
  GtkEntry         *authorisation_note_entry;
  GtkSearchEntry   *person_search_entry;
  GtkListBox       *hits_list;
  GtkWidget        *chosen_box;
  GtkLabel         *chosen_label;
  GtkWidget        *new_person_button;
  PdPersonForm     *person_form;
  GtkButton        *ok_button;
};

G_DEFINE_FINAL_TYPE (PdRoleDialog, pd_role_dialog, GTK_TYPE_WINDOW)

enum { SIGNAL_SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *const roles[] = { "owner", "member", "tenant", "proxy", "temporary" };
static const char *const uses[] = { "residential", "shop", "office" };
/* States a unit can be registered in when it first enters the files with
 * an owner: it has been sold, so not "unsold". */
static const char *const new_unit_states[] = { "occupied", "vacant", "handed_over", "renovating", "rented" };

static guint
index_of (const char *const *codes,
          guint              n,
          const char        *code)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (codes[i], code) == 0)
      return i;
  return 0;
}

static GListModel *
labels_model (const char *const *codes,
              guint              n,
              const char *(*label) (const char *))
{
  GtkStringList *model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (model, label (codes[i]));
  return G_LIST_MODEL (model);
}

static const char *
current_role (PdRoleDialog *self)
{
  return self->mode == PD_ROLE_DIALOG_TRANSFER ? "owner" : roles[gtk_drop_down_get_selected (self->role_dropdown)];
}

/* Shows the fields the chosen role needs (DOMAIN §1: tenants have a lease
 * and an owner's authorisation, proxies a power of attorney). */
static void
update_role_fields (PdRoleDialog *self)
{
  const char *role = current_role (self);
  gboolean transfer = self->mode == PD_ROLE_DIALOG_TRANSFER;
  gboolean authorised = g_str_equal (role, "tenant") || g_str_equal (role, "proxy");

  gtk_widget_set_visible (self->role_field, self->mode == PD_ROLE_DIALOG_NEW_FILE);
  gtk_widget_set_visible (self->relation_field, !transfer && (g_str_equal (role, "member") ||
                                                              g_str_equal (role, "temporary")));
  gtk_widget_set_visible (self->start_field, !transfer);
  gtk_widget_set_visible (self->transfer_field, transfer);
  gtk_widget_set_visible (self->lease_end_field, !transfer && g_str_equal (role, "tenant"));
  gtk_widget_set_visible (self->authorised_by_field, !transfer && authorised);
  gtk_widget_set_visible (self->note_field, !transfer && authorised);
}

static void
load_owners (PdRoleDialog *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GPtrArray) current = NULL;

  g_array_set_size (self->owner_ids, 0);
  current = self->unit_id > 0 ? pd_unit_role_list (self->ctx, self->unit_id, 0, TRUE, NULL) : NULL;
  for (guint i = 0; current != NULL && i < current->len; i++)
    {
      PdUnitRole *role = current->pdata[i];
      if (g_str_equal (role->role, "owner"))
        {
          g_array_append_val (self->owner_ids, role->person_id);
          gtk_string_list_append (names, role->person_name);
        }
    }
  gtk_drop_down_set_model (self->authorised_by_dropdown, G_LIST_MODEL (names));
}

/* Shows @unit (NULL: none) as the one the person goes on, and makes the
 * unit code field the one for its errors: "unit" for a unit referred to,
 * "unit_code" for the code of a unit to create (pd-error.h). */
static void
show_unit (PdRoleDialog *self,
           PdUnit       *unit,
           const char   *status)
{
  gboolean new_unit = unit == NULL && status != NULL;
  g_autofree char *existing = NULL;

  self->unit_id = unit ? unit->id : 0;
  if (unit != NULL)
    {
      g_autoptr (PdOwnerRow) row = pd_owner_row_get (self->ctx, unit->id, NULL);
      /* Translators: an existing unit: its state and its owners */
      existing = g_strdup_printf (_("Existing unit · %s · owners: %s"), pd_unit_state_label (unit->state),
                                  row && *row->owners ? row->owners : _("none"));
      status = existing;
    }
  gtk_label_set_text (self->unit_status_label, status ? status : "");
  g_object_set (self->unit_code_field, "key",
                unit != NULL || self->mode != PD_ROLE_DIALOG_NEW_FILE ? "unit" : "unit_code", NULL);
  gtk_widget_set_visible (self->new_use_field, new_unit);
  gtk_widget_set_visible (self->new_area_field, new_unit);
  gtk_widget_set_visible (self->new_state_field, new_unit);
}

/* Tells whether the typed unit code names an existing unit or a new one. */
static void
unit_code_changed (PdRoleDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->unit_code_entry));
  g_autofree char *canonical = NULL;
  g_autoptr (PdUnit) unit = NULL;
  g_autofree char *status = NULL;
  gboolean valid = pd_unit_code_parse (text, &canonical, NULL, NULL, NULL, NULL);

  if (valid)
    unit = pd_unit_find (self->ctx, pd_estate_current_id (self->ctx, NULL), canonical, NULL);
  if (valid && unit == NULL)
    /* Translators: %s is the unit code as it will be stored */
    status = g_strdup_printf (_("New unit %s: it is created when you save."), canonical);
  show_unit (self, unit, status);
  load_owners (self);
}

/* ---- choosing an existing person -------------------------------------- */

static void
show_chosen (PdRoleDialog *self)
{
  gboolean chosen = self->chosen != NULL;

  gtk_widget_set_visible (self->chosen_box, chosen);
  gtk_widget_set_visible (GTK_WIDGET (self->person_form), !chosen);
  if (chosen)
    {
      g_autofree char *phone = pd_mask_phone (self->chosen->mobile);
      g_autofree char *id = pd_mask_id (*self->chosen->uscc ? self->chosen->uscc : self->chosen->id_number);
      /* Translators: an existing person chosen: name, masked ID, masked mobile */
      g_autofree char *text = g_strdup_printf (_("Existing person: %s · ID %s · mobile %s"),
                                               self->chosen->name, *id ? id : "—", *phone ? phone : "—");
      gtk_label_set_text (self->chosen_label, text);
    }
}

static void
hit_activated (PdRoleDialog  *self,
               GtkListBoxRow *row)
{
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "pd-person-id"));
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->chosen, pd_person_free);
  self->chosen = pd_person_get (self->ctx, person_id, &error);
  if (self->chosen == NULL)
    pd_show_error (GTK_WIDGET (self), _("The person could not be read"), error);
  gtk_widget_set_visible (GTK_WIDGET (self->hits_list), FALSE);
  show_chosen (self);
}

static void
search_changed (PdRoleDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->person_search_entry));
  g_autoptr (GPtrArray) hits = pd_search (self->ctx, text, 40, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hits_list))) != NULL)
    gtk_list_box_remove (self->hits_list, child);
  for (guint i = 0; hits != NULL && i < hits->len && shown < MAX_HITS; i++)
    {
      PdSearchHit *hit = hits->pdata[i];
      g_autofree char *text_row = NULL;
      GtkWidget *row, *label;

      if (hit->person_id == 0 || g_hash_table_contains (seen, &hit->person_id))
        continue;
      g_hash_table_add (seen, &hit->person_id);
      text_row = g_strdup_printf ("%s    %s %s", hit->name, hit->unit_code, pd_unit_role_label (hit->role));
      label = gtk_label_new (text_row);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 8);
      gtk_widget_set_margin_top (label, 4);
      gtk_widget_set_margin_bottom (label, 4);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data (G_OBJECT (row), "pd-person-id", GSIZE_TO_POINTER (hit->person_id));
      gtk_list_box_append (self->hits_list, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->hits_list), shown > 0);
}

static void
new_person_clicked (PdRoleDialog *self)
{
  g_clear_pointer (&self->chosen, pd_person_free);
  show_chosen (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->person_form));
}

/* ---- saving ------------------------------------------------------------ */

static const char *
text_of (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

/* The unit to put the person on; NULL with @error when the typed area is
 * not one. */
static PdUnit *
build_unit (PdRoleDialog *self,
            GError      **error)
{
  PdUnit *unit;

  if (self->unit_id > 0)
    return pd_unit_get (self->ctx, self->unit_id, error);
  unit = pd_unit_new ();
  unit->code = g_strdup (text_of (self->unit_code_entry));
  g_free (unit->use);
  unit->use = g_strdup (uses[gtk_drop_down_get_selected (self->use_dropdown)]);
  g_free (unit->state);
  unit->state = g_strdup (new_unit_states[gtk_drop_down_get_selected (self->state_dropdown)]);
  if (*text_of (self->gross_area_entry) != '\0' &&
      !pd_area_parse (text_of (self->gross_area_entry), "gross_area", _("Gross area"), &unit->gross_area, error))
    g_clear_pointer (&unit, pd_unit_free);
  return unit;
}

static PdUnitRole *
build_role (PdRoleDialog *self)
{
  PdUnitRole *role = pd_unit_role_new (current_role (self));
  const char *role_name = role->role;
  guint owner = gtk_drop_down_get_selected (self->authorised_by_dropdown);

  g_free (role->start_on);
  role->start_on = g_strdup (text_of (self->start_on_entry));
  if (g_str_equal (role_name, "member") || g_str_equal (role_name, "temporary"))
    {
      g_free (role->relation);
      role->relation = g_strdup (text_of (self->relation_entry));
    }
  if (g_str_equal (role_name, "tenant"))
    {
      g_free (role->lease_end);
      role->lease_end = g_strdup (text_of (self->lease_end_entry));
    }
  if ((g_str_equal (role_name, "tenant") || g_str_equal (role_name, "proxy")))
    {
      if (owner < self->owner_ids->len)
        role->authorised_by = g_array_index (self->owner_ids, gint64, owner);
      g_free (role->authorisation_note);
      role->authorisation_note = g_strdup (text_of (self->authorisation_note_entry));
    }
  return role;
}

static void
ok_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  PdRoleDialog *self = PD_ROLE_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdPerson) person = self->chosen ? pd_person_copy (self->chosen)
                                             : pd_person_form_get_person (self->person_form);
  gint64 unit_id = self->unit_id;
  gboolean saved;

  pd_form_field_clear_errors (self->form);
  if (self->mode == PD_ROLE_DIALOG_TRANSFER)
    saved = pd_owner_file_transfer (self->ctx, unit_id, person, text_of (self->transfer_date_entry), &error);
  else
    {
      g_autoptr (PdUnit) unit = build_unit (self, &error);
      g_autoptr (PdUnitRole) role = build_role (self);

      unit_id = unit ? pd_owner_file_add_person (self->ctx, unit, person, role, &error) : -1;
      saved = unit_id > 0;
    }
  if (!saved)
    {
      if (!pd_form_field_show_error (self->form, error))
        pd_show_error (widget, _("The file could not be saved"), error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, unit_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- object ------------------------------------------------------------ */

static void
pd_role_dialog_dispose (GObject *object)
{
  PdRoleDialog *self = PD_ROLE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_ROLE_DIALOG);
  g_clear_object (&self->ctx);
  g_clear_pointer (&self->chosen, pd_person_free);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  G_OBJECT_CLASS (pd_role_dialog_parent_class)->dispose (object);
}

static void
pd_role_dialog_class_init (PdRoleDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_role_dialog_dispose;
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  g_type_ensure (PD_TYPE_FORM_FIELD);
  g_type_ensure (PD_TYPE_PERSON_FORM);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-role-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PdRoleDialog, name)
  BIND (form); BIND (unit_code_field); BIND (unit_code_entry); BIND (unit_status_label);
  BIND (new_use_field); BIND (new_area_field); BIND (new_state_field); BIND (use_dropdown);
  BIND (gross_area_entry); BIND (state_dropdown); BIND (role_title); BIND (role_field);
  BIND (role_dropdown); BIND (relation_field); BIND (relation_entry); BIND (start_field);
  BIND (start_on_entry); BIND (transfer_field); BIND (transfer_date_entry); BIND (lease_end_field);
  BIND (lease_end_entry); BIND (authorised_by_field); BIND (authorised_by_dropdown); BIND (note_field);
  BIND (authorisation_note_entry); BIND (person_search_entry); BIND (hits_list); BIND (chosen_box);
  BIND (chosen_label); BIND (new_person_button); BIND (person_form); BIND (ok_button);
#undef BIND
  gtk_widget_class_install_action (widget_class, "dialog.ok", NULL, ok_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "dialog.ok", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.ok", NULL);
}

static void
pd_role_dialog_init (PdRoleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect_swapped (self->unit_code_entry, "changed", G_CALLBACK (unit_code_changed), self);
  g_signal_connect_swapped (self->role_dropdown, "notify::selected", G_CALLBACK (update_role_fields), self);
  g_signal_connect_swapped (self->person_search_entry, "search-changed", G_CALLBACK (search_changed), self);
  g_signal_connect_swapped (self->hits_list, "row-activated", G_CALLBACK (hit_activated), self);
  g_signal_connect_swapped (self->new_person_button, "clicked", G_CALLBACK (new_person_clicked), self);
}

GtkWidget *
pd_role_dialog_new (GtkWindow        *parent,
                    PdContext        *ctx,
                    PdRoleDialogMode  mode,
                    gint64            unit_id,
                    const char       *role)
{
  PdRoleDialog *self = g_object_new (PD_TYPE_ROLE_DIALOG, "transient-for", parent, NULL);
  g_autoptr (GListModel) role_model = labels_model (roles, G_N_ELEMENTS (roles), pd_unit_role_label);
  g_autoptr (GListModel) use_model = labels_model (uses, G_N_ELEMENTS (uses), pd_unit_use_label);
  g_autoptr (GListModel) state_model = labels_model (new_unit_states, G_N_ELEMENTS (new_unit_states),
                                                     pd_unit_state_label);
  g_autofree char *today = NULL;
  g_autofree char *title = NULL;
  g_autoptr (PdUnit) unit = NULL;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  self->ctx = g_object_ref (ctx);
  self->mode = mode;
  self->unit_id = mode == PD_ROLE_DIALOG_NEW_FILE ? 0 : unit_id;
  gtk_drop_down_set_model (self->role_dropdown, role_model);
  gtk_drop_down_set_model (self->use_dropdown, use_model);
  gtk_drop_down_set_model (self->state_dropdown, state_model);
  gtk_drop_down_set_selected (self->role_dropdown, index_of (roles, G_N_ELEMENTS (roles), role ? role : "owner"));
  today = pd_context_today (ctx);
  gtk_editable_set_text (GTK_EDITABLE (self->start_on_entry), today);
  gtk_editable_set_text (GTK_EDITABLE (self->transfer_date_entry), today);
  unit = self->unit_id > 0 ? pd_unit_get (ctx, self->unit_id, NULL) : NULL;

  /* A given unit is shown, not typed: its errors then show next to it. */
  gtk_editable_set_editable (GTK_EDITABLE (self->unit_code_entry), mode == PD_ROLE_DIALOG_NEW_FILE);
  if (mode != PD_ROLE_DIALOG_NEW_FILE)
    {
      g_signal_handlers_block_by_func (self->unit_code_entry, unit_code_changed, self);
      gtk_editable_set_text (GTK_EDITABLE (self->unit_code_entry), unit ? unit->code : "");
      g_signal_handlers_unblock_by_func (self->unit_code_entry, unit_code_changed, self);
      show_unit (self, unit, NULL);
      self->unit_id = unit_id;
    }
  switch (mode)
    {
    case PD_ROLE_DIALOG_NEW_FILE:
      title = g_strdup (_("New Owner File"));
      gtk_button_set_label (self->ok_button, _("_Create File"));
      unit_code_changed (self);
      break;
    case PD_ROLE_DIALOG_ADD_ROLE:
      /* Translators: role to add, unit code */
      title = g_strdup_printf (_("Add %s to %s"), pd_unit_role_label (role), unit ? unit->code : "");
      gtk_label_set_text (self->role_title, pd_unit_role_label (role));
      gtk_button_set_label (self->ok_button, _("_Add"));
      load_owners (self);
      break;
    case PD_ROLE_DIALOG_TRANSFER:
      /* Translators: %s is the unit code */
      title = g_strdup_printf (_("Transfer Ownership of %s"), unit ? unit->code : "");
      gtk_label_set_text (self->role_title, _("Transfer"));
      gtk_button_set_label (self->ok_button, _("_Transfer"));
      break;
    }
  gtk_window_set_title (GTK_WINDOW (self), title);
  update_role_fields (self);
  show_chosen (self);
  gtk_widget_grab_focus (mode == PD_ROLE_DIALOG_NEW_FILE ? GTK_WIDGET (self->unit_code_entry)
                                                        : GTK_WIDGET (self->person_search_entry));
  return GTK_WIDGET (self);
}
