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
 *   - after the rows, inside pd_bulk_end and the commit: the audit log's
 *     statements (they name audit_log), the commit itself (the outermost
 *     RELEASE or COMMIT: the write-ahead log written and synced, and past
 *     1,000 pages checkpointed into the database), and the rest, which is
 *     the search keys of the new people and units (read back, worked out,
 *     inserted, their indexes made again). */
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
  GArray *statements;
  double  last_row_ms;     /* now_ms() of the last progress report */
} Profile;

static int
note_statement (unsigned  type,
                void     *data,
                void     *stmt,
                void     *nanoseconds)
{
  Profile *profile = data;
  const char *sql = sqlite3_sql (stmt);
  Statement statement = { now_ms (), *(sqlite3_int64 *) nanoseconds / 1e6, STATEMENT_OTHER };

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
  Profile profile = { statements, 0 };
  double rows_sql = 0, audit = 0, commit = 0, after_other = 0;
  double start, read, done;
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
  sqlite3_trace_v2 (pd_database_get_handle (pd_context_get_database (ctx)), SQLITE_TRACE_PROFILE,
                    note_statement, &profile);
  if (mapping != NULL)
    report = pd_owner_import_run (ctx, table, mapping, PD_OWNER_IMPORT_ALL_OR_NOTHING, NULL, note_row,
                                  &profile, &error);
  done = now_ms ();
  sqlite3_trace_v2 (pd_database_get_handle (pd_context_get_database (ctx)), 0, NULL, NULL);
  if (report == NULL || !report->committed)
    {
      bench_note (bench, "… one more .csv import, by part",
                  error != NULL ? error->message : "the import did not commit");
      return;
    }

  for (guint i = 0; i < statements->len; i++)
    {
      const Statement *s = &g_array_index (statements, Statement, i);

      if (s->ended_ms <= profile.last_row_ms)
        rows_sql += s->ms;
      else if (s->kind == STATEMENT_AUDIT)
        audit += s->ms;
      else if (s->kind == STATEMENT_COMMIT)
        commit += s->ms;
      else
        after_other += s->ms;
    }
  part_row (bench, "reading the file into a table (ICU's transliterator opening beside it)", read - start);
  part_row (bench, "writing the rows", profile.last_row_ms - read);
  part_row (bench, "… of which in SQLite's statements", rows_sql);
  /* After the rows, what is neither the audit log nor the commit is the
   * search keys: their statements and the C work between them. */
  part_row (bench, "search keys of the new people and units",
            done - profile.last_row_ms - audit - commit);
  part_row (bench, "… of which in SQLite's statements", after_other);
  part_row (bench, "audit log entries", audit);
  part_row (bench, "commit (the write-ahead log written and synced, checkpointed past 1,000 pages)", commit);
  part_row (bench, "total, with the profile hook on", done - start);
}
