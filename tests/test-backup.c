/* Backups: copies, rotation, restore that never overwrites, checks,
 * private permissions, a backup before every upgrade. */
#include "config.h"

#include <glib/gstdio.h>

#include "pd-backup.h"
#include "pd-demo.h"
#include "pd-error.h"
#include "pd-settings.h"
#include "pd-test-fixture.h"

static char *
make_demo_db (const char *name,
              guint       units)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (pd_test_tmpdir (), name, NULL);
  g_autoptr (PdContext) ctx = pd_test_context_open (path, "2026-11-23 09:00:00");

  g_assert_true (pd_demo_generate (ctx, units, 1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_backup_and_check (void)
{
  g_autofree char *db = make_demo_db ("source.db", 40);
  g_autofree char *copy = g_build_filename (pd_test_tmpdir (), "copy.db", NULL);
  g_autoptr (GError) error = NULL;
  GStatBuf st;

  g_assert_true (pd_backup_write_file (db, copy, &error));
  g_assert_no_error (error);
  g_assert_true (pd_backup_check_file (copy, &error));
#ifndef G_OS_WIN32
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (db, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
#endif
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (copy, NULL);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit", NULL), ==, 40);
  }
  /* No half-written file is left under the final name or beside it. */
  {
    g_autofree char *part = g_strconcat (copy, ".part", NULL);
    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  }
}

static void
damage (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 40000);
  for (gsize i = 20000; i < 36000; i++)
    data[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (path, data, length, NULL));
}

static void
test_damaged_and_foreign (void)
{
  g_autofree char *db = make_demo_db ("damaged.db", 60);
  g_autofree char *text = g_build_filename (pd_test_tmpdir (), "notes.db", NULL);
  g_autofree char *foreign = g_build_filename (pd_test_tmpdir (), "foreign.db", NULL);
  g_autoptr (GError) error = NULL;
  sqlite3 *raw;

  /* Fold the WAL into the file first, then damage the file. */
  g_assert_cmpint (sqlite3_open (db, &raw), ==, SQLITE_OK);
  sqlite3_exec (raw, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  sqlite3_close (raw);
  damage (db);
  g_assert_false (pd_backup_check_file (db, &error));
  g_assert_error (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "hello", -1, NULL));
  g_assert_false (pd_backup_check_file (text, &error));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (foreign, &raw), ==, SQLITE_OK);
  sqlite3_exec (raw, "CREATE TABLE t (x); PRAGMA user_version = 3", NULL, NULL, NULL);
  sqlite3_close (raw);
  g_assert_false (pd_backup_check_file (foreign, &error));
  g_assert_error (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_NOT_PROPDESK);
}

static void
test_restore_moves_aside (void)
{
  g_autofree char *good = make_demo_db ("good.db", 30);
  g_autofree char *live = make_demo_db ("live.db", 10);
  g_autofree char *backup = g_build_filename (pd_test_tmpdir (), "good-backup.db", NULL);
  g_autofree char *aside = NULL;
  g_autofree char *not_db = g_build_filename (pd_test_tmpdir (), "junk.db", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (pd_backup_write_file (good, backup, &error));
  /* A file that is not a PropDesk database is refused and nothing moves. */
  g_assert_true (g_file_set_contents (not_db, "junk junk junk", -1, NULL));
  g_assert_false (pd_backup_restore (live, not_db, &aside, &error));
  g_assert_null (aside);
  g_clear_error (&error);
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (live, NULL);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit", NULL), ==, 10);
  }

  g_assert_true (pd_backup_restore (live, backup, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  {
    g_autoptr (PdContext) restored = pd_test_context_open (live, NULL);
    g_autoptr (PdContext) old = pd_test_context_open (aside, NULL);
    g_assert_cmpint (pd_test_count (restored, "SELECT count(*) FROM unit", NULL), ==, 30);
    g_assert_cmpint (pd_test_count (old, "SELECT count(*) FROM unit", NULL), ==, 10);
  }
}

static void
touch_backup (const char *dir,
              const char *stamp)
{
  g_autofree char *path = g_strdup_printf ("%s/propdesk-%s.db", dir, stamp);
  g_assert_true (g_file_set_contents (path, "x", 1, NULL));
}

static void
test_rotation (void)
{
  g_autofree char *dir = g_build_filename (pd_test_tmpdir (), "rotation", NULL);
  g_autoptr (GDateTime) now = g_date_time_new_local (2026, 11, 23, 12, 0, 0);
  g_autoptr (GPtrArray) left = NULL;
  guint deleted;

  g_mkdir_with_parents (dir, 0700);
  /* Three a day for 40 days back. */
  for (int day = 0; day < 40; day++)
    for (int hour = 8; hour <= 16; hour += 4)
      {
        g_autoptr (GDateTime) time = g_date_time_add_days (now, -day);
        g_autoptr (GDateTime) at = g_date_time_add_hours (time, hour - 12);
        g_autofree char *stamp = g_date_time_format (at, "%Y%m%d-%H%M%S");
        touch_backup (dir, stamp);
      }
  deleted = pd_backup_rotate (dir, now, 7, 4, NULL);
  left = pd_backup_list (dir);
  /* 7 daily (newest of each of the last 7 days) + the newest of the older
   * ISO weeks within 4 weeks that a daily one does not already cover. */
  g_assert_cmpuint (left->len + deleted, ==, 120);
  g_assert_cmpuint (left->len, >=, 7 + 2);
  g_assert_cmpuint (left->len, <=, 7 + 4);
  /* The newest is kept; nothing older than 4 weeks survives. */
  g_assert_true (g_str_has_suffix (left->pdata[0], "propdesk-20261123-160000.db"));
  for (guint i = 0; i < left->len; i++)
    {
      g_autofree char *name = g_path_get_basename (left->pdata[i]);
      g_assert_cmpstr (name, >=, "propdesk-20261026");
    }
}

/* A PC whose clock was set back names a new backup older than the ones
 * already there; the rotation after it still keeps it (a safety copy taken
 * before a restore must not vanish as it is made). */
static void
test_rotation_keeps_new_backup (void)
{
  g_autofree char *folder = g_build_filename (pd_test_tmpdir (), "clock-back", NULL);
  g_autofree char *db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *written = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_local (2026, 11, 24, 10, 0, 0);
  g_autoptr (GError) error = NULL;

  g_mkdir_with_parents (folder, 0700);
  db = g_build_filename (folder, "clock.db", NULL);
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, "2026-11-24 10:00:00");
  }
  dir = pd_backup_dir_for (db);
  g_mkdir_with_parents (dir, 0700);
  touch_backup (dir, "20261124-180000");   /* later the same day, by the clock before */
  written = pd_backup_automatic_file (db, "before-restore", now, 7, 4, &error);
  g_assert_no_error (error);
  g_assert_nonnull (written);
  g_assert_true (g_str_has_suffix (written, "propdesk-20261124-100000-before-restore.db"));
  g_assert_true (pd_backup_check_file (written, NULL));
}

static void
test_backup_before_upgrade (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "upgrade.db", NULL);
  g_autofree char *dir = pd_backup_dir_for (db);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (PdDatabase) old = pd_database_open_at_version (db, 1, &error);
    g_assert_no_error (error);
    g_assert_true (pd_database_exec (old, "INSERT INTO estate (code, name) VALUES ('E', 'E')", NULL));
  }
  {
    g_autoptr (GPtrArray) before = pd_backup_list (dir);
    g_assert_cmpuint (before->len, ==, 0);
  }
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, NULL);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM estate", NULL), ==, 1);
  }
  after = pd_backup_list (dir);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_true (g_str_has_suffix (after->pdata[0], "-before-upgrade.db"));
  g_assert_true (pd_backup_check_file (after->pdata[0], NULL));
  {
    /* The backup is the database as it was before the upgrade. */
    g_autoptr (PdDatabase) copy = pd_database_open_at_version (after->pdata[0], 1, &error);
    g_assert_cmpint (pd_database_query_int (copy, "PRAGMA user_version", NULL, NULL), ==, 1);
  }
  /* Opening an up-to-date database makes no further upgrade backup. */
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, NULL);
  }
  {
    g_autoptr (GPtrArray) again = pd_backup_list (dir);
    g_assert_cmpuint (again->len, ==, 1);
  }
}

static void
test_cli (void)
{
  g_autofree char *db = make_demo_db ("cli.db", 12);
  g_autofree char *copy = g_build_filename (pd_test_tmpdir (), "cli-copy.db", NULL);
  const char *cli = g_getenv ("PROPDESK_CLI");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  {
    const char *argv[] = { cli, "--db", db, "check", NULL };
    out = pd_test_run (argv, &status, NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "ok"));
  }
  {
    const char *argv[] = { cli, "--db", db, "backup", copy, NULL };
    g_free (out);
    out = pd_test_run (argv, &status, NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (pd_backup_check_file (copy, NULL));
  }
  {
    sqlite3 *raw;
    g_assert_cmpint (sqlite3_open (db, &raw), ==, SQLITE_OK);
    sqlite3_exec (raw, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    sqlite3_close (raw);
  }
  damage (db);
  {
    const char *argv[] = { cli, "--db", db, "check", NULL };
    g_free (out);
    out = pd_test_run (argv, &status, &err);
    g_assert_cmpint (status, !=, 0);
    g_assert_nonnull (strstr (err, "damaged"));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { cli, "--db", db, "restore", "/nonexistent/file.db", NULL };
    g_free (out);
    out = pd_test_run (argv, &status, &err);
    g_assert_cmpint (status, !=, 0);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *argv[] = { cli, "--db", db, "restore", copy, NULL };
    g_free (out);
    out = pd_test_run (argv, &status, NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (pd_backup_check_file (db, NULL));
  }
}

/* "Back up to…": any user may, and the copy (every owner's personal data,
 * unmasked) is logged in export_log: who, when, which file, how many
 * people. */
static void
test_export_logged (void)
{
  g_autofree char *db = make_demo_db ("export.db", 12);
  g_autofree char *copy = g_build_filename (pd_test_tmpdir (), "usb-stick.db", NULL);
  g_autoptr (PdContext) ctx = pd_test_context_open (db, "2026-11-24 16:30:00");
  g_autoptr (GError) error = NULL;
  gint64 people = pd_test_count (ctx, "SELECT count(*) FROM person", NULL);

  g_assert_cmpint (people, >, 12);
  pd_context_set_user (ctx, "zhang", PD_ROLE_CLERK);
  g_assert_true (pd_backup_export (ctx, copy, &error));
  g_assert_no_error (error);
  g_assert_true (pd_backup_check_file (copy, NULL));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log WHERE user_name = 'zhang' "
                                       "AND at = '2026-11-24 16:30:00' AND what = 'database backup' "
                                       "AND unmasked = 1 AND file = ?", copy), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT rows FROM export_log WHERE file = ?", copy), ==, people);

  /* A folder that cannot be written: an error, and nothing logged. */
  g_assert_false (pd_backup_export (ctx, "/nonexistent/folder/copy.db", &error));
  g_assert_nonnull (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log", NULL), ==, 1);
}

static char *
file_digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* The CLI restore keeps what it replaces twice, as the GUI does: a
 * before-restore backup in the backups folder (of a sound database) and the
 * file itself moved aside, byte for byte. */
static void
test_cli_restore_keeps_replaced (void)
{
  g_autofree char *dir = g_build_filename (pd_test_tmpdir (), "cli-restore", NULL);
  g_autofree char *db = NULL;
  g_autofree char *good = g_build_filename (dir, "good.db", NULL);
  g_autofree char *backups = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *out = NULL;
  g_autofree char *aside = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  const char *cli = g_getenv ("PROPDESK_CLI");
  const char *safety = NULL;
  int status;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = make_demo_db ("cli-restore/live.db", 12);
  backups = pd_backup_dir_for (db);
  g_assert_true (pd_backup_write_file (db, good, NULL));
  {
    /* What the restore replaces: the vehicles are gone, on disk. */
    g_autoptr (PdContext) ctx = pd_test_context_open (db, NULL);
    g_assert_true (pd_database_exec (pd_context_get_database (ctx), "DELETE FROM vehicle", NULL));
    g_assert_true (pd_database_exec (pd_context_get_database (ctx), "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  }
  digest = file_digest (db);
  {
    const char *argv[] = { cli, "--db", db, "restore", good, NULL };
    out = pd_test_run (argv, &status, NULL);
    g_assert_cmpint (status, ==, 0);
  }
  listed = pd_backup_list (backups);
  for (guint i = 0; i < listed->len; i++)
    if (g_str_has_suffix (listed->pdata[i], "-before-restore.db"))
      safety = listed->pdata[i];
  g_assert_nonnull (safety);
  g_assert_nonnull (strstr (out, safety));
  {
    g_autoptr (PdContext) kept = pd_test_context_open (safety, NULL);
    g_autoptr (PdContext) restored = pd_test_context_open (db, NULL);
    g_assert_cmpint (pd_test_count (kept, "SELECT count(*) FROM vehicle", NULL), ==, 0);
    g_assert_cmpint (pd_test_count (restored, "SELECT count(*) FROM vehicle", NULL), >, 0);
  }
  /* The replaced file itself, moved aside and named in the output. */
  aside = g_strdup (strstr (out, "kept as ") + strlen ("kept as "));
  g_strstrip (aside);
  {
    g_autofree char *aside_digest = file_digest (aside);
    g_assert_cmpstr (aside_digest, ==, digest);
  }
}

/* "Restore from…": administrators only, sound PropDesk files only; the
 * checks change nothing, the preparation keeps a backup of the current
 * database first. */
static void
test_restore_gate (void)
{
  g_autofree char *db = make_demo_db ("gate.db", 12);
  g_autofree char *good = g_build_filename (pd_test_tmpdir (), "gate-good.db", NULL);
  g_autofree char *text = g_build_filename (pd_test_tmpdir (), "gate-notes.db", NULL);
  g_autofree char *foreign = g_build_filename (pd_test_tmpdir (), "gate-foreign.db", NULL);
  g_autofree char *dir = pd_backup_dir_for (db);
  g_autofree char *safety = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PdContext) ctx = pd_test_context_open (db, "2026-11-24 17:00:00");
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  sqlite3 *raw;

  g_assert_true (pd_backup_write (pd_context_get_database (ctx), good, &error));
  g_assert_true (g_file_set_contents (text, "房号,姓名\n3-2-1201,张三\n", -1, NULL));
  g_assert_cmpint (sqlite3_open (foreign, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (raw);
  before = pd_backup_list (dir);

  pd_context_set_user (ctx, "li", PD_ROLE_MANAGER);
  g_assert_false (pd_backup_check_restore (ctx, good, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (pd_backup_prepare_restore (ctx, good, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);

  pd_context_set_user (ctx, "admin", PD_ROLE_ADMIN);
  g_assert_false (pd_backup_check_restore (ctx, text, &error));
  g_assert_error (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_null (pd_backup_prepare_restore (ctx, foreign, &error));
  g_assert_error (error, PD_DATABASE_ERROR, PD_DATABASE_ERROR_NOT_PROPDESK);
  g_assert_nonnull (strstr (error->message, "not a PropDesk database"));
  g_clear_error (&error);
  after = pd_backup_list (dir);
  g_assert_cmpuint (after->len, ==, before->len);

  g_assert_true (pd_backup_check_restore (ctx, good, &error));
  safety = pd_backup_prepare_restore (ctx, good, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (safety, "propdesk-20261124-170000-before-restore.db"));
  g_assert_true (pd_backup_check_file (safety, NULL));
}

/* Restore after the preparation: the database has the backup's data, the
 * replaced file is kept aside, byte for byte. */
static void
test_restore_after_prepare (void)
{
  g_autofree char *db = make_demo_db ("replace.db", 12);
  g_autofree char *good = g_build_filename (pd_test_tmpdir (), "replace-good.db", NULL);
  g_autofree char *aside = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *safety = NULL;
  g_autoptr (GError) error = NULL;

  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, "2026-11-24 17:00:00");
    g_assert_true (pd_backup_write (pd_context_get_database (ctx), good, &error));
    g_assert_true (pd_database_exec (pd_context_get_database (ctx), "DELETE FROM vehicle", &error));
    g_assert_no_error (error);
    safety = pd_backup_prepare_restore (ctx, good, &error);
    g_assert_nonnull (safety);
  }
  {
    sqlite3 *raw;
    g_assert_cmpint (sqlite3_open (db, &raw), ==, SQLITE_OK);
    sqlite3_exec (raw, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    sqlite3_close (raw);
  }
  digest = file_digest (db);
  g_assert_true (pd_backup_restore (db, good, &aside, &error));
  g_assert_no_error (error);
  {
    g_autofree char *aside_digest = file_digest (aside);
    g_autoptr (PdContext) ctx = pd_test_context_open (db, NULL);
    g_autoptr (PdContext) kept = pd_test_context_open (safety, NULL);
    g_assert_cmpstr (aside_digest, ==, digest);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM vehicle", NULL), >, 0);
    g_assert_cmpint (pd_test_count (kept, "SELECT count(*) FROM vehicle", NULL), ==, 0);
  }
}

/* The rotation counts come from the settings an administrator edits. */
static void
test_keep_counts_settings (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-24 09:00:00");
  g_autoptr (GError) error = NULL;
  guint daily, weekly;

  pd_backup_keep_counts (ctx, &daily, &weekly);
  g_assert_cmpuint (daily, ==, 7);
  g_assert_cmpuint (weekly, ==, 4);
  pd_context_set_user (ctx, "wang", PD_ROLE_MANAGER);
  g_assert_false (pd_settings_set (ctx, "backup.keep_daily", "10", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);
  pd_context_set_user (ctx, "admin", PD_ROLE_ADMIN);
  g_assert_false (pd_settings_set (ctx, "backup.keep_weekly", "-1", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "backup.keep_weekly");
  g_clear_error (&error);
  g_assert_true (pd_settings_set (ctx, "backup.keep_daily", "10", &error));
  g_assert_true (pd_settings_set (ctx, "backup.keep_weekly", "8", &error));
  pd_backup_keep_counts (ctx, &daily, &weekly);
  g_assert_cmpuint (daily, ==, 10);
  g_assert_cmpuint (weekly, ==, 8);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/backup/write-and-check", test_backup_and_check);
  g_test_add_func ("/backup/damaged-and-foreign", test_damaged_and_foreign);
  g_test_add_func ("/backup/restore-moves-aside", test_restore_moves_aside);
  g_test_add_func ("/backup/rotation", test_rotation);
  g_test_add_func ("/backup/rotation-keeps-new-backup", test_rotation_keeps_new_backup);
  g_test_add_func ("/backup/before-upgrade", test_backup_before_upgrade);
  g_test_add_func ("/backup/cli", test_cli);
  g_test_add_func ("/backup/export-logged", test_export_logged);
  g_test_add_func ("/backup/restore-gate", test_restore_gate);
  g_test_add_func ("/backup/cli-restore-keeps-replaced", test_cli_restore_keeps_replaced);
  g_test_add_func ("/backup/restore-after-prepare", test_restore_after_prepare);
  g_test_add_func ("/backup/keep-counts-settings", test_keep_counts_settings);
  return g_test_run ();
}
