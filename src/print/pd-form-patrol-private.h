/* pd-form-patrol-private.h — what the patrol forms share. */
#pragma once

#include "pd-form-patrol.h"

G_BEGIN_DECLS

/* "Printed by NAME, TIME" at the foot of every page. */
void pd_form_patrol_footer (PdPrintLayout       *layout,
                            const PdPatrolPrint *print);

G_END_DECLS
