/* pd-bulk.h — many records written as one user action (an import).
 *
 * Written one at a time, every person and unit rebuilds its search keys
 * (a person twice: when created and when given a role) and every write
 * tells the views "changed"; for a 100,000-row owner ledger that was most
 * of the time.  Between pd_bulk_begin() and pd_bulk_end() the core writers
 * still validate and write each record exactly as before, but only note
 * which people and units need new search keys and which tables changed;
 * pd_bulk_end() rebuilds each key set once and emits "changed" once per
 * table.
 *
 * The caller owns the transaction and calls pd_bulk_end() inside it, so the
 * keys are committed or rolled back with the rows; after rolling back
 * instead, pd_bulk_cancel() forgets what was noted.  Not nestable. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef enum
{
  PD_BULK_PERSON,
  PD_BULK_UNIT,
} PdBulkKind;

/* Inside the caller's transaction.  The audit log gets the same entries
 * as for single writes (see pd_audit_bulk_begin()), written per table at
 * the end. */
gboolean  pd_bulk_begin  (PdContext *ctx,
                          GError   **error);
/* Ends the bulk write: rebuilds the noted search keys, then emits the
 * noted "changed" signals.  On failure the caller rolls back. */
gboolean  pd_bulk_end    (PdContext *ctx,
                          GError   **error);
void      pd_bulk_cancel (PdContext *ctx);
gboolean  pd_bulk_active (PdContext *ctx);

/* For the core's writers.  Rebuilds the search keys of the person or unit
 * @id now, or notes it for pd_bulk_end() when a bulk write is open. */
gboolean  pd_bulk_reindex       (PdContext  *ctx,
                                 PdBulkKind  kind,
                                 gint64      id,
                                 GError    **error);
/* TRUE when a bulk write is open and has noted @table, so
 * pd_context_notify_changed() emits nothing now. */
gboolean  pd_bulk_defer_notify  (PdContext  *ctx,
                                 const char *table);

G_END_DECLS
