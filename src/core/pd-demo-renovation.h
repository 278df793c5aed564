/* pd-demo-renovation.h — renovations for the demo estate. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

/* Renovations in every state of the workflow, with workers, patrols,
 * violations and deposit ledgers, dated relative to the context's clock. */
gboolean pd_demo_renovation (PdContext *ctx,
                             GRand     *rand,
                             GError   **error);

G_END_DECLS
