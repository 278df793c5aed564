/* pd-search.h — find owners in a keystroke (DOMAIN §1): by unit code, name,
 * full pinyin, initials (zs → 张三), phone tail, ID tail or plate.
 *
 * Each person and unit has rows in search_key; every query is one or two
 * index range scans, so the cost does not grow with the estate. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  unit_id;
  gint64  person_id;    /* 0 for a unit matched by its code with nobody on it */
  char   *unit_code;
  char   *name;
  char   *role;
} PdSearchHit;

void       pd_search_hit_free        (PdSearchHit *hit);

gboolean   pd_search_reindex_person  (PdContext  *ctx,
                                      gint64      person_id,
                                      GError    **error);
gboolean   pd_search_reindex_unit    (PdContext  *ctx,
                                      gint64      unit_id,
                                      GError    **error);
/* Rebuilds every key (after a bulk load). */
gboolean   pd_search_reindex_all     (PdContext  *ctx,
                                      GError    **error);

/* Matches for @text, at most @limit, ordered by unit code.  Element type
 * PdSearchHit.  An empty text gives an empty array. */
GPtrArray *pd_search                 (PdContext  *ctx,
                                      const char *text,
                                      guint       limit,
                                      GError    **error);
/* The distinct unit ids matching @text, ordered by unit code. */
GArray    *pd_search_unit_ids        (PdContext  *ctx,
                                      const char *text,
                                      guint       limit,
                                      GError    **error);

G_END_DECLS
