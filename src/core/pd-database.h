/* pd-database.h — a thin SQLite wrapper that speaks GError.
 *
 * Statements are prepared once and cached by their SQL text, so hot paths
 * (search per keystroke, imports) reuse them.  Transactions nest through
 * savepoints, so a core function can open one and still be composed into a
 * larger user action that is a single transaction.
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define PD_TYPE_DATABASE (pd_database_get_type ())
G_DECLARE_FINAL_TYPE (PdDatabase, pd_database, PD, DATABASE, GObject)

/* Sets SQLite up before its first use in the process: call before any
 * sqlite3_open* (pd_database_open does).  SQLite's memory statistics, kept
 * behind a global mutex taken on every allocation (a tenth of a large
 * import), are switched off; nothing here reads them.  Statement journals
 * are kept in memory (see pd-database.c). */
void         pd_database_library_init (void);

/* The schema version this build writes (highest migration number). */
int          pd_database_schema_version (void);

/* Opens (creating when missing) and migrates @path; ":memory:" for tests. */
PdDatabase  *pd_database_open        (const char  *path,
                                      GError     **error);
/* Migrates only up to @version: tests use it to make an older database. */
PdDatabase  *pd_database_open_at_version (const char  *path,
                                          int          version,
                                          GError     **error);
const char  *pd_database_get_path    (PdDatabase  *self);
sqlite3     *pd_database_get_handle  (PdDatabase  *self);

/* Run once, before the first statement that may write on this connection
 * (see pd_database_before_first_write). */
typedef gboolean (*PdDatabaseWriteHook) (PdDatabase  *database,
                                         GError     **error);

/* @hook runs before the first write of this connection to one of @tables
 * (NULL: to any table): before a statement that writes one of them,
 * directly or through a trigger or a foreign-key action, is prepared
 * (pd_database_prepare), or a script that may is run (pd_database_exec).
 * A change of schema counts as a write to every table.  Reading never runs
 * it.  If it fails, that write fails, and the next one runs it again. */
void         pd_database_before_first_write (PdDatabase          *self,
                                             const char *const   *tables,
                                             PdDatabaseWriteHook  hook);
/* The pending hook now, if any (a caller about to change what it set up). */
gboolean     pd_database_ready_to_write     (PdDatabase          *self,
                                             GError             **error);

/* A cached statement, reset and with bindings cleared.  Do not finalize it. */
sqlite3_stmt *pd_database_prepare    (PdDatabase  *self,
                                      const char  *sql,
                                      GError     **error);
gboolean     pd_database_exec        (PdDatabase  *self,
                                      const char  *sql,
                                      GError     **error);
/* Steps a statement that must finish (INSERT/UPDATE/DELETE), then resets it. */
gboolean     pd_database_step_done   (PdDatabase   *self,
                                      sqlite3_stmt *stmt,
                                      GError      **error);
/* Runs a single-value query with up to one text parameter; -1 on error. */
gint64       pd_database_query_int   (PdDatabase  *self,
                                      const char  *sql,
                                      const char  *param,
                                      GError     **error);
/* Steps a bound statement that returns one row of integers and stores its
 * columns in *@fields[0..@n_fields-1], then resets it.  The figures of the
 * monthly reports are read this way. */
gboolean     pd_database_step_int64s (PdDatabase    *self,
                                      sqlite3_stmt  *stmt,
                                      gint64 *const *fields,
                                      guint          n_fields,
                                      const char    *what,
                                      GError       **error);

/* For a bulk write into @table (a table name constant, not input): drops
 * its indexes named in @names (NULL-terminated; NULL: every one made by
 * CREATE INDEX, not those SQLite keeps for the table's UNIQUE and PRIMARY
 * KEY constraints), so that each is
 * sorted once when pd_database_make_indexes makes it again after the write
 * instead of descended for every row.  Returns the statements that make
 * them again, read back from the schema; NULL on error.  Call it inside
 * the write's transaction: a rollback puts the indexes back. */
GPtrArray   *pd_database_drop_indexes (PdDatabase         *self,
                                       const char         *table,
                                       const char * const *names,
                                       GError            **error);
gboolean     pd_database_make_indexes (PdDatabase  *self,
                                       GPtrArray   *definitions,
                                       GError     **error);

/* TRUE when @table (a table name constant, not input) has a row with @id
 * (> 0): the check before a record refers to another. */
gboolean     pd_database_row_exists  (PdDatabase  *self,
                                      const char  *table,
                                      gint64       id);
gboolean     pd_database_begin       (PdDatabase  *self,
                                      GError     **error);
gboolean     pd_database_commit      (PdDatabase  *self,
                                      GError     **error);
void         pd_database_rollback    (PdDatabase  *self);

/* A flat pass: many core writes inside the caller's open transaction as
 * one all-or-nothing unit (an import's fast path).  Until
 * pd_database_end_flat(), the begin/commit pairs nested inside take no
 * savepoint — each one copies every page it first touches into the
 * statement journal, most of the cost of a small insert — and a nested
 * rollback cannot undo anything: it only marks the pass as failed.  The
 * caller must then roll its own transaction back.  Returns FALSE when a
 * nested rollback happened during the pass. */
void         pd_database_begin_flat  (PdDatabase  *self);
gboolean     pd_database_end_flat    (PdDatabase  *self);

/* Sets the page cache of this connection to @kib KiB (32 MiB when opened,
 * for long write transactions such as imports and the demo portfolio). */
gboolean     pd_database_set_cache_size (PdDatabase  *self,
                                         int          kib,
                                         GError     **error);
/* The page cache last set with pd_database_set_cache_size, in KiB (read
 * back here: a prepared "PRAGMA cache_size" answers what it was when it was
 * compiled). */
int          pd_database_get_cache_size (PdDatabase  *self);

/* PRAGMA quick_check: fast enough for every start. */
gboolean     pd_database_quick_check (PdDatabase  *self,
                                      GError     **error);

gint64       pd_database_last_insert_id (PdDatabase *self);
/* Whether the last statement that failed on the connection was refused by
 * a UNIQUE index (a caller then words the refusal for the user). */
gboolean     pd_database_refused_duplicate (PdDatabase *self);
/* A number that changes whenever what this connection reads may have
 * changed since the last call: a row written on it, a rollback, or a commit
 * by another connection (seen from this connection's next read, as SQLite
 * sees it).  Never 0.  Small caches (the settings) compare it to stay
 * exact without reading the table again. */
guint64      pd_database_data_stamp  (PdDatabase  *self);
int          pd_database_changes     (PdDatabase  *self);

/* Sets @error from the connection's last SQLite error, prefixed by @what. */
gboolean     pd_database_set_error   (PdDatabase  *self,
                                      const char  *what,
                                      GError     **error);

/* Binding helpers that treat NULL/"" text as SQL NULL where asked. */
void         pd_bind_text            (sqlite3_stmt *stmt,
                                      int           index,
                                      const char   *text);
void         pd_bind_text_or_null    (sqlite3_stmt *stmt,
                                      int           index,
                                      const char   *text);
/* As pd_bind_text, without SQLite's copy of @text: @text must stay as it
 * is until the statement is stepped for the last time and reset.  For the
 * writes an import makes for every row (a person has 27 texts), where the
 * copies, and freeing them when the cached statement was used again, were
 * 5% of the time. */
void         pd_bind_text_uncopied   (sqlite3_stmt *stmt,
                                      int           index,
                                      const char   *text);
const char  *pd_column_text          (sqlite3_stmt *stmt,
                                      int           col);   /* "" for NULL */
char        *pd_column_dup           (sqlite3_stmt *stmt,
                                      int           col);   /* NULL for NULL */

G_END_DECLS
