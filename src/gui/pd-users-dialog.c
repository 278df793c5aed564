/* pd-users-dialog.c — see pd-users-dialog.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-context-watch.h"
#include "pd-error.h"
#include "pd-form-dialog.h"
#include "pd-form-field.h"
#include "pd-record-item.h"
#include "pd-record-selection.h"
#include "pd-settings.h"
#include "pd-text-column.h"
#include "pd-user.h"
#include "pd-users-dialog.h"

struct _PdUsersDialog
{
  GtkWindow           parent_instance;
  PdContext          *ctx;
  GListStore         *store;
  GtkSingleSelection *selection;
  GtkColumnView      *user_list;
  PdFormField        *max_age_field;
  GtkSpinButton      *max_age_spin;
};

G_DEFINE_FINAL_TYPE (PdUsersDialog, pd_users_dialog, GTK_TYPE_WINDOW)

static const char *const role_ids[] = { "clerk", "supervisor", "manager", "admin", NULL };

static char *
name_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdUser *) record)->name);
}

static char *
display_name_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdUser *) record)->display_name);
}

static char *
role_text (gconstpointer record, gpointer data)
{
  return g_strdup (pd_role_label (((const PdUser *) record)->role));
}

static char *
changed_text (gconstpointer record, gpointer data)
{
  return g_strdup (((const PdUser *) record)->password_changed_on);
}

static char *
state_text (gconstpointer record, gpointer data)
{
  const PdUser *user = record;

  if (!user->active)
    return g_strdup (_("Deactivated"));
  return g_strdup (user->must_change ? _("Active; changes the password at the next login") : _("Active"));
}

static gint64
user_id (gconstpointer record)
{
  return ((const PdUser *) record)->id;
}

static const PdUser *
selected_user (PdUsersDialog *self)
{
  return pd_record_selection_get (self->selection);
}

static void
update_actions (PdUsersDialog *self)
{
  const PdUser *user = selected_user (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.reset", user != NULL && user->active);
  gboolean other = user != NULL && g_strcmp0 (user->name, pd_context_get_user (self->ctx)) != 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.role", other);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.deactivate", other && user->active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "users.reactivate", other && !user->active);
}

static void
refresh (gpointer owner)
{
  PdUsersDialog *self = owner;
  const PdUser *selected = selected_user (self);
  gint64 keep = selected ? selected->id : 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) users = pd_user_list (self->ctx, &error);

  if (users == NULL)
    {
      pd_show_error (GTK_WIDGET (self), _("The users could not be read"), error);
      return;
    }
  pd_record_store_replace (self->store, users, (GDestroyNotify) pd_user_free);
  pd_record_selection_select (self->selection, user_id, keep);
  update_actions (self);
}

/* The new password typed twice, so a typing slip does not lock anyone out. */
static gboolean
repeated_password (PdFormDialog *dialog,
                   GError      **error)
{
  if (g_str_equal (pd_form_dialog_get_text (dialog, "new_password"), pd_form_dialog_get_text (dialog, "repeat")))
    return TRUE;
  pd_set_field_error (error, PD_VALIDATION_ERROR_INVALID, "repeat",
                      _("Repeat the password: the two passwords differ."));
  return FALSE;
}

static GtkWidget *
add_password_entries (PdFormDialog *dialog,
                      const char   *label)
{
  GtkWidget *entry = pd_form_dialog_add_entry (dialog, "new_password", label, NULL);

  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_visibility (GTK_ENTRY (pd_form_dialog_add_entry (dialog, "repeat", _("Repeat the password"), NULL)),
                            FALSE);
  return entry;
}

static void
add_role_choice (PdFormDialog *dialog,
                 const char   *active_id)
{
  const char *role_labels[G_N_ELEMENTS (role_ids)] = { NULL };

  for (guint i = 0; role_ids[i] != NULL; i++)
    {
      PdRole role = PD_ROLE_CLERK;
      pd_role_from_string (role_ids[i], &role);
      role_labels[i] = pd_role_label (role);
    }
  pd_form_dialog_add_choice (dialog, "role", C_("user", "Role"), role_ids, role_labels, active_id);
}

static PdRole
chosen_role (PdFormDialog *dialog)
{
  PdRole role = PD_ROLE_CLERK;

  pd_role_from_string (pd_form_dialog_get_choice (dialog, "role"), &role);
  return role;
}

static gboolean
save_new_user (PdFormDialog *dialog,
               gpointer      data,
               GError      **error)
{
  PdUsersDialog *self = data;

  if (!repeated_password (dialog, error))
    return FALSE;
  /* The administrator knows the first password: the user replaces it. */
  return pd_user_create (self->ctx, pd_form_dialog_get_text (dialog, "name"),
                         pd_form_dialog_get_text (dialog, "display_name"), chosen_role (dialog),
                         pd_form_dialog_get_text (dialog, "new_password"), TRUE, error) > 0;
}

static void
add_user (GtkWidget  *widget,
          const char *action,
          GVariant   *parameter)
{
  PdUsersDialog *self = PD_USERS_DIALOG (widget);
  PdFormDialog *dialog = pd_form_dialog_new (widget, _("Add User"), _("_Add"));

  pd_form_dialog_add_note (dialog, _("The new user chooses their own password at the first login."));
  pd_form_dialog_add_entry (dialog, "name", C_("user", "User name (for the login)"), NULL);
  pd_form_dialog_add_entry (dialog, "display_name", C_("user", "Full name"), NULL);
  add_role_choice (dialog, "clerk");
  add_password_entries (dialog, _("First password"));
  pd_form_dialog_set_save_func (dialog, save_new_user, self, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_reset (PdFormDialog *dialog,
            gpointer      data,
            GError      **error)
{
  PdUsersDialog *self = data;
  const char *name = g_object_get_data (G_OBJECT (dialog), "pd-user-name");

  return repeated_password (dialog, error) &&
         pd_user_reset_password (self->ctx, name, pd_form_dialog_get_text (dialog, "new_password"), error);
}

/* A form about the selected user (named in @note_format's %s), or NULL when
 * none is selected; the save functions find the name as "pd-user-name". */
static PdFormDialog *
user_form (PdUsersDialog *self,
           const char    *title,
           const char    *accept,
           const char    *note_format)
{
  const PdUser *user = selected_user (self);
  PdFormDialog *dialog;
  g_autofree char *note = NULL;

  if (user == NULL)
    return NULL;
  dialog = pd_form_dialog_new (GTK_WIDGET (self), title, accept);
  g_object_set_data_full (G_OBJECT (dialog), "pd-user-name", g_strdup (user->name), g_free);
  note = g_strdup_printf (note_format, user->name);
  pd_form_dialog_add_note (dialog, note);
  return dialog;
}

static void
reset_password (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  /* Translators: %s is a user name */
  PdFormDialog *dialog = user_form (PD_USERS_DIALOG (widget), _("Reset Password"), _("_Reset"),
    _("A temporary password for %s. They must choose a new one at the next login."));

  if (dialog == NULL)
    return;
  add_password_entries (dialog, _("Temporary password"));
  pd_form_dialog_set_save_func (dialog, save_reset, widget, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_role (PdFormDialog *dialog,
           gpointer      data,
           GError      **error)
{
  PdUsersDialog *self = data;

  return pd_user_set_role (self->ctx, g_object_get_data (G_OBJECT (dialog), "pd-user-name"),
                           chosen_role (dialog), error);
}

static void
change_role (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  /* Translators: %s is a user name */
  PdFormDialog *dialog = user_form (PD_USERS_DIALOG (widget), _("Change Role"), _("_Change"),
                                    _("The new role of %s holds from their next login."));

  if (dialog == NULL)
    return;
  add_role_choice (dialog, pd_role_to_string (selected_user (PD_USERS_DIALOG (widget))->role));
  pd_form_dialog_set_save_func (dialog, save_role, widget, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reactivate (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  PdUsersDialog *self = PD_USERS_DIALOG (widget);
  const PdUser *user = selected_user (self);
  g_autoptr (GError) error = NULL;

  if (user != NULL && !pd_user_reactivate (self->ctx, user->name, &error))
    pd_show_error (widget, _("The account could not be reactivated"), error);
}

static void
on_deactivate_answer (GtkDialog     *dialog,
                      int            response,
                      PdUsersDialog *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "pd-user-name");
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && !pd_user_deactivate (self->ctx, name, &error))
    pd_show_error (GTK_WIDGET (self), _("The account could not be deactivated"), error);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
deactivate (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  PdUsersDialog *self = PD_USERS_DIALOG (widget);
  const PdUser *user = selected_user (self);
  GtkWidget *dialog;

  if (user == NULL)
    return;
  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   /* Translators: %s is a user name */
                                   _("Deactivate the account %s?"), user->name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
    _("They can no longer log in. Their name stays in the records they made."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Deactivate"), GTK_RESPONSE_ACCEPT);
  g_object_set_data_full (G_OBJECT (dialog), "pd-user-name", g_strdup (user->name), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_deactivate_answer), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_max_age (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  PdUsersDialog *self = PD_USERS_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;

  gtk_spin_button_update (self->max_age_spin);
  value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->max_age_spin));
  pd_form_field_set_error (self->max_age_field, NULL);
  if (!pd_settings_set (self->ctx, PD_SETTING_PASSWORD_MAX_AGE, value, &error) &&
      !pd_form_field_show_error (GTK_WIDGET (self), error))
    pd_show_error (widget, _("The setting could not be saved"), error);
}

static void
pd_users_dialog_dispose (GObject *object)
{
  PdUsersDialog *self = PD_USERS_DIALOG (object);

  pd_context_unwatch (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_USERS_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_users_dialog_parent_class)->dispose (object);
}

static void
pd_users_dialog_class_init (PdUsersDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_users_dialog_dispose;
  g_type_ensure (PD_TYPE_FORM_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-users-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdUsersDialog, user_list);
  gtk_widget_class_bind_template_child (widget_class, PdUsersDialog, max_age_field);
  gtk_widget_class_bind_template_child (widget_class, PdUsersDialog, max_age_spin);
  gtk_widget_class_install_action (widget_class, "users.add", NULL, add_user);
  gtk_widget_class_install_action (widget_class, "users.reset", NULL, reset_password);
  gtk_widget_class_install_action (widget_class, "users.deactivate", NULL, deactivate);
  gtk_widget_class_install_action (widget_class, "users.role", NULL, change_role);
  gtk_widget_class_install_action (widget_class, "users.reactivate", NULL, reactivate);
  gtk_widget_class_install_action (widget_class, "users.save-max-age", NULL, save_max_age);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "users.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_users_dialog_init (PdUsersDialog *self)
{
  static const struct
  {
    const char      *title;
    PdTextColumnFunc text;
    int              width;
  } columns[] = {
    { NC_("user", "User name"), name_text, 120 },
    { NC_("user", "Full name"), display_name_text, 140 },
    { NC_("user", "Role"), role_text, 110 },
    { NC_("user", "Password changed on"), changed_text, 130 },
    { NC_("user", "State"), state_text, 0 },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->store = g_list_store_new (PD_TYPE_RECORD_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->store)));
  gtk_column_view_set_model (self->user_list, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const char *title = g_dpgettext2 (GETTEXT_PACKAGE, "user", columns[i].title);
      g_autoptr (GtkColumnViewColumn) column = pd_text_column_new (title, columns[i].text, NULL, NULL, 0,
                                                                   columns[i].width);
      gtk_column_view_append_column (self->user_list, column);
    }
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_actions), self);
}

GtkWidget *
pd_users_dialog_new (GtkWindow *parent,
                     PdContext *ctx)
{
  static const char *const tables[] = { "user_account", "setting", NULL };
  PdUsersDialog *self = g_object_new (PD_TYPE_USERS_DIALOG, "transient-for", parent, NULL);

  self->ctx = g_object_ref (ctx);
  gtk_spin_button_set_value (self->max_age_spin,
                             (double) pd_settings_get_int (ctx, PD_SETTING_PASSWORD_MAX_AGE, 0));
  refresh (self);
  pd_context_watch (ctx, self, tables, refresh);
  return GTK_WIDGET (self);
}
