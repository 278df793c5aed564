/* pd-form-handover-private.h — what the handover forms share. */
#pragma once

#include "pd-form-handover.h"

G_BEGIN_DECLS

/* Starts a form: layout, footer "printed by … at …", the title with the
 * estate name and the handover's number. */
PdPrintLayout *pd_form_handover_begin (cairo_t                  *cr,
                                       PangoContext             *pc,
                                       double                    width_pt,
                                       double                    height_pt,
                                       const PdHandoverDocument *document,
                                       const char               *title,
                                       const char               *serial);

G_END_DECLS
