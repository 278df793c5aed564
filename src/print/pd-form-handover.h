/* pd-form-handover.h — the three printed forms of a handover (DOMAIN §2
 * step 8), all A4 and flowing over as many pages as they need:
 *
 *  - 业主入住房屋验收表: unit, owner, date, meter readings, papers, every
 *    checklist item with its result, the defects with their deadlines,
 *    keys and cards, people present, signature lines for the owner,
 *    engineering and customer service;
 *  - 整改通知单: one notice per responsible party, listing its open defects
 *    with their deadlines, for the contractor to sign for;
 *  - the key and card receipt the owner signs.
 *
 * ID numbers and phones print masked (DOMAIN §1). */
#pragma once

#include "pd-handover-document.h"
#include "pd-print-layout.h"
#include "pd-renderer.h"

G_BEGIN_DECLS

typedef enum
{
  PD_HANDOVER_FORM_ACCEPTANCE,
  PD_HANDOVER_FORM_NOTICE,
  PD_HANDOVER_FORM_KEY_RECEIPT,
} PdHandoverForm;

void pd_form_render_handover_acceptance  (cairo_t                  *cr,
                                          PangoContext             *pc,
                                          double                    width_pt,
                                          double                    height_pt,
                                          const PdHandoverDocument *document);
void pd_form_render_handover_notice      (cairo_t                  *cr,
                                          PangoContext             *pc,
                                          double                    width_pt,
                                          double                    height_pt,
                                          const PdHandoverDocument *document);
void pd_form_render_handover_key_receipt (cairo_t                  *cr,
                                          PangoContext             *pc,
                                          double                    width_pt,
                                          double                    height_pt,
                                          const PdHandoverDocument *document);

/* A renderer of @form for @document (which it takes over), titled with the
 * form's name and the unit. */
PdRenderer *pd_form_handover_renderer (PdHandoverForm      form,
                                       PdHandoverDocument *document);

G_END_DECLS
