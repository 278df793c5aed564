/* pd-form-release-slip.h — the release slip (放行条) on A4: two parts on
 * one sheet (一式两联: office counterfoil above, gate copy below, a cut
 * line between), each with the QR code of serial and verification code.
 * One sheet per slip, so a batch prints as many pages as slips. */
#pragma once

#include "pd-print-layout.h"
#include "pd-release-print.h"
#include "pd-renderer.h"

G_BEGIN_DECLS

void pd_form_render_release_slips (cairo_t              *cr,
                                   PangoContext         *pc,
                                   double                width_pt,
                                   double                height_pt,
                                   const PdReleasePrint *print);
/* The document for the PDF writer and the print dialog; takes @print. */
PdRenderer *pd_form_release_slips_renderer (PdReleasePrint *print);

G_END_DECLS
