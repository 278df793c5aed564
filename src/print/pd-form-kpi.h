/* pd-form-kpi.h — the monthly KPI report (DOMAIN §8) on one A4 page: the
 * figures of the month beside the month before and the same month last
 * year, and a bar chart of the rates, for the supervisor to sign and hand
 * in by the 28th. */
#pragma once

#include "pd-kpi.h"
#include "pd-print-layout.h"
#include "pd-renderer.h"

G_BEGIN_DECLS

void        pd_form_render_kpi   (cairo_t           *cr,
                                  PangoContext      *pc,
                                  double             width_pt,
                                  double             height_pt,
                                  const PdKpiReport *report);
/* The document for the PDF writer and the print dialog; takes @report. */
PdRenderer *pd_form_kpi_renderer (PdKpiReport *report);

G_END_DECLS
