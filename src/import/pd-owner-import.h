/* pd-owner-import.h — the office's existing owner ledger into the owner
 * files (DOMAIN §1: "importing them with a column mapping, per-row errors and
 * no partial garbage is a day-one need").
 *
 * Three steps, each usable on its own so the GUI can show them:
 *   1. pd_owner_mapping_detect() finds the header row of a PdLedgerTable
 *      (title rows above it are tolerated) and maps its columns to fields by
 *      the names offices use (房号, 业主姓名, 身份证号 …, English too); the
 *      caller may change any column with pd_owner_mapping_set().
 *   2. pd_owner_import_preview() parses and validates the first rows without
 *      touching the database.
 *   3. pd_owner_import_run() writes everything in ONE transaction: all rows
 *      or none (the default), or the good rows with each bad one reported.
 *
 * Every value goes through the core validators (pd_person_validate,
 * pd_unit_code_parse, pd_area_parse …), so a rejected row's reason names the
 * field exactly as the owner-file dialog would.  Nothing is guessed: an ID
 * number a spreadsheet turned into 3.10101E+17 is rejected, not repaired.
 *
 * GLib and core only: runs in a GTask thread and in propdesk-cli.
 */
#pragma once

#include <gio/gio.h>

#include "pd-context.h"
#include "pd-ledger.h"

G_BEGIN_DECLS

/* What a ledger column holds.  PD_OWNER_FIELD_NONE: ignored. */
typedef enum
{
  PD_OWNER_FIELD_NONE,
  PD_OWNER_FIELD_UNIT_CODE,
  PD_OWNER_FIELD_BUILDING,
  PD_OWNER_FIELD_ENTRANCE,
  PD_OWNER_FIELD_NAME,
  PD_OWNER_FIELD_ID_TYPE,
  PD_OWNER_FIELD_ID_NUMBER,
  PD_OWNER_FIELD_USCC,
  PD_OWNER_FIELD_MOBILE,
  PD_OWNER_FIELD_PHONE2,
  PD_OWNER_FIELD_SEX,
  PD_OWNER_FIELD_BIRTHDAY,
  PD_OWNER_FIELD_ADDRESS,
  PD_OWNER_FIELD_EMERGENCY_NAME,
  PD_OWNER_FIELD_EMERGENCY_PHONE,
  PD_OWNER_FIELD_ROLE,
  PD_OWNER_FIELD_RELATION,
  PD_OWNER_FIELD_LEASE_START,
  PD_OWNER_FIELD_LEASE_END,
  PD_OWNER_FIELD_GROSS_AREA,
  PD_OWNER_FIELD_INNER_AREA,
  PD_OWNER_FIELD_LAYOUT,
  PD_OWNER_FIELD_USE,
  PD_OWNER_FIELD_STATE,
  PD_OWNER_FIELD_PLATE,
  PD_OWNER_FIELD_NOTES,
  PD_OWNER_N_FIELDS
} PdOwnerField;

/* The translated name of a field ("Unit code", "ID number" …); for NONE
 * "(ignore)". */
const char   *pd_owner_field_label (PdOwnerField field);
/* A stable key ("unit_code", "id_number" …, "" for NONE). */
const char   *pd_owner_field_key   (PdOwnerField field);

typedef struct
{
  guint         header_row;  /* index of the header row in the table */
  guint         n_columns;
  PdOwnerField *columns;     /* n_columns entries */
} PdOwnerMapping;

void            pd_owner_mapping_free (PdOwnerMapping *mapping);
PdOwnerMapping *pd_owner_mapping_copy (const PdOwnerMapping *mapping);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdOwnerMapping, pd_owner_mapping_free)

/* The field a header cell names, PD_OWNER_FIELD_NONE when unknown. */
PdOwnerField    pd_owner_field_from_header (const char *header);
/* Finds the header row (the first of the first rows whose cells name at
 * least two known fields) and maps it.  PD_LEDGER_ERROR_FORMAT when there
 * is none. */
PdOwnerMapping *pd_owner_mapping_detect (PdLedgerTable *table,
                                         GError       **error);
/* Maps @column to @field; another column that held @field becomes NONE,
 * so a field is never read from two columns. */
void            pd_owner_mapping_set    (PdOwnerMapping *mapping,
                                         guint           column,
                                         PdOwnerField    field);
/* The column mapped to @field, or -1. */
int             pd_owner_mapping_find   (const PdOwnerMapping *mapping,
                                         PdOwnerField          field);
/* Refuses a mapping the import cannot work with (no unit code or no name
 * column), with a message naming the missing column. */
gboolean        pd_owner_mapping_check  (const PdOwnerMapping *mapping,
                                         GError              **error);

/* ---- preview ----------------------------------------------------------- */

typedef struct
{
  guint     line;      /* line (CSV) or row number (workbook) in the file */
  GStrv     cells;     /* the row's cells, one per mapping column, as in the file */
  gboolean  ok;
  char     *message;   /* why the row would be rejected (names the field); NULL when ok */
} PdOwnerPreviewRow;

void        pd_owner_preview_row_free (PdOwnerPreviewRow *row);

/* The first @max_rows data rows below the header, parsed and checked on
 * their own and against the rest of the file (a tenant without an owner in
 * the ledger).  Checks that need the database (an illegal state change, a
 * plate registered to someone else) are only made by the import.  Element
 * type PdOwnerPreviewRow. */
GPtrArray  *pd_owner_import_preview   (PdLedgerTable        *table,
                                       const PdOwnerMapping *mapping,
                                       guint                 max_rows);

/* ---- import ------------------------------------------------------------ */

typedef enum
{
  PD_OWNER_IMPORT_ALL_OR_NOTHING,  /* any bad row: nothing is imported */
  PD_OWNER_IMPORT_SKIP_BAD,        /* good rows are imported, bad ones reported */
} PdOwnerImportMode;

typedef struct
{
  guint  line;
  char  *field;    /* key of the offending field, NULL when not one field */
  char  *message;  /* names the field in words */
} PdOwnerRejection;

typedef struct
{
  gboolean   committed;        /* FALSE: nothing was written */
  guint      rows_read;        /* data rows below the header */
  guint      rows_imported;    /* rows now in the database (0 unless committed) */
  guint      rows_rejected;
  guint      rows_repeated;    /* rows repeating an earlier unit + person (merged) */
  guint      people_created;
  guint      people_updated;   /* existing people whose empty fields were filled */
  guint      people_unchanged; /* existing people the ledger added nothing to */
  guint      units_created;
  guint      units_new_in_estate; /* created in an estate that already had units */
  guint      units_without_state; /* created with an owner but no state column value */
  guint      roles_created;
  guint      vehicles_created;
  guint      states_changed;
  GPtrArray *new_unit_codes;   /* char *; units created in a non-empty estate */
  GPtrArray *rejected;         /* PdOwnerRejection, by line */
} PdOwnerImportReport;

void pd_owner_import_report_free (PdOwnerImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdOwnerImportReport, pd_owner_import_report_free)

/* The report as text for people: the imported and rejected row counts,
 * one line per rejected row ("line 7: ID number: …"), then what was
 * created and updated. */
char *pd_owner_import_report_format (const PdOwnerImportReport *report);

/* Called after each row with the rows done and the total, in the thread
 * that runs the import. */
typedef void (*PdOwnerImportProgress) (guint    done,
                                       guint    total,
                                       gpointer user_data);

/* Imports the rows below the mapping's header into the current estate, in
 * one transaction.  Returns the report (also when rows were rejected and,
 * in ALL_OR_NOTHING mode, nothing was written); NULL with @error only when
 * the import could not run at all (bad mapping, database error,
 * cancelled) — and then nothing was written either. */
PdOwnerImportReport *pd_owner_import_run (PdContext             *ctx,
                                          PdLedgerTable         *table,
                                          const PdOwnerMapping  *mapping,
                                          PdOwnerImportMode      mode,
                                          GCancellable          *cancellable,
                                          PdOwnerImportProgress  progress,
                                          gpointer               user_data,
                                          GError               **error);

/* The same import in a worker thread, for windows that must not freeze.
 * The thread opens its own connection to @ctx's database file (a SQLite
 * connection must not be shared between threads; WAL lets @ctx keep
 * reading meanwhile), working as @ctx's user and stamping every change
 * with @ctx's time at the start.  @progress runs in the caller's
 * thread-default main context; @progress_data is released with
 * @progress_notify after the last call.  @table must stay alive until
 * @callback runs.  An in-memory database cannot be opened twice: it is
 * imported at once in the calling thread. */
void                 pd_owner_import_run_async  (PdContext             *ctx,
                                                 PdLedgerTable         *table,
                                                 const PdOwnerMapping  *mapping,
                                                 PdOwnerImportMode      mode,
                                                 GCancellable          *cancellable,
                                                 PdOwnerImportProgress  progress,
                                                 gpointer               progress_data,
                                                 GDestroyNotify         progress_notify,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
/* The report, or NULL and @error.  After a committed import @ctx emits
 * "changed" for the tables the other connection wrote. */
PdOwnerImportReport *pd_owner_import_run_finish (PdContext             *ctx,
                                                 GAsyncResult          *result,
                                                 GError               **error);

G_END_DECLS
