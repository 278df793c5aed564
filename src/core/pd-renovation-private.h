/* pd-renovation-private.h — shared between the renovation core files only:
 * writing a whole record and logging a workflow event. */
#pragma once

#include "pd-renovation.h"

G_BEGIN_DECLS

/* Writes every stored column of @renovation (an existing row). */
gboolean pd_renovation_store     (PdContext          *ctx,
                                  const PdRenovation *renovation,
                                  GError            **error);
/* Appends a history row for @action moving @from → @to. */
gboolean pd_renovation_log_event (PdContext  *ctx,
                                  gint64      renovation_id,
                                  const char *action,
                                  const char *from,
                                  const char *to,
                                  const char *note,
                                  const char *due_on,
                                  GError    **error);

G_END_DECLS
