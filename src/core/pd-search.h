/* pd-search.h — find owners in a keystroke (DOMAIN §1): by unit code, name,
 * full pinyin, initials (zs → 张三), phone tail, ID tail or plate.
 *
 * Each person and unit has rows in search_key; a query walks index ranges
 * of it in index order and stops at the limit, so the cost does not grow
 * with the estate, not even for a first keystroke that matches a tenth of
 * it. */
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
/* The keys of many people and units rebuilt at once (the end of an
 * import): the same keys as one pd_search_reindex_person() or
 * pd_search_reindex_unit() each.  The ids may come in any order. */
gboolean   pd_search_reindex_many    (PdContext    *ctx,
                                      const gint64 *people,
                                      guint         n_people,
                                      const gint64 *units,
                                      guint         n_units,
                                      GError      **error);
/* Rebuilds every key (after a bulk load). */
gboolean   pd_search_reindex_all     (PdContext  *ctx,
                                      GError    **error);

/* Matches for @text, at most @limit, best first: keys equal to the whole
 * text (a unit code, a name, initials typed in full), then phone and ID
 * tails (3 or more digits), then keys that begin with the text.  Within
 * each kind by the matched key (张三 before 张三丰, zs before zsf), then by
 * unit code, owners before members and tenants, then name.  When more
 * match than @limit, those listed are the best kinds and the first keys
 * alphabetically.  Element type PdSearchHit.  An empty text gives an
 * empty array. */
GPtrArray *pd_search                 (PdContext  *ctx,
                                      const char *text,
                                      guint       limit,
                                      GError    **error);
/* The distinct unit ids of pd_search's hits (@limit hits at most), in its
 * order. */
GArray    *pd_search_unit_ids        (PdContext  *ctx,
                                      const char *text,
                                      guint       limit,
                                      GError    **error);

G_END_DECLS
