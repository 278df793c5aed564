/* pd-survey-view.c — see pd-survey-view.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-context-watch.h"
#include "pd-form-survey.h"
#include "pd-print-operation.h"
#include "pd-record-item.h"
#include "pd-save-chooser.h"
#include "pd-settings.h"
#include "pd-survey-campaign-dialog.h"
#include "pd-survey-campaign.h"
#include "pd-survey-entry.h"
#include "pd-survey-followup.h"
#include "pd-survey-followups.h"
#include "pd-survey-stats.h"
#include "pd-survey-template-dialog.h"
#include "pd-survey-view.h"
#include "pd-survey-workbook.h"
#include "pd-text-column.h"

#define N_MONTHS 13

struct _PdSurveyView
{
  GtkBox             parent_instance;
  PdContext         *ctx;
  GPtrArray         *campaigns;          /* PdSurveyCampaign, as in the dropdown */
  char              *months[N_MONTHS];   /* "YYYY-MM", newest first */
  GListStore        *items;
  GListStore        *buildings;
  gboolean           filling;
  gboolean           loaded;             /* read once (the tab shown) */

  GtkDropDown       *campaign_dropdown;
  GtkLabel          *campaign_label;
  GtkStack          *stack;
  PdSurveyEntry     *entry;
  PdSurveyFollowups *followups;
  GtkDropDown       *month_dropdown;
  GtkLabel          *stats_label;
  GtkColumnView     *items_view;
  GtkColumnView     *buildings_view;
};

G_DEFINE_FINAL_TYPE (PdSurveyView, pd_survey_view, GTK_TYPE_BOX)

static char *
rate_or_dash (double rate)
{
  return pd_survey_rate_format (rate);
}

static char *
item_title_text (gconstpointer record, gpointer user_data)
{
  return g_strdup (((const PdSurveyItemStats *) record)->title);
}

static char *
item_counts_text (gconstpointer record, gpointer user_data)
{
  const PdSurveyItemStats *item = record;
  return g_strdup_printf ("%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT " / %" G_GINT64_FORMAT
                          " / %" G_GINT64_FORMAT, item->counts[5], item->counts[4], item->counts[3], item->counts[2],
                          item->counts[1]);
}

static char *
item_blank_text (gconstpointer record, gpointer user_data)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, ((const PdSurveyItemStats *) record)->counts[0]);
}

static char *
item_valid_text (gconstpointer record, gpointer user_data)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, ((const PdSurveyItemStats *) record)->valid);
}

static char *
item_rate_text (gconstpointer record, gpointer user_data)
{
  return rate_or_dash (((const PdSurveyItemStats *) record)->rate);
}

static char *
item_average_text (gconstpointer record, gpointer user_data)
{
  double average = ((const PdSurveyItemStats *) record)->average;
  return pd_survey_rate_is_defined (average) ? g_strdup_printf ("%.2f", average) : g_strdup ("—");
}

/* Below the goal in red, like anything else that needs attention. */
static const char *
item_style (gconstpointer record, gpointer user_data)
{
  PdSurveyView *self = user_data;
  double rate = ((const PdSurveyItemStats *) record)->rate;
  int goal = (int) pd_settings_get_int (self->ctx, "survey.satisfaction_goal_pct", 95);

  return pd_survey_rate_is_defined (rate) && rate * 100.0 < goal ? "overdue" : NULL;
}

static char *
building_text (gconstpointer record, gpointer user_data)
{
  /* Translators: a building in the statistics, e.g. "Building 3" */
  return g_strdup_printf (_("Building %s"), ((const PdSurveyBuildingStats *) record)->building_code);
}

static char *
building_forms_text (gconstpointer record, gpointer user_data)
{
  const PdSurveyBuildingStats *b = record;
  return g_strdup_printf ("%" G_GINT64_FORMAT " / %" G_GINT64_FORMAT, b->responses, b->targets);
}

static char *
building_coverage_text (gconstpointer record, gpointer user_data)
{
  return rate_or_dash (((const PdSurveyBuildingStats *) record)->coverage);
}

static char *
building_rate_text (gconstpointer record, gpointer user_data)
{
  return rate_or_dash (((const PdSurveyBuildingStats *) record)->rate);
}

static const char *
selected_month (PdSurveyView *self)
{
  guint i = gtk_drop_down_get_selected (self->month_dropdown);
  return i < N_MONTHS ? self->months[i] : self->months[0];
}

static void
reload_stats (PdSurveyView *self)
{
  g_autoptr (GError) error = NULL;
  const char *month = selected_month (self);
  g_autofree char *last_month = pd_survey_month_shift (month, -12);
  g_autoptr (PdSurveyStats) stats = pd_survey_stats_month (self->ctx, month, &error);
  g_autoptr (PdSurveyStats) last = stats ? pd_survey_stats_month (self->ctx, last_month, &error) : NULL;
  g_autofree char *coverage = NULL, *rate = NULL, *last_rate = NULL, *text = NULL;

  if (last == NULL)
    {
      gtk_label_set_text (self->stats_label, error->message);
      return;
    }
  coverage = rate_or_dash (stats->coverage);
  rate = rate_or_dash (stats->rate);
  last_rate = rate_or_dash (last->rate);
  /* Translators: the month's summary; month, forms, units asked, coverage and
   * its goal, overall satisfaction and its goal, last year's satisfaction */
  text = g_strdup_printf (_("%s: %d forms of %d units asked — coverage %s (goal %d%%), overall satisfaction %s "
                            "(goal %d%%); same month last year %s. %d opinions."),
                          month, (int) stats->responses, (int) stats->targets, coverage, stats->coverage_goal_pct,
                          rate, stats->satisfaction_goal_pct, last_rate, (int) stats->opinions);
  gtk_label_set_text (self->stats_label, text);
  pd_record_store_replace (self->items, stats->items, (GDestroyNotify) pd_survey_item_stats_free);
  pd_record_store_replace (self->buildings, stats->buildings, (GDestroyNotify) pd_survey_building_stats_free);
}

static gint64
selected_campaign (PdSurveyView *self)
{
  guint i = gtk_drop_down_get_selected (self->campaign_dropdown);

  if (self->campaigns == NULL || i >= self->campaigns->len)
    return 0;
  return ((PdSurveyCampaign *) self->campaigns->pdata[i])->id;
}

static void
show_campaign_facts (PdSurveyView *self)
{
  guint i = gtk_drop_down_get_selected (self->campaign_dropdown);
  const PdSurveyCampaign *c;
  g_autofree char *text = NULL;
  g_autofree char *coverage = NULL;

  if (self->campaigns == NULL || i >= self->campaigns->len)
    {
      gtk_label_set_text (self->campaign_label, _("No campaign yet: plan one with New campaign (Ctrl+N)."));
      return;
    }
  c = self->campaigns->pdata[i];
  coverage = rate_or_dash (pd_survey_rate (c->n_responses, c->n_targets));
  /* Translators: period, how units were chosen, method, forms keyed, units asked, coverage */
  text = g_strdup_printf (_("%s – %s · %s · %s · %d of %d forms back (%s)"), c->start_on, c->end_on,
                          pd_survey_target_kind_label (c->target_kind), pd_survey_method_label (c->method),
                          (int) c->n_responses, (int) c->n_targets, coverage);
  gtk_label_set_text (self->campaign_label, text);
}

static void
campaign_changed (PdSurveyView *self)
{
  gint64 id;

  if (self->filling)
    return;
  id = selected_campaign (self);
  show_campaign_facts (self);
  pd_survey_entry_set_campaign (self->entry, id);
  pd_survey_followups_set_campaign (self->followups, id);
}

static void
month_changed (PdSurveyView *self)
{
  /* (Filling the months at construction: nothing is read before the tab shows.) */
  if (self->ctx != NULL && !pd_context_watch_postpone (self))
    reload_stats (self);
}

/* Refills the campaign list (counts change with every form) keeping the
 * selected campaign, or selecting @campaign_id. */
static void
reload_campaigns (PdSurveyView *self,
                  gint64        campaign_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  gint64 keep = campaign_id > 0 ? campaign_id : selected_campaign (self);
  guint select = 0;

  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  self->campaigns = pd_survey_campaign_list (self->ctx, &error);
  if (self->campaigns == NULL)
    {
      gtk_label_set_text (self->campaign_label, error->message);
      return;
    }
  for (guint i = 0; i < self->campaigns->len; i++)
    {
      PdSurveyCampaign *c = self->campaigns->pdata[i];
      gtk_string_list_append (names, c->name);
      if (c->id == keep)
        select = i;
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->campaign_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->campaign_dropdown, select);
  self->filling = FALSE;
  show_campaign_facts (self);
}

void
pd_survey_view_select_campaign (PdSurveyView *self,
                                gint64        campaign_id)
{
  g_return_if_fail (PD_IS_SURVEY_VIEW (self));
  /* From Today: the tab may never have been shown. */
  pd_context_watch_ensure (self);
  reload_campaigns (self, campaign_id);
  campaign_changed (self);
}

void
pd_survey_view_show_followup (PdSurveyView *self,
                              gint64        followup_id)
{
  g_autoptr (PdSurveyFollowup) followup = NULL;
  g_autoptr (GError) error = NULL;

  g_return_if_fail (PD_IS_SURVEY_VIEW (self));
  followup = pd_survey_followup_get (self->ctx, followup_id, &error);
  if (followup == NULL)
    {
      pd_show_error (GTK_WIDGET (self), _("The opinion could not be read"), error);
      return;
    }
  pd_survey_view_select_campaign (self, followup->campaign_id);
  gtk_stack_set_visible_child_name (self->stack, "followups");
  pd_survey_followups_select (self->followups, followup_id);
}

/* What the tab reads when it is shown, and again after core writes while
 * it is (pd_context_watch_lazily): the first time the first campaign. */
static void
load (PdSurveyView *self)
{
  if (!self->loaded)
    {
      self->loaded = TRUE;
      pd_survey_view_select_campaign (self, 0);
    }
  else
    {
      reload_campaigns (self, 0);
      pd_survey_entry_reload (self->entry);
      pd_survey_followups_reload (self->followups);
    }
  reload_stats (self);
}

static GtkWindow *
parent_window (PdSurveyView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
campaign_created (gint64   campaign_id,
                  gpointer user_data)
{
  PdSurveyView *self = user_data;

  pd_survey_view_select_campaign (self, campaign_id);
  gtk_stack_set_visible_child_name (self->stack, "entry");
}

static void
new_activated (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  PdSurveyView *self = PD_SURVEY_VIEW (widget);

  gtk_window_present (GTK_WINDOW (pd_survey_campaign_dialog_new (parent_window (self), self->ctx,
                                                                 campaign_created, self)));
}

static void
template_activated (GtkWidget  *widget,
                    const char *action,
                    GVariant   *parameter)
{
  PdSurveyView *self = PD_SURVEY_VIEW (widget);

  gtk_window_present (GTK_WINDOW (pd_survey_template_dialog_new (parent_window (self), self->ctx)));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action,
                 GVariant   *parameter)
{
  PdSurveyView *self = PD_SURVEY_VIEW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenderer) renderer = NULL;
  PdSurveyQuestionnaires *print;

  if (selected_campaign (self) <= 0)
    return;
  print = pd_survey_questionnaires_new (self->ctx, selected_campaign (self), &error);
  if (print == NULL)
    {
      pd_show_error (widget, _("The questionnaires cannot be printed"), error);
      return;
    }
  renderer = pd_form_survey_questionnaires_renderer (print);
  if (!pd_print_operation_run (parent_window (self), renderer, &error))
    pd_show_error (widget, _("The questionnaires were not printed"), error);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  PdSurveyView *self = PD_SURVEY_VIEW (widget);
  /* Translators: default file name of the monthly workbook; %s is YYYY-MM */
  g_autofree char *name = g_strdup_printf (_("Survey statistics %s.xlsx"), selected_month (self));

  /* The month is the one shown when the export was asked for. */
  pd_save_chooser_monthly (widget, self->ctx, selected_month (self), _("Export the Monthly Survey Statistics"),
                           _("_Export"), name, _("The workbook was not written"), pd_survey_workbook_write);
}

static void
find_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  PdSurveyView *self = PD_SURVEY_VIEW (widget);

  gtk_stack_set_visible_child_name (self->stack, "entry");
  pd_survey_entry_focus (self->entry);
}

static void
append_column (GtkColumnView       *list,
               GtkColumnViewColumn *column)
{
  gtk_column_view_append_column (list, column);
  g_object_unref (column);
}

static void
build_stats_page (PdSurveyView *self)
{
  g_autoptr (GDateTime) now = pd_context_now (self->ctx);
  g_autofree char *current = g_date_time_format (now, "%Y-%m");
  g_autoptr (GtkStringList) months = gtk_string_list_new (NULL);

  self->items = g_list_store_new (PD_TYPE_RECORD_ITEM);
  self->buildings = g_list_store_new (PD_TYPE_RECORD_ITEM);
  for (guint i = 0; i < N_MONTHS; i++)
    {
      self->months[i] = pd_survey_month_shift (current, -(int) i);
      gtk_string_list_append (months, self->months[i]);
    }
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (months));

  gtk_column_view_set_model (self->items_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)))));
  append_column (self->items_view, pd_text_column_new (_("Item"), item_title_text, item_style, self, 0, 0));
  append_column (self->items_view, pd_text_column_new (_("5 / 4 / 3 / 2 / 1"), item_counts_text, NULL, self, 0, 170));
  append_column (self->items_view, pd_text_column_new (_("No answer"), item_blank_text, NULL, self, 1, 80));
  append_column (self->items_view, pd_text_column_new (_("Valid"), item_valid_text, NULL, self, 1, 70));
  append_column (self->items_view, pd_text_column_new (_("Satisfaction"), item_rate_text, item_style, self, 1, 100));
  append_column (self->items_view, pd_text_column_new (_("Average"), item_average_text, NULL, self, 1, 70));

  gtk_column_view_set_model (self->buildings_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->buildings)))));
  append_column (self->buildings_view, pd_text_column_new (_("Building"), building_text, NULL, self, 0, 0));
  append_column (self->buildings_view, pd_text_column_new (_("Forms"), building_forms_text, NULL, self, 1, 90));
  append_column (self->buildings_view, pd_text_column_new (_("Coverage"), building_coverage_text, NULL, self, 1, 90));
  append_column (self->buildings_view, pd_text_column_new (_("Satisfaction"), building_rate_text, NULL, self, 1, 100));
}

static void
pd_survey_view_dispose (GObject *object)
{
  PdSurveyView *self = PD_SURVEY_VIEW (object);

  pd_context_unwatch (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_SURVEY_VIEW);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->buildings);
  g_clear_object (&self->ctx);
  for (guint i = 0; i < N_MONTHS; i++)
    g_clear_pointer (&self->months[i], g_free);
  G_OBJECT_CLASS (pd_survey_view_parent_class)->dispose (object);
}

static void
pd_survey_view_class_init (PdSurveyViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pd_survey_view_dispose;
  g_type_ensure (PD_TYPE_SURVEY_ENTRY);
  g_type_ensure (PD_TYPE_SURVEY_FOLLOWUPS);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/propdesk/PropDesk/ui/pd-survey-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdSurveyView, campaign_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyView, campaign_label);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyView, stack);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyView, entry);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyView, followups);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyView, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyView, stats_label);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyView, items_view);
  gtk_widget_class_bind_template_child (widget_class, PdSurveyView, buildings_view);
  gtk_widget_class_bind_template_callback (widget_class, campaign_changed);
  gtk_widget_class_bind_template_callback (widget_class, month_changed);
  gtk_widget_class_install_action (widget_class, "survey.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "survey.template", NULL, template_activated);
  gtk_widget_class_install_action (widget_class, "survey.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "survey.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "survey.find", NULL, find_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "survey.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "survey.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "survey.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "survey.find", NULL);
}

static void
pd_survey_view_init (PdSurveyView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pd_survey_view_new (PdContext *ctx)
{
  PdSurveyView *self = g_object_new (PD_TYPE_SURVEY_VIEW, NULL);

  self->ctx = g_object_ref (ctx);
  pd_survey_entry_set_context (self->entry, ctx);
  pd_survey_followups_set_context (self->followups, ctx);
  /* Watched first: filling the month list must not read the statistics. */
  pd_context_watch_lazily (ctx, GTK_WIDGET (self), (const char *const[]) { "", NULL },
                           (PdContextWatchFunc) load);
  build_stats_page (self);
  return GTK_WIDGET (self);
}
