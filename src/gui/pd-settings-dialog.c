/* pd-settings-dialog.c — see pd-settings-dialog.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-form-field.h"
#include "pd-settings.h"
#include "pd-settings-dialog.h"

struct _PdSettingsDialog
{
  GtkWindow    parent_instance;
  PdContext   *ctx;
  GtkNotebook *notebook;
  GPtrArray   *settings;   /* PdSetting, as read */
};

G_DEFINE_FINAL_TYPE (PdSettingsDialog, pd_settings_dialog, GTK_TYPE_WINDOW)

/* The settings' descriptions live in the SQL migrations, out of xgettext's
 * sight: marked here so they are translated (the dialog shows
 * _(description); one added later shows in English until it is listed). */
static const char *const descriptions[] G_GNUC_UNUSED = {
  N_("Code of the estate the office works on"),
  N_("Hours to send the defect notice to the contractor"),
  N_("Working days to reply to a complete renovation application"),
  N_("Renovation deposit (装修押金)"),
  N_("Debris removal fee per household (垃圾清运费)"),
  N_("Worker pass fee per worker (出入证工本费)"),
  N_("Days to top up the deposit after a deduction"),
  N_("Patrols per renovating unit per day"),
  N_("Working hours Monday to Friday"),
  N_("Working hours at weekends and on holidays"),
  N_("A: structure, exterior or pipes changed"),
  N_("B: non-standard work, concealed work closed before acceptance"),
  N_("C: advertising or harassing owners"),
  N_("D: materials or debris not bagged"),
  N_("E: throwing from height"),
  N_("F: damage to public property (plus compensation)"),
  N_("G: theft (and pass revoked)"),
  N_("H: disobeying management"),
  N_("Vacant-unit patrol schedule: twice_monthly or weekly"),
  N_("Survey coverage goal (%)"),
  N_("Satisfaction goal (%)"),
  N_("Days to route an opinion to a department"),
  N_("Days for the return visit after rectification"),
  N_("Survey campaigns per year, residential"),
  N_("Survey campaigns per year, offices"),
  N_("Warn this many days before a lease ends"),
  N_("Day of the month the monthly report is due"),
  N_("Prefix of permit serial numbers (ZX-YYYY-NNNN)"),
  N_("Days after the first handover with relaxed working hours"),
  N_("Default validity of a permit in days"),
  N_("A review due within this many working days is shown as due soon"),
  N_("Days given to rectify a violation (违章整改通知单)"),
  N_("Show a patrol as due soon this many days before its due date"),
  N_("Working days engineering has to rectify an anomaly"),
  N_("Working days cleaning has to clean a dirty vacant unit"),
  N_("Working days security has to clear an unauthorised occupation"),
  N_("Hours a borrowed key is due back"),
  N_("Latest valid date of a release slip, in days after issue"),
  N_("Days after which a password must be changed (0 = never)"),
  N_("Automatic backups kept: one per day for this many days"),
  N_("Automatic backups kept: one per week for this many weeks"),
};

/* Pages in this order; sections not listed follow under their own name. */
static const struct
{
  const char *section;
  const char *label;
} sections[] = {
  { "security", NC_("settings", "Passwords") },
  { "backup", NC_("settings", "Backups") },
  { "estate", NC_("settings", "Estate") },
  { "people", NC_("settings", "Residents") },
  { "handover", NC_("settings", "Handovers") },
  { "renovation", NC_("settings", "Renovations") },
  { "patrol", NC_("settings", "Vacant-unit patrols") },
  { "survey", NC_("settings", "Surveys") },
  { "release", NC_("settings", "Release slips") },
  { "kpi", NC_("settings", "Reports") },
};

/* How a value shows in its entry: fen as yuan, the rest as stored. */
static char *
shown_value (const PdSetting *setting)
{
  if (g_str_equal (setting->kind, "fen"))
    return pd_fen_format (g_ascii_strtoll (setting->value, NULL, 10));
  return g_strdup (setting->value);
}

static GtkWidget *
section_page (PdSettingsDialog *self,
              const char       *section)
{
  const char *title = section;
  GtkWidget *scrolled, *box;
  int n = gtk_notebook_get_n_pages (self->notebook);

  for (int i = 0; i < n; i++)
    {
      GtkWidget *page = gtk_notebook_get_nth_page (self->notebook, i);
      if (g_strcmp0 (g_object_get_data (G_OBJECT (page), "pd-section"), section) == 0)
        return g_object_get_data (G_OBJECT (page), "pd-box");
    }
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_str_equal (sections[i].section, section))
      title = g_dpgettext2 (GETTEXT_PACKAGE, "settings", sections[i].label);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  g_object_set_data_full (G_OBJECT (scrolled), "pd-section", g_strdup (section), g_free);
  g_object_set_data (G_OBJECT (scrolled), "pd-box", box);
  gtk_notebook_append_page (self->notebook, scrolled, gtk_label_new (title));
  return box;
}

static int
section_rank (const char *section)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_str_equal (sections[i].section, section))
      return (int) i;
  return G_N_ELEMENTS (sections);
}

static int
compare_sections (gconstpointer a,
                  gconstpointer b)
{
  const PdSetting *left = *(const PdSetting **) a;
  const PdSetting *right = *(const PdSetting **) b;
  int by_rank = section_rank (left->section) - section_rank (right->section);

  if (by_rank != 0)
    return by_rank;
  by_rank = g_strcmp0 (left->section, right->section);
  return by_rank != 0 ? by_rank : g_strcmp0 (left->key, right->key);
}

static void
add_field (PdSettingsDialog *self,
           const PdSetting  *setting)
{
  GtkWidget *box = section_page (self, setting->section);
  GtkWidget *input;

  if (g_str_equal (setting->kind, "bool"))
    {
      input = gtk_check_button_new_with_label (_(setting->description));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (input), g_strcmp0 (setting->value, "0") != 0);
    }
  else
    {
      g_autofree char *text = shown_value (setting);
      input = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (input), text);
      gtk_entry_set_activates_default (GTK_ENTRY (input), TRUE);
    }
  gtk_widget_set_name (input, setting->key);
  gtk_box_append (GTK_BOX (box), pd_form_field_new (g_str_equal (setting->kind, "bool") ? "" : _(setting->description),
                                                    setting->key, input));
}

/* The value typed for @setting, or NULL when it is unchanged. */
static char *
changed_value (PdSettingsDialog *self,
               const PdSetting  *setting)
{
  PdFormField *field = pd_form_field_find (GTK_WIDGET (self->notebook), setting->key);
  GtkWidget *input;
  g_autofree char *before = NULL;
  char *now;

  g_return_val_if_fail (field != NULL, NULL);
  input = pd_form_field_get_child (field);
  if (GTK_IS_CHECK_BUTTON (input))
    now = g_strdup (gtk_check_button_get_active (GTK_CHECK_BUTTON (input)) ? "1" : "0");
  else
    now = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (input))));
  before = shown_value (setting);
  if (g_str_equal (now, before) || (GTK_IS_CHECK_BUTTON (input) && g_str_equal (now, setting->value)))
    {
      g_free (now);
      return NULL;
    }
  return now;
}

gboolean
pd_settings_dialog_save (PdSettingsDialog *self)
{
  PdDatabase *database = pd_context_get_database (self->ctx);
  g_autoptr (GError) error = NULL;

  pd_form_field_clear_errors (GTK_WIDGET (self->notebook));
  if (!pd_database_begin (database, &error))
    goto refused;
  for (guint i = 0; i < self->settings->len; i++)
    {
      const PdSetting *setting = self->settings->pdata[i];
      g_autofree char *value = changed_value (self, setting);

      if (value != NULL && !pd_settings_set (self->ctx, setting->key, value, &error))
        {
          pd_database_rollback (database);
          goto refused;
        }
    }
  if (!pd_database_commit (database, &error))
    goto refused;
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;

refused:
  if (!pd_form_field_show_error (GTK_WIDGET (self->notebook), error))
    pd_show_error (GTK_WIDGET (self), _("The settings were not saved"), error);
  return FALSE;
}

static void
save_action (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  pd_settings_dialog_save (PD_SETTINGS_DIALOG (widget));
}

static void
pd_settings_dialog_dispose (GObject *object)
{
  PdSettingsDialog *self = PD_SETTINGS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_SETTINGS_DIALOG);
  g_clear_pointer (&self->settings, g_ptr_array_unref);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_settings_dialog_parent_class)->dispose (object);
}

static void
pd_settings_dialog_class_init (PdSettingsDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_settings_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-settings-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdSettingsDialog, notebook);
  gtk_widget_class_install_action (widget_class, "settings.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "settings.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_settings_dialog_init (PdSettingsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pd_settings_dialog_new (GtkWindow *parent,
                        PdContext *ctx)
{
  PdSettingsDialog *self = g_object_new (PD_TYPE_SETTINGS_DIALOG, "transient-for", parent, NULL);
  g_autoptr (GError) error = NULL;

  self->ctx = g_object_ref (ctx);
  self->settings = pd_settings_list (ctx, &error);
  if (self->settings == NULL)
    {
      self->settings = g_ptr_array_new ();
      pd_show_error (parent ? GTK_WIDGET (parent) : NULL, _("The settings could not be read"), error);
    }
  g_ptr_array_sort (self->settings, compare_sections);
  for (guint i = 0; i < self->settings->len; i++)
    add_field (self, self->settings->pdata[i]);
  return GTK_WIDGET (self);
}
