/* pd-paths.c — see pd-paths.h. */
#include "pd-paths.h"

char *
pd_paths_default_database (void)
{
  const char *override = g_getenv ("PROPDESK_DB");

  if (override != NULL && *override != '\0')
    return g_strdup (override);
  return g_build_filename (g_get_user_data_dir (), "propdesk", "propdesk.db", NULL);
}
