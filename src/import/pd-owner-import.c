/* pd-owner-import.c — the parsed ledger rows into the owner files.
 *
 * The whole import is one transaction.  It first tries every row in one
 * flat pass without a savepoint per row (pd_database_begin_flat): a
 * savepoint copies each page a row touches, which was a third of the time.
 * A good ledger is done then.  The first row that fails ends that pass: it
 * is rolled back and the import starts again row by row, each row a
 * savepoint, so a row that fails half-way (its person created, its tenancy
 * refused) leaves nothing behind, and in all-or-nothing mode every row is
 * still tried so the report lists every bad row, not just the first.  Rows
 * the parser already rejected write nothing and do not need the slow pass.
 * Tenants are imported after everybody else because their owner may be
 * further down the file.  The rows are read and checked on another thread
 * (pd_owner_record_feed) while the ones above them are written, and the
 * pinyin of the names in them is worked out there too.
 *
 * People are matched, never duplicated: by ID number (or credit code), else
 * by name and mobile, else by name among the people of the same unit; a
 * matched person only gets the fields that were empty.  Into owner files
 * with nobody in them yet, a flat pass finds the first two among the
 * people it wrote, kept in memory (pd-owner-import-people.c), and the
 * indexes those queries would read are made after the pass instead of
 * kept up row by row (run_rows_unindexed).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-bulk.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-owner-import-people.h"
#include "pd-owner-record.h"
#include "pd-person.h"
#include "pd-pinyin.h"
#include "pd-unit-role.h"

typedef enum
{
  PERSON_CREATED = 1,
  PERSON_UPDATED,
  PERSON_UNCHANGED,
} PersonOutcome;

/* What one row did; added to the report only when the row is kept. */
typedef struct
{
  gint64        person_id;
  PersonOutcome person_outcome;
  gboolean      unit_created;
  gboolean      unit_without_state;
  gboolean      state_changed;
  guint         roles_created;
  guint         vehicles_created;
} RowOutcome;

typedef struct
{
  PdContext           *ctx;
  gint64               estate_id;
  gboolean             estate_was_empty;
  GHashTable          *people;        /* person id → PersonOutcome */
  GHashTable          *unit_owner;    /* unit code → owner person id (gint64 *) */
  GHashTable          *units_made;    /* codes of the units the rows kept so far created */
  PdOwnerRecordFeed   *feed;          /* the rows, read while they are written */
  GPtrArray           *records;       /* every row, once all are read; else NULL */
  GHashTable          *owned_in_file; /* unit codes the ledger gives an owner, with records */
  PdImportPeople      *made;          /* the people written, while they are all there is */
  gboolean             match_in_made; /* this pass finds people in @made, not by query */
  PdOwnerImportReport *report;
} Import;

static gboolean force_row_by_row;

void
pd_owner_import_set_row_by_row (gboolean row_by_row)
{
  force_row_by_row = row_by_row;
}

void
pd_owner_import_report_free (PdOwnerImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->new_unit_codes, g_ptr_array_unref);
  g_clear_pointer (&report->rejected, g_ptr_array_unref);
  g_free (report);
}

static void
rejection_free (PdOwnerRejection *rejection)
{
  g_free (rejection->field);
  g_free (rejection->message);
  g_free (rejection);
}

static void
reject (Import       *import,
        guint         line,
        const GError *error)
{
  PdOwnerRejection *rejection = g_new0 (PdOwnerRejection, 1);
  const char *field = error->domain == PD_VALIDATION_ERROR ? pd_error_get_field (error) : NULL;

  rejection->line = line;
  rejection->field = g_strdup (field);
  rejection->message = g_strdup (error->message);
  g_ptr_array_add (import->report->rejected, rejection);
}

/* ---- the ledger's rows -------------------------------------------------- */

/* Every row, read and checked: waits for the reader the first time. */
static GPtrArray *
all_records (Import *import)
{
  if (import->records == NULL)
    {
      import->records = pd_owner_record_feed_get_all (import->feed);
      for (guint i = 0; i < import->records->len; i++)
        {
          PdOwnerRecord *record = import->records->pdata[i];
          if (record->error == NULL && record->person != NULL && g_str_equal (record->role, "owner"))
            g_hash_table_add (import->owned_in_file, record->unit_code);
        }
    }
  return import->records;
}

/* Whether a good row of the ledger gives @record's unit an owner.  An
 * owner's own row tells without waiting for the rest of the file. */
static gboolean
is_owned_in_file (Import              *import,
                  const PdOwnerRecord *record)
{
  if (record->error == NULL && record->person != NULL && g_str_equal (record->role, "owner"))
    return TRUE;
  all_records (import);
  return g_hash_table_contains (import->owned_in_file, record->unit_code);
}

/* ---- units ------------------------------------------------------------- */

static gboolean
import_unit (Import              *import,
             const PdOwnerRecord *record,
             gint64              *unit_id,
             RowOutcome          *outcome,
             GError             **error)
{
  g_autoptr (GError) local_error = NULL;
  /* In an estate that had no units, only the units this import made
   * exist: a code none of its rows created is new without asking. */
  gboolean may_exist = !import->estate_was_empty || g_hash_table_contains (import->units_made, record->unit_code);
  g_autoptr (PdUnit) unit = may_exist ? pd_unit_find (import->ctx, import->estate_id, record->unit_code, &local_error)
                                      : NULL;

  if (unit == NULL)
    {
      if (local_error != NULL && !g_error_matches (local_error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      unit = pd_unit_new ();
      unit->code = g_strdup (record->unit_code);
      unit->gross_area = record->gross_area;
      unit->inner_area = record->inner_area;
      g_free (unit->layout);
      unit->layout = g_strdup (record->layout);
      if (record->use != NULL)
        {
          g_free (unit->use);
          unit->use = g_strdup (record->use);
        }
      g_free (unit->state);
      /* An owner in the ledger means the unit was sold; without a state
       * column nothing says whether it was handed over or lived in, and
       * vacant (空置, "handed over or not, nobody living") claims least. */
      if (record->state != NULL)
        unit->state = g_strdup (record->state);
      else if (is_owned_in_file (import, record))
        {
          unit->state = g_strdup ("vacant");
          outcome->unit_without_state = TRUE;
        }
      else
        unit->state = g_strdup ("unsold");
      *unit_id = pd_unit_create (import->ctx, import->estate_id, unit, error);
      outcome->unit_created = *unit_id > 0;
      return *unit_id > 0;
    }

  *unit_id = unit->id;
  /* The ledger completes the unit's description, it never overwrites it. */
  if ((unit->gross_area <= 0 && record->gross_area > 0) ||
      (unit->inner_area <= 0 && record->inner_area > 0) ||
      (*unit->layout == '\0' && *record->layout != '\0'))
    {
      if (unit->gross_area <= 0)
        unit->gross_area = record->gross_area;
      if (unit->inner_area <= 0)
        unit->inner_area = record->inner_area;
      if (*unit->layout == '\0')
        {
          g_free (unit->layout);
          unit->layout = g_strdup (record->layout);
        }
      if (!pd_unit_update (import->ctx, unit, error))
        return FALSE;
    }
  if (record->state != NULL && !g_str_equal (record->state, unit->state))
    {
      if (!pd_unit_set_state (import->ctx, unit->id, record->state, error))
        return FALSE;
      outcome->state_changed = TRUE;
    }
  return TRUE;
}

/* ---- people ------------------------------------------------------------ */

static gint64
find_by_uscc (Import     *import,
              const char *uscc)
{
  return MAX (pd_database_query_int (pd_context_get_database (import->ctx),
                                     "SELECT id FROM person WHERE uscc = ? AND uscc <> ''", uscc, NULL), 0);
}

/* Someone of that name with a current role on the unit, whose ID number
 * and mobile do not contradict the row's. */
static gint64
find_on_unit (Import         *import,
              gint64          unit_id,
              const PdPerson *person)
{
  PdDatabase *database = pd_context_get_database (import->ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database,
    "SELECT p.id FROM person p JOIN unit_role r ON r.person_id = p.id "
    "WHERE r.unit_id = ? AND r.ended_on = '' AND p.name = ? "
    "AND (? = '' OR p.id_number = '') AND (? = '' OR p.mobile = '') ORDER BY p.id", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  pd_bind_text_uncopied (stmt, 2, person->name);
  pd_bind_text_uncopied (stmt, 3, person->id_number);
  pd_bind_text_uncopied (stmt, 4, person->mobile);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Copies @from into @to where @to is empty; TRUE when anything changed. */
static gboolean
fill_empty (PdPerson       *to,
            const PdPerson *from)
{
  char **targets[] = { &to->sex, &to->birthday, &to->id_number, &to->uscc, &to->mobile, &to->phone2,
                       &to->address, &to->emergency_name, &to->emergency_phone, &to->notes };
  char *const sources[] = { from->sex, from->birthday, from->id_number, from->uscc, from->mobile,
                            from->phone2, from->address, from->emergency_name, from->emergency_phone,
                            from->notes };
  gboolean changed = FALSE;

  G_STATIC_ASSERT (G_N_ELEMENTS (targets) == G_N_ELEMENTS (sources));
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (**targets[i] == '\0' && *sources[i] != '\0')
      {
        if (targets[i] == &to->id_number)
          {
            g_free (to->id_type);
            to->id_type = g_strdup (from->id_type);
          }
        g_free (*targets[i]);
        *targets[i] = g_strdup (sources[i]);
        changed = TRUE;
      }
  return changed;
}

static gboolean
import_person (Import              *import,
               const PdOwnerRecord *record,
               gint64               unit_id,
               RowOutcome          *outcome,
               GError             **error)
{
  const PdPerson *row = record->person;
  g_autoptr (PdPerson) existing = NULL;
  gint64 id = 0;
  gboolean by_identity = FALSE;

  if (*row->uscc != '\0')
    by_identity = (id = import->match_in_made ? pd_import_people_find_by_uscc (import->made, row->uscc)
                                              : find_by_uscc (import, row->uscc)) > 0;
  else if (*row->id_number != '\0')
    by_identity = (id = import->match_in_made
                          ? pd_import_people_find_by_id_number (import->made, row->id_type, row->id_number)
                          : pd_person_find_by_id_number (import->ctx, row->id_type, row->id_number)) > 0;
  if (id == 0 && *row->mobile != '\0')
    id = import->match_in_made ? pd_import_people_find_by_name_mobile (import->made, row->name, row->mobile)
                               : pd_person_find_by_name_mobile (import->ctx, row->name, row->mobile);
  /* A unit this row created has nobody on it yet. */
  if (id == 0 && !outcome->unit_created)
    id = find_on_unit (import, unit_id, row);

  if (id == 0)
    {
      g_autoptr (PdPerson) person = pd_person_copy (row);
      /* The row was validated by pd_person_validate() when it was read. */
      outcome->person_id = pd_person_create_validated (import->ctx, person, error);
      outcome->person_outcome = PERSON_CREATED;
      if (outcome->person_id > 0 && import->match_in_made)
        pd_import_people_add (import->made, person);
      return outcome->person_id > 0;
    }

  existing = pd_person_get (import->ctx, id, error);
  if (existing == NULL)
    return FALSE;
  if (by_identity && !g_str_equal (existing->name, row->name))
    {
      gboolean company = *row->uscc != '\0';
      /* xgettext cannot see through G_GINT64_FORMAT: the number is text. */
      g_autofree char *file = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      pd_set_field_error (error, PD_VALIDATION_ERROR_DUPLICATE, company ? "uscc" : "id_number",
                          company
                          /* Translators: name in the owner files, file number, name in the ledger */
                          ? _("Unified social credit code: in the owner files this code belongs to %s (file #%s), not to %s.")
                          /* Translators: name in the owner files, file number, name in the ledger */
                          : _("ID number: in the owner files this number belongs to %s (file #%s), not to %s."),
                          existing->name, file, row->name);
      return FALSE;
    }
  outcome->person_id = id;
  outcome->person_outcome = PERSON_UNCHANGED;
  if (fill_empty (existing, row))
    {
      if (!pd_person_update (import->ctx, existing, error))
        return FALSE;
      outcome->person_outcome = PERSON_UPDATED;
      if (import->match_in_made)
        pd_import_people_add (import->made, existing);
    }
  return TRUE;
}

/* ---- roles and vehicles ------------------------------------------------ */

static gboolean
import_role (Import              *import,
             const PdOwnerRecord *record,
             gint64               unit_id,
             RowOutcome          *outcome,
             GError             **error)
{
  g_autoptr (PdUnitRole) role = NULL;

  /* A person or unit this row created has no role yet. */
  if (outcome->person_outcome != PERSON_CREATED && !outcome->unit_created &&
      pd_unit_role_is_current (import->ctx, unit_id, outcome->person_id, record->role))
    return TRUE;
  role = pd_unit_role_new (record->role);
  role->unit_id = unit_id;
  role->person_id = outcome->person_id;
  g_free (role->relation);
  role->relation = g_strdup (record->relation);
  if (g_str_equal (record->role, "tenant"))
    {
      gint64 *owner = g_hash_table_lookup (import->unit_owner, record->unit_code);

      if (owner == NULL)
        {
          pd_set_field_error (error, PD_VALIDATION_ERROR_REQUIRED, "authorised_by",
                              /* Translators: unit code, line number */
                              _("Owner's authorisation: the owner of unit %s (line %u) was not imported, so nobody authorises this tenancy."),
                              record->unit_code, record->owner_line);
          return FALSE;
        }
      role->authorised_by = *owner;
      g_free (role->start_on);
      role->start_on = g_strdup (record->lease_start);
      g_free (role->lease_end);
      role->lease_end = g_strdup (record->lease_end);
    }
  if (pd_unit_role_add (import->ctx, role, error) < 0)
    return FALSE;
  outcome->roles_created++;
  return TRUE;
}

static gboolean
import_vehicles (Import              *import,
                 const PdOwnerRecord *record,
                 gint64               unit_id,
                 RowOutcome          *outcome,
                 GError             **error)
{
  PdDatabase *database = pd_context_get_database (import->ctx);

  for (guint i = 0; i < record->plates->len; i++)
    {
      const char *plate = record->plates->pdata[i];
      gint64 keeper = pd_database_query_int (database, "SELECT person_id FROM vehicle WHERE plate = ?",
                                             plate, NULL);
      PdVehicle vehicle = { 0 };

      if (keeper == outcome->person_id)
        continue;   /* imported before */
      vehicle.person_id = outcome->person_id;
      vehicle.unit_id = unit_id;
      vehicle.plate = g_strdup (plate);
      vehicle.model = (char *) "";
      vehicle.parking_space = (char *) "";
      /* The core refuses a plate someone else has. */
      if (pd_vehicle_add (import->ctx, &vehicle, error) < 0)
        {
          g_free (vehicle.plate);
          return FALSE;
        }
      g_free (vehicle.plate);
      outcome->vehicles_created++;
    }
  return TRUE;
}

/* ---- rows -------------------------------------------------------------- */

static gboolean
import_record (Import              *import,
               const PdOwnerRecord *record,
               RowOutcome          *outcome,
               GError             **error)
{
  gint64 unit_id = 0;

  if (!import_unit (import, record, &unit_id, outcome, error))
    return FALSE;
  if (record->person == NULL)
    return TRUE;
  return import_person (import, record, unit_id, outcome, error) &&
         import_role (import, record, unit_id, outcome, error) &&
         import_vehicles (import, record, unit_id, outcome, error);
}

static void
keep_outcome (Import              *import,
              const PdOwnerRecord *record,
              const RowOutcome    *outcome)
{
  PdOwnerImportReport *report = import->report;

  report->rows_imported++;
  report->rows_repeated += record->repeat_of != 0;
  report->roles_created += outcome->roles_created;
  report->vehicles_created += outcome->vehicles_created;
  report->states_changed += outcome->state_changed;
  report->units_without_state += outcome->unit_without_state;
  if (outcome->unit_created)
    {
      report->units_created++;
      g_hash_table_add (import->units_made, record->unit_code);
      if (!import->estate_was_empty)
        g_ptr_array_add (report->new_unit_codes, g_strdup (record->unit_code));
    }
  if (outcome->person_id > 0)
    {
      gpointer key = g_memdup2 (&outcome->person_id, sizeof (gint64));
      PersonOutcome before = GPOINTER_TO_UINT (g_hash_table_lookup (import->people, key));

      /* A person met on several rows counts once: created stays created,
       * and filling a field on any row makes an existing person updated. */
      if (before == 0 || (before == PERSON_UNCHANGED && outcome->person_outcome == PERSON_UPDATED))
        g_hash_table_insert (import->people, key, GUINT_TO_POINTER (outcome->person_outcome));
      else
        g_free (key);
      if (g_str_equal (record->role, "owner") &&
          !g_hash_table_contains (import->unit_owner, record->unit_code))
        g_hash_table_insert (import->unit_owner, g_strdup (record->unit_code),
                             g_memdup2 (&outcome->person_id, sizeof (gint64)));
    }
}

typedef enum
{
  ROWS_DONE,
  ROWS_ERROR,   /* @error set: the import cannot run */
  ROWS_RETRY,   /* flat pass: a row failed, go row by row */
} RowsResult;

/* Every row once.  @flat: the rows' savepoints are elided (see the top of
 * the file), so the first row that fails stops the pass. */
static RowsResult
run_rows (Import                *import,
          gboolean               flat,
          GCancellable          *cancellable,
          PdOwnerImportProgress  progress,
          gpointer               user_data,
          GError               **error)
{
  PdDatabase *database = pd_context_get_database (import->ctx);
  guint n_rows = pd_owner_record_feed_get_n (import->feed);
  guint done = 0;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_rows; i++)
      {
        /* Tenants wait for the whole file: their owner may come after them. */
        PdOwnerRecord *record = pass == 0 ? pd_owner_record_feed_get (import->feed, i)
                                          : all_records (import)->pdata[i];
        gboolean deferred = record->role != NULL && g_str_equal (record->role, "tenant");
        g_autoptr (GError) row_error = NULL;
        RowOutcome outcome = { 0 };

        if (deferred != (pass == 1))
          continue;
        if (g_cancellable_set_error_if_cancelled (cancellable, error))
          return ROWS_ERROR;
        done++;
        if (record->blank)
          continue;
        import->report->rows_read++;
        if (record->error != NULL)
          reject (import, record->line, record->error);
        else if (!pd_database_begin (database, error))
          return ROWS_ERROR;
        else if (import_record (import, record, &outcome, &row_error))
          {
            if (!pd_database_commit (database, error))
              return ROWS_ERROR;
            keep_outcome (import, record, &outcome);
          }
        else
          {
            pd_database_rollback (database);
            if (row_error->domain != PD_VALIDATION_ERROR)
              {
                /* Not the row's fault (disk full, database locked …). */
                g_propagate_error (error, g_steal_pointer (&row_error));
                return ROWS_ERROR;
              }
            if (flat)
              return ROWS_RETRY;
            reject (import, record->line, row_error);
          }
        if (progress != NULL)
          progress (done, n_rows, user_data);
      }
  return ROWS_DONE;
}

static int
compare_rejections (gconstpointer a,
                    gconstpointer b)
{
  const PdOwnerRejection *ra = *(PdOwnerRejection *const *) a;
  const PdOwnerRejection *rb = *(PdOwnerRejection *const *) b;

  return ra->line < rb->line ? -1 : ra->line > rb->line;
}

static void
count_people (Import *import)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, import->people);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    switch (GPOINTER_TO_UINT (value))
      {
      case PERSON_CREATED:
        import->report->people_created++;
        break;
      case PERSON_UPDATED:
        import->report->people_updated++;
        break;
      default:
        import->report->people_unchanged++;
        break;
      }
}

static gint64
count_units (PdContext *ctx,
             gint64     estate_id,
             GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  sqlite3_stmt *stmt = pd_database_prepare (database, "SELECT count(*) FROM unit WHERE estate_id = ?", error);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, estate_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    pd_database_set_error (database, _("Units could not be counted"), error);
  sqlite3_reset (stmt);
  return n;
}

/* The indexes on people's identities.  While a flat pass matches people
 * in memory nothing reads them, and 95,000 new people inserted into them
 * in the ledger's order cost a random page each; dropped for the pass and
 * made again after it, each is sorted once.  A 95,447-row ledger into
 * empty owner files, 5 alternating runs: 4.11 → 3.75 s.  The look-ups in
 * memory alone bought nothing measured: the INSERT then descended the
 * index pages the queries had read. */
static const char *const PERSON_MATCH_INDEXES[] = { "person_id_number", "person_name_mobile", NULL };

static RowsResult
run_rows_unindexed (Import                *import,
                    GCancellable          *cancellable,
                    PdOwnerImportProgress  progress,
                    gpointer               user_data,
                    GError               **error)
{
  PdDatabase *database = pd_context_get_database (import->ctx);
  g_autoptr (GPtrArray) indexes = pd_database_drop_indexes (database, "person", PERSON_MATCH_INDEXES, error);
  g_autoptr (GError) index_error = NULL;
  RowsResult result;

  if (indexes == NULL)
    return ROWS_ERROR;
  result = run_rows (import, TRUE, cancellable, progress, user_data, error);
  if (result != ROWS_DONE || pd_database_make_indexes (database, indexes, &index_error))
    return result;
  /* The ID numbers' index is UNIQUE.  The pass matched people by ID
   * number, so no two should share one; if they did, row by row the
   * database refuses the row that gives the second one and says so. */
  g_debug ("owner import: person indexes not made again (%s), going row by row", index_error->message);
  return ROWS_RETRY;
}

/* Back to before the first row, for the row-by-row pass after a flat
 * pass that failed (its writes are rolled back). */
static void
forget_rows (Import *import)
{
  PdOwnerImportReport *report = import->report;
  GPtrArray *new_unit_codes = report->new_unit_codes;
  GPtrArray *rejected = report->rejected;

  g_hash_table_remove_all (import->people);
  g_hash_table_remove_all (import->unit_owner);
  g_hash_table_remove_all (import->units_made);
  pd_import_people_clear (import->made);
  g_ptr_array_set_size (new_unit_codes, 0);
  g_ptr_array_set_size (rejected, 0);
  memset (report, 0, sizeof *report);
  report->new_unit_codes = new_unit_codes;
  report->rejected = rejected;
}

/* Every row into the open transaction: a flat pass, then row by row if a
 * row failed in it.  FALSE with @error set when the import cannot run (the
 * transaction rolled back). */
static gboolean
write_rows (Import                *import,
            GCancellable          *cancellable,
            PdOwnerImportProgress  progress,
            gpointer               user_data,
            GError               **error)
{
  PdContext *ctx = import->ctx;
  PdDatabase *database = pd_context_get_database (ctx);
  gint64 units, anybody;

  for (gboolean flat = !force_row_by_row;; flat = FALSE)
    {
      RowsResult result;

      if (!pd_database_begin (database, error))
        return FALSE;
      /* Search keys are rebuilt once per person and unit at the end, and the
       * views told once per table, rather than after every write. */
      if (!pd_bulk_begin (ctx, error))
        {
          pd_database_rollback (database);
          return FALSE;
        }
      import->estate_id = pd_estate_current_id (ctx, error);
      units = import->estate_id < 0 ? -1 : count_units (ctx, import->estate_id, error);
      import->estate_was_empty = units == 0;
      anybody = units < 0 ? -1 : pd_database_query_int (database, "SELECT EXISTS (SELECT 1 FROM person)", NULL, error);
      /* Into owner files with nobody in them, the people a flat pass can
       * match are those it wrote: found in memory, not by two queries per
       * row.  Row by row, a row rolled back takes its person with it, and
       * the queries see that. */
      import->match_in_made = flat && anybody == 0;
      if (units < 0 || anybody < 0)
        result = ROWS_ERROR;
      else if (!flat)
        result = run_rows (import, FALSE, cancellable, progress, user_data, error);
      else
        {
          pd_database_begin_flat (database);
          result = import->match_in_made ? run_rows_unindexed (import, cancellable, progress, user_data, error)
                                         : run_rows (import, TRUE, cancellable, progress, user_data, error);
          /* A core writer that rolled back and went on voids the pass too. */
          if (!pd_database_end_flat (database) && result == ROWS_DONE)
            result = ROWS_RETRY;
        }
      if (result == ROWS_DONE)
        return TRUE;
      pd_bulk_cancel (ctx);
      pd_database_rollback (database);
      if (result == ROWS_ERROR)
        return FALSE;
      forget_rows (import);
    }
}

/* The records and the tables about them, which only the rows needed. */
typedef struct
{
  PdOwnerRecordFeed *feed;
  PdImportPeople    *made;
  GHashTable        *tables[4];
} RowsMemory;

static gpointer
free_rows_memory (gpointer data)
{
  RowsMemory *memory = data;

  for (guint i = 0; i < G_N_ELEMENTS (memory->tables); i++)
    g_hash_table_unref (memory->tables[i]);
  pd_import_people_free (memory->made);
  pd_owner_record_feed_free (memory->feed);
  g_free (memory);
  return NULL;
}

/* Frees the rows' memory on another thread, to be joined (NULL when it
 * was freed here): the 95,000 records of a large ledger and the tables
 * about them took 0.16 s after the commit, whose writing and syncing of
 * the file leave the other core free. */
static GThread *
free_rows_memory_in_thread (PdOwnerRecordFeed *feed,
                            PdImportPeople    *made,
                            GHashTable        *people,
                            GHashTable        *unit_owner,
                            GHashTable        *units_made,
                            GHashTable        *owned_in_file)
{
  RowsMemory *memory = g_new (RowsMemory, 1);
  GThread *thread;

  *memory = (RowsMemory) { feed, made, { people, unit_owner, units_made, owned_in_file } };
  thread = g_thread_try_new ("pd-ledger-free", free_rows_memory, memory, NULL);
  if (thread == NULL)
    free_rows_memory (memory);
  return thread;
}

/* On the reader's thread: ICU's share of a new person's pinyin is worked
 * out there, while the rows before it are written. */
static void
prepare_pinyin (const PdOwnerRecord *record,
                gpointer             user_data)
{
  if (record->error == NULL && record->person != NULL)
    pd_pinyin_prepare (record->person->name);
}

PdOwnerImportReport *
pd_owner_import_run (PdContext             *ctx,
                     PdLedgerTable         *table,
                     const PdOwnerMapping  *mapping,
                     PdOwnerImportMode      mode,
                     GCancellable          *cancellable,
                     PdOwnerImportProgress  progress,
                     gpointer               user_data,
                     GError               **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (PdOwnerImportReport) report = g_new0 (PdOwnerImportReport, 1);
  g_autoptr (PdOwnerRecordFeed) feed = NULL;
  g_autoptr (GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) unit_owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) units_made = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) owned_in_file = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (PdImportPeople) made = pd_import_people_new ();
  Import import = { .ctx = ctx, .people = people, .unit_owner = unit_owner, .units_made = units_made,
                    .owned_in_file = owned_in_file, .made = made, .report = report };
  GThread *opener, *freer;
  gboolean written, committed;

  g_return_val_if_fail (PD_IS_CONTEXT (ctx), NULL);
  g_return_val_if_fail (table != NULL && mapping != NULL, NULL);

  if (!pd_owner_mapping_check (mapping, error))
    return NULL;
  report->new_unit_codes = g_ptr_array_new_with_free_func (g_free);
  report->rejected = g_ptr_array_new_with_free_func ((GDestroyNotify) rejection_free);
  /* Every new person's pinyin needs ICU's transliterator: it opens on
   * another thread (unless the caller opened it already) while the first
   * rows are read. */
  opener = pd_pinyin_open_in_thread ();
  import.feed = feed = pd_owner_record_feed_new (table, mapping, prepare_pinyin, NULL);
  written = write_rows (&import, cancellable, progress, user_data, error);
  if (opener != NULL)
    g_thread_join (opener);
  if (!written)
    return NULL;
  g_ptr_array_sort (report->rejected, compare_rejections);
  report->rows_rejected = report->rejected->len;

  if (mode == PD_OWNER_IMPORT_ALL_OR_NOTHING && report->rows_rejected > 0)
    {
      pd_bulk_cancel (ctx);
      pd_database_rollback (database);
      report->rows_imported = report->rows_repeated = report->roles_created = 0;
      report->vehicles_created = report->states_changed = report->units_created = 0;
      report->units_without_state = 0;
      g_ptr_array_set_size (report->new_unit_codes, 0);
      return g_steal_pointer (&report);
    }
  if (!pd_bulk_end (ctx, error))
    {
      pd_database_rollback (database);
      return NULL;
    }
  count_people (&import);
  /* What only the rows needed goes while the commit writes and syncs. */
  import.feed = NULL;
  freer = free_rows_memory_in_thread (g_steal_pointer (&feed), g_steal_pointer (&made),
                                      g_steal_pointer (&people), g_steal_pointer (&unit_owner),
                                      g_steal_pointer (&units_made), g_steal_pointer (&owned_in_file));
  committed = pd_database_commit (database, error);
  if (freer != NULL)
    g_thread_join (freer);
  if (!committed)
    return NULL;
  report->committed = TRUE;
  report->units_new_in_estate = report->new_unit_codes->len;
  return g_steal_pointer (&report);
}
