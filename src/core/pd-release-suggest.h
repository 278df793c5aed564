/* pd-release-suggest.h — what makes issuing a slip take seconds: the
 * item names and carriers the office used before, found by typing a few
 * letters of their pinyin ("sf" → 沙发, "cs" → 陈师傅), as owners are
 * found elsewhere (pd-search.h). */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  char *name;
  char *id_number;
  char *plate;
} PdReleaseCarrier;

void       pd_release_carrier_free     (PdReleaseCarrier *carrier);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdReleaseCarrier, pd_release_carrier_free)

/* Carriers of the latest slips, one per ID number, most recent first.
 * Element type PdReleaseCarrier. */
GPtrArray *pd_release_recent_carriers  (PdContext  *ctx,
                                        guint       limit,
                                        GError    **error);

/* The index in @names (tried in their order, so most used first) of the
 * best match for @typed, -1 when none: the name itself, then a name that
 * starts with @typed, then — for typed ASCII letters — a name whose pinyin
 * initials or full pinyin start with them.  Case is ignored. */
int        pd_release_suggest          (const char *const *names,
                                        const char        *typed);

G_END_DECLS
