/* pd-demo-handover.h — handovers for the demo estate: one in every status,
 * with defects open and closed, overdue notices and deadlines, relative to
 * the context's clock. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

gboolean pd_demo_handover (PdContext *ctx,
                           GRand     *rand,
                           GError   **error);

G_END_DECLS
