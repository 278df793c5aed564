/* pd-backup.c — see pd-backup.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pd-backup.h"
#include "pd-error.h"
#include "pd-export-log.h"
#include "pd-settings.h"

#define BACKUP_PREFIX "propdesk-"
#define BACKUP_SUFFIX ".db"

gboolean
pd_file_create_private (const char  *path,
                        GError     **error)
{
  int fd;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fd >= 0)
    g_close (fd, NULL);
  return TRUE;
}

static gboolean
set_sqlite_error (sqlite3     *db,
                  const char  *path,
                  GError     **error)
{
  g_set_error (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_SQL, _("“%s”: %s"), path,
               db ? sqlite3_errmsg (db) : _("out of memory"));
  return FALSE;
}

static gboolean
copy_connection (sqlite3     *source,
                 const char  *dest_path,
                 GError     **error)
{
  g_autofree char *partial = g_strconcat (dest_path, ".part", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  g_unlink (partial);
  if (!pd_file_create_private (partial, error))
    return FALSE;
  pd_database_library_init ();
  if (sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      set_sqlite_error (dest, partial, error);
      sqlite3_close (dest);
      g_unlink (partial);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      set_sqlite_error (dest, partial, error);
      sqlite3_close (dest);
      g_unlink (partial);
      return FALSE;
    }
  /* All pages in one step: the copy is a consistent snapshot. */
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_SQL,
                   _("Backup to “%s” failed: %s"), dest_path, sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (partial);
      return FALSE;
    }
  /* A backup is one self-contained file: no -wal next to it. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);
  if (!pd_backup_check_file (partial, error))
    {
      g_prefix_error (error, _("The backup copy failed its check: "));
      g_unlink (partial);
      return FALSE;
    }
#ifdef G_OS_WIN32
  g_unlink (dest_path);
#endif
  if (g_rename (partial, dest_path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), dest_path, g_strerror (saved));
      g_unlink (partial);
      return FALSE;
    }
  g_chmod (dest_path, 0600);
  return TRUE;
}

gboolean
pd_backup_write (PdDatabase  *database,
                 const char  *dest_path,
                 GError     **error)
{
  return copy_connection (pd_database_get_handle (database), dest_path, error);
}

gboolean
pd_backup_write_file (const char  *db_path,
                      const char  *dest_path,
                      GError     **error)
{
  sqlite3 *source = NULL;
  gboolean ok;

  pd_database_library_init ();
  if (sqlite3_open_v2 (db_path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      set_sqlite_error (source, db_path, error);
      sqlite3_close (source);
      return FALSE;
    }
  ok = copy_connection (source, dest_path, error);
  sqlite3_close (source);
  return ok;
}

char *
pd_backup_dir_for (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  return g_build_filename (dir, "backups", NULL);
}

/* "propdesk-20261123-093000-reason.db" → its time; NULL for other names. */
static GDateTime *
backup_time (const char *name)
{
  int y, mo, d, h, mi, s;

  if (!g_str_has_prefix (name, BACKUP_PREFIX) || !g_str_has_suffix (name, BACKUP_SUFFIX))
    return NULL;
  if (sscanf (name + strlen (BACKUP_PREFIX), "%4d%2d%2d-%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return NULL;
  return g_date_time_new_local (y, mo, d, h, mi, s);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  g_autofree char *name_a = g_path_get_basename (*(char **) a);
  g_autofree char *name_b = g_path_get_basename (*(char **) b);
  /* Names start with the timestamp, so text order is time order. */
  return -strcmp (name_a, name_b);
}

GPtrArray *
pd_backup_list (const char *dir)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autoptr (GDateTime) time = backup_time (name);
      if (time != NULL)
        g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
    }
  g_ptr_array_sort (paths, compare_newest_first);
  return paths;
}

guint
pd_backup_rotate (const char *dir,
                  GDateTime  *now,
                  guint       keep_daily,
                  guint       keep_weekly,
                  const char *just_written)
{
  g_autoptr (GPtrArray) paths = pd_backup_list (dir);
  g_autoptr (GHashTable) days_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) weeks_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint deleted = 0;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autofree char *name = g_path_get_basename (path);
      g_autoptr (GDateTime) time = backup_time (name);
      g_autofree char *day = g_date_time_format (time, "%Y-%m-%d");
      g_autofree char *week = g_date_time_format (time, "%G-W%V");
      GTimeSpan age = g_date_time_difference (now, time);
      gboolean keep = FALSE;

      /* Paths are newest first: the first seen of a day or week is its newest. */
      if (i == 0 || g_strcmp0 (path, just_written) == 0)
        keep = TRUE;
      if (age < (GTimeSpan) keep_daily * G_TIME_SPAN_DAY && !g_hash_table_contains (days_seen, day))
        keep = TRUE;
      if (age < (GTimeSpan) keep_weekly * 7 * G_TIME_SPAN_DAY && !g_hash_table_contains (weeks_seen, week))
        keep = TRUE;
      g_hash_table_add (days_seen, g_steal_pointer (&day));
      g_hash_table_add (weeks_seen, g_steal_pointer (&week));
      if (!keep && g_unlink (path) == 0)
        deleted++;
    }
  return deleted;
}

static char *
automatic_backup (PdDatabase  *database,
                  const char  *db_path,
                  const char  *reason,
                  GDateTime   *now,
                  guint        keep_daily,
                  guint        keep_weekly,
                  GError     **error)
{
  g_autofree char *dir = pd_backup_dir_for (db_path);
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = NULL;
  char *path;
  gboolean written;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create the backup folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }
  name = g_strdup_printf (BACKUP_PREFIX "%s%s%s" BACKUP_SUFFIX, stamp,
                          reason && *reason ? "-" : "", reason ? reason : "");
  path = g_build_filename (dir, name, NULL);
  written = database != NULL ? pd_backup_write (database, path, error)
                             : pd_backup_write_file (db_path, path, error);
  if (!written)
    {
      g_free (path);
      return NULL;
    }
  pd_backup_rotate (dir, now, keep_daily, keep_weekly, path);
  return path;
}

char *
pd_backup_automatic (PdDatabase  *database,
                     const char  *reason,
                     GDateTime   *now,
                     guint        keep_daily,
                     guint        keep_weekly,
                     GError     **error)
{
  return automatic_backup (database, pd_database_get_path (database), reason, now, keep_daily,
                           keep_weekly, error);
}

char *
pd_backup_automatic_file (const char  *db_path,
                          const char  *reason,
                          GDateTime   *now,
                          guint        keep_daily,
                          guint        keep_weekly,
                          GError     **error)
{
  return automatic_backup (NULL, db_path, reason, now, keep_daily, keep_weekly, error);
}

static gboolean check_file (const char *path, const char *pragma, int *version_out, GError **error);

gboolean
pd_backup_check_file (const char  *path,
                      GError     **error)
{
  return check_file (path, "PRAGMA integrity_check", NULL, error);
}

gboolean
pd_backup_quick_check_file (const char  *path,
                            GError     **error)
{
  return check_file (path, "PRAGMA quick_check", NULL, error);
}

gboolean
pd_backup_start_check_file (const char  *path,
                            gboolean    *full_check_due,
                            GError     **error)
{
  int version = -1;

  *full_check_due = FALSE;
  /* The schema's own pages: every later read starts there, and a file
   * that is not a database fails here. */
  if (!check_file (path, "PRAGMA quick_check(sqlite_master)", &version, error))
    return FALSE;
  /* A file about to be migrated is written at once: a damaged one must
   * not be, so it is checked in full first (once per upgrade). */
  if (version < pd_database_schema_version ())
    return pd_backup_quick_check_file (path, error);
  *full_check_due = TRUE;
  return TRUE;
}

static gboolean
check_file (const char  *path,
            const char  *pragma,
            int         *version_out,
            GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *result = NULL;
  int version = -1, tables = 0;
  gboolean ok = FALSE;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("“%s” does not exist."), path);
      return FALSE;
    }
  pd_database_library_init ();
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    goto damaged;
  if (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    goto damaged;
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  /* SQLite lists every broken cell; the first few lines tell the story. */
  if (result != NULL)
    {
      g_auto (GStrv) lines = g_strsplit (result, "\n", 4);
      if (g_strv_length (lines) > 3)
        {
          g_free (lines[3]);
          lines[3] = g_strdup ("…");
        }
      g_free (result);
      result = g_strjoinv ("\n", lines);
    }
  stmt = NULL;
  if (g_strcmp0 (result, "ok") != 0)
    goto damaged;
  if (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                              "AND name IN ('setting', 'audit_log', 'unit', 'person')), "
                              "(SELECT user_version FROM pragma_user_version)", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    goto damaged;
  tables = sqlite3_column_int (stmt, 0);
  version = sqlite3_column_int (stmt, 1);
  if (tables != 4 || version < 1)
    {
      g_set_error (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_NOT_PROPDESK,
                   _("“%s” is not a PropDesk database."), path);
      goto out;
    }
  if (version > pd_database_schema_version ())
    {
      g_set_error (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of PropDesk."), path);
      goto out;
    }
  if (version_out != NULL)
    *version_out = version;
  ok = TRUE;
  goto out;

damaged:
  g_set_error (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_CORRUPT,
               _("“%s” is damaged or not a database: %s"), path,
               result ? result : (db ? sqlite3_errmsg (db) : _("cannot be opened")));
out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

char *
pd_backup_newest_good (const char *dir)
{
  g_autoptr (GPtrArray) paths = pd_backup_list (dir);

  for (guint i = 0; i < paths->len; i++)
    if (pd_backup_check_file (paths->pdata[i], NULL))
      return g_strdup (paths->pdata[i]);
  return NULL;
}

char *
pd_backup_move_aside (const char  *db_path,
                      const char  *suffix,
                      GError     **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.%s-%s", db_path, suffix, stamp);
  static const char *const companions[] = { "-wal", "-shm" };

  if (g_rename (db_path, aside) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot move “%s” aside: %s"), db_path, g_strerror (saved));
      return NULL;
    }
  /* The journal belongs to the file it was written for. */
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (db_path, companions[i], NULL);
      g_autofree char *to = g_strconcat (aside, companions[i], NULL);
      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }
  return g_steal_pointer (&aside);
}

gboolean
pd_backup_restore (const char  *db_path,
                   const char  *backup_path,
                   char       **moved_aside,
                   GError     **error)
{
  g_autofree char *aside = NULL;

  if (moved_aside)
    *moved_aside = NULL;
  if (!pd_backup_check_file (backup_path, error))
    return FALSE;
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      aside = pd_backup_move_aside (db_path, "replaced", error);
      if (aside == NULL)
        return FALSE;
    }
  if (!pd_backup_write_file (backup_path, db_path, error))
    {
      /* Put the original back rather than leave nothing. */
      if (aside != NULL)
        g_rename (aside, db_path);
      return FALSE;
    }
  if (moved_aside)
    *moved_aside = g_steal_pointer (&aside);
  return TRUE;
}

void
pd_backup_keep_counts (PdContext *ctx,
                       guint     *keep_daily,
                       guint     *keep_weekly)
{
  *keep_daily = (guint) pd_settings_get_int (ctx, "backup.keep_daily", 7);
  *keep_weekly = (guint) pd_settings_get_int (ctx, "backup.keep_weekly", 4);
}

gboolean
pd_backup_export (PdContext   *ctx,
                  const char  *dest_path,
                  GError     **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  gint64 people = pd_database_query_int (database, "SELECT count(*) FROM person", NULL, error);

  if (people < 0 || !pd_backup_write (database, dest_path, error))
    return FALSE;
  return pd_export_log_add (ctx, "database backup", people, TRUE, dest_path, error);
}

gboolean
pd_backup_check_restore (PdContext   *ctx,
                         const char  *backup_path,
                         GError     **error)
{
  return pd_context_require_role (ctx, PD_ROLE_ADMIN, _("restore the database from a backup"), error) &&
         pd_backup_check_file (backup_path, error);
}

char *
pd_backup_prepare_restore (PdContext   *ctx,
                           const char  *backup_path,
                           GError     **error)
{
  g_autoptr (GDateTime) now = NULL;
  guint keep_daily, keep_weekly;

  if (!pd_backup_check_restore (ctx, backup_path, error))
    return NULL;
  now = pd_context_now (ctx);
  pd_backup_keep_counts (ctx, &keep_daily, &keep_weekly);
  return pd_backup_automatic (pd_context_get_database (ctx), "before-restore", now, keep_daily,
                              keep_weekly, error);
}
