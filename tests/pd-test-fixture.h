/* pd-test-fixture.h — what most tests need: a fresh in-memory database with
 * a fixed clock, and a temp directory for files. */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

/* A new context on ":memory:" (or @path), clock fixed at @now_iso
 * ("YYYY-MM-DD HH:MM:SS", local time), admin user "tester". */
PdContext *pd_test_context_new   (const char *now_iso);
PdContext *pd_test_context_open  (const char *path,
                                  const char *now_iso);
/* A fresh temp directory, removed with its files at exit. */
const char *pd_test_tmpdir       (void);
/* Counts rows of a SELECT count(*) with one optional text parameter. */
gint64     pd_test_count         (PdContext  *ctx,
                                  const char *sql,
                                  const char *param);
/* The value of a pragma now: compiled for this call, since a prepared
 * pragma statement may answer what the value was when it was compiled. */
gint64     pd_test_pragma_now    (PdContext  *ctx,
                                  const char *pragma);
/* Runs a program and returns its stdout; exit status in *status. */
char      *pd_test_run           (const char *const *argv,
                                  int               *status,
                                  char             **stderr_out);

/* Switches this test (and the programs it runs) to the Chinese catalogue,
 * as the office works; call before g_test_init(). */
void       pd_test_use_chinese   (void);
/* The text of a PDF (pdftotext -layout, so table cells read as runs along
 * their row) with all spaces, ASCII and ideographic, removed: pdftotext
 * puts spaces between CJK and Latin text as it likes. */
char      *pd_test_pdf_text      (const char *path);
/* The file a restore or a recovery moved the database at @db_path aside
 * to (<db_path>.replaced-…, not its -wal or -shm), or NULL when there is
 * none. */
char      *pd_test_kept_aside    (const char *db_path);

G_END_DECLS
