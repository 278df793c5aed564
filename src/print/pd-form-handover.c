/* pd-form-handover.c — the acceptance form (业主入住房屋验收表) and what
 * the three handover forms share; see pd-form-handover.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-estate.h"
#include "pd-form-handover-private.h"
#include "pd-handover-checklist.h"
#include "pd-handover-defect.h"
#include "pd-meter-reading.h"
#include "pd-validate.h"

#define TICK "✓"

PdPrintLayout *
pd_form_handover_begin (cairo_t                  *cr,
                        PangoContext             *pc,
                        double                    width_pt,
                        double                    height_pt,
                        const PdHandoverDocument *document,
                        const char               *title,
                        const char               *serial)
{
  PdPrintLayout *layout = pd_print_layout_begin (cr, pc, width_pt, height_pt);
  /* Translators: footer of printed handover forms: user, date and time */
  g_autofree char *footer = g_strdup_printf (C_("handover", "Printed by %s, %s"), document->printed_by,
                                             document->printed_at);

  pd_print_layout_set_footer (layout, footer);
  pd_print_title (layout, title, document->estate_name, serial);
  return layout;
}

/* "12.5 m³", or a dash when the meter was not read. */
static char *
reading (gint64      milli,
         const char *unit)
{
  g_autofree char *number = pd_meter_reading_format (milli);

  if (milli < 0)
    return g_strdup ("—");
  return g_strdup_printf ("%s %s", number, unit);
}

static void
print_parties (PdPrintLayout    *layout,
               const PdHandover *h,
               double            gross_area)
{
  g_autofree char *id = pd_mask_id (h->owner_id_number);
  g_autofree char *phone = pd_mask_phone (h->owner_mobile);
  g_autofree char *unit = NULL;
  g_autofree char *proxy = NULL;
  g_autofree char *proxy_id = pd_mask_id (h->proxy_id_number);

  /* Translators: unit code, its use and gross area, e.g. "3-2-1201（住宅，98.50 m²）" */
  unit = gross_area > 0 ? g_strdup_printf (C_("handover", "%s (%s, %.2f m²)"), h->unit_code,
                                           pd_unit_use_label (h->unit_use), gross_area)
                        : g_strdup (h->unit_code);
  proxy = *h->proxy_name ? g_strdup_printf ("%s %s", h->proxy_name, proxy_id) : g_strdup ("—");
  {
    const PdPrintField fields[] = {
      { C_("handover", "Unit"), unit, 2 },
      { C_("handover", "Owner"), h->owner_name },
      { C_("handover", "ID number"), id },
      { C_("handover", "Phone"), phone },
      { C_("handover", "Handover date"), h->handover_on },
      { C_("handover", "Proxy"), proxy },
      { C_("handover", "Fee receipt number"), *h->fee_receipt ? h->fee_receipt : NULL },
    };
    pd_print_grid (layout, 2, fields, G_N_ELEMENTS (fields));
  }
}

static void
print_readings (PdPrintLayout    *layout,
                const PdHandover *h)
{
  g_autofree char *water = reading (h->water_milli, C_("handover", "m³"));
  g_autofree char *power = reading (h->electricity_milli, C_("handover", "kWh"));
  g_autofree char *gas = reading (h->gas_milli, C_("handover", "m³"));
  const PdPrintField fields[] = {
    { C_("handover", "Water meter"), water },
    { C_("handover", "Electricity meter"), power },
    { C_("handover", "Gas meter"), gas },
  };

  pd_print_section (layout, C_("handover", "Meter start readings (read jointly)"));
  pd_print_grid (layout, 3, fields, G_N_ELEMENTS (fields));
}

static void
print_papers (PdPrintLayout    *layout,
              const PdHandover *h)
{
  guint n_docs, n_agreements;
  const PdHandoverPaper *docs = pd_handover_documents (&n_docs);
  const PdHandoverPaper *agreements = pd_handover_agreements (&n_agreements);
  g_autofree PdPrintCheck *checks = g_new0 (PdPrintCheck, MAX (n_docs, n_agreements));

  pd_print_section (layout, C_("handover", "Documents and agreements"));
  for (guint i = 0; i < n_docs; i++)
    checks[i] = (PdPrintCheck) { pd_handover_paper_label (&docs[i]),
                                 pd_handover_paper_listed (h->docs_checked, docs[i].key) };
  pd_print_checks (layout, C_("handover", "Checked against originals"), checks, n_docs);
  for (guint i = 0; i < n_agreements; i++)
    checks[i] = (PdPrintCheck) { pd_handover_paper_label (&agreements[i]),
                                 pd_handover_paper_listed (h->agreements_signed, agreements[i].key) };
  pd_print_checks (layout, C_("handover", "Signed"), checks, n_agreements);
}

static void
print_checklist (PdPrintLayout *layout,
                 GPtrArray     *checks)
{
  const PdPrintColumn columns[] = {
    { C_("handover", "No."), 0.62, PANGO_ALIGN_CENTER },
    { C_("handover", "Room"), 1.0, PANGO_ALIGN_CENTER },
    { C_("handover", "Item"), 2.2 },
    { C_("handover", "OK"), 0.55, PANGO_ALIGN_CENTER },
    { C_("handover", "Defect"), 0.65, PANGO_ALIGN_CENTER },
    { C_("handover", "N/A"), 0.65, PANGO_ALIGN_CENTER },
    { C_("handover", "Note"), 2.6 },
  };

  pd_print_section (layout, C_("handover", "Inspection, room by room"));
  pd_print_table_begin (layout, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < checks->len; i++)
    {
      const PdHandoverCheck *check = checks->pdata[i];
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      const char *cells[] = {
        number, check->room, check->item,
        g_str_equal (check->result, "ok") ? TICK : NULL,
        g_str_equal (check->result, "defect") ? TICK : NULL,
        g_str_equal (check->result, "na") ? TICK : NULL,
        check->note,
      };
      pd_print_table_row (layout, cells);
    }
  pd_print_table_end (layout);
}

static void
print_defects (PdPrintLayout *layout,
               GPtrArray     *defects)
{
  const PdPrintColumn columns[] = {
    { C_("handover", "No."), 0.62, PANGO_ALIGN_CENTER },
    { C_("handover", "Room"), 0.9, PANGO_ALIGN_CENTER },
    { C_("handover", "What is wrong"), 2.8 },
    { C_("handover", "Responsible"), 1.4 },
    { C_("handover", "Deadline"), 1.15, PANGO_ALIGN_CENTER },
    { C_("handover", "Re-inspection"), 1.4 },
  };

  pd_print_section (layout, C_("handover", "Defects and rectification deadlines"));
  pd_print_table_begin (layout, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < defects->len; i++)
    {
      const PdHandoverDefect *d = defects->pdata[i];
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      /* Translators: re-inspection result on the printed form, with its date */
      g_autofree char *result = g_str_equal (d->status, "fixed")
                                ? g_strdup_printf (C_("handover", "Fixed %s"), d->closed_on) : NULL;
      const char *cells[] = { number, d->room, d->description, d->responsible, d->deadline, result };
      pd_print_table_row (layout, cells);
    }
  if (defects->len == 0)
    pd_print_table_note_row (layout, C_("handover", "(none)"));
  pd_print_table_end (layout);
}

static void
print_keys_and_people (PdPrintLayout    *layout,
                       const PdHandover *h)
{
  /* Translators: number of house keys handed over */
  g_autofree char *keys = g_strdup_printf (C_("handover", "%d keys"), h->house_keys);
  const PdPrintField keys_fields[] = {
    { C_("handover", "House keys"), keys },
    { C_("handover", "Access cards"), *h->access_cards ? h->access_cards : "—" },
    { C_("handover", "Electricity card"), *h->electricity_card ? h->electricity_card : "—" },
    { C_("handover", "Water card"), *h->water_card ? h->water_card : "—" },
    { C_("handover", "Gas card"), *h->gas_card ? h->gas_card : "—" },
    { C_("handover", "Received by"), *h->keys_handed_on ? h->keys_received_by : NULL },
  };
  const PdPrintField people[] = {
    { C_("handover", "Customer service"), h->clerk },
    { C_("handover", "Engineering"), h->engineer },
    { C_("handover", "Building officer"), h->officer },
    { C_("handover", "Developer"), h->developer_rep },
    { C_("handover", "Others present"), *h->others_present ? h->others_present : "—", 2 },
  };

  pd_print_section (layout, C_("handover", "Keys and cards"));
  pd_print_grid (layout, 3, keys_fields, G_N_ELEMENTS (keys_fields));
  pd_print_section (layout, C_("handover", "People present at the inspection"));
  pd_print_grid (layout, 3, people, G_N_ELEMENTS (people));
}

void
pd_form_render_handover_acceptance (cairo_t                  *cr,
                                    PangoContext             *pc,
                                    double                    width_pt,
                                    double                    height_pt,
                                    const PdHandoverDocument *document)
{
  const PdHandover *h = document->handover;
  /* 交房 number: the day and the handover's id, e.g. JF20260924-0007. */
  g_autofree char *serial = g_strdup_printf ("JF%.4s%.2s%.2s-%04d", h->handover_on, h->handover_on + 5,
                                             h->handover_on + 8, (int) (h->id % 10000));
  const char *const roles[] = {
    C_("handover", "Owner"), C_("handover", "Engineering"), C_("handover", "Customer service"),
  };
  PdPrintLayout *layout;

  layout = pd_form_handover_begin (cr, pc, width_pt, height_pt, document,
                                   C_("handover", "Owner's Move-in Acceptance Form"), serial);
  print_parties (layout, h, document->gross_area);
  print_readings (layout, h);
  print_papers (layout, h);
  print_checklist (layout, document->checks);
  print_defects (layout, document->defects);
  print_keys_and_people (layout, h);
  pd_print_paragraph (layout, PD_PRINT_STYLE_BODY,
                      C_("handover", "The owner confirms the inspection above. The defects listed are "
                                     "rectified by the responsible party by their deadlines and then "
                                     "inspected again; a written notice goes to it within 24 hours."));
  pd_print_signatures (layout, roles, G_N_ELEMENTS (roles));
  pd_print_layout_end (layout);
}

PdRenderer *
pd_form_handover_renderer (PdHandoverForm      form,
                           PdHandoverDocument *document)
{
  static const struct
  {
    PdRenderFunc render;
    const char  *title;
  } forms[] = {
    [PD_HANDOVER_FORM_ACCEPTANCE] = { (PdRenderFunc) pd_form_render_handover_acceptance,
                                      NC_("handover", "Owner's Move-in Acceptance Form") },
    [PD_HANDOVER_FORM_NOTICE] = { (PdRenderFunc) pd_form_render_handover_notice,
                                  NC_("handover", "Rectification Notice") },
    [PD_HANDOVER_FORM_KEY_RECEIPT] = { (PdRenderFunc) pd_form_render_handover_key_receipt,
                                       NC_("handover", "Key and Card Receipt") },
  };
  /* Translators: print job / PDF title: form name and unit code */
  g_autofree char *title = g_strdup_printf (C_("handover", "%s %s"),
                                            g_dpgettext2 (NULL, "handover", forms[form].title),
                                            document->handover->unit_code);

  return pd_renderer_new (title, forms[form].render, document, (GDestroyNotify) pd_handover_document_free);
}
