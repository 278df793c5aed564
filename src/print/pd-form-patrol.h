/* pd-form-patrol.h — the printed forms of vacant-unit patrols (DOMAIN §4),
 * drawn with pd-print-layout from a PdPatrolPrint (pd-patrol-print.h):
 *   空置房巡查表 — the blank sheet of one building for the round: its vacant
 *     units (walking order, next due date) × the checklist, a note column,
 *     signature lines;
 *   巡查记录 — one recorded patrol, item by item, with its anomalies;
 *   整改通知单 — the rectification notice of an anomaly to its department;
 *   空置房巡查月报 — the monthly summary: figures, buildings, inspectors and
 *     the anomalies still open. */
#pragma once

#include "pd-patrol-print.h"
#include "pd-print-layout.h"

G_BEGIN_DECLS

void pd_form_render_patrol_sheet   (cairo_t             *cr,
                                    PangoContext        *pc,
                                    double               width_pt,
                                    double               height_pt,
                                    const PdPatrolPrint *print);
void pd_form_render_patrol_record  (cairo_t             *cr,
                                    PangoContext        *pc,
                                    double               width_pt,
                                    double               height_pt,
                                    const PdPatrolPrint *print);
void pd_form_render_patrol_notice  (cairo_t             *cr,
                                    PangoContext        *pc,
                                    double               width_pt,
                                    double               height_pt,
                                    const PdPatrolPrint *print);
void pd_form_render_patrol_summary (cairo_t             *cr,
                                    PangoContext        *pc,
                                    double               width_pt,
                                    double               height_pt,
                                    const PdPatrolPrint *print);

G_END_DECLS
