/* test-owner-import-flat.c — the owner import's flat pass (all rows in one
 * go, no savepoint per row) against the row-by-row path it falls back to.
 *
 * Both run on the same ledger in two fresh databases with the same
 * contents; the reports and every row written (people, units, roles,
 * vehicles, search keys, audit log) must be the same, and a ledger with a
 * bad row must leave the database as it was in all-or-nothing mode. */
#include "config.h"

#include <string.h>

#include "pd-owner-import.h"
#include "pd-owner-record.h"
#include "pd-test-fixture.h"

#define NOW "2026-02-10 09:30:00"

static const char *const tables[] = {
  "building", "entrance", "unit", "person", "unit_role", "vehicle", "search_key", "audit_log",
};

/* Every row of the tables an import writes, in rowid order, as text. */
static char *
dump (PdContext *ctx)
{
  PdDatabase *database = pd_context_get_database (ctx);
  GString *text = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY rowid", tables[t]);
      sqlite3_stmt *stmt = pd_database_prepare (database, sql, NULL);

      g_assert_nonnull (stmt);
      g_string_append_printf (text, "[%s]\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (text, "%s|", sqlite3_column_type (stmt, c) == SQLITE_NULL
                                                 ? "NULL" : (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (text, '\n');
        }
      sqlite3_reset (stmt);
    }
  return g_string_free (text, FALSE);
}

static gint64
count (PdContext  *ctx,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  return pd_test_count (ctx, sql, NULL);
}

/* The indexes on person, as the schema has them. */
static char *
person_indexes (PdContext *ctx)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person' ORDER BY name", NULL);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (text, "%s: %s\n", pd_column_text (stmt, 0), pd_column_text (stmt, 1));
  sqlite3_reset (stmt);
  return g_string_free (text, FALSE);
}

/* The report with every figure and every rejection. */
static char *
report_text (const PdOwnerImportReport *report)
{
  g_autofree char *formatted = pd_owner_import_report_format (report);
  GString *text = g_string_new (formatted);

  g_string_append_printf (text, "\ncommitted %d read %u imported %u rejected %u repeated %u "
                          "people %u/%u/%u units %u/%u/%u roles %u vehicles %u states %u\n",
                          report->committed, report->rows_read, report->rows_imported,
                          report->rows_rejected, report->rows_repeated, report->people_created,
                          report->people_updated, report->people_unchanged, report->units_created,
                          report->units_new_in_estate, report->units_without_state,
                          report->roles_created, report->vehicles_created, report->states_changed);
  for (guint i = 0; i < report->new_unit_codes->len; i++)
    g_string_append_printf (text, "new %s\n", (const char *) report->new_unit_codes->pdata[i]);
  for (guint i = 0; i < report->rejected->len; i++)
    {
      const PdOwnerRejection *rejection = report->rejected->pdata[i];
      g_string_append_printf (text, "line %u [%s] %s\n", rejection->line,
                              rejection->field ? rejection->field : "-", rejection->message);
    }
  return g_string_free (text, FALSE);
}

static PdOwnerImportReport *
import_csv (PdContext        *ctx,
            const char       *csv,
            PdOwnerImportMode mode,
            gboolean          row_by_row)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "flat-ledger.csv", NULL);
  g_autoptr (PdLedgerTable) table = NULL;
  g_autoptr (PdOwnerMapping) mapping = NULL;
  PdOwnerImportReport *report;

  g_file_set_contents (path, csv, -1, &error);
  g_assert_no_error (error);
  table = pd_ledger_read_file (path, &error);
  g_assert_no_error (error);
  mapping = pd_owner_mapping_detect (table, &error);
  g_assert_no_error (error);
  pd_owner_import_set_row_by_row (row_by_row);
  report = pd_owner_import_run (ctx, table, mapping, mode, NULL, NULL, NULL, &error);
  pd_owner_import_set_row_by_row (FALSE);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* A database with someone in it already: 张伟 with his ID number, a unit
 * and a car, so the ledgers below match, fill and contradict him. */
static PdContext *
office_new (void)
{
  PdContext *ctx = pd_test_context_new (NOW);
  g_autoptr (PdOwnerImportReport) seed = import_csv (ctx,
    "房号,业主姓名,身份证号,手机,车牌\n"
    "1-1-101,张伟,440305198005121239,,粤B12345\n",
    PD_OWNER_IMPORT_ALL_OR_NOTHING, TRUE);

  g_assert_true (seed->committed);
  return ctx;
}

/* Owner files with nobody in them: the flat pass matches people in memory. */
static PdContext *
empty_office_new (void)
{
  PdContext *ctx = pd_test_context_new (NOW);

  g_assert_cmpint (count (ctx, "person"), ==, 0);
  return ctx;
}

/* A valid resident ID number: region, birthday, sequence, check digit. */
static char *
id_number (guint birth_year,
           guint sequence)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  char *id = g_strdup_printf ("110105%04u%02u%02u%03u0", birth_year, 1 + sequence % 12, 1 + sequence % 28,
                              sequence % 1000);
  int sum = 0;

  for (guint i = 0; i < 17; i++)
    sum += (id[i] - '0') * weights[i];
  id[17] = "10X98765432"[sum % 11];
  return id;
}

/* Owners with ID numbers and mobiles, household members, a tenant whose
 * owner is further down, a company, cars, a repeated row and a row for
 * 张伟 that fills his mobile; @bad_row (or NULL) inserted in the middle. */
static char *
ledger (const char *bad_row)
{
  static const char *const surnames[] = { "王", "李", "刘", "陈", "杨", "黄", "赵", "吴" };
  static const char *const given[] = { "秀英", "伟", "芳", "敏", "静", "强", "磊", "洋", "艳", "军" };
  GString *csv = g_string_new ("房号,业主姓名,身份,证件类型,身份证号,手机,建筑面积,租期开始,租期结束,车牌,统一社会信用代码,房屋状态\n");

  g_string_append (csv, "6-1-101,周杰,租户,,,13790123456,99,2026-01-01,2026-12-31,粤B67890,,已出租\n");
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = id_number (1960 + i % 40, 100 + i);
      g_autofree char *plate = i % 9 == 0 ? g_strdup_printf ("京A%05u", 10000 + i) : g_strdup ("");

      if (i == 20 && bad_row != NULL)
        g_string_append_printf (csv, "%s\n", bad_row);
      g_string_append_printf (csv, "%u-%u-%u,%s%s,业主,,%s,139%08u,%.2f,,,%s,,\n", 2 + i / 20, 1 + i % 2,
                              101 + i, surnames[i % G_N_ELEMENTS (surnames)], given[i % G_N_ELEMENTS (given)],
                              id, 10000000 + i * 7, 80 + i * 0.5, plate);
      if (i % 5 == 0)
        g_string_append_printf (csv, "%u-%u-%u,%s小%s,家庭成员,,,,,,,,,\n", 2 + i / 20, 1 + i % 2, 101 + i,
                                surnames[i % G_N_ELEMENTS (surnames)], given[(i + 3) % G_N_ELEMENTS (given)]);
      if (i % 13 == 0)
        g_string_append_printf (csv, "%u-%u-%u,%s%s,业主,,%s,139%08u,%.2f,,,,,\n", 2 + i / 20, 1 + i % 2,
                                101 + i, surnames[i % G_N_ELEMENTS (surnames)], given[i % G_N_ELEMENTS (given)],
                                id, 10000000 + i * 7, 80 + i * 0.5);
    }
  g_string_append (csv, "4-1-101,深圳市锦绣商贸有限公司,业主,营业执照,,,150.8,,,粤B55555,91440300MA5F3K7Q2E,已交房\n");
  g_string_append (csv, "1-1-101,张伟,业主,居民身份证,440305198005121239,13812345678,89.5,,,,,已入住\n");
  /* The tenant's owner, after the tenant. */
  g_string_append (csv, "6-1-101,郑浩,业主,居民身份证,320102197801011354,13512345678,99,,,,,\n");
  return g_string_free (csv, FALSE);
}

/* The same ledger imported twice, flat first and row by row; returns the
 * flat pass's report and checks the other one is the same. */
static PdOwnerImportReport *
import_both_ways (PdContext       *(*office) (void),
                  const char        *csv,
                  PdOwnerImportMode  mode,
                  char             **before_out,
                  char             **after_out)
{
  g_autoptr (PdContext) flat_ctx = office ();
  g_autoptr (PdContext) rows_ctx = office ();
  g_autofree char *before = dump (flat_ctx);
  g_autofree char *rows_before = dump (rows_ctx);
  PdOwnerImportReport *flat = import_csv (flat_ctx, csv, mode, FALSE);
  g_autoptr (PdOwnerImportReport) rows = import_csv (rows_ctx, csv, mode, TRUE);
  g_autofree char *flat_text = report_text (flat);
  g_autofree char *rows_text = report_text (rows);
  g_autofree char *flat_after = dump (flat_ctx);
  g_autofree char *rows_after = dump (rows_ctx);

  g_assert_cmpstr (before, ==, rows_before);
  g_assert_cmpstr (flat_text, ==, rows_text);
  g_assert_cmpstr (flat_after, ==, rows_after);
  *before_out = g_steal_pointer (&before);
  *after_out = g_steal_pointer (&flat_after);
  return flat;
}

static void
test_good_ledger (void)
{
  g_autofree char *csv = ledger (NULL);

  for (PdOwnerImportMode mode = PD_OWNER_IMPORT_ALL_OR_NOTHING; mode <= PD_OWNER_IMPORT_SKIP_BAD; mode++)
    {
      g_autofree char *before = NULL, *after = NULL;
      g_autoptr (PdOwnerImportReport) report = import_both_ways (office_new, csv, mode, &before, &after);
      g_autoptr (PdContext) ctx = office_new ();
      g_autoptr (PdOwnerImportReport) again = import_csv (ctx, csv, mode, FALSE);

      g_assert_true (report->committed);
      g_assert_cmpuint (report->rows_rejected, ==, 0);
      g_assert_cmpuint (report->rows_imported, ==, 56);
      g_assert_cmpuint (report->rows_repeated, ==, 4);
      g_assert_cmpuint (report->people_created, ==, 51);  /* 40 owners, 8 members, tenant, company, 郑浩 */
      g_assert_cmpuint (report->people_updated, ==, 1);   /* 张伟's mobile */
      g_assert_cmpuint (report->units_created, ==, 42);
      g_assert_cmpuint (report->vehicles_created, ==, 7);
      g_assert_cmpstr (before, !=, after);
      /* What the flat pass wrote can be searched and is in the audit log. */
      g_assert_cmpint (count (ctx, "person"), ==, 52);
      g_assert_cmpint (pd_test_count (ctx, "SELECT count(DISTINCT person_id) FROM search_key", NULL), ==, 52);
      g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM search_key WHERE key = ?", "~87654321831"), ==, 1);
      g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = ? AND action = 'insert'",
                                      "person"), ==, 52);
    }
}

/* A row only the database can refuse (its ID number is 张伟's, under
 * another name) in the middle of a good ledger: the flat pass fails there
 * and the import goes row by row. */
static void
test_bad_row_in_the_middle (gconstpointer data)
{
  const char *bad_row = data;
  g_autofree char *csv = ledger (bad_row);

  for (PdOwnerImportMode mode = PD_OWNER_IMPORT_ALL_OR_NOTHING; mode <= PD_OWNER_IMPORT_SKIP_BAD; mode++)
    {
      g_autofree char *before = NULL, *after = NULL;
      g_autoptr (PdOwnerImportReport) report = import_both_ways (office_new, csv, mode, &before, &after);
      const PdOwnerRejection *rejection;

      g_assert_cmpuint (report->rows_rejected, ==, 1);
      rejection = report->rejected->pdata[0];
      g_assert_cmpuint (rejection->line, ==, 29);
      g_assert_cmpstr (rejection->field, ==, "id_number");
      if (mode == PD_OWNER_IMPORT_ALL_OR_NOTHING)
        {
          g_assert_false (report->committed);
          g_assert_cmpuint (report->rows_imported, ==, 0);
          g_assert_cmpstr (before, ==, after);
        }
      else
        {
          g_assert_true (report->committed);
          g_assert_cmpuint (report->rows_imported, ==, 56);
          g_assert_cmpstr (before, !=, after);
        }
    }
}

/* Into empty owner files, people met again on later rows: by ID number, by
 * credit code, by name and mobile, by an ID number or mobile a later row
 * gave them, and two people who come to share a name and mobile, either
 * one gaining it second (the one with the lower file number is found, as
 * by the query). */
static void
test_into_empty_files (void)
{
  g_autofree char *li = id_number (1971, 301);
  g_autofree char *wang = id_number (1972, 302);
  g_autofree char *zhao = id_number (1973, 303);
  g_autofree char *hong1 = id_number (1974, 304);
  g_autofree char *hong2 = id_number (1975, 305);
  g_autofree char *good = ledger (NULL);
  g_autofree char *csv = g_strdup_printf (
    "%s"
    "7-1-101,李明,业主,居民身份证,%s,,90,,,,,\n"              /* 李明 #1: ID, no mobile */
    "7-1-102,李明,业主,居民身份证,%s,13600000001,90,,,,,\n"   /* another 李明 with that mobile */
    "7-1-103,李明,业主,居民身份证,%s,13600000001,90,,,,,\n"   /* #1 by ID gains the mobile */
    "7-1-104,李明,业主,,,13600000001,90,,,,,\n"               /* both match: #1 */
    "7-1-105,孙丽,业主,,,13600000002,90,,,,,\n"               /* 孙丽 by mobile only */
    "7-1-106,孙丽,业主,居民身份证,%s,13600000002,90,,,,,\n"   /* found by mobile, gains the ID */
    "7-1-107,孙丽,家庭成员,居民身份证,%s,,,,,,,\n"            /* found by that ID */
    "7-1-110,周红,业主,居民身份证,%s,13600000003,90,,,,,\n"   /* 周红 #1 with a mobile */
    "7-1-111,周红,业主,居民身份证,%s,,90,,,,,\n"              /* 周红 #2: ID, no mobile */
    "7-1-112,周红,业主,居民身份证,%s,13600000003,90,,,,,\n"   /* #2 by ID gains #1's mobile */
    "7-1-113,周红,业主,,,13600000003,90,,,,,\n"               /* both match: #1 */
    "7-1-108,广州市白云物流有限公司,业主,营业执照,,,200,,,,91440101MA59ABCD1D,\n"
    "7-1-109,广州市白云物流有限公司,业主,营业执照,,,200,,,,91440101MA59ABCD1D,\n",
    good, li, zhao, li, wang, wang, hong1, hong2, hong2);

  for (PdOwnerImportMode mode = PD_OWNER_IMPORT_ALL_OR_NOTHING; mode <= PD_OWNER_IMPORT_SKIP_BAD; mode++)
    {
      g_autofree char *before = NULL, *after = NULL;
      g_autoptr (PdOwnerImportReport) report = import_both_ways (empty_office_new, csv, mode, &before, &after);
      g_autoptr (PdContext) ctx = empty_office_new ();
      g_autoptr (PdOwnerImportReport) again = import_csv (ctx, csv, mode, FALSE);

      g_assert_true (report->committed);
      g_assert_cmpuint (report->rows_rejected, ==, 0);
      /* The good ledger's 51 new people and 张伟, then 李明 and 周红 twice each,
       * 孙丽 and the company. */
      g_assert_cmpuint (report->people_created, ==, 58);
      g_assert_cmpint (count (ctx, "person"), ==, 58);
      g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person WHERE name = ?", "孙丽"), ==, 1);
      g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person WHERE name = ?", "李明"), ==, 2);
      g_assert_cmpint (pd_test_count (ctx, "SELECT count(DISTINCT r.person_id) FROM unit_role r JOIN unit u "
                                           "ON u.id = r.unit_id WHERE u.code IN ('7-1-101', '7-1-103', '7-1-104')",
                                      NULL), ==, 1);
      g_assert_cmpint (pd_test_count (ctx, "SELECT count(DISTINCT r.person_id) FROM unit_role r JOIN unit u "
                                           "ON u.id = r.unit_id WHERE u.code IN ('7-1-110', '7-1-113')",
                                      NULL), ==, 1);
      g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person WHERE uscc = ?", "91440101MA59ABCD1D"), ==, 1);

      /* The indexes on people's identities, dropped for that pass, are
       * back as a new database has them, and the next import of the same
       * ledger finds everybody again through them. */
      {
        g_autoptr (PdContext) fresh = empty_office_new ();
        g_autofree char *expected = person_indexes (fresh);
        g_autofree char *indexes = person_indexes (ctx);
        g_autoptr (PdOwnerImportReport) third = import_csv (ctx, csv, mode, FALSE);

        g_assert_nonnull (strstr (expected, "person_id_number: CREATE UNIQUE INDEX"));
        g_assert_nonnull (strstr (expected, "person_name_mobile: CREATE INDEX"));
        g_assert_cmpstr (indexes, ==, expected);
        g_assert_true (third->committed);
        g_assert_cmpuint (third->people_created, ==, 0);
        g_assert_cmpuint (third->people_unchanged, ==, 58);
        g_assert_cmpint (count (ctx, "person"), ==, 58);
      }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/owner-import-flat/good-ledger", test_good_ledger);
  g_test_add_func ("/owner-import-flat/into-empty-files", test_into_empty_files);
  /* Refused by the database (flat pass falls back) and by the parser. */
  g_test_add_data_func ("/owner-import-flat/bad-row/database",
                        "5-1-520,张维,业主,居民身份证,440305198005121239,,90,,,,,", test_bad_row_in_the_middle);
  g_test_add_data_func ("/owner-import-flat/bad-row/parser",
                        "5-1-520,张维,业主,居民身份证,440305198005121238,,90,,,,,", test_bad_row_in_the_middle);
  return g_test_run ();
}
