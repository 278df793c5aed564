/* pd-cli-backup.c — backup FILE, restore FILE, check. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-backup.h"
#include "pd-cli.h"

int
pd_cli_backup (PdContext *ctx,
               int        argc,
               char     **argv)
{
  g_autoptr (GError) error = NULL;

  if (argc != 2)
    return pd_cli_usage_fail ("backup FILE");
  if (!pd_backup_check_file (pd_cli_get_db_path (), &error) ||
      !pd_backup_write_file (pd_cli_get_db_path (), argv[1], &error))
    return pd_cli_fail (error);
  g_print (_("Backed up to %s\n"), argv[1]);
  return 0;
}

/* As the GUI's "restore from…" does: a sound database about to be replaced
 * is first backed up into the backups folder ("before-restore", kept by
 * the rotation of its settings).  A damaged or missing one is not opened
 * (that would migrate it); pd_backup_restore still moves it aside.  The
 * context is closed again before the file is replaced. */
static gboolean
backup_before_restore (const char  *db_path,
                       const char  *backup_path,
                       char       **safety,
                       GError     **error)
{
  g_autoptr (PdContext) ctx = NULL;

  *safety = NULL;
  if (!pd_backup_check_file (db_path, NULL))
    return TRUE;
  ctx = pd_context_open (db_path, error);
  if (ctx == NULL)
    return FALSE;
  *safety = pd_backup_prepare_restore (ctx, backup_path, error);
  return *safety != NULL;
}

int
pd_cli_restore (PdContext *ctx,
                int        argc,
                char     **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *safety = NULL;

  if (argc != 2)
    return pd_cli_usage_fail ("restore FILE");
  if (!backup_before_restore (pd_cli_get_db_path (), argv[1], &safety, &error) ||
      !pd_backup_restore (pd_cli_get_db_path (), argv[1], &aside, &error))
    return pd_cli_fail (error);
  if (safety != NULL)
    g_print (_("Backed up the database before the restore to %s\n"), safety);
  g_print (_("Restored %s from %s\n"), pd_cli_get_db_path (), argv[1]);
  if (aside != NULL)
    g_print (_("The previous database was kept as %s\n"), aside);
  return 0;
}

int
pd_cli_check (PdContext *ctx,
              int        argc,
              char     **argv)
{
  g_autoptr (GError) error = NULL;

  if (argc != 1)
    return pd_cli_usage_fail ("check");
  if (!pd_backup_check_file (pd_cli_get_db_path (), &error))
    return pd_cli_fail (error);
  g_print (_("%s: ok\n"), pd_cli_get_db_path ());
  return 0;
}
