/* pd-form-patrol-reports.c — the rectification notice (整改通知单) of an
 * anomaly and the monthly patrol summary.  See pd-form-patrol.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-form-patrol-private.h"

void
pd_form_render_patrol_notice (cairo_t             *cr,
                              PangoContext        *pc,
                              double               width_pt,
                              double               height_pt,
                              const PdPatrolPrint *print)
{
  const PdAnomaly *a = print->anomaly;
  PdPrintLayout *layout = pd_print_layout_begin (cr, pc, width_pt, height_pt);
  g_autofree char *found = pd_anomaly_describe (a);
  g_autofree char *text = NULL;
  gboolean closed = g_str_equal (a->state, "closed");
  const PdPrintField fields[] = {
    { C_("patrol form", "To"), pd_department_label (a->department) },
    { C_("patrol form", "Unit"), a->unit_code },
    { C_("patrol form", "Anomaly"), pd_anomaly_kind_label (a->kind) },
    { C_("patrol form", "Found on"), a->found_on },
    { C_("patrol form", "Found by"), a->reported_by },
    { C_("patrol form", "Rectify by"), a->deadline },
    { C_("patrol form", "What was found"), found, 2 },
  };
  const PdPrintField result_fields[] = {
    { C_("patrol form", "Outcome"), closed ? pd_anomaly_outcome_label (a->outcome) : NULL },
    { C_("patrol form", "Closed on"), closed ? a->closed_on : NULL },
    /* Open: three blank lines for the department to write in. */
    { C_("patrol form", "Measures and result"), closed ? a->result : "\n\n\n", 2 },
  };
  const PdPrintColumn columns[] = {
    { C_("patrol form", "Time"), 1.2 }, { C_("patrol form", "By"), 0.9 },
    { C_("patrol form", "Follow-up"), 4.0 },
  };
  const char *roles[] = { C_("patrol form", "Issued by"), C_("patrol form", "Received by (department)"),
                          C_("patrol form", "Checked by") };

  pd_form_patrol_footer (layout, print);
  pd_print_title (layout, C_("patrol form", "Rectification Notice"), print->estate_name, a->notice_no);
  pd_print_grid (layout, 2, fields, G_N_ELEMENTS (fields));
  /* Translators: the notice's request: unit, day found, department, deadline */
  text = g_strdup_printf (C_("patrol form", "The above was found on the patrol of vacant unit %s on %s. "
                                            "%s is asked to rectify it by %s and to write the measures taken "
                                            "and the result below, then return this notice to the customer "
                                            "service centre, which checks it on site and closes it."),
                          a->unit_code, a->found_on, pd_department_label (a->department), a->deadline);
  pd_print_paragraph (layout, PD_PRINT_STYLE_BODY, text);
  if (a->overdue)
    pd_print_paragraph (layout, PD_PRINT_STYLE_BOLD, C_("patrol form", "The deadline has passed."));

  if (print->follow_ups->len > 0)
    {
      pd_print_section (layout, C_("patrol form", "Follow-up"));
      pd_print_table_begin (layout, columns, G_N_ELEMENTS (columns));
      for (guint i = 0; i < print->follow_ups->len; i++)
        {
          const PdAnomalyFollowUp *f = print->follow_ups->pdata[i];
          g_autofree char *at = g_strndup (f->at, 16);
          const char *cells[] = { at, f->user_name, f->note };
          pd_print_table_row (layout, cells);
        }
      pd_print_table_end (layout);
    }
  pd_print_section (layout, C_("patrol form", "Rectification result"));
  pd_print_grid (layout, 2, result_fields, G_N_ELEMENTS (result_fields));
  pd_print_layout_skip (layout, 12);
  pd_print_seal_area (layout, C_("patrol form", "Customer service centre (seal)"), 0, TRUE);
  pd_print_signatures (layout, roles, G_N_ELEMENTS (roles));
  pd_print_layout_end (layout);
}

static char *
percent_text (int met,
              int counted)
{
  double pct = pd_patrol_stats_on_time_pct (met, counted);

  return pct < 0 ? g_strdup ("—") : g_strdup_printf ("%.1f%%", pct);
}

static char *
number (int value)
{
  return g_strdup_printf ("%d", value);
}

static void
summary_figures (PdPrintLayout       *layout,
                 const PdPatrolPrint *print)
{
  const PdPatrolStats *s = print->stats;
  const char *const *kinds = pd_anomaly_kinds ();
  g_autofree char *due = number (s->units_due), *obligations = number (s->obligations);
  g_autofree char *met = number (s->met), *rate = percent_text (s->met, s->counted);
  g_autofree char *patrols = number (s->patrols), *patrolled = number (s->units_patrolled);
  g_autofree char *found = number (s->anomalies_found), *closed = number (s->anomalies_closed);
  g_autofree char *open = number (s->open_anomalies), *oldest = NULL;
  g_autofree char *loans = number (s->key_loans), *late = number (s->key_loans_overdue);
  g_autoptr (GString) by_kind = g_string_new (NULL);
  PdPrintField fields[] = {
    { C_("patrol form", "Schedule"), pd_patrol_policy_label (s->policy) },
    { C_("patrol form", "Figures as of"), s->as_of },
    { C_("patrol form", "Vacant units due"), due },
    { C_("patrol form", "Patrols due"), obligations },
    { C_("patrol form", "Done on schedule"), met },
    { C_("patrol form", "On-time rate"), rate },
    { C_("patrol form", "Patrols recorded"), patrols },
    { C_("patrol form", "Units patrolled"), patrolled },
    { C_("patrol form", "Anomalies found"), found },
    { C_("patrol form", "Anomalies closed"), closed },
    { C_("patrol form", "Anomalies by type"), NULL, 2 },
    { C_("patrol form", "Open anomalies"), open },
    { C_("patrol form", "Oldest open (days)"), NULL },
    { C_("patrol form", "Keys signed out"), loans },
    { C_("patrol form", "Key loans overdue"), late },
  };

  for (guint i = 0; kinds[i] != NULL && i < PD_ANOMALY_N_KINDS; i++)
    /* Translators: an anomaly type and its count, in a list: "渗漏 3" */
    g_string_append_printf (by_kind, "%s%s %d", i ? "   " : "", pd_anomaly_kind_label (kinds[i]),
                            s->anomalies_by_kind[i]);
  fields[10].value = by_kind->str;
  oldest = s->open_anomalies > 0 ? number (s->oldest_open_days) : g_strdup ("—");
  fields[12].value = oldest;
  pd_print_grid (layout, 2, fields, G_N_ELEMENTS (fields));
}

void
pd_form_render_patrol_summary (cairo_t             *cr,
                               PangoContext        *pc,
                               double               width_pt,
                               double               height_pt,
                               const PdPatrolPrint *print)
{
  const PdPatrolStats *s = print->stats;
  PdPrintLayout *layout = pd_print_layout_begin (cr, pc, width_pt, height_pt);
  /* Translators: the summary's subtitle: estate name and the month YYYY-MM */
  g_autofree char *heading = g_strdup_printf (C_("patrol form", "%s — %s"), print->estate_name, s->month);
  const PdPrintColumn building_columns[] = {
    { C_("patrol form", "Building"), 1.0 },
    { C_("patrol form", "Vacant units due"), 1.3, PANGO_ALIGN_RIGHT },
    { C_("patrol form", "Patrols due"), 1.2, PANGO_ALIGN_RIGHT },
    { C_("patrol form", "Done on schedule"), 1.3, PANGO_ALIGN_RIGHT },
    { C_("patrol form", "On-time rate"), 1.2, PANGO_ALIGN_RIGHT },
  };
  const PdPrintColumn inspector_columns[] = {
    { C_("patrol form", "Inspector"), 1.6 },
    { C_("patrol form", "Patrols recorded"), 1.2, PANGO_ALIGN_RIGHT },
    { C_("patrol form", "Units patrolled"), 1.2, PANGO_ALIGN_RIGHT },
    { C_("patrol form", "Anomalies found"), 1.2, PANGO_ALIGN_RIGHT },
  };
  const PdPrintColumn anomaly_columns[] = {
    { C_("patrol form", "Notice no."), 1.2 }, { C_("patrol form", "Unit"), 0.9 },
    { C_("patrol form", "What was found"), 2.4 }, { C_("patrol form", "To"), 1.0 },
    { C_("patrol form", "Found on"), 1.0 }, { C_("patrol form", "Rectify by"), 1.0 },
    { C_("patrol form", "Age (days)"), 0.7, PANGO_ALIGN_RIGHT },
  };
  const char *roles[] = { C_("patrol form", "Prepared by"), C_("patrol form", "Customer service supervisor") };

  pd_form_patrol_footer (layout, print);
  pd_print_title (layout, C_("patrol form", "Vacant Unit Patrol Summary"), heading, NULL);
  summary_figures (layout, print);

  pd_print_section (layout, C_("patrol form", "By building"));
  pd_print_table_begin (layout, building_columns, G_N_ELEMENTS (building_columns));
  for (guint i = 0; i < s->buildings->len; i++)
    {
      const PdPatrolBuildingStats *b = s->buildings->pdata[i];
      g_autofree char *due = number (b->units_due), *obligations = number (b->obligations);
      g_autofree char *met = number (b->met), *rate = percent_text (b->met, b->counted);
      const char *cells[] = { b->building_code, due, obligations, met, rate };
      pd_print_table_row (layout, cells);
    }
  if (s->buildings->len == 0)
    pd_print_table_note_row (layout, C_("patrol form", "(no vacant unit was due this month)"));
  pd_print_table_end (layout);

  pd_print_section (layout, C_("patrol form", "Who patrolled"));
  pd_print_table_begin (layout, inspector_columns, G_N_ELEMENTS (inspector_columns));
  for (guint i = 0; i < print->inspectors->len; i++)
    {
      const PdPatrolInspectorCount *c = print->inspectors->pdata[i];
      g_autofree char *patrols = number (c->patrols), *units = number (c->units);
      g_autofree char *anomalies = number (c->anomalies);
      const char *cells[] = { c->inspector, patrols, units, anomalies };
      pd_print_table_row (layout, cells);
    }
  if (print->inspectors->len == 0)
    pd_print_table_note_row (layout, C_("patrol form", "(no patrol recorded this month)"));
  pd_print_table_end (layout);

  pd_print_section (layout, C_("patrol form", "Anomalies still open"));
  pd_print_table_begin (layout, anomaly_columns, G_N_ELEMENTS (anomaly_columns));
  for (guint i = 0; i < print->anomalies->len; i++)
    {
      const PdAnomaly *a = print->anomalies->pdata[i];
      g_autofree char *found = pd_anomaly_describe (a);
      g_autofree char *age = number (a->age_days);
      const char *cells[] = { a->notice_no, a->unit_code, found, pd_department_label (a->department),
                              a->found_on, a->deadline, age };
      pd_print_table_row (layout, cells);
    }
  if (print->anomalies->len == 0)
    pd_print_table_note_row (layout, C_("patrol form", "(none)"));
  pd_print_table_end (layout);
  pd_print_layout_skip (layout, 6);
  pd_print_signatures (layout, roles, G_N_ELEMENTS (roles));
  pd_print_layout_end (layout);
}
