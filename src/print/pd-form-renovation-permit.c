/* pd-form-renovation-permit.c — the permit (装修施工许可证) and the worker
 * passes (装修出入证).  See pd-form-renovation.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-form-renovation-private.h"
#include "pd-validate.h"

void
pd_form_renovation_footer (PdPrintLayout           *layout,
                           const PdRenovationPrint *print)
{
  /* Translators: printed at the foot of a form: who printed it and when */
  g_autofree char *text = g_strdup_printf (C_("renovation form", "Printed by %s, %s"), print->printed_by,
                                           print->printed_at);
  pd_print_layout_set_footer (layout, text);
}

void
pd_form_renovation_sign (PdPrintLayout     *layout,
                         const char *const *roles,
                         guint              n_roles)
{
  pd_print_layout_skip (layout, 12);
  pd_print_seal_area (layout, C_("renovation form", "Customer service centre (seal)"), 0, TRUE);
  pd_print_signatures (layout, roles, n_roles);
  pd_print_layout_end (layout);
}

static char *
contractor_text (const PdRenovation *r)
{
  if (r->self_renovation)
    return g_strdup (C_("renovation form", "Self-renovation (undertaking signed)"));
  return g_strdup (r->contractor_name);
}

void
pd_form_render_renovation_permit (cairo_t                 *cr,
                                  PangoContext            *pc,
                                  double                   width_pt,
                                  double                   height_pt,
                                  const PdRenovationPrint *print)
{
  const PdRenovation *r = print->renovation;
  PdPrintLayout *layout = pd_print_layout_begin (cr, pc, width_pt, height_pt);
  g_autofree char *serial = g_strdup_printf (C_("renovation form", "No. %s"), r->serial);
  g_autofree char *scope = pd_renovation_scope_text (r->scope);
  g_autofree char *contractor = contractor_text (r);
  g_autofree char *person = r->self_renovation ? g_strdup ("—")
                                                : g_strdup_printf ("%s %s", r->contractor_person, r->contractor_phone);
  g_autofree char *validity = g_strdup_printf (C_("renovation form", "%s to %s"), r->valid_from, r->valid_to);
  g_autofree char *weekday = NULL, *weekend = NULL, *relaxed = NULL;
  g_autoptr (GString) rules = g_string_new (NULL);
  const char *roles[] = { C_("renovation form", "Issued by"), C_("renovation form", "Engineering") };
  const PdPrintField fields[] = {
    { C_("renovation form", "Unit"), r->unit_code },
    { C_("renovation form", "Owner"), r->owner_name },
    { C_("renovation form", "Applicant"), r->applicant_name },
    { C_("renovation form", "Contractor"), contractor },
    { C_("renovation form", "Person in charge"), person },
    { C_("renovation form", "Permit issued"), r->permit_issued_on },
    { C_("renovation form", "Permitted scope"), scope, 2 },
    { C_("renovation form", "Valid"), validity, 2 },
  };

  pd_form_renovation_footer (layout, print);
  pd_print_title (layout, C_("renovation form", "Renovation Permit"), print->estate_name, r->serial);
  pd_print_paragraph (layout, PD_PRINT_STYLE_LARGE, serial);
  pd_print_grid (layout, 2, fields, G_N_ELEMENTS (fields));

  pd_print_section (layout, C_("renovation form", "Permitted working hours"));
  weekday = g_strdup_printf (C_("renovation form", "Monday to Friday: %s"), print->hours_weekday);
  weekend = g_strdup_printf (C_("renovation form", "Weekends and statutory holidays: %s"), print->hours_weekend);
  pd_print_paragraph (layout, PD_PRINT_STYLE_BODY, weekday);
  pd_print_paragraph (layout, PD_PRINT_STYLE_BODY, weekend);
  if (print->hours_relaxed[0] != '\0')
    {
      relaxed = g_strdup_printf (C_("renovation form", "Within 60 days of the first handover: %s"),
                                 print->hours_relaxed);
      pd_print_paragraph (layout, PD_PRINT_STYLE_BODY, relaxed);
    }

  pd_print_section (layout, C_("renovation form", "Rules on site"));
  g_string_append (rules, C_("renovation form",
    "1. Workers enter with their renovation pass and work only within the permitted scope.\n"
    "2. Structure, exterior, public facilities and pipes must not be changed.\n"
    "3. Materials and debris are bagged and taken to the place the office names.\n"
    "4. Cutting off water or power needs a written request one day ahead.\n"
    "5. Concealed work must be accepted before it is closed.\n"
    "6. Violations are deducted from the deposit by the penalty schedule of the agreement."));
  if (pd_renovation_list_has (r->scope, "hot_work"))
    {
      g_string_append_c (rules, '\n');
      g_string_append (rules, C_("renovation form",
        "7. Hot work is approved with its separate application; keep the fire extinguisher at hand."));
    }
  pd_print_paragraph (layout, PD_PRINT_STYLE_BODY, rules->str);

  pd_form_renovation_sign (layout, roles, G_N_ELEMENTS (roles));
}

void
pd_form_render_renovation_passes (cairo_t                 *cr,
                                  PangoContext            *pc,
                                  double                   width_pt,
                                  double                   height_pt,
                                  const PdRenovationPrint *print)
{
  const PdRenovation *r = print->renovation;
  PdPrintLayout *layout = pd_print_layout_begin (cr, pc, width_pt, height_pt);
  g_autofree char *contractor = contractor_text (r);
  g_autofree char *validity = g_strdup_printf (C_("renovation form", "%s to %s"), r->valid_from, r->valid_to);

  pd_form_renovation_footer (layout, print);
  /* Eight cards per A4 sheet, cut apart along the dashed lines. */
  pd_print_cards_begin (layout, 2, 4);
  for (guint i = 0; i < print->workers->len; i++)
    {
      const PdRenovationWorker *worker = print->workers->pdata[i];
      g_autofree char *id = pd_mask_id (worker->id_number);
      g_autofree char *number = g_strdup_printf ("%s-%02u", r->serial, i + 1);
      const PdPrintField fields[] = {
        { C_("renovation form", "Name"), worker->name },
        { C_("renovation form", "ID no."), id },
        { C_("renovation form", "Unit"), r->unit_code },
        { C_("renovation form", "Contractor"), contractor },
        { C_("renovation form", "Valid"), validity },
      };

      pd_print_card_next (layout);
      pd_print_text_at (layout, PD_PRINT_STYLE_LARGE, pd_print_layout_get_x (layout), pd_print_layout_get_y (layout),
                        pd_print_layout_get_width (layout), PANGO_ALIGN_CENTER,
                        C_("renovation form", "Renovation Pass"));
      pd_print_layout_skip (layout, 22);
      pd_print_text_at (layout, PD_PRINT_STYLE_SMALL, pd_print_layout_get_x (layout), pd_print_layout_get_y (layout),
                        pd_print_layout_get_width (layout), PANGO_ALIGN_CENTER, print->estate_name);
      pd_print_layout_skip (layout, 14);
      pd_print_grid (layout, 1, fields, G_N_ELEMENTS (fields));
      pd_print_text_at (layout, PD_PRINT_STYLE_SMALL, pd_print_layout_get_x (layout),
                        pd_print_layout_get_y (layout) + 4, pd_print_layout_get_width (layout), PANGO_ALIGN_RIGHT,
                        number);
    }
  pd_print_cards_end (layout);
  pd_print_layout_end (layout);
}
