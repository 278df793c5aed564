/* pd-paths.h — where PropDesk keeps its files. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* $PROPDESK_DB when set, else <user data dir>/propdesk/propdesk.db. */
char *pd_paths_default_database (void);

G_END_DECLS
