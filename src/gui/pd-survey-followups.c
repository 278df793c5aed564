/* pd-survey-followups.c — see pd-survey-followups.h. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-calendar.h"
#include "pd-form-field.h"
#include "pd-record-item.h"
#include "pd-record-selection.h"
#include "pd-survey-followup.h"
#include "pd-survey-followups.h"
#include "pd-text-column.h"

struct _PdSurveyFollowups
{
  GtkBox              parent_instance;
  PdContext          *ctx;
  gint64              campaign_id;
  GListStore         *store;
  GtkSingleSelection *selection;

  GtkCheckButton     *open_check;
  GtkCheckButton     *all_check;
  GtkColumnView      *list;
  GtkLabel           *summary_label;
  GtkWidget          *sign_box;
  GtkLabel           *stage_label;
  PdFormField        *text_field;
  GtkEntry           *text_entry;
  GtkEntry           *date_entry;
  GtkEntry           *signer_entry;
};

G_DEFINE_FINAL_TYPE (PdSurveyFollowups, pd_survey_followups, GTK_TYPE_BOX)

static char *
unit_text (gconstpointer record,
           gpointer      user_data)
{
  return g_strdup (((const PdSurveyFollowup *) record)->unit_code);
}

static char *
received_text (gconstpointer record,
               gpointer      user_data)
{
  return g_strdup (((const PdSurveyFollowup *) record)->received_on);
}

static char *
opinion_text (gconstpointer record,
              gpointer      user_data)
{
  return g_strdup (((const PdSurveyFollowup *) record)->opinion);
}

static char *
department_text (gconstpointer record,
                 gpointer      user_data)
{
  return g_strdup (((const PdSurveyFollowup *) record)->text[PD_FOLLOWUP_ROUTE]);
}

static char *
stage_text (gconstpointer record,
            gpointer      user_data)
{
  PdFollowupStage stage = pd_survey_followup_stage (record);

  if (stage == PD_FOLLOWUP_CLOSED)
    return g_strdup (pd_followup_stage_label (stage));
  /* Translators: the stage an opinion waits for, e.g. "Awaiting: Return visit" */
  return g_strdup_printf (_("Awaiting: %s"), pd_followup_stage_label (stage));
}

static char *
due_text (gconstpointer record,
          gpointer      user_data)
{
  PdSurveyFollowups *self = user_data;
  char *due = pd_survey_followup_due (self->ctx, record, pd_survey_followup_stage (record));

  return due ? due : g_strdup ("");
}

/* The stages signed off late or overdue now, e.g. "Route to department, Return visit". */
static char *
late_text (gconstpointer record,
           gpointer      user_data)
{
  PdSurveyFollowups *self = user_data;
  GString *text = g_string_new (NULL);

  for (int stage = 0; stage < PD_FOLLOWUP_N_STAGES; stage++)
    if (pd_survey_followup_is_late (self->ctx, record, stage))
      g_string_append_printf (text, "%s%s", text->len ? _(", ") : "", pd_followup_stage_label (stage));
  return g_string_free (text, FALSE);
}

static const char *
row_style (gconstpointer record,
           gpointer      user_data)
{
  PdSurveyFollowups *self = user_data;
  PdFollowupStage stage = pd_survey_followup_stage (record);
  g_autofree char *due = NULL;
  g_autofree char *tomorrow = NULL;
  g_autofree char *today = NULL;

  if (pd_survey_followup_any_late (self->ctx, record))
    return "overdue";
  if (stage == PD_FOLLOWUP_CLOSED)
    return "done";
  due = pd_survey_followup_due (self->ctx, record, stage);
  today = pd_context_today (self->ctx);
  tomorrow = pd_date_add_days (today, 1);
  return due != NULL && strcmp (due, tomorrow) <= 0 ? "due-soon" : NULL;
}

static gint64
followup_id (gconstpointer record)
{
  return ((const PdSurveyFollowup *) record)->id;
}

static const PdSurveyFollowup *
selected (PdSurveyFollowups *self)
{
  PdRecordItem *item = gtk_single_selection_get_selected_item (self->selection);
  return item ? pd_record_item_get (item) : NULL;
}

static void
show_selected (PdSurveyFollowups *self)
{
  const PdSurveyFollowup *followup = selected (self);
  PdFollowupStage stage = followup ? pd_survey_followup_stage (followup) : PD_FOLLOWUP_CLOSED;
  g_autofree char *due = followup ? pd_survey_followup_due (self->ctx, followup, stage) : NULL;
  g_autofree char *text = NULL;

  pd_form_field_clear_errors (self->sign_box);
  gtk_widget_set_sensitive (self->sign_box, stage != PD_FOLLOWUP_CLOSED);
  if (followup == NULL)
    text = g_strdup (_("Select an opinion to sign off its next stage."));
  else if (stage == PD_FOLLOWUP_CLOSED)
    text = g_strdup_printf (_("%s: follow-up closed."), followup->unit_code);
  else if (due != NULL)
    /* Translators: unit code, stage name, due day */
    text = g_strdup_printf (_("%s — next: %s (due %s)"), followup->unit_code, pd_followup_stage_label (stage), due);
  else
    text = g_strdup_printf (_("%s — next: %s"), followup->unit_code, pd_followup_stage_label (stage));
  gtk_label_set_text (self->stage_label, text);
  /* The rectification needs no text; the other stages say what they record. */
  gtk_widget_set_visible (GTK_WIDGET (self->text_field), *pd_followup_text_label (stage) != '\0');
  g_object_set (self->text_field, "label", pd_followup_text_label (stage), NULL);
}

void
pd_survey_followups_reload (PdSurveyFollowups *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) shown = NULL;
  gboolean open_only = gtk_check_button_get_active (self->open_check);
  gint64 campaign = gtk_check_button_get_active (self->all_check) ? 0 : self->campaign_id;
  gint64 keep = selected (self) ? selected (self)->id : 0;
  guint late = 0, open = 0, total;
  g_autofree char *summary = NULL;

  if (self->ctx == NULL)
    return;
  all = pd_survey_followup_list (self->ctx, campaign, NULL, NULL, &error);
  if (all == NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  total = all->len;
  shown = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_survey_followup_free);
  /* Newest first: the opinions that need action now are at the top. */
  for (guint i = all->len; i > 0; i--)
    {
      PdSurveyFollowup *followup = g_ptr_array_steal_index (all, i - 1);
      gboolean closed = pd_survey_followup_stage (followup) == PD_FOLLOWUP_CLOSED;

      open += !closed;
      late += pd_survey_followup_any_late (self->ctx, followup);
      if (open_only && closed)
        pd_survey_followup_free (followup);
      else
        g_ptr_array_add (shown, followup);
    }
  /* Translators: counts under the follow-up list */
  summary = g_strdup_printf (_("%u opinions · %u open · %u with a late stage"), total, open,
                             late);
  gtk_label_set_text (self->summary_label, summary);
  pd_record_store_replace (self->store, shown, (GDestroyNotify) pd_survey_followup_free);
  pd_record_selection_select (self->selection, followup_id, keep);
  show_selected (self);
}

void
pd_survey_followups_select (PdSurveyFollowups *self,
                            gint64             id)
{
  g_return_if_fail (PD_IS_SURVEY_FOLLOWUPS (self));
  pd_record_selection_select (self->selection, followup_id, id);
  show_selected (self);
}

void
pd_survey_followups_set_context (PdSurveyFollowups *self,
                                 PdContext         *ctx)
{
  g_return_if_fail (PD_IS_SURVEY_FOLLOWUPS (self));
  g_set_object (&self->ctx, ctx);
}

void
pd_survey_followups_set_campaign (PdSurveyFollowups *self,
                                  gint64             campaign_id)
{
  g_return_if_fail (PD_IS_SURVEY_FOLLOWUPS (self));
  self->campaign_id = campaign_id;
  pd_survey_followups_reload (self);
}

static void
filter_changed (PdSurveyFollowups *self)
{
  pd_survey_followups_reload (self);
}

static void
sign_clicked (PdSurveyFollowups *self)
{
  const PdSurveyFollowup *followup = selected (self);
  g_autoptr (GError) error = NULL;

  if (followup == NULL)
    return;
  pd_form_field_clear_errors (self->sign_box);
  if (!pd_survey_followup_sign (self->ctx, followup->id, pd_survey_followup_stage (followup),
                                gtk_editable_get_text (GTK_EDITABLE (self->text_entry)),
                                gtk_editable_get_text (GTK_EDITABLE (self->date_entry)),
                                gtk_editable_get_text (GTK_EDITABLE (self->signer_entry)), &error))
    {
      if (!pd_form_field_show_error (self->sign_box, error))
        pd_show_error (GTK_WIDGET (self), _("The stage was not signed off"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->text_entry), "");
  pd_survey_followups_reload (self);
}

static void
pd_survey_followups_dispose (GObject *object)
{
  PdSurveyFollowups *self = PD_SURVEY_FOLLOWUPS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_SURVEY_FOLLOWUPS);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->ctx);
  G_OBJECT_CLASS (pd_survey_followups_parent_class)->dispose (object);
}

static void
pd_survey_followups_class_init (PdSurveyFollowupsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_survey_followups_dispose;
  g_type_ensure (PD_TYPE_FORM_FIELD);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-survey-followups.ui");
  gtk_widget_class_bind_template_child (widget_class, PdSurveyFollowups, open_check);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyFollowups, all_check);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyFollowups, list);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyFollowups, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyFollowups, sign_box);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyFollowups, stage_label);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyFollowups, text_field);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyFollowups, text_entry);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyFollowups, date_entry);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyFollowups, signer_entry);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, sign_clicked);
}

static void
pd_survey_followups_init (PdSurveyFollowups *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->store = g_list_store_new (PD_TYPE_RECORD_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_column_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (show_selected), self);
  pd_column_view_take (self->list, pd_text_column_new (_("Unit code"), unit_text, row_style, self, 0, 90));
  pd_column_view_take (self->list, pd_text_column_new (_("Received"), received_text, row_style, self, 0, 96));
  pd_column_view_take (self->list, pd_text_column_new (_("Opinion"), opinion_text, row_style, self, 0, 0));
  pd_column_view_take (self->list, pd_text_column_new (_("Department"), department_text, row_style, self, 0, 96));
  pd_column_view_take (self->list, pd_text_column_new (_("Stage"), stage_text, row_style, self, 0, 150));
  pd_column_view_take (self->list, pd_text_column_new (_("Due"), due_text, row_style, self, 0, 96));
  pd_column_view_take (self->list, pd_text_column_new (_("Late"), late_text, row_style, self, 0, 180));
}
