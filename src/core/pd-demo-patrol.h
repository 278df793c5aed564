/* pd-demo-patrol.h — vacant-unit patrols for the demo estate: files of the
 * vacant units, a few months of rounds, open and closed anomalies, the key
 * register with loans back, out and overdue — relative to the context's
 * clock. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

gboolean pd_demo_patrol (PdContext *ctx,
                         GRand     *rand,
                         GError   **error);

G_END_DECLS
