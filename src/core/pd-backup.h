/* pd-backup.h — never lose a record: online backups with SQLite's backup
 * API, rotation, restore, integrity checks, private file permissions. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

/* Copies the open database to @dest_path (written to a temporary name, then
 * renamed, so a half-written backup never has the final name), readable by
 * the user only, and checks the copy's integrity. */
gboolean  pd_backup_write           (PdDatabase  *database,
                                     const char  *dest_path,
                                     GError     **error);
/* Copies the database file at @db_path (not open) the same way. */
gboolean  pd_backup_write_file      (const char  *db_path,
                                     const char  *dest_path,
                                     GError     **error);

/* The automatic backups' folder: <folder of the database>/backups. */
char     *pd_backup_dir_for         (const char  *db_path);
/* Writes <dir>/propdesk-YYYYMMDD-HHMMSS[-reason].db for @db_path and
 * rotates: the newest backup of each of the last @keep_daily days and of
 * each of the last @keep_weekly ISO weeks are kept, the rest deleted.
 * Returns the new backup's path. */
char     *pd_backup_automatic       (PdDatabase  *database,
                                     const char  *reason,
                                     GDateTime   *now,
                                     guint        keep_daily,
                                     guint        keep_weekly,
                                     GError     **error);
/* The same from the file through a connection of its own, so it can run in
 * a worker thread while the application keeps working. */
char     *pd_backup_automatic_file  (const char  *db_path,
                                     const char  *reason,
                                     GDateTime   *now,
                                     guint        keep_daily,
                                     guint        keep_weekly,
                                     GError     **error);
/* Deletes what the rotation does not keep; returns how many were deleted.
 * @just_written (or NULL) is kept whatever its name's time: a clock set back
 * names a new backup older than the ones before it. */
guint     pd_backup_rotate          (const char  *dir,
                                     GDateTime   *now,
                                     guint        keep_daily,
                                     guint        keep_weekly,
                                     const char  *just_written);
/* Automatic backups in @dir, newest first (full paths). */
GPtrArray *pd_backup_list           (const char  *dir);
/* The newest backup in @dir that passes pd_backup_check_file, or NULL. */
char     *pd_backup_newest_good     (const char  *dir);

/* TRUE when @path is a readable, undamaged PropDesk database no newer than
 * this program; otherwise a message saying what is wrong. */
gboolean  pd_backup_check_file      (const char  *path,
                                     GError     **error);
/* The same with PRAGMA quick_check: a minute or less, but over a gigabyte
 * still seconds (every page is read). */
gboolean  pd_backup_quick_check_file (const char  *path,
                                      GError     **error);
/* What the start can afford before the window: the file is a PropDesk
 * database no newer than this program and its schema pages are sound.
 * A file that opening would migrate is checked in full at once; otherwise
 * @full_check_due says the caller still owes pd_backup_quick_check_file,
 * off the critical path (in a worker, after the first frame). */
gboolean  pd_backup_start_check_file (const char  *path,
                                      gboolean    *full_check_due,
                                      GError     **error);
/* Replaces the database at @db_path (which must not be open) by a copy of
 * @backup_path after checking the backup.  The replaced file is moved aside
 * to <db_path>.replaced-YYYYMMDD-HHMMSS, never overwritten; its name is
 * returned in @moved_aside (NULL when there was no file). */
gboolean  pd_backup_restore         (const char  *db_path,
                                     const char  *backup_path,
                                     char       **moved_aside,
                                     GError     **error);
/* Moves a damaged database (and its -wal/-shm) aside; returns the new name. */
char     *pd_backup_move_aside      (const char  *db_path,
                                     const char  *suffix,
                                     GError     **error);

/* "Back up to…" (e.g. a USB stick), for any user: a copy of the context's
 * database written as pd_backup_write does.  The copy holds every owner's
 * personal data unmasked, so it is logged in export_log like any unmasked
 * export (who, when, which file, how many people). */
gboolean  pd_backup_export          (PdContext   *ctx,
                                     const char  *dest_path,
                                     GError     **error);
/* Whether "restore from…" may replace the context's database by
 * @backup_path: admin only, and the file must pass pd_backup_check_file.
 * Changes nothing. */
gboolean  pd_backup_check_restore   (PdContext   *ctx,
                                     const char  *backup_path,
                                     GError     **error);
/* Before "restore from…" replaces the context's database: the checks of
 * pd_backup_check_restore, then an automatic backup of the
 * current database ("before-restore", kept by the rotation of the settings)
 * is written.  Nothing else is changed: the caller then closes the database
 * and calls pd_backup_restore.  Returns the safety backup's path. */
char     *pd_backup_prepare_restore (PdContext   *ctx,
                                     const char  *backup_path,
                                     GError     **error);
/* The rotation counts of the settings backup.keep_daily / keep_weekly. */
void      pd_backup_keep_counts     (PdContext   *ctx,
                                     guint       *keep_daily,
                                     guint       *keep_weekly);

/* Creates @path empty with permissions 0600 when it does not exist, so
 * SQLite (and its -wal/-shm, which copy the mode) never make it readable by
 * others. */
gboolean  pd_file_create_private    (const char  *path,
                                     GError     **error);

G_END_DECLS
