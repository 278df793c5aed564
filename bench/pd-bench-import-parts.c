/* pd-bench-import-parts.c — where the owner import's time goes.
 *
 * The import misses its target, and the issue asks for the cause to be
 * profiled: this is the part of that profile the benchmark can repeat on
 * any machine.  One more import of the .csv ledger runs in this process
 * into a new database, with SQLite's profile hook on (it costs a little per
 * statement, so this run is not one of the timed runs above).  The time is
 * split where the import's own structure splits it:
 *
 *   - reading the file into a table, before the first row is written;
 *   - writing the rows (until the last progress report), and of that the
 *     time inside SQLite's statements;
 *   - between the rows and the commit (pd_bulk_end): the audit log's
 *     statements (they name audit_log), and the rest, which is the search
 *     keys of the new people and units (read back, worked out, inserted,
 *     their indexes made again);
 *   - the commit (the last RELEASE or COMMIT: the write-ahead log written
 *     and synced) and the checkpoint SQLite runs after it, timed through a
 *     WAL hook that does what SQLite's own does;
 *   - what is left until the import returns (the rows are freed on
 *     another thread during the commit, and waited for after it). */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pd-bench.h"
#include "pd-database.h"
#include "pd-ledger.h"
#include "pd-owner-import.h"
#include "pd-pinyin.h"

typedef enum
{
  STATEMENT_OTHER,
  STATEMENT_AUDIT,
  STATEMENT_COMMIT,
} StatementKind;

typedef struct
{
  double        ended_ms;   /* now_ms() when it finished */
  double        ms;
  StatementKind kind;
} Statement;

typedef struct
{
  GHashTable *started;            /* statement → now_ms() at its start */
  GArray     *statements;
  double      last_row_ms;        /* now_ms() of the last progress report */
  gint64      checkpoint_pages;   /* the connection's wal_autocheckpoint */
  double      checkpoint_ms;      /* the checkpoints after commits */
  double      checkpoint_end_ms;
} Profile;

/* SQLite's own hook after a commit (sqlite3WalDefaultHook), timed: a
 * passive checkpoint once the log holds the connection's wal_autocheckpoint
 * pages.  It runs after the commit statement's profile is taken, so that
 * does not include it. */

static int
checkpoint_timed (void       *data,
                  sqlite3    *db,
                  const char *schema,
                  int         n_pages)
{
  Profile *profile = data;
  double start;

  if (profile->checkpoint_pages <= 0 || n_pages < profile->checkpoint_pages)
    return SQLITE_OK;
  start = now_ms ();
  sqlite3_wal_checkpoint (db, schema);
  profile->checkpoint_end_ms = now_ms ();
  profile->checkpoint_ms += profile->checkpoint_end_ms - start;
  return SQLITE_OK;
}

/* SQLite's own figure for a statement's time is in whole milliseconds (its
 * clock): each statement is timed here instead, from its start (TRACE_STMT)
 * to its end (TRACE_PROFILE). */
static int
note_statement (unsigned  type,
                void     *data,
                void     *stmt,
                void     *x)
{
  Profile *profile = data;
  const char *sql = sqlite3_sql (stmt);
  double now = now_ms ();
  Statement statement = { now, 0, STATEMENT_OTHER };
  double *started;

  if (type == SQLITE_TRACE_STMT)
    {
      /* A trigger's program starts within its statement: "-- TRIGGER …". */
      if (!g_str_has_prefix (x, "--"))
        g_hash_table_insert (profile->started, stmt, g_memdup2 (&now, sizeof now));
      return 0;
    }
  /* Every statement's start was seen: the hook is on before the import. */
  started = g_hash_table_lookup (profile->started, stmt);
  g_return_val_if_fail (started != NULL, 0);
  statement.ms = now - *started;
  g_hash_table_remove (profile->started, stmt);
  if (sql != NULL && (g_str_has_prefix (sql, "RELEASE") || g_str_has_prefix (sql, "COMMIT")))
    statement.kind = STATEMENT_COMMIT;
  else if (sql != NULL && strstr (sql, "audit_log") != NULL)
    statement.kind = STATEMENT_AUDIT;
  g_array_append_val (profile->statements, statement);
  return 0;
}

static void
note_row (guint    done,
          guint    total,
          gpointer data)
{
  Profile *profile = data;

  profile->last_row_ms = now_ms ();
}

static void
part_row (Bench      *bench,
          const char *what,
          double      ms)
{
  g_autofree char *label = g_strdup_printf ("… one more .csv import, by part: %s", what);
  Stats once = { ms, ms, ms };

  bench_row (bench, label, once, "ms", "");
}

void
bench_import_parts (Bench      *bench,
                    const char *csv)
{
  g_autofree char *db = g_build_filename (bench->workdir, "import-parts.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdContext) ctx = NULL;
  g_autoptr (PdLedgerTable) table = NULL;
  g_autoptr (PdOwnerMapping) mapping = NULL;
  g_autoptr (PdOwnerImportReport) report = NULL;
  g_autoptr (GArray) statements = g_array_new (FALSE, FALSE, sizeof (Statement));
  g_autoptr (GHashTable) started = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  Profile profile = { started, statements, 0, 0, 0, 0 };
  double rows_sql = 0, audit = 0, commit = 0, keys_sql = 0;
  double start, read, done, commit_start = 0, commit_end = 0, commit_ms = -1;
  sqlite3 *handle;
  GThread *opener;

  g_unlink (db);
  g_unlink (wal);
  ctx = pd_context_open (db, &error);
  if (ctx == NULL)
    {
      bench_note (bench, "… one more .csv import, by part", error->message);
      return;
    }
  /* As propdesk-cli does: the transliterator opens beside the reading. */
  start = now_ms ();
  opener = pd_pinyin_open_in_thread ();
  table = pd_ledger_read_file (csv, &error);
  if (opener != NULL)
    g_thread_join (opener);
  mapping = table != NULL ? pd_owner_mapping_detect (table, &error) : NULL;
  read = now_ms ();
  handle = pd_database_get_handle (pd_context_get_database (ctx));
  profile.checkpoint_pages = pd_database_query_int (pd_context_get_database (ctx), "PRAGMA wal_autocheckpoint",
                                                    NULL, NULL);
  sqlite3_trace_v2 (handle, SQLITE_TRACE_STMT | SQLITE_TRACE_PROFILE, note_statement, &profile);
  sqlite3_wal_hook (handle, checkpoint_timed, &profile);
  if (mapping != NULL)
    report = pd_owner_import_run (ctx, table, mapping, PD_OWNER_IMPORT_ALL_OR_NOTHING, NULL, note_row,
                                  &profile, &error);
  done = now_ms ();
  sqlite3_trace_v2 (handle, 0, NULL, NULL);
  /* SQLite's own hook back, as it was. */
  sqlite3_wal_autocheckpoint (handle, (int) profile.checkpoint_pages);
  if (report == NULL || !report->committed)
    {
      bench_note (bench, "… one more .csv import, by part",
                  error != NULL ? error->message : "the import did not commit");
      return;
    }

  /* The import's commit is the longest statement of its kind after the
   * rows; the checkpoint after it ends it. */
  for (guint i = 0; i < statements->len; i++)
    {
      const Statement *s = &g_array_index (statements, Statement, i);

      if (s->kind == STATEMENT_COMMIT && s->ended_ms > profile.last_row_ms && s->ms > commit_ms)
        {
          commit_ms = s->ms;
          commit_start = s->ended_ms - s->ms;
          commit_end = MAX (s->ended_ms, profile.checkpoint_end_ms);
        }
    }
  for (guint i = 0; i < statements->len; i++)
    {
      const Statement *s = &g_array_index (statements, Statement, i);

      if (s->ended_ms <= profile.last_row_ms)
        rows_sql += s->ms;
      else if (s->ended_ms > commit_start)
        commit += s->ms;   /* the commit, and any statement after it */
      else if (s->kind == STATEMENT_AUDIT)
        audit += s->ms;
      else
        keys_sql += s->ms;
    }
  part_row (bench, "reading the file into a table (ICU's transliterator opening beside it)", read - start);
  part_row (bench, "writing the rows", profile.last_row_ms - read);
  part_row (bench, "… of which in SQLite's statements", rows_sql);
  /* Between the rows and the commit, what is not the audit log is the
   * search keys: their statements and the C work between them. */
  part_row (bench, "search keys of the new people and units", commit_start - profile.last_row_ms - audit);
  part_row (bench, "… of which in SQLite's statements", keys_sql);
  part_row (bench, "audit log entries", audit);
  part_row (bench, "commit: the write-ahead log written and synced", commit);
  part_row (bench, "… and checkpointed into the database", profile.checkpoint_ms);
  part_row (bench, "after the commit until the import returns (the rows freed during it)", done - commit_end);
  part_row (bench, "total, with the profile hook on", done - start);
}
