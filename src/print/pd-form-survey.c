/* pd-form-survey.c — see pd-form-survey.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-form-survey.h"

#define OPINION_ROWS 4

static void
print_facts (PdPrintLayout                *layout,
             const PdSurveyQuestionnaires *print,
             const char                   *unit_code)
{
  const PdSurveyCampaign *campaign = print->campaign;
  /* Translators: a campaign's period, first and last day */
  g_autofree char *period = g_strdup_printf (_("%s to %s"), campaign->start_on, campaign->end_on);
  PdPrintField fields[] = {
    { _("Unit code"), unit_code, 1 },
    { _("Method"), pd_survey_method_label (campaign->method), 1 },
    { _("Campaign"), campaign->name, 1 },
    { _("Period"), period, 1 },
  };

  pd_print_grid (layout, 2, fields, G_N_ELEMENTS (fields));
}

static void
print_items (PdPrintLayout          *layout,
             const PdSurveyTemplate *tmpl)
{
  PdPrintColumn columns[3 + PD_SURVEY_SCALE_POINTS] = {
    { _("No."), 0.06, PANGO_ALIGN_CENTER },
    { _("Item"), 0.34, PANGO_ALIGN_LEFT },
  };
  const char *cells[3 + PD_SURVEY_SCALE_POINTS] = { NULL };
  guint n_columns = 2 + PD_SURVEY_SCALE_POINTS;

  for (int score = PD_SURVEY_SCALE_POINTS; score >= 1; score--)
    {
      PdPrintColumn *column = &columns[2 + PD_SURVEY_SCALE_POINTS - score];
      column->title = tmpl->labels[score];
      column->width = 0.12;
      column->align = PANGO_ALIGN_CENTER;
    }
  pd_print_table_begin (layout, columns, n_columns);
  for (guint i = 0; i < pd_survey_template_n_items (tmpl); i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      cells[0] = number;
      cells[1] = pd_survey_template_item_title (tmpl, i);
      for (guint c = 2; c < n_columns; c++)
        cells[c] = pd_print_check_mark (FALSE);
      pd_print_table_row (layout, cells);
    }
  pd_print_table_end (layout);
}

void
pd_form_render_survey_questionnaires (cairo_t                      *cr,
                                      PangoContext                 *pc,
                                      double                        width_pt,
                                      double                        height_pt,
                                      const PdSurveyQuestionnaires *print)
{
  PdPrintLayout *layout = pd_print_layout_begin (cr, pc, width_pt, height_pt);
  const char *roles[] = { _("Owner or resident") };

  /* Each page is a form of its own: no page numbers of the batch. */
  pd_print_layout_set_page_numbers (layout, FALSE);
  pd_print_layout_set_footer (layout, print->footer);
  for (guint i = 0; i < print->unit_codes->len; i++)
    {
      const char *unit_code = print->unit_codes->pdata[i];

      if (i > 0)
        pd_print_layout_page_break (layout);
      /* The unit code is the form's number: the office keys it in first. */
      pd_print_title (layout, _("Owner Satisfaction Questionnaire"), print->estate_name, unit_code);
      print_facts (layout, print, unit_code);
      pd_print_layout_skip (layout, 6);
      pd_print_paragraph (layout, PD_PRINT_STYLE_BODY,
                          _("Dear owner or resident: thank you for your support. Please tick one box for each "
                            "item; leave an item blank if it does not concern you. Your opinions and suggestions "
                            "are followed up and you will hear back from us."));
      pd_print_layout_skip (layout, 4);
      print_items (layout, print->tmpl);
      pd_print_layout_skip (layout, 8);
      pd_print_section (layout, print->tmpl->opinion_title);
      pd_print_table_begin (layout, (PdPrintColumn[]) { { "", 1.0, PANGO_ALIGN_LEFT } }, 1);
      pd_print_table_blank_rows (layout, OPINION_ROWS, 24);
      pd_print_table_end (layout);
      pd_print_layout_skip (layout, 10);
      pd_print_signatures (layout, roles, G_N_ELEMENTS (roles));
    }
  pd_print_layout_end (layout);
}

PdRenderer *
pd_form_survey_questionnaires_renderer (PdSurveyQuestionnaires *print)
{
  g_autofree char *title = pd_survey_questionnaires_title (print);

  return pd_renderer_new (title, (PdRenderFunc) pd_form_render_survey_questionnaires, print,
                          (GDestroyNotify) pd_survey_questionnaires_free);
}
