/* test-owner-export.c — the Owner files list as .xlsx, read back with
 * openpyxl: one row per unit in unit order, Chinese headers, masked
 * personal data unless a supervisor asks, every export in export_log. */
#include "config.h"

#include "pd-demo.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-export-log.h"
#include "pd-owner-export.h"
#include "pd-owner-list.h"
#include "pd-person.h"
#include "pd-test-fixture.h"
#include "pd-unit-role.h"
#include "pd-validate.h"
#include "pd-xlsx.h"

#define NOW   "2026-11-23 10:00:00"
#define UNITS 120

/* Prints the sheet's title, frozen cell, autofilter range and the number
 * format of the first area cell on the first line, then one line per row
 * with the cells separated by tabs (numbers as Python writes them). */
static const char read_workbook[] =
  "import sys, openpyxl\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "ws = wb.active\n"
  "print('\\t'.join([ws.title, str(ws.freeze_panes), str(ws.auto_filter.ref),\n"
  "                  ws.cell(2, 4).number_format]))\n"
  "for r in ws.iter_rows(values_only=True):\n"
  "    print('\\t'.join('' if c is None else str(c) for c in r))\n";

typedef struct
{
  char  **info;   /* title, freeze, filter, area format */
  GPtrArray *rows; /* char ** per row, header first */
} Workbook;

static void
workbook_clear (Workbook *book)
{
  g_strfreev (book->info);
  g_ptr_array_unref (book->rows);
}

static void
workbook_read (const char *path,
               Workbook   *book)
{
  const char *argv[] = { "/usr/bin/python3", "-c", read_workbook, path, NULL };
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  int status;

  out = pd_test_run (argv, &status, &err);
  if (status != 0)
    g_error ("openpyxl could not read %s: %s", path, err);
  lines = g_strsplit (out, "\n", -1);
  book->info = g_strsplit (lines[0], "\t", -1);
  book->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    g_ptr_array_add (book->rows, g_strsplit (lines[i], "\t", -1));
}

static PdContext *
demo_context (void)
{
  PdContext *ctx = pd_test_context_new (NOW);
  g_autoptr (GError) error = NULL;

  g_assert_true (pd_demo_generate (ctx, UNITS, 7, &error));
  g_assert_no_error (error);
  return ctx;
}

/* Gives the first owner of the first owned unit the mobile 13800001234,
 * so the masked form is known; returns that unit's id. */
static gint64
known_owner (PdContext *ctx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = pd_owner_list_unit_ids (ctx, NULL, PD_OWNER_SORT_UNIT, FALSE, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 unit_id = g_array_index (ids, gint64, i);
      g_autoptr (GPtrArray) roles = pd_unit_role_list (ctx, unit_id, 0, TRUE, &error);
      PdUnitRole *first = roles->len > 0 ? roles->pdata[0] : NULL;
      g_autoptr (PdPerson) person = NULL;

      /* Current owners are listed first. */
      if (first == NULL || !g_str_equal (first->role, "owner"))
        continue;
      person = pd_person_get (ctx, first->person_id, &error);
      g_assert_no_error (error);
      g_free (person->mobile);
      person->mobile = g_strdup ("13800001234");
      g_assert_true (pd_person_update (ctx, person, &error));
      g_assert_no_error (error);
      return unit_id;
    }
  g_assert_not_reached ();
}

static char **
find_row (Workbook   *book,
          const char *unit_code)
{
  for (guint i = 1; i < book->rows->len; i++)
    {
      char **row = book->rows->pdata[i];
      if (g_strcmp0 (row[0], unit_code) == 0)
        return row;
    }
  g_error ("unit %s is not in the workbook", unit_code);
  return NULL;
}

static void
test_masked_export (void)
{
  g_autoptr (PdContext) ctx = demo_context ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "owners.xlsx", NULL);
  g_autoptr (GArray) ids = pd_owner_list_unit_ids (ctx, NULL, PD_OWNER_SORT_UNIT, FALSE, NULL);
  g_autoptr (GRegex) masked = g_regex_new ("^1[3-9][0-9]\\*{4}[0-9]{4}$", 0, 0, NULL);
  g_autoptr (PdOwnerRow) known = NULL;
  const char *const header[] = { "房号", "用途", "房屋状态", "建筑面积（m²）", "业主",
                                 "业主证件号码/统一社会信用代码", "业主手机", "租户", NULL };
  Workbook book;
  char **row;
  gint64 known_id = known_owner (ctx);

  pd_context_set_user (ctx, "小刘", PD_ROLE_CLERK);
  g_assert_cmpint (pd_owner_export (ctx, path, FALSE, &error), ==, UNITS);
  g_assert_no_error (error);

  workbook_read (path, &book);
  g_assert_cmpstr (book.info[0], ==, "业主档案");
  g_assert_cmpstr (book.info[1], ==, "A2");
  g_assert_cmpstr (book.info[2], ==, "A1:H121");
  g_assert_cmpstr (book.info[3], ==, "0.00");
  g_assert_cmpuint (book.rows->len, ==, UNITS + 1);
  g_assert_cmpstrv ((const char *const *) book.rows->pdata[0], header);

  /* Rows in the list's natural unit order. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (PdOwnerRow) expected = pd_owner_row_get (ctx, g_array_index (ids, gint64, i),
                                                          NULL);
      row = book.rows->pdata[i + 1];
      g_assert_cmpstr (row[0], ==, expected->unit_code);
      /* Every phone and ID in the file is masked. */
      if (*row[6] != '\0')
        g_assert_true (g_regex_match (masked, row[6], 0, NULL));
      if (*row[5] != '\0')
        g_assert_nonnull (strstr (row[5], "****"));
    }

  known = pd_owner_row_get (ctx, known_id, NULL);
  row = find_row (&book, known->unit_code);
  g_assert_cmpstr (row[1], ==, pd_unit_use_label (known->use));
  g_assert_cmpstr (row[2], ==, pd_unit_state_label (known->state));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (row[3], NULL), known->gross_area, 0.001);
  g_assert_cmpstr (row[4], ==, known->owners);
  g_assert_cmpstr (row[6], ==, "138****1234");
  g_assert_cmpstr (row[7], ==, known->tenants);
  {
    g_autofree char *id = pd_mask_id (known->owner_id_number);
    g_assert_cmpstr (row[5], ==, id);
  }

  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log WHERE user_name = '小刘' "
                                       "AND what = 'owner list' AND rows = 120 AND unmasked = 0 "
                                       "AND at = '2026-11-23 10:00:00' AND file = ?", path), ==, 1);
  workbook_clear (&book);
}

static void
test_unmasked_needs_supervisor (void)
{
  g_autoptr (PdContext) ctx = demo_context ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "unmasked.xlsx", NULL);
  g_autoptr (PdOwnerRow) known = NULL;
  gint64 known_id = known_owner (ctx);
  Workbook book;
  char **row;

  pd_context_set_user (ctx, "小刘", PD_ROLE_CLERK);
  g_assert_cmpint (pd_owner_export (ctx, path, TRUE, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log", NULL), ==, 0);
  g_clear_error (&error);

  pd_context_set_user (ctx, "陈主管", PD_ROLE_SUPERVISOR);
  g_assert_cmpint (pd_owner_export (ctx, path, TRUE, &error), ==, UNITS);
  g_assert_no_error (error);
  workbook_read (path, &book);
  known = pd_owner_row_get (ctx, known_id, NULL);
  row = find_row (&book, known->unit_code);
  g_assert_cmpstr (row[6], ==, "13800001234");
  g_assert_cmpstr (row[5], ==, known->owner_id_number);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log WHERE user_name = ? "
                                       "AND rows = 120 AND unmasked = 1", "陈主管"), ==, 1);
  workbook_clear (&book);
}

static void
test_unwritable (void)
{
  g_autoptr (PdContext) ctx = demo_context ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "no-such-dir", "x.xlsx", NULL);

  g_assert_cmpint (pd_owner_export (ctx, path, FALSE, &error), ==, -1);
  g_assert_error (error, PD_EXPORT_ERROR, PD_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log", NULL), ==, 0);
}

static void
test_cli (void)
{
  const char *cli = g_getenv ("PROPDESK_CLI");
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "cli.db", NULL);
  g_autofree char *xlsx = g_build_filename (pd_test_tmpdir (), "cli.xlsx", NULL);
  g_autofree char *bad = g_build_filename (pd_test_tmpdir (), "none", "cli.xlsx", NULL);
  g_autofree char *out = NULL, *err = NULL;
  Workbook book;
  int status;

  g_assert_nonnull (cli);
  out = pd_test_run ((const char *[]) { cli, "--db", db, "demo", "--units", "40", NULL }, &status,
                     NULL);
  g_assert_cmpint (status, ==, 0);

  g_clear_pointer (&out, g_free);
  out = pd_test_run ((const char *[]) { cli, "--db", db, "export", "owners", xlsx, NULL }, &status,
                     &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "40"));
  workbook_read (xlsx, &book);
  g_assert_cmpuint (book.rows->len, ==, 41);
  workbook_clear (&book);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = pd_test_run ((const char *[]) { cli, "--db", db, "export", "owners", bad, NULL }, &status,
                     &err);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, bad));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = pd_test_run ((const char *[]) { cli, "--db", db, "export", "owners", NULL }, &status, &err);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "export owners FILE.xlsx"));

  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, NOW);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log WHERE rows = 40 AND "
                                         "file = ?", xlsx), ==, 1);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log", NULL), ==, 1);
  }
}

int
main (int    argc,
      char **argv)
{
  /* Sheet and column names come from the catalogue: check them in Chinese. */
  pd_test_use_chinese ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/owners/masked", test_masked_export);
  g_test_add_func ("/export/owners/unmasked", test_unmasked_needs_supervisor);
  g_test_add_func ("/export/owners/unwritable", test_unwritable);
  g_test_add_func ("/export/owners/cli", test_cli);
  return g_test_run ();
}
