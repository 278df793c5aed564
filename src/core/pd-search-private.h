/* pd-search-private.h — how a text becomes a search key, for the writers
 * of the keys (pd-search-index.c) and the queries (pd-search.c) alike: a
 * key and a query compare only when both were folded the same way. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Keys for "ends with" searches (phone and ID tails) are stored reversed
 * behind this marker, so they are prefix searches too. */
#define PD_SEARCH_TAIL_MARK "~"

/* @text lower-cased, without spaces and dashes of any kind ("3-2 1201" →
 * "321201").  Every stored key and every query go through here. */
char *pd_search_key_normalise (const char *text);
/* @number as typed or stored ("0755-88886666"): its normalised key reversed
 * behind PD_SEARCH_TAIL_MARK. */
char *pd_search_key_tail      (const char *number);

G_END_DECLS
