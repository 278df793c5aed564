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
#include "pd-pinyin.h"
#include "pd-print-operation.h"
#include "pd-release-code.h"
#include "pd-release-slip-dialog.h"
#include "pd-release-suggest.h"
#include "pd-unit-role.h"

#define COMMON_ITEMS 60
#define RECENT_CARRIERS 40
#define HINT_ITEMS 8

typedef struct
{
  GtkEntry *name;
  GtkEntry *quantity;
  GtkEntry *note;
} ItemRow;

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
  GArray         *rows;           /* ItemRow */
  gint64          issued_id;

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
  GtkGrid        *items_grid;
  GtkLabel       *items_hint;
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

static void
show_items_hint (PdReleaseSlipDialog *self,
                 const char          *typed)
{
  int match = pd_release_suggest ((const char *const *) self->common_items, typed);
  g_autoptr (GString) hint = g_string_new (NULL);

  if (match >= 0 && g_strcmp0 (typed, self->common_items[match]) != 0)
    /* Translators: what the typed letters will become, e.g. "sf → 沙发" */
    g_string_printf (hint, _("%s → %s (Enter or Tab takes it)"), typed, self->common_items[match]);
  else
    {
      g_string_append (hint, _("Common items, by their pinyin initials:"));
      for (guint i = 0; self->common_items[i] != NULL && i < HINT_ITEMS; i++)
        {
          g_autofree char *initials = NULL;
          pd_pinyin_of_name (self->common_items[i], NULL, &initials);
          g_string_append_printf (hint, "  %s %s", self->common_items[i], initials);
        }
    }
  gtk_label_set_text (self->items_hint, hint->str);
}

/* Replaces typed letters by the common item they stand for. */
static void
take_item_suggestion (PdReleaseSlipDialog *self,
                      GtkEntry            *entry)
{
  int match = pd_release_suggest ((const char *const *) self->common_items, entry_text (entry));

  if (match >= 0)
    set_entry (entry, self->common_items[match]);
}

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

/* ---- item lines -------------------------------------------------------- */

static ItemRow *
row_at (PdReleaseSlipDialog *self,
        guint                i)
{
  return &g_array_index (self->rows, ItemRow, i);
}

static int
row_of (PdReleaseSlipDialog *self,
        GtkEntry            *entry)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ItemRow *row = row_at (self, i);
      if (row->name == entry || row->quantity == entry || row->note == entry)
        return i;
    }
  return -1;
}

static void add_row (PdReleaseSlipDialog *self);

/* Enter in a line: on to the next line's name, making one at the end. */
static void
next_row (PdReleaseSlipDialog *self,
          GtkEntry            *entry)
{
  guint i = row_of (self, entry);

  if (i + 1 >= self->rows->len)
    add_row (self);
  focus (row_at (self, i + 1)->name);
}

static void
name_activated (PdReleaseSlipDialog *self,
                GtkEntry            *entry)
{
  /* An empty line ends the list. */
  if (*entry_text (entry) == '\0' && row_of (self, entry) > 0)
    {
      focus (self->carrier_entry);
      return;
    }
  take_item_suggestion (self, entry);
  next_row (self, entry);
}

static void
name_changed (PdReleaseSlipDialog *self,
              GtkEditable         *editable)
{
  show_items_hint (self, gtk_editable_get_text (editable));
}

static void
name_left (GtkEventControllerFocus *controller,
           PdReleaseSlipDialog     *self)
{
  take_item_suggestion (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
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
add_row (PdReleaseSlipDialog *self)
{
  ItemRow row;
  guint line = self->rows->len + 1;
  GtkEventController *left = gtk_event_controller_focus_new ();

  row.name = row_entry (line == 1 ? _("Item, or its pinyin initials (sf = 沙发)") : "", 26, C_("release slip", "Item"));
  row.quantity = row_entry ("1", 4, C_("release slip", "Quantity"));
  row.note = row_entry ("", 18, C_("release slip", "Description"));
  gtk_widget_set_hexpand (GTK_WIDGET (row.note), TRUE);
  gtk_grid_attach (self->items_grid, GTK_WIDGET (row.name), 0, line, 1, 1);
  gtk_grid_attach (self->items_grid, GTK_WIDGET (row.quantity), 1, line, 1, 1);
  gtk_grid_attach (self->items_grid, GTK_WIDGET (row.note), 2, line, 1, 1);
  g_signal_connect_swapped (row.name, "activate", G_CALLBACK (name_activated), self);
  g_signal_connect_swapped (row.name, "changed", G_CALLBACK (name_changed), self);
  g_signal_connect (left, "leave", G_CALLBACK (name_left), self);
  gtk_widget_add_controller (GTK_WIDGET (row.name), left);
  g_signal_connect_swapped (row.quantity, "activate", G_CALLBACK (next_row), self);
  g_signal_connect_swapped (row.note, "activate", G_CALLBACK (next_row), self);
  g_array_append_val (self->rows, row);
}

static void
clear_rows (PdReleaseSlipDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      ItemRow *row = row_at (self, i);
      gtk_grid_remove (self->items_grid, GTK_WIDGET (row->name));
      gtk_grid_remove (self->items_grid, GTK_WIDGET (row->quantity));
      gtk_grid_remove (self->items_grid, GTK_WIDGET (row->note));
    }
  g_array_set_size (self->rows, 0);
  add_row (self);
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
      /* pd_unit_find names its field unit_code; this form calls it unit. */
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
    focus (row_at (self, 0)->name);
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
  for (guint i = 0; i < self->rows->len; i++)
    {
      ItemRow *row = row_at (self, i);
      const char *quantity = entry_text (row->quantity);
      guint64 n = 1;

      if (*entry_text (row->name) == '\0' && *entry_text (row->note) == '\0' && *quantity == '\0')
        continue;
      /* Not a number: 0, which the core refuses with the line's number. */
      if (*quantity != '\0' && !g_ascii_string_to_unsigned (quantity, 10, 1, 9999, &n, NULL))
        n = 0;
      g_ptr_array_add (slip->items, pd_release_item_new (entry_text (row->name), (int) n,
                                                         entry_text (row->note)));
    }
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
  clear_rows (self);
  pd_form_field_clear_errors (self->form);
  gtk_label_set_text (self->status_label,
                      _("Ctrl+S issues the slip; Ctrl+P prints it; Ctrl+N starts the next one."));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "done");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  set_form_sensitive (self, TRUE);
  show_items_hint (self, "");
  if (unit_id > 0 && load_unit (self, unit_id))
    focus (row_at (self, 0)->name);
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
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_release_slip_dialog_parent_class)->dispose (object);
}

static void
pd_release_slip_dialog_class_init (PdReleaseSlipDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_release_slip_dialog_dispose;
  signals[SIGNAL_ISSUED] = g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  g_type_ensure (PD_TYPE_FORM_FIELD);
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
  BIND (items_grid);
  BIND (items_hint);
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
  const char *titles[] = { C_("release slip", "Item"), C_("release slip", "Quantity"), C_("release slip", "Description") };
  g_autoptr (GtkStringList) method_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_array_new (FALSE, FALSE, sizeof (ItemRow));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *label = gtk_label_new (titles[i]);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->items_grid, label, i, 0, 1, 1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    gtk_string_list_append (method_labels, pd_release_confirm_method_label (methods[i]));
  gtk_drop_down_set_model (self->method_dropdown, G_LIST_MODEL (method_labels));

  g_signal_connect_swapped (self->unit_entry, "activate", G_CALLBACK (unit_activated), self);
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
