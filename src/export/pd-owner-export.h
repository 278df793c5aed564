/* pd-owner-export.h — the Owner files list to .xlsx: one row per unit in
 * natural unit order, personal data masked unless asked for by a
 * supervisor, every export logged (pd-export-log.h). */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

/* Writes all units of the current estate to @path.  Returns the number of
 * rows written, -1 on error (refused, or the file could not be written;
 * nothing is logged then). */
gint64 pd_owner_export (PdContext  *ctx,
                        const char *path,
                        gboolean    unmasked,
                        GError    **error);

G_END_DECLS
