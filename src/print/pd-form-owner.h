/* pd-form-owner.h — the 业主信息登记表 (owner registration form) of one unit:
 * the unit, each owner's particulars (individual or enterprise), household
 * members, tenants, vehicles, the paper archive and the documents checked
 * against originals, consent, and signature lines for owner and clerk. */
#pragma once

#include "pd-owner-form.h"
#include "pd-renderer.h"

G_BEGIN_DECLS

void        pd_form_render_owner   (cairo_t           *cr,
                                    PangoContext      *pc,
                                    double             width_pt,
                                    double             height_pt,
                                    const PdOwnerForm *record);
/* A renderer (for PDF or the print dialog) that takes over @record. */
PdRenderer *pd_form_owner_renderer (PdOwnerForm *record);

G_END_DECLS
