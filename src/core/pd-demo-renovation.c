/* pd-demo-renovation.c — see pd-demo-renovation.h. */
#include "config.h"

#include "pd-demo-renovation.h"

gboolean
pd_demo_renovation (PdContext *ctx,
                    GRand     *rand,
                    GError   **error)
{
  return TRUE;
}
