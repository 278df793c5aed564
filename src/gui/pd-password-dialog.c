/* pd-password-dialog.c — see pd-password-dialog.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-error.h"
#include "pd-password-dialog.h"
#include "pd-user.h"

struct _PdPasswordDialog
{
  GtkWindow          parent_instance;
  PdContext         *ctx;
  PdPasswordDoneFunc done;
  gpointer           user_data;

  GtkLabel          *reason_label;
  GtkEditable       *old_entry;
  GtkEditable       *new_entry;
  GtkEditable       *repeat_entry;
  GtkLabel          *error_label;
  GtkButton         *ok_button;
  GtkButton         *cancel_button;
};

G_DEFINE_FINAL_TYPE (PdPasswordDialog, pd_password_dialog, GTK_TYPE_WINDOW)

static void
finish (PdPasswordDialog *self,
        gboolean          changed)
{
  PdPasswordDoneFunc done = self->done;

  /* Called once: closing the window after a change must not report twice. */
  self->done = NULL;
  if (done != NULL)
    done (changed, self->user_data);
}

static void
show_error (PdPasswordDialog *self,
            const char       *message,
            GtkEditable      *focus)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_editable_set_text (focus, "");
  gtk_widget_grab_focus (GTK_WIDGET (focus));
}

static void
on_ok (PdPasswordDialog *self)
{
  const char *old_password = gtk_editable_get_text (self->old_entry);
  const char *new_password = gtk_editable_get_text (self->new_entry);
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (new_password, gtk_editable_get_text (self->repeat_entry)))
    {
      show_error (self, _("Repeat the new password: the two new passwords differ."), self->repeat_entry);
      return;
    }
  if (!pd_user_change_password (self->ctx, old_password, new_password, &error))
    {
      show_error (self, error->message,
                  g_strcmp0 (pd_error_get_field (error), "old_password") == 0 ? self->old_entry
                                                                               : self->new_entry);
      return;
    }
  finish (self, TRUE);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
on_close_request (PdPasswordDialog *self)
{
  finish (self, FALSE);
  return FALSE;
}

static void
on_cancel (PdPasswordDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
pd_password_dialog_dispose (GObject *object)
{
  PdPasswordDialog *self = PD_PASSWORD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_PASSWORD_DIALOG);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_password_dialog_parent_class)->dispose (object);
}

static void
pd_password_dialog_class_init (PdPasswordDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_password_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdPasswordDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, PdPasswordDialog, old_entry);
  gtk_widget_class_bind_template_child (widget_class, PdPasswordDialog, new_entry);
  gtk_widget_class_bind_template_child (widget_class, PdPasswordDialog, repeat_entry);
  gtk_widget_class_bind_template_child (widget_class, PdPasswordDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdPasswordDialog, ok_button);
  gtk_widget_class_bind_template_child (widget_class, PdPasswordDialog, cancel_button);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_password_dialog_init (PdPasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->ok_button, "clicked", G_CALLBACK (on_ok), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (on_cancel), self);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->ok_button));
}

GtkWidget *
pd_password_dialog_new (GtkWindow         *parent,
                        PdContext         *ctx,
                        gboolean           forced,
                        PdPasswordDoneFunc done,
                        gpointer           user_data)
{
  PdPasswordDialog *self = g_object_new (PD_TYPE_PASSWORD_DIALOG, NULL);

  self->ctx = g_object_ref (ctx);
  self->done = done;
  self->user_data = user_data;
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), forced);
  return GTK_WIDGET (self);
}
