/* pd-release-suggest.c — see pd-release-suggest.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-pinyin.h"
#include "pd-release-suggest.h"

void
pd_release_carrier_free (PdReleaseCarrier *carrier)
{
  if (carrier == NULL)
    return;
  g_free (carrier->name);
  g_free (carrier->id_number);
  g_free (carrier->plate);
  g_free (carrier);
}

GPtrArray *
pd_release_recent_carriers (PdContext  *ctx,
                            guint       limit,
                            GError    **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  /* The row with the highest id per ID number is that carrier's latest
   * slip (SQLite returns the bare columns of the max() row). */
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT carrier_name, carrier_id_number, plate, max (id) AS latest FROM release_slip "
    "GROUP BY carrier_id_number ORDER BY latest DESC LIMIT ?", error);
  g_autoptr (GPtrArray) carriers = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, limit);
  carriers = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_release_carrier_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdReleaseCarrier *carrier = g_new0 (PdReleaseCarrier, 1);

      carrier->name = pd_column_dup (stmt, 0);
      carrier->id_number = pd_column_dup (stmt, 1);
      carrier->plate = pd_column_dup (stmt, 2);
      g_ptr_array_add (carriers, carrier);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pd_database_set_error (database, _("Reading the recent carriers failed"), error);
      return NULL;
    }
  return g_steal_pointer (&carriers);
}

static gboolean
is_ascii_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  return TRUE;
}

int
pd_release_suggest (const char *const *names,
                    const char        *typed)
{
  g_autofree char *folded = NULL;

  if (names == NULL || typed == NULL || *typed == '\0')
    return -1;
  folded = g_utf8_casefold (typed, -1);
  for (int i = 0; names[i] != NULL; i++)
    if (g_strcmp0 (names[i], typed) == 0)
      return i;
  for (int i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = g_utf8_casefold (names[i], -1);
      if (g_str_has_prefix (name, folded))
        return i;
    }
  if (!is_ascii_letters (folded))
    return -1;
  /* Initials first: "sf" should find 沙发 before a name whose full pinyin
   * happens to start with "sf". */
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; names[i] != NULL; i++)
      {
        g_autofree char *full = NULL;
        g_autofree char *initials = NULL;

        pd_pinyin_of_name (names[i], &full, &initials);
        if (g_str_has_prefix (pass == 0 ? initials : full, folded))
          return i;
      }
  return -1;
}
