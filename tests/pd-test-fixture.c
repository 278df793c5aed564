/* pd-test-fixture.c — see pd-test-fixture.h. */
#include "config.h"

#include <glib/gstdio.h>

#include "pd-i18n.h"
#include "pd-test-fixture.h"

static char *tmpdir;

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
cleanup_tmpdir (void)
{
  if (tmpdir != NULL && g_getenv ("PD_TEST_KEEP") == NULL)
    remove_tree (tmpdir);
}

const char *
pd_test_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      tmpdir = g_dir_make_tmp ("propdesk-test-XXXXXX", NULL);
      g_assert_nonnull (tmpdir);
      atexit (cleanup_tmpdir);
    }
  return tmpdir;
}

PdContext *
pd_test_context_open (const char *path,
                      const char *now_iso)
{
  g_autoptr (GError) error = NULL;
  PdContext *ctx = pd_context_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ctx);
  if (now_iso != NULL)
    {
      g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
      int y, mo, d, h = 0, mi = 0, s = 0;
      g_autoptr (GDateTime) now = NULL;

      g_assert_cmpint (sscanf (now_iso, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s), >=, 3);
      now = g_date_time_new (zone, y, mo, d, h, mi, s);
      pd_context_set_now (ctx, now);
    }
  pd_context_set_user (ctx, "tester", PD_ROLE_ADMIN);
  return ctx;
}

PdContext *
pd_test_context_new (const char *now_iso)
{
  return pd_test_context_open (":memory:", now_iso);
}

gint64
pd_test_count (PdContext  *ctx,
               const char *sql,
               const char *param)
{
  g_autoptr (GError) error = NULL;
  gint64 n = pd_database_query_int (pd_context_get_database (ctx), sql, param, &error);

  g_assert_no_error (error);
  return n;
}

gint64
pd_test_pragma_now (PdContext  *ctx,
                    const char *pragma)
{
  sqlite3 *handle = pd_database_get_handle (pd_context_get_database (ctx));
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
pd_test_run (const char *const *argv,
             int               *status,
             char             **stderr_out)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  char *err = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  *status = g_spawn_check_wait_status (wait_status, NULL) ? 0
            : (WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1);
  if (stderr_out)
    *stderr_out = err;
  else
    g_free (err);
  return out;
}

char *
pd_test_pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { program, "-layout", path, "-", NULL };
  g_autoptr (GRegex) spaces = g_regex_new ("[ \u3000]+", 0, 0, NULL);
  g_autofree char *text = NULL;
  int status;

  g_assert_nonnull (program);
  text = pd_test_run (argv, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  return g_regex_replace_literal (spaces, text, -1, 0, "", 0, NULL);
}

void
pd_test_use_chinese (void)
{
  /* LANGUAGE is honoured under C.UTF-8, which exists everywhere, unlike
   * zh_CN.UTF-8. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  pd_i18n_init ();
}

char *
pd_test_kept_aside (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);
  g_autofree char *base = g_path_get_basename (db_path);
  g_autofree char *prefix = g_strconcat (base, ".replaced-", NULL);
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      return g_build_filename (dir, name, NULL);
  return NULL;
}
