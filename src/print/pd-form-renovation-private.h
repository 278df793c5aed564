/* pd-form-renovation-private.h — what the renovation forms share. */
#pragma once

#include "pd-form-renovation.h"

G_BEGIN_DECLS

/* "Printed by NAME, TIME" at the foot of every page. */
void pd_form_renovation_footer (PdPrintLayout           *layout,
                                const PdRenovationPrint *print);
/* The office seal beside the signature lines of @roles, then the end of
 * the layout. */
void pd_form_renovation_sign   (PdPrintLayout           *layout,
                                const char *const       *roles,
                                guint                    n_roles);

G_END_DECLS
