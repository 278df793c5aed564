/* pd-form-renovation.h — the printed forms of renovation approvals (DOMAIN
 * §3), drawn with pd-print-layout from a PdRenovationPrint:
 *   装修施工许可证 (for the door of the unit), 装修出入证 (worker passes, eight
 *   per A4 sheet with cut lines), 现场装修巡查表 (today's blank round sheet),
 *   违章整改通知单 and the deposit refund slip. */
#pragma once

#include "pd-print-layout.h"
#include "pd-renovation-print.h"

G_BEGIN_DECLS

void pd_form_render_renovation_permit  (cairo_t                 *cr,
                                        PangoContext            *pc,
                                        double                   width_pt,
                                        double                   height_pt,
                                        const PdRenovationPrint *print);
void pd_form_render_renovation_passes  (cairo_t                 *cr,
                                        PangoContext            *pc,
                                        double                   width_pt,
                                        double                   height_pt,
                                        const PdRenovationPrint *print);
void pd_form_render_renovation_patrol_sheet (cairo_t                 *cr,
                                             PangoContext            *pc,
                                             double                   width_pt,
                                             double                   height_pt,
                                             const PdRenovationPrint *print);
void pd_form_render_renovation_notice  (cairo_t                 *cr,
                                        PangoContext            *pc,
                                        double                   width_pt,
                                        double                   height_pt,
                                        const PdRenovationPrint *print);
void pd_form_render_renovation_refund  (cairo_t                 *cr,
                                        PangoContext            *pc,
                                        double                   width_pt,
                                        double                   height_pt,
                                        const PdRenovationPrint *print);

G_END_DECLS
