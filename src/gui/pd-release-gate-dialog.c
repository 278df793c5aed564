/* pd-release-gate-dialog.c — see pd-release-gate-dialog.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-error.h"
#include "pd-form-field.h"
#include "pd-release-gate-dialog.h"
#include "pd-release-register.h"
#include "pd-unit-role.h"
#include "pd-validate.h"

/* The guard on duty stays filled in for the next slip of the session. */
#define GUARD_KEY "pd-release-guard"

struct _PdReleaseGateDialog
{
  GtkWindow      parent_instance;
  PdContext     *ctx;
  gint64         slip_id;     /* the slip that passed the check, 0 when none */

  GtkWidget     *form;
  GtkEntry      *serial_entry;
  GtkEntry      *code_entry;
  GtkLabel      *verdict_label;
  GtkLabel      *details_label;
  GtkEntry      *guard_entry;
};

G_DEFINE_FINAL_TYPE (PdReleaseGateDialog, pd_release_gate_dialog, GTK_TYPE_WINDOW)

static void
set_verdict (PdReleaseGateDialog *self,
             const char          *text,
             const char          *css_class)
{
  gtk_label_set_text (self->verdict_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), "done");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), "overdue");
  if (css_class)
    gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), css_class);
}

static char *
describe (const PdReleaseSlip *slip)
{
  GString *text = g_string_new (NULL);
  g_autofree char *carrier_id = pd_mask_id (slip->carrier_id_number);

  /* Translators: the slip's facts shown to the guard, one per line */
  g_string_append_printf (text, _("Unit: %s\nApplicant: %s (%s)\nReason: %s\nValid until: %s\n"
                                  "Carrier: %s, ID %s\nVehicle plate: %s\n\nItems:\n"),
                          slip->unit_code, slip->applicant_name, pd_unit_role_label (slip->applicant_role),
                          pd_release_reason_label (slip->reason), slip->valid_on, slip->carrier_name,
                          carrier_id, *slip->plate ? slip->plate : "—");
  for (guint i = 0; i < slip->items->len; i++)
    {
      const PdReleaseItem *item = g_ptr_array_index (slip->items, i);
      g_string_append_printf (text, "  %u. %s × %d  %s\n", i + 1, item->name, item->quantity, item->note);
    }
  return g_string_free (text, FALSE);
}

static void
check (PdReleaseGateDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdReleaseSlip) slip = NULL;
  g_autofree char *scanned_code = NULL;
  g_autofree char *details = NULL;
  const char *code;
  int year, number;

  self->slip_id = 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "gate.release", FALSE);
  pd_form_field_clear_errors (self->form);
  gtk_label_set_text (self->details_label, "");
  /* A scanner types the QR code's text: serial and code together. */
  if (pd_release_serial_parse (gtk_editable_get_text (GTK_EDITABLE (self->serial_entry)), &year, &number,
                               &scanned_code) && scanned_code != NULL)
    {
      g_autofree char *serial = pd_release_serial_format (year, number);
      gtk_editable_set_text (GTK_EDITABLE (self->serial_entry), serial);
      gtk_editable_set_text (GTK_EDITABLE (self->code_entry), scanned_code);
    }
  slip = pd_release_slip_find (self->ctx, gtk_editable_get_text (GTK_EDITABLE (self->serial_entry)), &error);
  if (slip == NULL)
    {
      pd_form_field_show_error (self->form, error);
      set_verdict (self, _("Not a slip of this office: do not let the goods out."), "overdue");
      return;
    }
  details = describe (slip);
  gtk_label_set_text (self->details_label, details);
  code = gtk_editable_get_text (GTK_EDITABLE (self->code_entry));
  if (!pd_release_slip_check (self->ctx, slip, *code ? code : NULL, &error))
    {
      if (g_strcmp0 (pd_error_get_field (error), "code") == 0)
        pd_form_field_show_error (self->form, error);
      set_verdict (self, error->message, "overdue");
      return;
    }
  self->slip_id = slip->id;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "gate.release", TRUE);
  set_verdict (self, *code ? _("Valid: compare the goods with the list, then release them.")
                           : _("Valid, but the code was not checked: type the code printed next to the serial."),
               *code ? "done" : "due-soon");
  gtk_widget_grab_focus (GTK_WIDGET (self->guard_entry));
}

static void
serial_activated (PdReleaseGateDialog *self)
{
  check (self);
  /* Typed serials still need their code; scanned ones came with it. */
  if (self->slip_id == 0 || *gtk_editable_get_text (GTK_EDITABLE (self->code_entry)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
}

static void
release_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PdReleaseGateDialog *self = PD_RELEASE_GATE_DIALOG (widget);
  const char *guard = gtk_editable_get_text (GTK_EDITABLE (self->guard_entry));
  g_autoptr (GError) error = NULL;
  g_autoptr (PdReleaseSlip) slip = NULL;
  g_autofree char *verdict = NULL;

  pd_form_field_clear_errors (self->form);
  if (self->slip_id == 0)
    return;
  if (!pd_release_slip_release (self->ctx, self->slip_id, guard, &error))
    {
      if (error->domain != PD_VALIDATION_ERROR || !pd_form_field_show_error (self->form, error))
        set_verdict (self, error->message, "overdue");
      return;
    }
  g_object_set_data_full (G_OBJECT (self->ctx), GUARD_KEY, g_strdup (guard), g_free);
  slip = pd_release_slip_get (self->ctx, self->slip_id, NULL);
  /* Translators: serial, date and time, guard */
  verdict = g_strdup_printf (_("Slip %s released at %s by %s. Next slip: type or scan its serial."),
                             slip->serial, slip->released_at, slip->released_by);
  set_verdict (self, verdict, "done");
  self->slip_id = 0;
  gtk_widget_action_set_enabled (widget, "gate.release", FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->serial_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->serial_entry));
}

static void
guard_activated (PdReleaseGateDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "gate.release", NULL);
}

static void
pd_release_gate_dialog_dispose (GObject *object)
{
  PdReleaseGateDialog *self = PD_RELEASE_GATE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_RELEASE_GATE_DIALOG);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_release_gate_dialog_parent_class)->dispose (object);
}

static void
pd_release_gate_dialog_class_init (PdReleaseGateDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_release_gate_dialog_dispose;
  g_type_ensure (PD_TYPE_FORM_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/propdesk/PropDesk/ui/pd-release-gate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdReleaseGateDialog, form);
  gtk_widget_class_bind_template_child (widget_class, PdReleaseGateDialog, serial_entry);
  gtk_widget_class_bind_template_child (widget_class, PdReleaseGateDialog, code_entry);
  gtk_widget_class_bind_template_child (widget_class, PdReleaseGateDialog, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, PdReleaseGateDialog, details_label);
  gtk_widget_class_bind_template_child (widget_class, PdReleaseGateDialog, guard_entry);
  gtk_widget_class_install_action (widget_class, "gate.release", NULL, release_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_release_gate_dialog_init (PdReleaseGateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "gate.release", FALSE);
  g_signal_connect_swapped (self->serial_entry, "activate", G_CALLBACK (serial_activated), self);
  g_signal_connect_swapped (self->code_entry, "activate", G_CALLBACK (check), self);
  g_signal_connect_swapped (self->guard_entry, "activate", G_CALLBACK (guard_activated), self);
}

GtkWidget *
pd_release_gate_dialog_new (GtkWindow *parent,
                            PdContext *ctx)
{
  PdReleaseGateDialog *self = g_object_new (PD_TYPE_RELEASE_GATE_DIALOG, "transient-for", parent, NULL);
  const char *guard;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  self->ctx = g_object_ref (ctx);
  guard = g_object_get_data (G_OBJECT (ctx), GUARD_KEY);
  gtk_editable_set_text (GTK_EDITABLE (self->guard_entry), guard ? guard : "");
  gtk_widget_grab_focus (GTK_WIDGET (self->serial_entry));
  return GTK_WIDGET (self);
}
