/* pd-survey-entry.c — see pd-survey-entry.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-error.h"
#include "pd-form-field.h"
#include "pd-record-item.h"
#include "pd-survey-campaign.h"
#include "pd-survey-entry.h"
#include "pd-survey-response.h"
#include "pd-survey-template.h"
#include "pd-text-column.h"

struct _PdSurveyEntry
{
  GtkBox              parent_instance;
  PdContext          *ctx;
  gint64              campaign_id;
  PdSurveyTemplate   *tmpl;
  GListStore         *store;
  GtkSingleSelection *selection;

  GtkWidget          *form;
  GtkEntry           *unit_entry;
  GtkEntry           *scores_entry;
  GtkEntry           *date_entry;
  GtkEntry           *opinion_entry;
  GtkLabel           *items_label;
  GtkLabel           *message_label;
  GtkColumnView      *list;
  GtkLabel           *count_label;
};

G_DEFINE_FINAL_TYPE (PdSurveyEntry, pd_survey_entry, GTK_TYPE_BOX)

static char *
unit_text (gconstpointer record,
           gpointer      user_data)
{
  return g_strdup (((const PdSurveyResponse *) record)->unit_code);
}

static char *
date_text (gconstpointer record,
           gpointer      user_data)
{
  return g_strdup (((const PdSurveyResponse *) record)->answered_on);
}

/* The scores as they were keyed: "5543 21…", a space for no answer. */
static char *
scores_text (gconstpointer record,
             gpointer      user_data)
{
  const PdSurveyResponse *response = record;
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < response->scores->len; i++)
    {
      int score = g_array_index (response->scores, int, i);
      g_string_append_c (text, score ? (char) ('0' + score) : '-');
    }
  return g_string_free (text, FALSE);
}

static char *
opinion_text (gconstpointer record,
              gpointer      user_data)
{
  return g_strdup (((const PdSurveyResponse *) record)->opinion);
}

static char *
entered_text (gconstpointer record,
              gpointer      user_data)
{
  const PdSurveyResponse *response = record;
  return g_strdup_printf ("%s %.16s", response->entered_by, response->entered_at);
}

static void
show_items (PdSurveyEntry *self)
{
  GString *text = g_string_new (NULL);

  if (self->tmpl != NULL)
    for (guint i = 0; i < pd_survey_template_n_items (self->tmpl); i++)
      g_string_append_printf (text, "%s%u %s", i ? " · " : "", i + 1, pd_survey_template_item_title (self->tmpl, i));
  gtk_label_set_text (self->items_label, text->str);
  g_string_free (text, TRUE);
}

void
pd_survey_entry_reload (PdSurveyEntry *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) forms = NULL;
  g_autoptr (PdSurveyCampaign) campaign = NULL;
  g_autofree char *count = NULL;

  g_return_if_fail (PD_IS_SURVEY_ENTRY (self));
  if (self->ctx == NULL || self->campaign_id <= 0)
    {
      g_list_store_remove_all (self->store);
      gtk_label_set_text (self->count_label, "");
      return;
    }
  campaign = pd_survey_campaign_get (self->ctx, self->campaign_id, &error);
  forms = campaign ? pd_survey_response_list (self->ctx, self->campaign_id, &error) : NULL;
  if (forms == NULL)
    {
      gtk_label_set_text (self->count_label, error->message);
      return;
    }
  /* Translators: forms keyed so far of the campaign's target units */
  count = g_strdup_printf (_("%u forms keyed of %d units asked"), forms->len, (int) campaign->n_targets);
  gtk_label_set_text (self->count_label, count);
  pd_record_store_replace (self->store, forms, (GDestroyNotify) pd_survey_response_free);
}

void
pd_survey_entry_set_context (PdSurveyEntry *self,
                             PdContext     *ctx)
{
  g_return_if_fail (PD_IS_SURVEY_ENTRY (self));
  g_set_object (&self->ctx, ctx);
}

void
pd_survey_entry_set_campaign (PdSurveyEntry *self,
                              gint64         campaign_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdSurveyCampaign) campaign = NULL;

  g_return_if_fail (PD_IS_SURVEY_ENTRY (self));
  self->campaign_id = campaign_id;
  g_clear_pointer (&self->tmpl, pd_survey_template_free);
  if (self->ctx != NULL && campaign_id > 0)
    {
      campaign = pd_survey_campaign_get (self->ctx, campaign_id, &error);
      if (campaign != NULL)
        self->tmpl = pd_survey_template_get (self->ctx, campaign->template_id, &error);
    }
  gtk_widget_set_sensitive (self->form, self->tmpl != NULL);
  if (self->tmpl != NULL)
    gtk_entry_set_max_length (self->scores_entry, (int) pd_survey_template_n_items (self->tmpl));
  pd_form_field_clear_errors (self->form);
  gtk_label_set_text (self->message_label, error ? error->message : "");
  show_items (self);
  pd_survey_entry_reload (self);
}

void
pd_survey_entry_focus (PdSurveyEntry *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->unit_entry));
}

static const char *
text_of (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

gboolean
pd_survey_entry_save (PdSurveyEntry *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdSurveyResponse) response = pd_survey_response_new ();
  g_autofree char *saved = NULL;

  g_return_val_if_fail (PD_IS_SURVEY_ENTRY (self), FALSE);
  if (self->tmpl == NULL)
    return FALSE;
  pd_form_field_clear_errors (self->form);
  response->campaign_id = self->campaign_id;
  g_free (response->unit_code);
  response->unit_code = g_strdup (text_of (self->unit_entry));
  g_free (response->answered_on);
  response->answered_on = g_strdup (text_of (self->date_entry));
  g_free (response->opinion);
  response->opinion = g_strdup (text_of (self->opinion_entry));
  if (!pd_survey_parse_scores (text_of (self->scores_entry), self->tmpl, response->scores, &error) ||
      pd_survey_response_save (self->ctx, response, &error) < 0)
    {
      gtk_label_set_text (self->message_label, "");
      if (!pd_form_field_show_error (self->form, error))
        pd_show_error (GTK_WIDGET (self), _("The form was not saved"), error);
      return FALSE;
    }
  /* Translators: after a form was saved; %s is its unit code */
  saved = g_strdup_printf (_("Form of %s saved. Next form: type the unit code."), response->unit_code);
  gtk_label_set_text (self->message_label, saved);
  /* The date stays: a batch of forms usually shares it. */
  gtk_editable_set_text (GTK_EDITABLE (self->unit_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->scores_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->opinion_entry), "");
  pd_survey_entry_reload (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->unit_entry));
  return TRUE;
}

static void
unit_activated (PdSurveyEntry *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->scores_entry));
}

static void
scores_activated (PdSurveyEntry *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->opinion_entry));
}

static void
date_activated (PdSurveyEntry *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->opinion_entry));
}

/* Checks each key as it is typed, so a wrong digit is seen at once. */
static void
scores_changed (PdSurveyEntry *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) scores = g_array_new (FALSE, TRUE, sizeof (int));
  PdFormField *field = pd_form_field_find (self->form, "scores");

  if (self->tmpl == NULL || field == NULL)
    return;
  pd_survey_parse_scores (text_of (self->scores_entry), self->tmpl, scores, &error);
  pd_form_field_set_error (field, error ? error->message : NULL);
}

static void
opinion_activated (PdSurveyEntry *self)
{
  pd_survey_entry_save (self);
}

static void
save_clicked (PdSurveyEntry *self)
{
  pd_survey_entry_save (self);
}

static void
delete_response (GtkDialog     *dialog,
                 int            response_id,
                 PdSurveyEntry *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "pd-response-id"));
  g_autoptr (GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response_id != GTK_RESPONSE_ACCEPT)
    return;
  if (!pd_survey_response_delete (self->ctx, id, &error))
    pd_show_error (GTK_WIDGET (self), _("The form was not deleted"), error);
  pd_survey_entry_reload (self);
}

static void
delete_clicked (PdSurveyEntry *self)
{
  PdRecordItem *item = gtk_single_selection_get_selected_item (self->selection);
  const PdSurveyResponse *response = item ? pd_record_item_get (item) : NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (response == NULL)
    return;
  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT, GTK_MESSAGE_QUESTION,
                                   GTK_BUTTONS_NONE, _("Delete the form of %s?"), response->unit_code);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("Its answers and the follow-up of its opinion are removed."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL, _("_Delete"),
                          GTK_RESPONSE_ACCEPT, NULL);
  g_object_set_data (G_OBJECT (dialog), "pd-response-id", GSIZE_TO_POINTER ((gsize) response->id));
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  pd_survey_entry_save (PD_SURVEY_ENTRY (widget));
}

static void
pd_survey_entry_dispose (GObject *object)
{
  PdSurveyEntry *self = PD_SURVEY_ENTRY (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_SURVEY_ENTRY);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->ctx);
  g_clear_pointer (&self->tmpl, pd_survey_template_free);
  G_OBJECT_CLASS (pd_survey_entry_parent_class)->dispose (object);
}

static void
pd_survey_entry_class_init (PdSurveyEntryClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_survey_entry_dispose;
  g_type_ensure (PD_TYPE_FORM_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-survey-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, PdSurveyEntry, form);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyEntry, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyEntry, scores_entry);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyEntry, date_entry);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyEntry, opinion_entry);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyEntry, items_label);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyEntry, message_label);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyEntry, list);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyEntry, count_label);
  gtk_widget_class_bind_template_callback (widget_class, unit_activated);
  gtk_widget_class_bind_template_callback (widget_class, scores_activated);
  gtk_widget_class_bind_template_callback (widget_class, scores_changed);
  gtk_widget_class_bind_template_callback (widget_class, date_activated);
  gtk_widget_class_bind_template_callback (widget_class, opinion_activated);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked);
  gtk_widget_class_install_action (widget_class, "survey-entry.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "survey-entry.save", NULL);
}

static void
pd_survey_entry_init (PdSurveyEntry *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->store = g_list_store_new (PD_TYPE_RECORD_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  pd_column_view_take (self->list, pd_text_column_new (_("Unit code"), unit_text, NULL, self, 0, 100));
  pd_column_view_take (self->list, pd_text_column_new (_("Date"), date_text, NULL, self, 0, 100));
  pd_column_view_take (self->list, pd_text_column_new (_("Scores"), scores_text, NULL, self, 0, 150));
  pd_column_view_take (self->list, pd_text_column_new (_("Opinion"), opinion_text, NULL, self, 0, 0));
  pd_column_view_take (self->list, pd_text_column_new (_("Keyed by"), entered_text, NULL, self, 0, 200));
  gtk_widget_set_sensitive (self->form, FALSE);
}
