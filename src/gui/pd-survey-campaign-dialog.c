/* pd-survey-campaign-dialog.c — see pd-survey-campaign-dialog.h.  A small
 * form built in code, like the other settings-style dialogs. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-form-field.h"
#include "pd-settings.h"
#include "pd-survey-campaign-dialog.h"
#include "pd-survey-campaign.h"

static const char *const kinds[] = { "all", "buildings", "sample" };
static const char *const methods[] = { "paper", "phone", "visit" };

typedef struct
{
  PdContext              *ctx;
  PdSurveyCampaignCreated created;
  gpointer                user_data;
  GtkWidget              *form;
  GtkEditable            *name;
  GtkEditable            *from;
  GtkEditable            *to;
  GtkDropDown            *kind;
  GtkEditable            *buildings;
  GtkSpinButton          *sample;
  GtkDropDown            *method;
  GtkSpinButton          *coverage_goal;
  GtkSpinButton          *satisfaction_goal;
} CampaignForm;

static void
campaign_form_free (CampaignForm *form)
{
  g_clear_object (&form->ctx);
  g_free (form);
}

static GtkWidget *
field (GtkGrid    *grid,
       int         row,
       const char *label,
       const char *key,
       GtkWidget  *input)
{
  GtkWidget *f = pd_form_field_new (label, key, input);

  gtk_widget_set_name (input, key);
  gtk_grid_attach (grid, f, row % 2, row / 2, 1, 1);
  return input;
}

static GtkWidget *
choices (const char *const *keys,
         guint              n,
         const char *(*label) (const char *))
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, label (keys[i]));
  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
}

static void
create_clicked (GtkButton    *button,
                CampaignForm *form)
{
  g_autoptr (PdSurveyCampaign) campaign = pd_survey_campaign_new ();
  g_autoptr (GError) error = NULL;
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (button)));

  pd_form_field_clear_errors (form->form);
  g_free (campaign->name);
  campaign->name = g_strdup (gtk_editable_get_text (form->name));
  g_free (campaign->start_on);
  campaign->start_on = g_strdup (gtk_editable_get_text (form->from));
  g_free (campaign->end_on);
  campaign->end_on = g_strdup (gtk_editable_get_text (form->to));
  g_free (campaign->target_kind);
  campaign->target_kind = g_strdup (kinds[gtk_drop_down_get_selected (form->kind)]);
  g_free (campaign->target_buildings);
  campaign->target_buildings = g_strdup (gtk_editable_get_text (form->buildings));
  campaign->sample_size = gtk_spin_button_get_value_as_int (form->sample);
  g_free (campaign->method);
  campaign->method = g_strdup (methods[gtk_drop_down_get_selected (form->method)]);
  campaign->coverage_goal_pct = gtk_spin_button_get_value_as_int (form->coverage_goal);
  campaign->satisfaction_goal_pct = gtk_spin_button_get_value_as_int (form->satisfaction_goal);
  if (pd_survey_campaign_create (form->ctx, campaign, &error) < 0)
    {
      if (!pd_form_field_show_error (form->form, error))
        pd_show_error (window, _("The campaign was not created"), error);
      return;
    }
  form->created (campaign->id, form->user_data);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
kind_changed (CampaignForm *form)
{
  guint kind = gtk_drop_down_get_selected (form->kind);

  gtk_widget_set_sensitive (GTK_WIDGET (form->buildings), kind == 1);
  gtk_widget_set_sensitive (GTK_WIDGET (form->sample), kind == 2);
}

static GtkSpinButton *
percent_spin (PdContext  *ctx,
              const char *setting)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), (double) pd_settings_get_int (ctx, setting, 95));
  return GTK_SPIN_BUTTON (spin);
}

GtkWidget *
pd_survey_campaign_dialog_new (GtkWindow               *parent,
                               PdContext               *ctx,
                               PdSurveyCampaignCreated  created,
                               gpointer                 user_data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *create = gtk_button_new_with_mnemonic (_("C_reate campaign"));
  CampaignForm *form = g_new0 (CampaignForm, 1);
  g_autoptr (GDateTime) now = pd_context_now (ctx);
  g_autofree char *first = g_date_time_format (now, "%Y-%m-01");
  /* Translators: the default name of a new campaign, a g_date_time_format() format */
  g_autofree char *name = g_date_time_format (now, _("%Y-%m satisfaction survey"));
  int last_day = g_date_get_days_in_month (g_date_time_get_month (now), g_date_time_get_year (now));
  g_autofree char *last = g_strdup_printf ("%.8s%02d", first, last_day);

  form->ctx = g_object_ref (ctx);
  form->created = created;
  form->user_data = user_data;
  form->form = grid;
  g_object_set_data_full (G_OBJECT (window), "pd-campaign-form", form, (GDestroyNotify) campaign_form_free);

  gtk_window_set_title (GTK_WINDOW (window), _("New survey campaign"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  form->name = GTK_EDITABLE (field (GTK_GRID (grid), 0, _("Name"), "name", gtk_entry_new ()));
  gtk_editable_set_text (form->name, name);
  form->method = GTK_DROP_DOWN (field (GTK_GRID (grid), 1, _("Method"), "method",
                                       choices (methods, G_N_ELEMENTS (methods), pd_survey_method_label)));
  form->from = GTK_EDITABLE (field (GTK_GRID (grid), 2, _("From"), "start_on", gtk_entry_new ()));
  gtk_editable_set_text (form->from, first);
  form->to = GTK_EDITABLE (field (GTK_GRID (grid), 3, _("To"), "end_on", gtk_entry_new ()));
  gtk_editable_set_text (form->to, last);
  form->kind = GTK_DROP_DOWN (field (GTK_GRID (grid), 4, _("Units asked"), "target_kind",
                                     choices (kinds, G_N_ELEMENTS (kinds), pd_survey_target_kind_label)));
  form->buildings = GTK_EDITABLE (field (GTK_GRID (grid), 5, _("Buildings (e.g. 1,3,5)"), "target_buildings",
                                         gtk_entry_new ()));
  form->sample = GTK_SPIN_BUTTON (field (GTK_GRID (grid), 6, _("Sample size (units)"), "sample_size",
                                         gtk_spin_button_new_with_range (0, 1000000, 10)));
  form->coverage_goal = GTK_SPIN_BUTTON (field (GTK_GRID (grid), 8, _("Coverage goal (%)"), "coverage_goal_pct",
                                                GTK_WIDGET (percent_spin (ctx, "survey.coverage_goal_pct"))));
  form->satisfaction_goal = GTK_SPIN_BUTTON (field (GTK_GRID (grid), 9, _("Satisfaction goal (%)"),
                                                    "satisfaction_goal_pct",
                                                    GTK_WIDGET (percent_spin (ctx, "survey.satisfaction_goal_pct"))));
  g_signal_connect_swapped (form->kind, "notify::selected", G_CALLBACK (kind_changed), form);
  kind_changed (form);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_add_css_class (create, "suggested-action");
  gtk_widget_set_name (create, "campaign-create");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect (create, "clicked", G_CALLBACK (create_clicked), form);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), create);
  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_widget (GTK_WINDOW (window), create);
  return window;
}
