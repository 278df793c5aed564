/* test-owner-import.c — owner ledgers into the owner files.
 *
 * The ledgers in tests/data were saved by real programs (see its README):
 * the same 15 data rows as UTF-8, UTF-8 with BOM, GBK with CRLF, and an
 * .xlsx saved by LibreOffice Calc whose ID column holds numbers.  Six rows
 * of the CSVs are bad, each for a different reason. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-owner-import.h"
#include "pd-owner-record.h"
#include "pd-person.h"
#include "pd-search.h"
#include "pd-test-fixture.h"
#include "pd-unit-role.h"

#define NOW "2026-02-10 09:30:00"

/* ---- helpers ----------------------------------------------------------- */

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static PdLedgerTable *
read_ledger (const char *path)
{
  g_autoptr (GError) error = NULL;
  PdLedgerTable *table = pd_ledger_read_file (path, &error);

  g_assert_no_error (error);
  return table;
}

static PdOwnerMapping *
detect (PdLedgerTable *table)
{
  g_autoptr (GError) error = NULL;
  PdOwnerMapping *mapping = pd_owner_mapping_detect (table, &error);

  g_assert_no_error (error);
  return mapping;
}

static PdOwnerImportReport *
import_file (PdContext        *ctx,
             const char       *path,
             PdOwnerImportMode mode)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdLedgerTable) table = read_ledger (path);
  g_autoptr (PdOwnerMapping) mapping = detect (table);
  PdOwnerImportReport *report = pd_owner_import_run (ctx, table, mapping, mode, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static PdOwnerImportReport *
import_fixture (PdContext        *ctx,
                const char       *name,
                PdOwnerImportMode mode)
{
  g_autofree char *path = fixture (name);
  return import_file (ctx, path, mode);
}

/* A ledger written by the test itself (UTF-8), for the cases the fixtures
 * do not cover. */
static PdOwnerImportReport *
import_text (PdContext        *ctx,
             const char       *csv,
             PdOwnerImportMode mode)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "ledger.csv", NULL);

  g_file_set_contents (path, csv, -1, &error);
  g_assert_no_error (error);
  return import_file (ctx, path, mode);
}

static gint64
count (PdContext  *ctx,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  return pd_test_count (ctx, sql, NULL);
}

static gint64
person_id (PdContext  *ctx,
           const char *name)
{
  return pd_test_count (ctx, "SELECT coalesce(max(id), 0) FROM person WHERE name = ?", name);
}

static PdPerson *
person_named (PdContext  *ctx,
              const char *name)
{
  g_autoptr (GError) error = NULL;
  PdPerson *person = pd_person_get (ctx, person_id (ctx, name), &error);

  g_assert_no_error (error);
  return person;
}

static PdUnit *
unit_coded (PdContext  *ctx,
            const char *code)
{
  g_autoptr (GError) error = NULL;
  PdUnit *unit = pd_unit_find (ctx, pd_estate_current_id (ctx, NULL), code, &error);

  g_assert_no_error (error);
  return unit;
}

static void
assert_rejected (const PdOwnerImportReport *report,
                 guint                      index,
                 guint                      line,
                 const char                *field,
                 const char                *needle)
{
  const PdOwnerRejection *rejection;

  g_assert_cmpuint (index, <, report->rejected->len);
  rejection = report->rejected->pdata[index];
  g_assert_cmpuint (rejection->line, ==, line);
  g_assert_cmpstr (rejection->field, ==, field);
  if (strstr (rejection->message, needle) == NULL)
    g_error ("line %u: “%s” not in “%s”", line, needle, rejection->message);
}

typedef struct
{
  gint64 person, unit, building, entrance, unit_role, vehicle, audit_log, search_key;
} Counts;

static Counts
counts (PdContext *ctx)
{
  return (Counts) { count (ctx, "person"), count (ctx, "unit"), count (ctx, "building"),
                    count (ctx, "entrance"), count (ctx, "unit_role"), count (ctx, "vehicle"),
                    count (ctx, "audit_log"), count (ctx, "search_key") };
}

static void
assert_counts_equal (Counts a,
                     Counts b)
{
  g_assert_cmpint (a.person, ==, b.person);
  g_assert_cmpint (a.unit, ==, b.unit);
  g_assert_cmpint (a.building, ==, b.building);
  g_assert_cmpint (a.entrance, ==, b.entrance);
  g_assert_cmpint (a.unit_role, ==, b.unit_role);
  g_assert_cmpint (a.vehicle, ==, b.vehicle);
  g_assert_cmpint (a.audit_log, ==, b.audit_log);
  g_assert_cmpint (a.search_key, ==, b.search_key);
}

/* ---- the CSV fixtures -------------------------------------------------- */

/* The six bad rows of owners-ledger*.csv, each with its own reason. */
static void
assert_csv_rejections (const PdOwnerImportReport *report)
{
  g_assert_cmpuint (report->rows_read, ==, 15);
  g_assert_cmpuint (report->rows_rejected, ==, 6);
  g_assert_cmpuint (report->rejected->len, ==, 6);
  assert_rejected (report, 0, 10, "id_number", "ID number: the check digit should be 7, not 8");
  assert_rejected (report, 1, 11, "name", "Name: required");
  assert_rejected (report, 2, 12, "authorised_by", "the ledger has no owner for unit 3-1-101");
  assert_rejected (report, 3, 13, "state", "Unit state: “已售” is not a unit state");
  assert_rejected (report, 4, 16, "id_number", "“3.20102E+17” was stored as a number in the spreadsheet, which lost digits");
  assert_rejected (report, 5, 17, "sex", "Sex: the ID number belongs to a man");
}

static void
assert_csv_imported (PdContext *ctx)
{
  g_autoptr (PdPerson) zhang = person_named (ctx, "张伟");
  g_autoptr (PdPerson) li = person_named (ctx, "李娜");
  g_autoptr (PdPerson) company = person_named (ctx, "深圳市锦绣商贸有限公司");
  g_autoptr (PdPerson) chen = person_named (ctx, "陈静");
  g_autoptr (PdUnit) u101 = unit_coded (ctx, "1-1-101");
  g_autoptr (PdUnit) u102 = unit_coded (ctx, "1-1-102");
  g_autoptr (PdUnit) shop = unit_coded (ctx, "2-1-102");
  g_autoptr (PdUnit) u2101 = unit_coded (ctx, "2-1-101");
  g_autoptr (GPtrArray) roles = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;
  PdUnitRole *tenant = NULL;

  /* An empty estate gets its buildings, entrances and units. */
  g_assert_cmpint (count (ctx, "person"), ==, 7);
  g_assert_cmpint (count (ctx, "unit"), ==, 6);
  g_assert_cmpint (count (ctx, "building"), ==, 2);
  g_assert_cmpint (count (ctx, "entrance"), ==, 4);
  g_assert_cmpint (count (ctx, "unit_role"), ==, 7);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit_role WHERE role = ?", "owner"), ==, 5);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit_role WHERE role = ?", "member"), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit_role WHERE role = ?", "tenant"), ==, 1);
  g_assert_cmpint (count (ctx, "vehicle"), ==, 2);
  /* No unit of a rejected row. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit WHERE code IN ('1-1-103', '1-1-104', '3-1-101', '1-2-202', '2-2-302', '2-2-303')", NULL), ==, 0);

  g_assert_cmpstr (zhang->id_number, ==, "440305198005121239");
  g_assert_cmpstr (zhang->birthday, ==, "1980-05-12");   /* derived from the ID */
  g_assert_cmpstr (zhang->sex, ==, "M");
  g_assert_cmpstr (zhang->mobile, ==, "13812345678");
  g_assert_cmpstr (li->phone2, ==, "0755-88886666");
  g_assert_cmpstr (chen->id_type, ==, "passport");
  g_assert_cmpstr (chen->id_number, ==, "E12345678");
  g_assert_cmpstr (chen->notes, ==, "外籍业主");
  g_assert_cmpstr (company->kind, ==, "enterprise");
  g_assert_cmpstr (company->uscc, ==, "91440300MA5F3K7Q2E");
  g_assert_cmpstr (company->id_number, ==, "");
  g_assert_cmpstr (company->mobile, ==, "");              /* a landline in 手机 … */
  g_assert_cmpstr (company->phone2, ==, "0755-26668888"); /* … is the other phone */

  g_assert_cmpfloat_with_epsilon (u101->gross_area, 89.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (u101->inner_area, 72.3, 1e-9);
  g_assert_cmpstr (u101->layout, ==, "三室两厅");
  g_assert_cmpstr (u101->state, ==, "occupied");
  g_assert_cmpstr (u102->state, ==, "rented");
  g_assert_cmpstr (shop->use, ==, "shop");
  g_assert_cmpstr (shop->state, ==, "unsold");
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit_role r JOIN unit u ON u.id = r.unit_id WHERE u.code = ?", "2-1-102"), ==, 0);
  g_assert_cmpstr (u2101->state, ==, "handed_over");

  /* The tenant is authorised by the unit's owner from the ledger. */
  roles = pd_unit_role_list (ctx, u102->id, 0, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roles->len, ==, 2);
  for (guint i = 0; i < roles->len; i++)
    if (g_str_equal (((PdUnitRole *) roles->pdata[i])->role, "tenant"))
      tenant = roles->pdata[i];
  g_assert_nonnull (tenant);
  g_assert_cmpstr (tenant->person_name, ==, "王强");
  g_assert_cmpstr (tenant->start_on, ==, "2026-01-01");
  g_assert_cmpstr (tenant->lease_end, ==, "2026-12-31");
  g_assert_cmpint (tenant->authorised_by, ==, li->id);

  /* The search index knows the new people and their cars. */
  hits = pd_search (ctx, "粤B67890", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((PdSearchHit *) hits->pdata[0])->name, ==, "王强");
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = pd_search (ctx, "zw", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);
  g_assert_cmpstr (((PdSearchHit *) hits->pdata[0])->unit_code, ==, "1-1-101");
}

static void
test_csv (gconstpointer data)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (PdOwnerImportReport) report = import_fixture (ctx, data, PD_OWNER_IMPORT_SKIP_BAD);

  g_assert_true (report->committed);
  g_assert_cmpuint (report->rows_imported, ==, 9);
  assert_csv_rejections (report);
  g_assert_cmpuint (report->rows_repeated, ==, 1);         /* line 14 repeats line 3 */
  g_assert_cmpuint (report->people_created, ==, 7);
  g_assert_cmpuint (report->people_updated, ==, 0);
  g_assert_cmpuint (report->people_unchanged, ==, 0);
  g_assert_cmpuint (report->units_created, ==, 6);
  g_assert_cmpuint (report->units_new_in_estate, ==, 0);   /* the estate was empty */
  g_assert_cmpuint (report->roles_created, ==, 7);
  g_assert_cmpuint (report->vehicles_created, ==, 2);
  assert_csv_imported (ctx);
}

/* ---- the workbook ------------------------------------------------------ */

static void
test_xlsx (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (PdOwnerImportReport) report =
    import_fixture (ctx, "owners-ledger-calc.xlsx", PD_OWNER_IMPORT_SKIP_BAD);
  static const guint lost_digits[] = { 3, 5, 10, 13, 14, 15, 16, 17 };
  g_autoptr (PdUnitRole) member = NULL;
  g_autoptr (GPtrArray) roles = NULL;
  g_autoptr (PdUnit) unit = NULL;
  g_autoptr (PdUnit) u101 = NULL;
  g_autoptr (PdPerson) chen = NULL;

  /* Calc stored every resident ID as a double: each of those rows is
   * rejected, naming what the cell now holds; nothing is "repaired". */
  g_assert_cmpuint (report->rows_read, ==, 15);
  g_assert_cmpuint (report->rows_imported, ==, 4);
  g_assert_cmpuint (report->rows_rejected, ==, 11);
  for (guint i = 0, j = 0; i < report->rejected->len; i++)
    {
      const PdOwnerRejection *r = report->rejected->pdata[i];
      if (j < G_N_ELEMENTS (lost_digits) && r->line == lost_digits[j])
        {
          g_assert_cmpstr (r->field, ==, "id_number");
          g_assert_nonnull (strstr (r->message, "lost digits"));
          g_assert_nonnull (strstr (r->message, "E+017"));
          j++;
        }
    }
  assert_rejected (report, 0, 3, "id_number", "“4.40305198005121E+017” was stored as a number");
  /* The tenant's owner (line 5) lost its ID, so nobody authorises him. */
  assert_rejected (report, 2, 6, "authorised_by", "the owner of unit 1-1-102 (line 5) was not imported");
  assert_rejected (report, 4, 11, "name", "Name: required");
  assert_rejected (report, 5, 12, "authorised_by", "no owner for unit 3-1-101");
  g_assert_cmpuint (report->people_created, ==, 3);
  g_assert_cmpuint (report->units_created, ==, 4);

  g_assert_cmpint (count (ctx, "person"), ==, 3);
  g_assert_cmpint (person_id (ctx, "张伟"), ==, 0);
  g_assert_cmpint (person_id (ctx, "王强"), ==, 0);
  g_assert_cmpint (count (ctx, "unit"), ==, 4);
  g_assert_cmpint (count (ctx, "vehicle"), ==, 0);
  /* Number cells that really are numbers (areas) and passports survive. */
  unit = unit_coded (ctx, "2-1-101");
  g_assert_cmpfloat_with_epsilon (unit->gross_area, 150.8, 1e-9);
  chen = person_named (ctx, "陈静");
  g_assert_cmpstr (chen->id_number, ==, "E12345678");
  u101 = unit_coded (ctx, "1-1-101");
  roles = pd_unit_role_list (ctx, u101->id, 0, TRUE, NULL);
  g_assert_cmpuint (roles->len, ==, 1);
  g_assert_cmpstr (((PdUnitRole *) roles->pdata[0])->role, ==, "member");
  g_assert_cmpstr (((PdUnitRole *) roles->pdata[0])->person_name, ==, "张小明");
}

/* Lease dates typed as dates in the workbook arrive as ISO dates. */
static void
test_xlsx_dates (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autofree char *path = fixture ("owners-ledger-calc.xlsx");
  g_autoptr (PdLedgerTable) table = read_ledger (path);
  g_autoptr (PdOwnerMapping) mapping = detect (table);
  int start = pd_owner_mapping_find (mapping, PD_OWNER_FIELD_LEASE_START);

  g_assert_cmpint (start, ==, 14);
  /* Table rows: title, header, then line 3 … ; 王强 is on line 6. */
  g_assert_cmpstr (pd_ledger_table_get_cell (table, 5, 2), ==, "王强");
  g_assert_cmpstr (pd_ledger_table_get_cell (table, 5, (guint) start), ==, "2026-01-01");
  g_assert_cmpstr (pd_ledger_table_get_cell (table, 5, (guint) start + 1), ==, "2026-12-31");
}

/* ---- all or nothing ---------------------------------------------------- */

static void
test_all_or_nothing (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (PdOwnerImportReport) first = NULL;
  g_autoptr (PdOwnerImportReport) report = NULL;
  Counts before;

  /* Something in the database already, so "unchanged" is not "empty". */
  first = import_text (ctx, "房号,姓名,手机\n9-9-901,钱多多,13511112222\n", PD_OWNER_IMPORT_ALL_OR_NOTHING);
  g_assert_true (first->committed);
  g_assert_cmpuint (first->rows_imported, ==, 1);
  before = counts (ctx);
  g_assert_cmpint (before.audit_log, >, 0);

  report = import_fixture (ctx, "owners-ledger-gbk.csv", PD_OWNER_IMPORT_ALL_OR_NOTHING);
  g_assert_false (report->committed);
  g_assert_cmpuint (report->rows_imported, ==, 0);
  assert_csv_rejections (report);
  g_assert_cmpuint (report->people_created, ==, 0);
  g_assert_cmpuint (report->units_created, ==, 0);
  assert_counts_equal (before, counts (ctx));
}

/* A failure that only the database can see (an illegal state change) is
 * reported too, and undoes the whole row it happened in. */
static void
test_existing_estate (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (PdOwnerImportReport) report = NULL;
  g_autoptr (PdUnit) u101 = pd_unit_new ();
  g_autoptr (PdUnit) u201 = pd_unit_new ();
  g_autoptr (PdPerson) zhang = pd_person_new ();
  g_autoptr (PdPerson) wang = pd_person_new ();
  g_autoptr (PdPerson) after = NULL;
  g_autoptr (PdUnit) u101_after = NULL;
  g_autoptr (PdUnit) u201_after = NULL;
  g_autoptr (PdPerson) wang_after = NULL;
  g_autoptr (GError) error = NULL;
  gint64 estate = pd_estate_current_id (ctx, NULL);

  u101->code = g_strdup ("1-1-101");
  g_free (u101->state);
  u101->state = g_strdup ("vacant");          /* vacant → occupied is allowed */
  pd_unit_create (ctx, estate, u101, &error);
  g_assert_no_error (error);
  u201->code = g_strdup ("1-2-201");
  u201->gross_area = 118;
  pd_unit_create (ctx, estate, u201, &error);  /* unsold → renovating is not */
  g_assert_no_error (error);
  /* 张伟 known by ID only; 王强 by name and mobile. */
  g_free (zhang->name);
  zhang->name = g_strdup ("张伟");
  g_free (zhang->id_number);
  zhang->id_number = g_strdup ("440305198005121239");
  pd_person_create (ctx, zhang, &error);
  g_assert_no_error (error);
  g_free (wang->name);
  wang->name = g_strdup ("王强");
  g_free (wang->mobile);
  wang->mobile = g_strdup ("13634567890");
  pd_person_create (ctx, wang, &error);
  g_assert_no_error (error);

  report = import_fixture (ctx, "owners-ledger-bom.csv", PD_OWNER_IMPORT_SKIP_BAD);
  g_assert_true (report->committed);
  g_assert_cmpuint (report->rows_rejected, ==, 7);
  assert_rejected (report, 0, 7, "state", "State: unit 1-2-201 is “Unsold” and cannot become “Renovating”");
  g_assert_cmpuint (report->rows_imported, ==, 8);
  g_assert_cmpuint (report->states_changed, ==, 1);       /* 1-1-101 vacant → occupied */
  g_assert_cmpuint (report->people_updated, ==, 2);       /* 张伟's mobile, 王强's sex filled */
  g_assert_cmpuint (report->people_unchanged, ==, 0);
  g_assert_cmpuint (report->people_created, ==, 4);       /* 张小明, 李娜, the company, 周杰 */
  g_assert_cmpuint (report->units_created, ==, 4);
  g_assert_cmpuint (report->units_new_in_estate, ==, 4);
  g_assert_cmpstr (report->new_unit_codes->pdata[0], ==, "1-1-102");
  g_assert_cmpstr (report->new_unit_codes->pdata[3], ==, "2-2-301");

  g_assert_cmpint (count (ctx, "person"), ==, 6);         /* 陈静's row was undone entirely */
  g_assert_cmpint (person_id (ctx, "陈静"), ==, 0);
  after = person_named (ctx, "张伟");
  g_assert_cmpint (after->id, ==, zhang->id);
  g_assert_cmpstr (after->mobile, ==, "13812345678");
  u101_after = unit_coded (ctx, "1-1-101");
  g_assert_cmpstr (u101_after->state, ==, "occupied");
  g_assert_cmpfloat_with_epsilon (u101_after->gross_area, 89.5, 1e-9); /* was empty: filled */
  u201_after = unit_coded (ctx, "1-2-201");
  g_assert_cmpfloat_with_epsilon (u201_after->gross_area, 118, 1e-9);
  g_assert_cmpstr (u201_after->state, ==, "unsold");
  wang_after = person_named (ctx, "王强");
  g_assert_cmpstr (wang_after->sex, ==, "M");
  g_assert_cmpint (person_id (ctx, "王强"), ==, wang->id);
}

/* ---- re-import --------------------------------------------------------- */

static void
test_reimport (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (PdOwnerImportReport) first = import_fixture (ctx, "owners-ledger.csv", PD_OWNER_IMPORT_SKIP_BAD);
  g_autoptr (PdOwnerImportReport) again = NULL;
  Counts before = counts (ctx);

  g_assert_cmpuint (first->people_created, ==, 7);
  again = import_fixture (ctx, "owners-ledger-gbk.csv", PD_OWNER_IMPORT_SKIP_BAD);
  g_assert_true (again->committed);
  g_assert_cmpuint (again->rows_imported, ==, 9);
  g_assert_cmpuint (again->people_created, ==, 0);
  g_assert_cmpuint (again->people_updated, ==, 0);
  g_assert_cmpuint (again->people_unchanged, ==, 7);
  g_assert_cmpuint (again->units_created, ==, 0);
  g_assert_cmpuint (again->roles_created, ==, 0);
  g_assert_cmpuint (again->vehicles_created, ==, 0);
  g_assert_cmpuint (again->states_changed, ==, 0);
  /* Nothing written at all: not even an audit row. */
  assert_counts_equal (before, counts (ctx));
}

/* A later ledger with more about the same people fills what was empty and
 * leaves what the office already has. */
static void
test_reimport_fills_empty_fields (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (PdOwnerImportReport) first = NULL;
  g_autoptr (PdOwnerImportReport) again = NULL;
  g_autoptr (PdPerson) sun = NULL;
  g_autoptr (PdPerson) he = NULL;

  first = import_text (ctx,
                       "房号,姓名,手机,地址\n"
                       "5-1-501,孙悦,,\n"
                       "5-1-502,何平,13600001111,广州市天河区\n",
                       PD_OWNER_IMPORT_ALL_OR_NOTHING);
  g_assert_cmpuint (first->people_created, ==, 2);
  again = import_text (ctx,
                       "房号,姓名,手机,地址\n"
                       "5-1-501,孙悦,,深圳市南山区\n"            /* no ID, no mobile: by name on the unit */
                       "5-1-502,何平,13600001111,深圳市福田区\n", /* by name + mobile; address kept */
                       PD_OWNER_IMPORT_ALL_OR_NOTHING);
  g_assert_cmpuint (again->people_created, ==, 0);
  g_assert_cmpuint (again->people_updated, ==, 1);
  g_assert_cmpuint (again->people_unchanged, ==, 1);
  g_assert_cmpint (count (ctx, "person"), ==, 2);
  sun = person_named (ctx, "孙悦");
  he = person_named (ctx, "何平");
  g_assert_cmpstr (sun->address, ==, "深圳市南山区");
  g_assert_cmpstr (he->address, ==, "广州市天河区");
}

/* An ID that is someone else's in the owner files is not silently merged. */
static void
test_id_of_someone_else (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (PdOwnerImportReport) first = NULL;
  g_autoptr (PdOwnerImportReport) second = NULL;

  first = import_text (ctx, "房号,姓名,身份证号\n1-1-101,张伟,440305198005121239\n",
                       PD_OWNER_IMPORT_ALL_OR_NOTHING);
  g_assert_true (first->committed);
  second = import_text (ctx, "房号,姓名,身份证号\n1-1-102,张维,440305198005121239\n",
                        PD_OWNER_IMPORT_ALL_OR_NOTHING);
  g_assert_false (second->committed);
  assert_rejected (second, 0, 2, "id_number", "belongs to 张伟");
  g_assert_cmpint (count (ctx, "person"), ==, 1);
}

/* ---- ledger shapes ----------------------------------------------------- */

static void
test_shapes (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (PdOwnerImportReport) report = NULL;
  g_autoptr (PdUnit) unit = NULL;
  g_autoptr (GPtrArray) roles = NULL;

  /* Tenant above the owner; building, entrance and room in three columns;
   * English words in the role column; a repeated row; two plates. */
  report = import_text (ctx,
                        "楼栋,单元,房号,姓名,手机,身份,租期开始,租期结束,车牌\n"
                        "3号楼,2单元,1201,刘租,13700002222,tenant,2026/3/1,2027年2月28日,\n"
                        "3号楼,2单元,1201,黄主,13700001111,业主,,,\"京A12345、京B54321\"\n"
                        "3号楼,2单元,1201,黄主,13700001111,业主,,,\n",
                        PD_OWNER_IMPORT_ALL_OR_NOTHING);
  g_assert_true (report->committed);
  g_assert_cmpuint (report->rows_imported, ==, 3);
  g_assert_cmpuint (report->rows_repeated, ==, 1);
  g_assert_cmpuint (report->people_created, ==, 2);
  g_assert_cmpuint (report->vehicles_created, ==, 2);
  g_assert_cmpuint (report->units_without_state, ==, 1);
  unit = unit_coded (ctx, "3-2-1201");
  g_assert_cmpstr (unit->state, ==, "vacant");   /* owned, no state column */
  g_assert_cmpint (count (ctx, "unit_role"), ==, 2);
  roles = pd_unit_role_list (ctx, unit->id, 0, TRUE, NULL);
  g_assert_cmpstr (((PdUnitRole *) roles->pdata[1])->role, ==, "tenant");
  g_assert_cmpstr (((PdUnitRole *) roles->pdata[1])->start_on, ==, "2026-03-01");
  g_assert_cmpstr (((PdUnitRole *) roles->pdata[1])->lease_end, ==, "2027-02-28");
  g_assert_cmpint (((PdUnitRole *) roles->pdata[1])->authorised_by, ==, person_id (ctx, "黄主"));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM vehicle WHERE person_id = (SELECT id FROM person WHERE name = ?)", "黄主"), ==, 2);
}

static void
test_tenant_needs_dates (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (PdOwnerImportReport) report =
    import_text (ctx, "房号,姓名,身份\n1-1-101,甲业主,业主\n1-1-101,乙租户,租户\n", PD_OWNER_IMPORT_SKIP_BAD);

  g_assert_cmpuint (report->rows_imported, ==, 1);
  assert_rejected (report, 0, 3, "start_on", "required");
  g_assert_cmpint (count (ctx, "person"), ==, 1);    /* the tenant's person row was undone */
}

/* ---- mapping and preview ----------------------------------------------- */

static void
test_mapping (void)
{
  g_autofree char *path = fixture ("owners-ledger-bom.csv");
  g_autoptr (PdLedgerTable) table = read_ledger (path);
  g_autoptr (PdOwnerMapping) mapping = detect (table);
  g_autoptr (PdLedgerTable) english = NULL;
  g_autoptr (PdOwnerMapping) english_mapping = NULL;
  g_autoptr (GError) error = NULL;
  const char csv[] = "Room No.,Owner name,ID No.,Mobile phone,Gross area (m²),Status,Licence plate\n";
  const char none[] = "a,b,c\n1,2,3\n";

  /* The title row above is skipped. */
  g_assert_cmpuint (mapping->header_row, ==, 1);
  g_assert_cmpuint (mapping->n_columns, ==, 19);
  g_assert_cmpint (mapping->columns[0], ==, PD_OWNER_FIELD_NONE);      /* 序号 */
  g_assert_cmpint (mapping->columns[1], ==, PD_OWNER_FIELD_UNIT_CODE);
  g_assert_cmpint (mapping->columns[2], ==, PD_OWNER_FIELD_NAME);
  g_assert_cmpint (mapping->columns[5], ==, PD_OWNER_FIELD_ID_NUMBER);
  g_assert_cmpint (mapping->columns[8], ==, PD_OWNER_FIELD_GROSS_AREA); /* 建筑面积(㎡) */
  g_assert_cmpint (mapping->columns[9], ==, PD_OWNER_FIELD_INNER_AREA);
  g_assert_cmpint (mapping->columns[13], ==, PD_OWNER_FIELD_ROLE);
  g_assert_cmpint (mapping->columns[17], ==, PD_OWNER_FIELD_USCC);
  g_assert_cmpint (mapping->columns[18], ==, PD_OWNER_FIELD_NOTES);

  /* The caller's choice wins, and a field is read from one column only. */
  pd_owner_mapping_set (mapping, 0, PD_OWNER_FIELD_NOTES);
  g_assert_cmpint (mapping->columns[0], ==, PD_OWNER_FIELD_NOTES);
  g_assert_cmpint (mapping->columns[18], ==, PD_OWNER_FIELD_NONE);
  pd_owner_mapping_set (mapping, 2, PD_OWNER_FIELD_NONE);
  g_assert_false (pd_owner_mapping_check (mapping, &error));
  g_assert_nonnull (strstr (error->message, "“Name”"));
  g_clear_error (&error);

  english = pd_csv_parse (csv, strlen (csv), &error);
  g_assert_no_error (error);
  english_mapping = detect (english);
  g_assert_cmpint (english_mapping->columns[0], ==, PD_OWNER_FIELD_UNIT_CODE);
  g_assert_cmpint (english_mapping->columns[1], ==, PD_OWNER_FIELD_NAME);
  g_assert_cmpint (english_mapping->columns[2], ==, PD_OWNER_FIELD_ID_NUMBER);
  g_assert_cmpint (english_mapping->columns[3], ==, PD_OWNER_FIELD_MOBILE);
  g_assert_cmpint (english_mapping->columns[4], ==, PD_OWNER_FIELD_GROSS_AREA);
  g_assert_cmpint (english_mapping->columns[5], ==, PD_OWNER_FIELD_STATE);
  g_assert_cmpint (pd_owner_field_from_header ("车牌号码"), ==, PD_OWNER_FIELD_PLATE);
  g_assert_cmpint (pd_owner_field_from_header (" 联系\n电话* "), ==, PD_OWNER_FIELD_MOBILE);
  g_assert_cmpint (pd_owner_field_from_header ("Licence plate"), ==, PD_OWNER_FIELD_PLATE);
  g_assert_cmpint (pd_owner_field_from_header ("序号"), ==, PD_OWNER_FIELD_NONE);

  g_clear_pointer (&english, pd_ledger_table_free);
  english = pd_csv_parse (none, strlen (none), &error);
  g_assert_no_error (error);
  g_assert_null (pd_owner_mapping_detect (english, &error));
  g_assert_error (error, PD_LEDGER_ERROR, PD_LEDGER_ERROR_FORMAT);
}

static void
test_preview (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autofree char *path = fixture ("owners-ledger-gbk.csv");
  g_autoptr (PdLedgerTable) table = read_ledger (path);
  g_autoptr (PdOwnerMapping) mapping = detect (table);
  g_autoptr (GPtrArray) rows = pd_owner_import_preview (table, mapping, 10);
  Counts before = counts (ctx);
  PdOwnerPreviewRow *row;

  g_assert_cmpuint (rows->len, ==, 10);
  row = rows->pdata[0];
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_true (row->ok);
  g_assert_null (row->message);
  g_assert_cmpstr (row->cells[2], ==, "张伟");            /* decoded from GBK */
  g_assert_cmpstr (row->cells[5], ==, "440305198005121239");
  for (guint i = 0; i < 7; i++)
    g_assert_true (((PdOwnerPreviewRow *) rows->pdata[i])->ok);
  row = rows->pdata[7];
  g_assert_cmpuint (row->line, ==, 10);
  g_assert_false (row->ok);
  g_assert_nonnull (strstr (row->message, "check digit"));
  row = rows->pdata[9];
  g_assert_cmpuint (row->line, ==, 12);
  g_assert_nonnull (strstr (row->message, "no owner for unit 3-1-101"));
  assert_counts_equal (before, counts (ctx));
}

static void
test_cancel (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autofree char *path = fixture ("owners-ledger.csv");
  g_autoptr (PdLedgerTable) table = read_ledger (path);
  g_autoptr (PdOwnerMapping) mapping = detect (table);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  Counts before = counts (ctx);

  g_cancellable_cancel (cancellable);
  g_assert_null (pd_owner_import_run (ctx, table, mapping, PD_OWNER_IMPORT_SKIP_BAD, cancellable,
                                      NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_counts_equal (before, counts (ctx));
}

/* ---- in a thread --------------------------------------------------------- */

typedef struct
{
  guint                last_done, last_total, calls;
  gboolean             released;
  PdOwnerImportReport *report;
  GError              *error;
  gboolean             finished;
} AsyncState;

static void
async_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_cmpuint (done, >=, state->last_done);
  state->last_done = done;
  state->last_total = total;
  state->calls++;
}

static void
async_released (gpointer user_data)
{
  ((AsyncState *) user_data)->released = TRUE;
}

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;

  state->report = pd_owner_import_run_finish (PD_CONTEXT (source), result, &state->error);
  state->finished = TRUE;
}

static void
count_change (PdContext  *ctx,
              const char *table,
              guint      *n)
{
  (*n)++;
}

static void
test_async (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "async.db", NULL);
  g_autoptr (PdContext) ctx = pd_test_context_open (db, NOW);
  g_autofree char *path = fixture ("owners-ledger-bom.csv");
  g_autoptr (PdLedgerTable) table = read_ledger (path);
  g_autoptr (PdOwnerMapping) mapping = detect (table);
  AsyncState state = { 0 };
  guint changes = 0;

  g_signal_connect (ctx, "changed", G_CALLBACK (count_change), &changes);
  pd_owner_import_run_async (ctx, table, mapping, PD_OWNER_IMPORT_SKIP_BAD, NULL,
                             async_progress, &state, async_released, async_done, &state);
  while (!state.finished || !state.released)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (state.error);
  g_assert_true (state.report->committed);
  g_assert_cmpuint (state.report->rows_imported, ==, 9);
  g_assert_cmpuint (state.last_done, ==, state.last_total);
  g_assert_cmpuint (state.calls, >=, 2);
  /* Written by the worker's connection, as our user, at our time; the
   * views of this connection are told. */
  g_assert_cmpint (count (ctx, "person"), ==, 7);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'person' AND user_name = ?", "tester"), ==, 7);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE at <> ?", "2026-02-10 09:30:00"), ==, 0);
  g_assert_cmpuint (changes, ==, 4);
  pd_owner_import_report_free (state.report);
}

/* ---- the command line -------------------------------------------------- */

static char *
run_cli (const char  *db,
         const char  *language,
         int         *status,
         char       **err,
         ...)
{
  g_autoptr (GStrvBuilder) args = g_strv_builder_new ();
  g_auto (GStrv) argv = NULL;
  g_auto (GStrv) env = g_get_environ ();
  g_autoptr (GError) error = NULL;
  const char *arg;
  char *out = NULL;
  int wait_status = 0;
  va_list ap;

  g_strv_builder_add_many (args, g_getenv ("PROPDESK_CLI"), "--db", db, "import", "owners", NULL);
  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_strv_builder_add (args, arg);
  va_end (ap);
  argv = g_strv_builder_end (args);
  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  g_spawn_sync (NULL, argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, err, &wait_status, &error);
  g_assert_no_error (error);
  *status = 0;
  if (!g_spawn_check_wait_status (wait_status, &error))
    *status = error->domain == G_SPAWN_EXIT_ERROR ? error->code : -1;
  return out;
}

static void
test_cli (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "cli.db", NULL);
  g_autofree char *gbk = fixture ("owners-ledger-gbk.csv");
  g_autofree char *missing = g_build_filename (pd_test_tmpdir (), "不存在的台账.xlsx", NULL);
  g_autofree char *empty = g_build_filename (pd_test_tmpdir (), "empty.csv", NULL);
  g_autofree char *out = NULL, *err = NULL;
  int status;

  g_assert_nonnull (g_getenv ("PROPDESK_CLI"));

  /* All or nothing: the bad rows are listed and nothing is imported. */
  out = run_cli (db, "en", &status, &err, gbk, NULL);
  g_assert_cmpint (status, !=, 0);
  g_assert_true (g_str_has_prefix (out, "Imported rows: 0\nRejected rows: 6\n"
                                        "line 10: ID number: the check digit should be 7, not 8"));
  g_assert_nonnull (strstr (out, "\nline 16: ID number: “3.20102E+17” was stored as a number"));
  g_assert_nonnull (strstr (out, "\nline 17: Sex: the ID number belongs to a man\n"));
  g_assert_nonnull (strstr (err, "--skip-bad"));
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, NOW);
    g_assert_cmpint (count (ctx, "person"), ==, 0);
    g_assert_cmpint (count (ctx, "unit"), ==, 0);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* In Chinese. */
  out = run_cli (db, "zh_CN", &status, &err, gbk, NULL);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (out, "第 10 行：身份证号："));
  g_assert_nonnull (strstr (out, "第 11 行：姓名："));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Skip bad rows: the rest is imported, exit status 0. */
  out = run_cli (db, "en", &status, &err, gbk, "--skip-bad", NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (out, "Imported rows: 9\nRejected rows: 6\nline 10: "));
  g_assert_nonnull (strstr (out, "People: 7 new, 0 updated, 0 unchanged\n"));
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, NOW);
    g_assert_cmpint (count (ctx, "person"), ==, 7);
    g_assert_cmpint (count (ctx, "unit"), ==, 6);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Unreadable files: the message names the file. */
  out = run_cli (db, "en", &status, &err, missing, NULL);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "不存在的台账.xlsx"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_file_set_contents (empty, "", 0, NULL);
  out = run_cli (db, "en", &status, &err, empty, "--skip-bad", NULL);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "empty.csv"));
}

/* Every record as text: line, blank, repeat, tenant's owner line, unit, name, error. */
static char *
records_text (GPtrArray *records)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    {
      const PdOwnerRecord *r = records->pdata[i];

      g_string_append_printf (text, "%u %d %u %u %s %s %s\n", r->line, r->blank, r->repeat_of, r->owner_line,
                              r->unit_code ? r->unit_code : "-", r->person ? r->person->name : "-",
                              r->error ? r->error->message : "ok");
    }
  return g_string_free (text, FALSE);
}

/* A large ledger is parsed in two halves on two threads: the records are
 * the ones one thread makes, in the same order, and the checks across the
 * file (a row repeated in the other half) still see every row. */
static void
test_two_threads (void)
{
  g_autoptr (GString) csv = g_string_new ("房号,业主姓名,手机,建筑面积\n");
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "large-ledger.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdLedgerTable) table = NULL;
  g_autoptr (PdOwnerMapping) mapping = NULL;
  g_autoptr (GPtrArray) threaded = NULL;
  g_autoptr (GPtrArray) single = NULL;
  g_autofree char *threaded_text = NULL;
  g_autofree char *single_text = NULL;
  guint rows = 4400;

  for (guint i = 0; i < rows; i++)
    {
      if (i == 4300)
        g_string_append (csv, "1-1-252,业主151,13800000151,88.5\n");        /* repeats row 151 */
      else if (i == 9 || i == 3000)
        g_string_append_printf (csv, "1-%u-%u,业主%u,12345,88.5\n", i / 1000 + 1, i % 1000 + 101, i);  /* bad mobile */
      else
        g_string_append_printf (csv, "1-%u-%u,业主%u,138%08u,88.5\n", i / 1000 + 1, i % 1000 + 101, i, i);
    }
  g_file_set_contents (path, csv->str, -1, &error);
  g_assert_no_error (error);
  table = read_ledger (path);
  mapping = detect (table);

  threaded = pd_owner_records_read (table, mapping);
  pd_owner_records_set_one_thread (TRUE);
  single = pd_owner_records_read (table, mapping);
  pd_owner_records_set_one_thread (FALSE);
  threaded_text = records_text (threaded);
  single_text = records_text (single);
  g_assert_cmpuint (threaded->len, ==, rows);
  g_assert_cmpstr (threaded_text, ==, single_text);
  /* What the rows say, from both halves. */
  g_assert_nonnull (((PdOwnerRecord *) threaded->pdata[9])->error);
  g_assert_nonnull (((PdOwnerRecord *) threaded->pdata[3000])->error);
  g_assert_cmpuint (((PdOwnerRecord *) threaded->pdata[4300])->repeat_of, ==,
                    ((PdOwnerRecord *) threaded->pdata[151])->line);
  g_assert_cmpuint (((PdOwnerRecord *) threaded->pdata[4399])->line, ==, rows + 1);
  g_assert_cmpstr (((PdOwnerRecord *) threaded->pdata[4399])->person->name, ==, "业主4399");
}

/* The import reads its rows on another thread while it writes the ones
 * before them: row by row, and then all of them, the feed gives the
 * records pd_owner_records_read() gives, with the checks across the file
 * (a repeat far below, a second state, tenants above and without owners). */
static void
test_feed (void)
{
  g_autoptr (GString) csv = g_string_new ("房号,姓名,手机,身份,房屋状态,租期开始,租期结束\n");
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "feed-ledger.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdLedgerTable) table = NULL;
  g_autoptr (PdOwnerMapping) mapping = NULL;
  g_autoptr (GPtrArray) single = NULL;
  g_autoptr (PdOwnerRecordFeed) feed = NULL;
  g_autoptr (GPtrArray) one_by_one = g_ptr_array_new ();
  g_autofree char *single_text = NULL;
  g_autofree char *one_by_one_text = NULL;
  g_autofree char *all_text = NULL;
  guint rows = 3000;

  for (guint i = 0; i < rows; i++)
    {
      if (i == 5)
        g_string_append (csv, "1-9-101,租户甲,13900000005,租户,,2026-01-01,2026-12-31\n");   /* owner at 2900 */
      else if (i == 6)
        g_string_append (csv, "1-9-102,租户乙,13900000006,租户,,2026-01-01,2026-12-31\n");   /* no owner */
      else if (i == 2900)
        g_string_append (csv, "1-9-101,业主丙,13900002900,业主,,,\n");
      else if (i == 2950)
        g_string_append (csv, "1-1-111,业主10,13800000010,业主,,,\n");                       /* repeats row 10 */
      else if (i == 2960)
        g_string_append (csv, "1-1-120,家属,13900002960,家庭成员,已入住,,\n");                 /* row 19 said vacant */
      else
        g_string_append_printf (csv, "1-%u-%u,业主%u,138%08u,业主,%s,,\n", i / 1000 + 1, i % 1000 + 101, i, i,
                                i == 19 ? "空置" : "");
    }
  g_file_set_contents (path, csv->str, -1, &error);
  g_assert_no_error (error);
  table = read_ledger (path);
  mapping = detect (table);

  pd_owner_records_set_one_thread (TRUE);
  single = pd_owner_records_read (table, mapping);
  pd_owner_records_set_one_thread (FALSE);
  feed = pd_owner_record_feed_new (table, mapping, NULL, NULL);
  g_assert_cmpuint (pd_owner_record_feed_get_n (feed), ==, rows);
  for (guint i = 0; i < rows; i++)
    if (!g_str_equal (((PdOwnerRecord *) single->pdata[i])->role ? ((PdOwnerRecord *) single->pdata[i])->role : "", "tenant"))
      g_ptr_array_add (one_by_one, pd_owner_record_feed_get (feed, i));
  all_text = records_text (pd_owner_record_feed_get_all (feed));
  single_text = records_text (single);
  g_assert_cmpstr (all_text, ==, single_text);
  /* The rows other than tenants are final as soon as they are read. */
  g_ptr_array_remove_range (single, 5, 2);
  one_by_one_text = records_text (one_by_one);
  g_clear_pointer (&single_text, g_free);
  single_text = records_text (single);
  g_assert_cmpstr (one_by_one_text, ==, single_text);
  /* And the checks found what is in the file. */
  g_assert_cmpuint (((PdOwnerRecord *) pd_owner_record_feed_get (feed, 5))->owner_line, ==, 2902);
  g_assert_nonnull (((PdOwnerRecord *) pd_owner_record_feed_get (feed, 6))->error);
  g_assert_cmpuint (((PdOwnerRecord *) pd_owner_record_feed_get (feed, 2950))->repeat_of, ==, 12);
  g_assert_nonnull (((PdOwnerRecord *) pd_owner_record_feed_get (feed, 2960))->error);
}

/* A feed given up half-way (an import cancelled) stops its reader. */
static void
test_feed_given_up (void)
{
  g_autoptr (GString) csv = g_string_new ("房号,姓名,手机\n");
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "feed-given-up.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdLedgerTable) table = NULL;
  g_autoptr (PdOwnerMapping) mapping = NULL;
  PdOwnerRecordFeed *feed;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv, "1-%u-%u,业主%u,138%08u\n", i / 1000 + 1, i % 1000 + 101, i, i);
  g_file_set_contents (path, csv->str, -1, &error);
  g_assert_no_error (error);
  table = read_ledger (path);
  mapping = detect (table);
  feed = pd_owner_record_feed_new (table, mapping, NULL, NULL);
  g_assert_cmpstr (pd_owner_record_feed_get (feed, 0)->person->name, ==, "业主0");
  pd_owner_record_feed_free (feed);
}

/* A member's row above the owner's: the unit is still taken as sold
 * (vacant) although the owner is further down; a unit nobody owns in the
 * ledger stays unsold. */
static void
test_member_above_owner (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (PdOwnerImportReport) report = NULL;
  g_autoptr (PdUnit) owned = NULL;
  g_autoptr (PdUnit) unowned = NULL;

  report = import_text (ctx,
                        "房号,姓名,手机,身份\n"
                        "1-1-101,张子,13700000001,家庭成员\n"
                        "1-1-102,李子,13700000003,家庭成员\n"
                        "1-1-101,张父,13700000002,业主\n",
                        PD_OWNER_IMPORT_ALL_OR_NOTHING);
  g_assert_true (report->committed);
  g_assert_cmpuint (report->rows_imported, ==, 3);
  g_assert_cmpuint (report->units_created, ==, 2);
  g_assert_cmpuint (report->units_without_state, ==, 1);
  owned = unit_coded (ctx, "1-1-101");
  unowned = unit_coded (ctx, "1-1-102");
  g_assert_cmpstr (owned->state, ==, "vacant");
  g_assert_cmpstr (unowned->state, ==, "unsold");
  g_assert_cmpint (count (ctx, "unit_role"), ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/owner-import/csv-utf8", "owners-ledger.csv", test_csv);
  g_test_add_data_func ("/owner-import/csv-utf8-bom", "owners-ledger-bom.csv", test_csv);
  g_test_add_data_func ("/owner-import/csv-gbk", "owners-ledger-gbk.csv", test_csv);
  g_test_add_func ("/owner-import/xlsx", test_xlsx);
  g_test_add_func ("/owner-import/xlsx-dates", test_xlsx_dates);
  g_test_add_func ("/owner-import/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/owner-import/existing-estate", test_existing_estate);
  g_test_add_func ("/owner-import/reimport", test_reimport);
  g_test_add_func ("/owner-import/reimport-fills-empty-fields", test_reimport_fills_empty_fields);
  g_test_add_func ("/owner-import/id-of-someone-else", test_id_of_someone_else);
  g_test_add_func ("/owner-import/shapes", test_shapes);
  g_test_add_func ("/owner-import/tenant-needs-dates", test_tenant_needs_dates);
  g_test_add_func ("/owner-import/mapping", test_mapping);
  g_test_add_func ("/owner-import/preview", test_preview);
  g_test_add_func ("/owner-import/two-threads", test_two_threads);
  g_test_add_func ("/owner-import/feed", test_feed);
  g_test_add_func ("/owner-import/feed-given-up", test_feed_given_up);
  g_test_add_func ("/owner-import/member-above-owner", test_member_above_owner);
  g_test_add_func ("/owner-import/cancel", test_cancel);
  g_test_add_func ("/owner-import/async", test_async);
  g_test_add_func ("/owner-import/cli", test_cli);
  return g_test_run ();
}
