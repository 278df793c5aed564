/* pd-release-slip-dialog.c — see pd-release-slip-dialog.h.
 *
 * Enter moves on: unit → first item; item name → next line (a new one at
 * the end); an empty item line → carrier; carrier → ID (or, when a recent
 * carrier was taken, straight to the dangerous-goods check).  Tab and the
 * Alt mnemonics reach everything else. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-form-field.h"
#include "pd-form-release-slip.h"
#include "pd-print-operation.h"
#include "pd-release-items-editor.h"
#include "pd-release-code.h"
#include "pd-release-slip-dialog.h"
#include "pd-release-suggest.h"
#include "pd-unit-role.h"

#define COMMON_ITEMS 60
#define RECENT_CARRIERS 40

struct _PdReleaseSlipDialog
{
  GtkWindow       parent_instance;
  PdContext      *ctx;
  gint64          unit_id;
  GPtrArray      *applicants;     /* PdUnitRole: owners, tenants, proxies */
  GPtrArray      *owners;         /* PdUnitRole, borrowed from applicants */
  GStrv           common_items;
  GPtrArray      *carriers;       /* PdReleaseCarrier */
  GStrv           carrier_names;
  gint64          issued_id;
  gboolean        discard;        /* closing was confirmed */

  GtkWidget      *form;
  GtkEntry       *unit_entry;
  GtkDropDown    *applicant_dropdown;
  GtkToggleButton *moving_button;
  GtkToggleButton *renovation_button;
  GtkToggleButton *other_button;
  GtkEntry       *reason_note_entry;
  GtkWidget      *owner_box;
  GtkDropDown    *owner_dropdown;
  GtkDropDown    *method_dropdown;
  GtkEntry       *confirm_at_entry;
  GtkWidget      *fees_box;
  GtkEntry       *cashier_entry;
  GtkEntry       *fees_at_entry;
  PdReleaseItemsEditor *items_editor;
  GtkEntry       *carrier_entry;
  GtkEntry       *carrier_id_entry;
  GtkEntry       *plate_entry;
  GtkEntry       *valid_entry;
  GtkLabel       *carrier_hint;
  GtkCheckButton *safe_check;
  GtkLabel       *status_label;
};

G_DEFINE_FINAL_TYPE (PdReleaseSlipDialog, pd_release_slip_dialog, GTK_TYPE_WINDOW)

enum { SIGNAL_ISSUED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *const methods[] = { "phone", "in_person", "written" };

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static void
set_entry (GtkEntry   *entry,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

static void
focus (gpointer widget)
{
  gtk_widget_grab_focus (GTK_WIDGET (widget));
}

/* ---- suggestions ------------------------------------------------------- */

static const PdReleaseCarrier *
carrier_match (PdReleaseSlipDialog *self)
{
  int match = pd_release_suggest ((const char *const *) self->carrier_names, entry_text (self->carrier_entry));

  return match >= 0 ? g_ptr_array_index (self->carriers, match) : NULL;
}

static void
carrier_changed (PdReleaseSlipDialog *self)
{
  const PdReleaseCarrier *carrier = carrier_match (self);
  g_autofree char *hint = NULL;

  if (carrier != NULL && g_strcmp0 (carrier->name, entry_text (self->carrier_entry)) != 0)
    /* Translators: a recent carrier: name, ID number (masked), plate */
    hint = g_strdup_printf (_("→ %s, %.6s…, %s (Enter takes the carrier with ID and plate)"),
                            carrier->name, carrier->id_number, carrier->plate);
  gtk_label_set_text (self->carrier_hint, hint ? hint : "");
}

/* TRUE when a recent carrier was taken with an ID number. */
static gboolean
take_carrier_suggestion (PdReleaseSlipDialog *self)
{
  const PdReleaseCarrier *carrier = carrier_match (self);

  if (carrier == NULL)
    return FALSE;
  set_entry (self->carrier_entry, carrier->name);
  if (*entry_text (self->carrier_id_entry) == '\0')
    set_entry (self->carrier_id_entry, carrier->id_number);
  if (*entry_text (self->plate_entry) == '\0')
    set_entry (self->plate_entry, carrier->plate);
  gtk_label_set_text (self->carrier_hint, "");
  return *entry_text (self->carrier_id_entry) != '\0';
}

/* ---- unit, applicant, reason ------------------------------------------ */

static const char *
reason (PdReleaseSlipDialog *self)
{
  if (gtk_toggle_button_get_active (self->moving_button))
    return "moving_out";
  if (gtk_toggle_button_get_active (self->renovation_button))
    return "renovation";
  return "other";
}

static const PdUnitRole *
selected_applicant (PdReleaseSlipDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->applicant_dropdown);

  return self->applicants && i < self->applicants->len ? g_ptr_array_index (self->applicants, i) : NULL;
}

/* The owner's confirmation for tenants, the cashier's for moving out. */
static void
update_sections (PdReleaseSlipDialog *self)
{
  const PdUnitRole *applicant = selected_applicant (self);

  gtk_widget_set_visible (self->owner_box, applicant && g_str_equal (applicant->role, "tenant"));
  gtk_widget_set_visible (self->fees_box, g_str_equal (reason (self), "moving_out"));
}

static GListModel *
role_labels (GPtrArray *roles)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < roles->len; i++)
    {
      const PdUnitRole *role = g_ptr_array_index (roles, i);
      g_autofree char *label = g_strdup_printf ("%s（%s）", role->person_name, pd_unit_role_label (role->role));
      gtk_string_list_append (labels, label);
    }
  return G_LIST_MODEL (labels);
}

static gboolean
load_unit (PdReleaseSlipDialog *self,
           gint64               unit_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) unit = NULL;
  g_autoptr (GListModel) applicants = NULL;
  g_autoptr (GListModel) owners = NULL;

  pd_form_field_clear_errors (self->form);
  if (unit_id > 0)
    unit = pd_unit_get (self->ctx, unit_id, &error);
  else
    unit = pd_unit_find (self->ctx, pd_estate_current_id (self->ctx, NULL), entry_text (self->unit_entry), &error);
  g_clear_pointer (&self->applicants, g_ptr_array_unref);
  g_clear_pointer (&self->owners, g_ptr_array_unref);
  if (unit != NULL)
    self->applicants = pd_release_applicants (self->ctx, unit->id, &error);
  if (unit == NULL || self->applicants == NULL)
    {
      g_autoptr (GError) shown = NULL;
      /* Whatever failed (no such unit, or reading its people) is shown at the unit. */
      pd_set_field_error (&shown, PD_VALIDATION_ERROR_NOT_FOUND, "unit", "%s", error->message);
      pd_form_field_show_error (self->form, shown);
      self->unit_id = 0;
      gtk_drop_down_set_model (self->applicant_dropdown, NULL);
      return FALSE;
    }
  self->unit_id = unit->id;
  set_entry (self->unit_entry, unit->code);
  self->owners = g_ptr_array_new ();
  for (guint i = 0; i < self->applicants->len; i++)
    if (g_str_equal (((PdUnitRole *) g_ptr_array_index (self->applicants, i))->role, "owner"))
      g_ptr_array_add (self->owners, g_ptr_array_index (self->applicants, i));
  applicants = role_labels (self->applicants);
  owners = role_labels (self->owners);
  gtk_drop_down_set_model (self->applicant_dropdown, applicants);
  gtk_drop_down_set_model (self->owner_dropdown, owners);
  /* Goods leave a renovating unit mostly for the works. */
  if (g_str_equal (unit->state, "renovating"))
    gtk_toggle_button_set_active (self->renovation_button, TRUE);
  if (self->applicants->len == 0)
    {
      g_autoptr (GError) none = NULL;
      pd_set_field_error (&none, PD_VALIDATION_ERROR_NOT_FOUND, "applicant",
                          _("Applicant: nobody on this unit may apply (no current owner, tenant or proxy)."));
      pd_form_field_show_error (self->form, none);
    }
  update_sections (self);
  return TRUE;
}

static void
unit_activated (PdReleaseSlipDialog *self)
{
  if (load_unit (self, 0))
    pd_release_items_editor_focus (self->items_editor);
}

/* ---- issuing ----------------------------------------------------------- */

static PdReleaseSlip *
collect (PdReleaseSlipDialog *self)
{
  PdReleaseSlip *slip = pd_release_slip_new ();
  const PdUnitRole *applicant = selected_applicant (self);
  guint owner = gtk_drop_down_get_selected (self->owner_dropdown);
  guint method = gtk_drop_down_get_selected (self->method_dropdown);

  /* The unit as typed when Enter was not pressed on it. */
  slip->unit_id = self->unit_id;
  g_free (slip->unit_code);
  slip->unit_code = g_strdup (entry_text (self->unit_entry));
  if (applicant != NULL)
    {
      slip->applicant_id = applicant->person_id;
      g_free (slip->applicant_role);
      slip->applicant_role = g_strdup (applicant->role);
    }
  g_free (slip->reason);
  slip->reason = g_strdup (reason (self));
  g_free (slip->reason_note);
  slip->reason_note = g_strdup (entry_text (self->reason_note_entry));
  if (self->owners && owner < self->owners->len)
    slip->owner_confirm_id = ((PdUnitRole *) g_ptr_array_index (self->owners, owner))->person_id;
  g_free (slip->owner_confirm_method);
  slip->owner_confirm_method = g_strdup (method < G_N_ELEMENTS (methods) ? methods[method] : "");
  g_free (slip->owner_confirm_at);
  slip->owner_confirm_at = g_strdup (entry_text (self->confirm_at_entry));
  g_free (slip->fees_cashier);
  slip->fees_cashier = g_strdup (entry_text (self->cashier_entry));
  g_free (slip->fees_cleared_at);
  slip->fees_cleared_at = g_strdup (entry_text (self->fees_at_entry));
  pd_release_items_editor_collect (self->items_editor, slip);
  g_free (slip->carrier_name);
  slip->carrier_name = g_strdup (entry_text (self->carrier_entry));
  g_free (slip->carrier_id_number);
  slip->carrier_id_number = g_strdup (entry_text (self->carrier_id_entry));
  g_free (slip->plate);
  slip->plate = g_strdup (entry_text (self->plate_entry));
  g_free (slip->valid_on);
  slip->valid_on = g_strdup (entry_text (self->valid_entry));
  slip->no_dangerous_goods = gtk_check_button_get_active (self->safe_check);
  return slip;
}

static void
set_form_sensitive (PdReleaseSlipDialog *self,
                    gboolean             sensitive)
{
  gtk_widget_set_sensitive (self->form, sensitive);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slip.issue", sensitive);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "slip.print", !sensitive);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PdReleaseSlipDialog *self = PD_RELEASE_SLIP_DIALOG (widget);
  g_autoptr (PdReleaseSlip) slip = collect (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *status = NULL;

  pd_form_field_clear_errors (self->form);
  if (pd_release_slip_issue (self->ctx, slip, &error) < 0)
    {
      if (error->domain != PD_VALIDATION_ERROR || !pd_form_field_show_error (self->form, error))
        pd_show_error (widget, _("The release slip was not issued"), error);
      return;
    }
  self->issued_id = slip->id;
  code = pd_release_code_compute (self->ctx, slip, NULL);
  /* Translators: serial number and verification code of the new slip */
  status = g_strdup_printf (_("Issued slip %s, code %s. Ctrl+P prints it, Ctrl+N starts the next one."),
                            slip->serial, code ? code : "");
  gtk_label_set_text (self->status_label, status);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "done");
  /* The form goes read-only: take the focus off its entry first, so the
   * entry is told it lost it (Ctrl+P and Ctrl+N work from the window). */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  set_form_sensitive (self, FALSE);
  g_signal_emit (self, signals[SIGNAL_ISSUED], 0, slip->id);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PdReleaseSlipDialog *self = PD_RELEASE_SLIP_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) slips = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_release_slip_free);
  g_autoptr (PdRenderer) renderer = NULL;
  PdReleaseSlip *slip = pd_release_slip_get (self->ctx, self->issued_id, &error);
  PdReleasePrint *print;

  if (slip == NULL)
    {
      pd_show_error (widget, _("The slip could not be printed"), error);
      return;
    }
  g_ptr_array_add (slips, slip);
  print = pd_release_print_new (self->ctx, slips, &error);
  if (print == NULL)
    {
      pd_show_error (widget, _("The slip could not be printed"), error);
      return;
    }
  renderer = pd_form_release_slips_renderer (print);
  if (!pd_print_operation_run (GTK_WINDOW (self), renderer, &error))
    pd_show_error (widget, _("The slip could not be printed"), error);
}

/* Fresh defaults: today, now, and the clerk's check not yet given. */
static void
reset (PdReleaseSlipDialog *self,
       gint64               unit_id)
{
  g_autofree char *today = pd_context_today (self->ctx);
  g_autofree char *now = pd_context_now_text (self->ctx);
  g_autofree char *minute = g_strndup (now, 16);

  self->issued_id = 0;
  set_entry (self->unit_entry, "");
  set_entry (self->reason_note_entry, "");
  gtk_toggle_button_set_active (self->other_button, TRUE);
  set_entry (self->confirm_at_entry, minute);
  set_entry (self->cashier_entry, "");
  set_entry (self->fees_at_entry, minute);
  set_entry (self->carrier_entry, "");
  set_entry (self->carrier_id_entry, "");
  set_entry (self->plate_entry, "");
  set_entry (self->valid_entry, today);
  gtk_check_button_set_active (self->safe_check, FALSE);
  pd_release_items_editor_clear (self->items_editor);
  pd_form_field_clear_errors (self->form);
  gtk_label_set_text (self->status_label,
                      _("Ctrl+S issues the slip; Ctrl+P prints it; Ctrl+N starts the next one."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "done");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  set_form_sensitive (self, TRUE);
  if (unit_id > 0 && load_unit (self, unit_id))
    pd_release_items_editor_focus (self->items_editor);
  else
    {
      gtk_drop_down_set_model (self->applicant_dropdown, NULL);
      self->unit_id = 0;
      update_sections (self);
      focus (self->unit_entry);
    }
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  reset (PD_RELEASE_SLIP_DIALOG (widget), 0);
}

static void
carrier_activated (PdReleaseSlipDialog *self)
{
  focus (take_carrier_suggestion (self) ? (gpointer) self->safe_check : (gpointer) self->carrier_id_entry);
}

static void
carrier_left (PdReleaseSlipDialog *self)
{
  take_carrier_suggestion (self);
}

/* ---- closing ----------------------------------------------------------- */

static gboolean
has_typed (PdReleaseSlipDialog *self)
{
  if (*entry_text (self->unit_entry) != '\0' || *entry_text (self->carrier_entry) != '\0')
    return TRUE;
  return !pd_release_items_editor_is_empty (self->items_editor);
}

static void
discard_response (GtkDialog *dialog,
                  int        response,
                  gpointer   data)
{
  PdReleaseSlipDialog *self = data;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    {
      self->discard = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Esc on a half-typed slip asks first: the typing is the slow part. */
static gboolean
pd_release_slip_dialog_close_request (GtkWindow *window)
{
  PdReleaseSlipDialog *self = PD_RELEASE_SLIP_DIALOG (window);
  GtkWidget *dialog;

  if (self->discard || self->issued_id != 0 || !has_typed (self))
    return GTK_WINDOW_CLASS (pd_release_slip_dialog_parent_class)->close_request (window);
  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s",
                                   _("Discard this slip? It has not been issued."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Keep Typing"), GTK_RESPONSE_CANCEL, C_("release slip", "_Discard"),
                          GTK_RESPONSE_ACCEPT, NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ---- object ------------------------------------------------------------ */

static void
pd_release_slip_dialog_dispose (GObject *object)
{
  PdReleaseSlipDialog *self = PD_RELEASE_SLIP_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_RELEASE_SLIP_DIALOG);
  g_clear_pointer (&self->owners, g_ptr_array_unref);
  g_clear_pointer (&self->applicants, g_ptr_array_unref);
  g_clear_pointer (&self->carriers, g_ptr_array_unref);
  g_clear_pointer (&self->carrier_names, g_strfreev);
  g_clear_pointer (&self->common_items, g_strfreev);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_release_slip_dialog_parent_class)->dispose (object);
}

static void
pd_release_slip_dialog_class_init (PdReleaseSlipDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_release_slip_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = pd_release_slip_dialog_close_request;
  signals[SIGNAL_ISSUED] = g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  g_type_ensure (PD_TYPE_FORM_FIELD);
  g_type_ensure (PD_TYPE_RELEASE_ITEMS_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/propdesk/PropDesk/ui/pd-release-slip-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PdReleaseSlipDialog, name)
  BIND (form);
  BIND (unit_entry);
  BIND (applicant_dropdown);
  BIND (moving_button);
  BIND (renovation_button);
  BIND (other_button);
  BIND (reason_note_entry);
  BIND (owner_box);
  BIND (owner_dropdown);
  BIND (method_dropdown);
  BIND (confirm_at_entry);
  BIND (fees_box);
  BIND (cashier_entry);
  BIND (fees_at_entry);
  BIND (items_editor);
  BIND (carrier_entry);
  BIND (carrier_id_entry);
  BIND (plate_entry);
  BIND (valid_entry);
  BIND (carrier_hint);
  BIND (safe_check);
  BIND (status_label);
#undef BIND
  gtk_widget_class_install_action (widget_class, "slip.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "slip.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "slip.next", NULL, next_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "slip.issue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "slip.issue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "slip.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "slip.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_release_slip_dialog_init (PdReleaseSlipDialog *self)
{
  g_autoptr (GtkStringList) method_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    gtk_string_list_append (method_labels, pd_release_confirm_method_label (methods[i]));
  gtk_drop_down_set_model (self->method_dropdown, G_LIST_MODEL (method_labels));

  g_signal_connect_swapped (self->unit_entry, "activate", G_CALLBACK (unit_activated), self);
  g_signal_connect_swapped (self->items_editor, "done", G_CALLBACK (focus), self->carrier_entry);
  g_signal_connect_swapped (self->applicant_dropdown, "notify::selected", G_CALLBACK (update_sections), self);
  g_signal_connect_swapped (self->moving_button, "toggled", G_CALLBACK (update_sections), self);
  g_signal_connect_swapped (self->carrier_entry, "changed", G_CALLBACK (carrier_changed), self);
  g_signal_connect_swapped (self->carrier_entry, "activate", G_CALLBACK (carrier_activated), self);
  {
    GtkEventController *left = gtk_event_controller_focus_new ();
    g_signal_connect_swapped (left, "leave", G_CALLBACK (carrier_left), self);
    gtk_widget_add_controller (GTK_WIDGET (self->carrier_entry), left);
  }
  g_signal_connect_swapped (self->carrier_id_entry, "activate", G_CALLBACK (focus), self->plate_entry);
  g_signal_connect_swapped (self->plate_entry, "activate", G_CALLBACK (focus), self->valid_entry);
  g_signal_connect_swapped (self->valid_entry, "activate", G_CALLBACK (focus), self->safe_check);
}

GtkWidget *
pd_release_slip_dialog_new (GtkWindow *parent,
                            PdContext *ctx,
                            gint64     unit_id)
{
  PdReleaseSlipDialog *self = g_object_new (PD_TYPE_RELEASE_SLIP_DIALOG, "transient-for", parent, NULL);
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  self->ctx = g_object_ref (ctx);
  self->common_items = pd_release_common_items (ctx, COMMON_ITEMS, NULL);
  if (self->common_items == NULL)
    self->common_items = g_new0 (char *, 1);
  self->carriers = pd_release_recent_carriers (ctx, RECENT_CARRIERS, NULL);
  if (self->carriers == NULL)
    self->carriers = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_release_carrier_free);
  for (guint i = 0; i < self->carriers->len; i++)
    g_strv_builder_add (names, ((PdReleaseCarrier *) g_ptr_array_index (self->carriers, i))->name);
  self->carrier_names = g_strv_builder_end (names);
  pd_release_items_editor_set_common (self->items_editor, (const char *const *) self->common_items);
  reset (self, unit_id);
  return GTK_WIDGET (self);
}

GtkWidget *
pd_release_slip_dialog_present (GtkWindow *parent,
                                PdContext *ctx,
                                gint64     unit_id)
{
  GtkWidget *dialog = pd_release_slip_dialog_new (parent, ctx, unit_id);

  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

void
pd_release_slip_dialog_set_reason (PdReleaseSlipDialog *self,
                                   const char          *reason,
                                   const char          *note)
{
  g_return_if_fail (PD_IS_RELEASE_SLIP_DIALOG (self));
  g_return_if_fail (reason != NULL);

  if (g_str_equal (reason, "moving_out"))
    gtk_toggle_button_set_active (self->moving_button, TRUE);
  else if (g_str_equal (reason, "renovation"))
    gtk_toggle_button_set_active (self->renovation_button, TRUE);
  else
    gtk_toggle_button_set_active (self->other_button, TRUE);
  set_entry (self->reason_note_entry, note);
  update_sections (self);
}

gboolean
pd_release_slip_dialog_set_applicant (PdReleaseSlipDialog *self,
                                      gint64               person_id)
{
  g_return_val_if_fail (PD_IS_RELEASE_SLIP_DIALOG (self), FALSE);

  for (guint i = 0; self->applicants != NULL && i < self->applicants->len; i++)
    if (((PdUnitRole *) g_ptr_array_index (self->applicants, i))->person_id == person_id)
      {
        gtk_drop_down_set_selected (self->applicant_dropdown, i);
        update_sections (self);
        return TRUE;
      }
  return FALSE;
}
