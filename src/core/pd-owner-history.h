/* pd-owner-history.h — the change history of an owner file, read from the
 * audit log and put into words: which record (the unit, an owner, a
 * tenancy, a vehicle), which field (its translated label), the old and the
 * new value (codes turned into labels, person ids into names), when and by
 * whom (001: 更新时间、更新内容、更新人). */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;          /* the audit_log row */
  char   *at;
  char   *user_name;
  char   *record;      /* "Unit", "Owner 张三", "Vehicle 京A12345" … */
  char   *field;       /* translated field label, or "Created"/"Deleted" */
  char   *old_value;   /* display text, "" when none */
  char   *new_value;
} PdHistoryEntry;

void        pd_history_entry_free        (PdHistoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdHistoryEntry, pd_history_entry_free)

/* Every change of the unit, of the roles anyone ever held on it, of those
 * people and of their vehicles, newest first.  Element type PdHistoryEntry. */
GPtrArray  *pd_owner_history_list        (PdContext  *ctx,
                                          gint64      unit_id,
                                          GError    **error);

/* The translated label of a column of unit, person, unit_role or vehicle;
 * the column name itself when it has none. */
const char *pd_owner_history_field_label (const char *table,
                                          const char *field);

G_END_DECLS
