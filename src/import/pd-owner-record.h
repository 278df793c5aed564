/* pd-owner-record.h — one ledger row, parsed and checked without the
 * database (private to the owner import: the preview and the import read
 * rows the same way). */
#pragma once

#include "pd-owner-import.h"
#include "pd-person.h"

G_BEGIN_DECLS

typedef struct
{
  guint     line;
  gboolean  blank;        /* no mapped cell holds anything: skipped */
  char     *unit_code;    /* canonical 3-2-1201 */
  gboolean  has_person;   /* the row names someone (even if the data is bad) */
  PdPerson *person;       /* validated; NULL for a row that only describes the unit */
  char     *role;         /* owner | member | tenant */
  char     *relation;
  char     *lease_start;  /* as typed; the core checks tenants' dates */
  char     *lease_end;
  double    gross_area;   /* 0 = not given */
  double    inner_area;
  char     *layout;       /* "" = not given */
  char     *use;          /* NULL = not given */
  char     *state;        /* NULL = not given */
  GPtrArray *plates;      /* normalised plate numbers */
  guint     repeat_of;    /* line of an earlier row with the same unit, person and role; 0 */
  guint     owner_line;   /* tenants: line of the unit's first owner row in the ledger; 0 */
  GError   *error;        /* why the row is rejected, NULL when it can be imported */
} PdOwnerRecord;

void           pd_owner_record_free  (PdOwnerRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdOwnerRecord, pd_owner_record_free)

PdOwnerRecord *pd_owner_record_parse (PdLedgerTable        *table,
                                      guint                 row,
                                      const PdOwnerMapping *mapping);
/* Every data row below the header, parsed, with the checks that need the
 * whole file: repeated rows, a unit given two different states, tenants
 * without an owner in the ledger.  Element type PdOwnerRecord. */
GPtrArray     *pd_owner_records_read (PdLedgerTable        *table,
                                      const PdOwnerMapping *mapping);
/* The rows read and checked in file order on a thread of their own, so that
 * the import writes each row as soon as it is read while the next ones are
 * read on the other core.  @func, if given, is called on that thread with
 * each row when it is checked (the import works out its pinyin there). */
typedef struct _PdOwnerRecordFeed PdOwnerRecordFeed;
typedef void (*PdOwnerRecordFunc) (const PdOwnerRecord *record,
                                   gpointer             user_data);

PdOwnerRecordFeed *pd_owner_record_feed_new     (PdLedgerTable        *table,
                                                 const PdOwnerMapping *mapping,
                                                 PdOwnerRecordFunc     func,
                                                 gpointer              user_data);
/* Rows below the header (blank ones included). */
guint              pd_owner_record_feed_get_n   (PdOwnerRecordFeed    *feed);
/* Row @index below the header, checked against the rows above it; waits
 * until it is read.  Owned by the feed.  A tenant's row is only final in
 * pd_owner_record_feed_get_all(): the owner may come after it. */
PdOwnerRecord     *pd_owner_record_feed_get     (PdOwnerRecordFeed    *feed,
                                                 guint                 index);
/* Every row, with every check of pd_owner_records_read(); waits until all
 * are read.  Owned by the feed. */
GPtrArray         *pd_owner_record_feed_get_all (PdOwnerRecordFeed    *feed);
/* Stops reading (if still at it) and frees the rows. */
void               pd_owner_record_feed_free    (PdOwnerRecordFeed    *feed);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdOwnerRecordFeed, pd_owner_record_feed_free)

/* For tests: TRUE makes pd_owner_records_read() parse every row on the
 * calling thread, so that the two halves read on two threads can be
 * compared with one pass. */
void           pd_owner_records_set_one_thread (gboolean one_thread);

/* A header or a cell value reduced to what carries its meaning: bracketed
 * parts (both ASCII and full-width), blanks, stars and colons removed,
 * English lower-cased without punctuation ("ID No." → "idno"). */
char          *pd_owner_normalise_name (const char *text);

/* For tests: TRUE makes pd_owner_import_run() go row by row from the start,
 * the path a failed flat pass falls back to, so the two can be compared on
 * the same ledger. */
void           pd_owner_import_set_row_by_row (gboolean row_by_row);

G_END_DECLS
