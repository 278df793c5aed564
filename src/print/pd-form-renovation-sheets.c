/* pd-form-renovation-sheets.c — the patrol round sheet (现场装修巡查表), the
 * rectification notice (违章整改通知单) and the deposit refund slip.  See
 * pd-form-renovation.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-form-renovation-private.h"
#include "pd-settings.h"

void
pd_form_render_renovation_patrol_sheet (cairo_t                 *cr,
                                        PangoContext            *pc,
                                        double                   width_pt,
                                        double                   height_pt,
                                        const PdRenovationPrint *print)
{
  PdPrintLayout *layout = pd_print_layout_begin (cr, pc, width_pt, height_pt);
  const PdPrintColumn columns[] = {
    { C_("renovation form", "Unit"), 1.4 }, { C_("renovation form", "Permit no."), 1.7 },
    { C_("renovation form", "Morning round (time, result)"), 2.0 },
    { C_("renovation form", "Afternoon round with engineering (time, result)"), 2.1 },
    { C_("renovation form", "Violation and action"), 2.0 }, { C_("renovation form", "Inspector"), 1.2 },
  };
  /* Translators: the patrol sheet's subtitle, the date of the round */
  g_autofree char *day = g_strdup_printf (C_("renovation form", "Patrol of %s"), print->patrol_day);
  g_autofree char *heading = g_strdup_printf ("%s — %s", print->estate_name, day);
  const char *roles[] = { C_("renovation form", "Building officer"), C_("renovation form", "Engineering") };

  pd_form_renovation_footer (layout, print);
  pd_print_title (layout, C_("renovation form", "Renovation Site Patrol Sheet"), heading, NULL);
  pd_print_paragraph (layout, PD_PRINT_STYLE_SMALL,
                      C_("renovation form", "Every renovating unit is patrolled twice a day, engineering with the "
                                            "building officer from 14:00 to 15:00. Result: OK, or the violation "
                                            "code (A–H) and the step taken."));
  pd_print_table_begin (layout, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < print->rounds->len; i++)
    {
      const PdPatrolDue *due = print->rounds->pdata[i];
      /* Two lines high: room to write the round in by hand. */
      g_autofree char *unit = g_strdup_printf ("%s\n", due->unit_code);
      const char *cells[] = { unit, due->serial, NULL, NULL, NULL, NULL };
      pd_print_table_row (layout, cells);
    }
  if (print->rounds->len == 0)
    pd_print_table_note_row (layout, C_("renovation form", "(no renovation on site)"));
  pd_print_table_blank_rows (layout, 3, 0);
  pd_print_table_end (layout);
  pd_print_signatures (layout, roles, G_N_ELEMENTS (roles));
  pd_print_layout_end (layout);
}

void
pd_form_render_renovation_notice (cairo_t                 *cr,
                                  PangoContext            *pc,
                                  double                   width_pt,
                                  double                   height_pt,
                                  const PdRenovationPrint *print)
{
  const PdRenovation *r = print->renovation;
  const PdRenovationViolation *v = print->violation;
  PdPrintLayout *layout = pd_print_layout_begin (cr, pc, width_pt, height_pt);
  g_autofree char *penalty = pd_fen_format (v->penalty_fen);
  g_autofree char *deducted = pd_fen_format (v->deducted_fen);
  g_autofree char *money = g_strdup_printf (C_("renovation form", "%s yuan by the schedule, %s yuan deducted from the deposit"),
                                            penalty, deducted);
  g_autofree char *contractor = r->self_renovation ? g_strdup (C_("renovation form", "Self-renovation"))
                                                   : g_strdup (r->contractor_name);
  g_autofree char *topup = NULL;
  g_autofree char *text = NULL;
  const char *roles[] = { C_("renovation form", "Issued by"), C_("renovation form", "Received by (contractor)") };
  PdPrintField fields[] = {
    { C_("renovation form", "Unit"), r->unit_code },
    { C_("renovation form", "Permit no."), r->serial },
    { C_("renovation form", "Owner"), r->owner_name },
    { C_("renovation form", "Contractor"), contractor },
    { C_("renovation form", "Found on"), v->on_date },
    { C_("renovation form", "Rectify by"), v->rectify_by },
    { C_("renovation form", "Violation"), pd_renovation_penalty_label (v->code), 2 },
    { C_("renovation form", "What was found"), v->description, 2 },
    { C_("renovation form", "Action"), pd_renovation_ladder_label (v->ladder_step), 2 },
    { C_("renovation form", "Penalty"), money, 2 },
  };

  pd_form_renovation_footer (layout, print);
  pd_print_title (layout, C_("renovation form", "Notice to Rectify a Renovation Violation"), print->estate_name,
                  r->serial);
  pd_print_grid (layout, 2, fields, G_N_ELEMENTS (fields));
  text = g_strdup_printf (C_("renovation form",
                             "The above was found on the site of unit %s. Rectify it by %s; otherwise the works "
                             "are stopped as the renovation management agreement provides."),
                          r->unit_code, v->rectify_by);
  pd_print_paragraph (layout, PD_PRINT_STYLE_BODY, text);
  if (print->deposit.shortfall_fen > 0)
    {
      g_autofree char *amount = pd_fen_format (print->deposit.shortfall_fen);
      topup = g_strdup_printf (C_("renovation form",
                                  "The deposit must be topped up by %s yuan by %s, or the works stop."),
                               amount, print->deposit.topup_due);
      pd_print_paragraph (layout, PD_PRINT_STYLE_BOLD, topup);
    }
  pd_form_renovation_sign (layout, roles, G_N_ELEMENTS (roles));
}

void
pd_form_render_renovation_refund (cairo_t                 *cr,
                                  PangoContext            *pc,
                                  double                   width_pt,
                                  double                   height_pt,
                                  const PdRenovationPrint *print)
{
  const PdRenovation *r = print->renovation;
  const PdDepositSummary *s = &print->deposit;
  PdPrintLayout *layout = pd_print_layout_begin (cr, pc, width_pt, height_pt);
  const PdPrintColumn columns[] = {
    { C_("renovation form", "Date"), 1.2 }, { C_("renovation form", "Entry"), 2.6 },
    { C_("renovation form", "Amount (yuan)"), 1.2, PANGO_ALIGN_RIGHT },
    { C_("renovation form", "Balance (yuan)"), 1.2, PANGO_ALIGN_RIGHT },
  };
  g_autofree char *paid = pd_fen_format (s->paid_fen);
  g_autofree char *deducted = pd_fen_format (s->deducted_fen);
  g_autofree char *topped = pd_fen_format (s->topped_up_fen);
  /* After the refund the balance is 0 and what left is the refund; before
   * it the balance is what will be refunded. */
  g_autofree char *refund = pd_fen_format (s->refunded_fen > 0 ? s->refunded_fen : s->balance_fen);
  const char *roles[] = { C_("renovation form", "Applicant"), C_("renovation form", "Cashier"),
                          C_("renovation form", "Manager") };
  const PdPrintField fields[] = {
    { C_("renovation form", "Unit"), r->unit_code },
    { C_("renovation form", "Permit no."), r->serial },
    { C_("renovation form", "Applicant"), r->applicant_name },
    { C_("renovation form", "Accepted on"), r->accepted_on[0] ? r->accepted_on : "—" },
    { C_("renovation form", "Deposit paid"), paid },
    { C_("renovation form", "Deducted"), deducted },
    { C_("renovation form", "Topped up"), topped },
    { C_("renovation form", "Refund (paid − deducted + topped up)"), refund },
  };

  pd_form_renovation_footer (layout, print);
  pd_print_title (layout, C_("renovation form", "Renovation Deposit Refund Slip"), print->estate_name, r->serial);
  pd_print_grid (layout, 2, fields, G_N_ELEMENTS (fields));
  pd_print_section (layout, C_("renovation form", "Deposit statement"));
  pd_print_table_begin (layout, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < print->statement->len; i++)
    {
      const PdDepositEntry *entry = print->statement->pdata[i];
      gboolean in = g_str_equal (entry->kind, "payment") || g_str_equal (entry->kind, "topup");
      g_autofree char *amount = pd_fen_format (in ? entry->amount_fen : -entry->amount_fen);
      g_autofree char *balance = pd_fen_format (entry->balance_fen);
      g_autofree char *what = entry->violation_code[0]
                                ? g_strdup_printf ("%s（%s）", pd_deposit_kind_label (entry->kind), entry->note)
                                : g_strdup (pd_deposit_kind_label (entry->kind));
      const char *cells[] = { entry->on_date, what, amount, balance };
      pd_print_table_row (layout, cells);
    }
  pd_print_table_end (layout);
  pd_print_layout_skip (layout, 12);
  pd_print_signatures (layout, roles, G_N_ELEMENTS (roles));
  pd_print_layout_end (layout);
}
