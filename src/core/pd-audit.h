/* pd-audit.h — the change log of user data (001: 更新时间、更新内容、更新人).
 *
 * Every table listed in audited_table gets TEMP triggers on each connection
 * PropDesk opens, so no write path can forget to log: an insert logs the new
 * row, a delete the old row (both as JSON, without the fields that are
 * empty), an update one row per changed field with old and new value.
 * Temporary triggers keep the database file usable from plain sqlite3,
 * which lacks the pd_user(), pd_now() and pd_audit_row() functions. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 id;
  char  *at;
  char  *user_name;
  char  *table_name;
  gint64 record_id;
  char  *action;
  char  *field;
  char  *old_value;
  char  *new_value;
} PdAuditEntry;

void       pd_audit_entry_free         (PdAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdAuditEntry, pd_audit_entry_free)

/* The names in audited_table; NULL on error. */
GStrv      pd_audit_list_tables        (PdDatabase  *database,
                                        GError     **error);
gboolean   pd_audit_install_triggers   (PdDatabase  *database,
                                        GError     **error);
/* The SQL function the triggers use (pd-audit-row.c); made by
 * pd_audit_install_triggers() on its connection. */
gboolean   pd_audit_register_row_function (PdDatabase  *database,
                                           GError     **error);

/* Bulk writes (pd-bulk.h), inside the caller's transaction: begin drops the
 * insert triggers, and end logs every row inserted meanwhile exactly as the
 * triggers would have (one entry per row, by the same user, with its
 * values as JSON), in one statement per table, then puts the triggers
 * back.  Update and delete triggers stay.  After a rollback, cancel: the
 * rollback has already restored the triggers. */
gboolean   pd_audit_bulk_begin         (PdDatabase  *database,
                                        GError     **error);
gboolean   pd_audit_bulk_end           (PdDatabase  *database,
                                        GError     **error);
void       pd_audit_bulk_cancel        (PdDatabase  *database);

/* Entries of one record, newest first.  Element type PdAuditEntry. */
GPtrArray *pd_audit_list_record        (PdContext   *ctx,
                                        const char  *table_name,
                                        gint64       record_id,
                                        GError     **error);

G_END_DECLS
