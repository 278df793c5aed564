/* Survey answers from a spreadsheet (CSV and xlsx): headings by item title,
 * 1–5 / words / blank, the keyed-entry refusals with line numbers, nothing
 * saved when any row is refused, and the CLI command. */
#include "config.h"

#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "pd-ledger.h"
#include "pd-survey-import.h"
#include "pd-test-survey.h"

static const char *const titles[] = { "保洁卫生", "绿化养护", "停车管理", NULL };

static PdContext *
setup (const char *path,
       gint64     *campaign)
{
  PdContext *ctx = pd_test_context_open (path ? path : ":memory:", "2026-06-15 09:00:00");

  pd_test_survey_units (ctx);
  pd_test_survey_save_template (ctx, titles);
  *campaign = pd_test_survey_campaign (ctx, "2026年3月", "2026-03-01", "2026-03-31", "all", NULL, 0);
  return ctx;
}

static gint64
import_text (PdContext  *ctx,
             gint64      campaign,
             const char *csv,
             GError    **error)
{
  g_autoptr (PdLedgerTable) table = pd_csv_parse (csv, strlen (csv), error);

  g_assert_nonnull (table);
  return pd_survey_import_responses (ctx, campaign, table, error);
}

static void
test_csv (void)
{
  gint64 campaign;
  g_autoptr (PdContext) ctx = setup (NULL, &campaign);
  g_autoptr (GError) error = NULL;
  static const char good[] =
    "房号,日期,保洁卫生,绿化养护,停车管理,意见\r\n"
    "1-1-101,2026-03-05,5,4,,\"车位太少，\r\n晚上停不下\"\r\n"
    "1栋1单元102室,2026/3/6,很满意,5.0,0,\r\n"
    "2-1-101,,3,2,1,\r\n";

  g_assert_cmpint (import_text (ctx, campaign, good, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_response", NULL), ==, 3);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_answer", NULL), ==, 7);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_response WHERE answered_on = '2026-03-06'", NULL), ==, 1);
  /* No date: today (06-15) moved into the period → its last day. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_response WHERE answered_on = '2026-03-31'", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_answer a JOIN survey_item i ON i.id = a.item_id "
                                       "WHERE i.title = '保洁卫生' AND a.score = 5", NULL), ==, 2);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_followup f JOIN survey_response r ON r.id = f.response_id "
                                       "WHERE r.opinion = '车位太少，\n晚上停不下'", NULL), ==, 1);
}

static void
test_csv_refused (void)
{
  gint64 campaign;
  g_autoptr (PdContext) ctx = setup (NULL, &campaign);
  g_autoptr (GError) error = NULL;
  gint64 audit_before;
  static const char bad[] =
    "房号,日期,保洁卫生,绿化养护,停车管理,意见\n"
    "1-1-101,2026-03-05,5,4,3,\n"
    "9-9-909,2026-03-05,5,4,3,\n"
    "1-1-102,2026-03-05,5,7,3,\n"
    "1-1-101,2026-03-06,5,4,3,\n"
    "\n"
    "2-1-101,2026-13-01,5,4,3,\n"
    "2-1-102,2026-03-05,5,4,3,x\n";

  pd_test_survey_ok_form (ctx, campaign, "3-1-101", "555", "2026-03-02", NULL);
  audit_before = pd_test_count (ctx, "SELECT count(*) FROM audit_log", NULL);
  g_assert_cmpint (import_text (ctx, campaign, bad, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "4 rows refused"));
  g_assert_nonnull (strstr (error->message, "Line 3: Unit: 9-9-909 does not exist"));
  g_assert_nonnull (strstr (error->message, "Line 4: Item 2 (绿化养护): “7” is not a score"));
  g_assert_nonnull (strstr (error->message, "Line 5: Unit: the form of 1-1-101 is already entered"));
  g_assert_nonnull (strstr (error->message, "Line 7: Date:"));
  g_assert_null (strstr (error->message, "Line 8"));
  /* Nothing of the file was saved, not even its good rows. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_response", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_followup", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log", NULL), ==, audit_before);
  g_clear_error (&error);

  /* Headings: every item needs its column; unknown columns are refused. */
  g_assert_cmpint (import_text (ctx, campaign, "房号,日期,保洁卫生,绿化养护,意见\n1-1-101,,5,5,\n", &error), ==, -1);
  g_assert_nonnull (strstr (error->message, "停车管理"));
  g_clear_error (&error);
  g_assert_cmpint (import_text (ctx, campaign, "房号,保洁卫生,绿化养护,停车管理,电梯\n1-1-101,5,5,5,5\n", &error), ==, -1);
  g_assert_nonnull (strstr (error->message, "电梯"));
  g_clear_error (&error);
  g_assert_cmpint (import_text (ctx, campaign, "房号,保洁卫生,绿化养护,停车管理\n", &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "file");
}

static void
test_xlsx_and_cli (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "import.db", NULL);
  g_autofree char *xlsx = g_build_filename (pd_test_tmpdir (), "answers.xlsx", NULL);
  g_autofree char *csv = g_build_filename (pd_test_tmpdir (), "answers.csv", NULL);
  gint64 campaign;
  g_autoptr (PdContext) ctx = setup (db, &campaign);
  g_autofree char *campaign_text = g_strdup_printf ("%" G_GINT64_FORMAT, campaign);
  const char *headings[] = { "房号", "日期", "保洁卫生", "绿化养护", "停车管理", "意见" };
  lxw_workbook *workbook = workbook_new (xlsx);
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, NULL);
  lxw_format *date_format = workbook_add_format (workbook);
  lxw_datetime date = { 2026, 3, 9, 0, 0, 0 };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  format_set_num_format (date_format, "yyyy-mm-dd");
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    worksheet_write_string (sheet, 0, c, headings[c], NULL);
  worksheet_write_string (sheet, 1, 0, "2-1-201", NULL);
  worksheet_write_datetime (sheet, 1, 1, &date, date_format);
  worksheet_write_number (sheet, 1, 2, 5, NULL);
  worksheet_write_number (sheet, 1, 3, 4, NULL);
  worksheet_write_string (sheet, 1, 5, "电话回访：希望增加绿化", NULL);
  worksheet_write_string (sheet, 2, 0, "2-1-202", NULL);
  worksheet_write_number (sheet, 2, 2, 5, NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  g_clear_object (&ctx);

  /* A refused file: exit 1, the row named by its sheet row, nothing saved. */
  {
    const char *argv[] = { g_getenv ("PROPDESK_CLI"), "--db", db, "import", "survey-responses", campaign_text, xlsx, NULL };
    out = pd_test_run (argv, &status, &err);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "Line 3: Unit: 2-1-202 does not exist"));
  }
  ctx = pd_test_context_open (db, NULL);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_response", NULL), ==, 0);
  g_clear_object (&ctx);

  /* The good rows only, as xlsx (campaign by name) and as CSV. */
  workbook = workbook_new (xlsx);
  sheet = workbook_add_worksheet (workbook, NULL);
  date_format = workbook_add_format (workbook);
  format_set_num_format (date_format, "yyyy-mm-dd");
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    worksheet_write_string (sheet, 0, c, headings[c], NULL);
  worksheet_write_string (sheet, 1, 0, "2-1-201", NULL);
  worksheet_write_datetime (sheet, 1, 1, &date, date_format);
  worksheet_write_number (sheet, 1, 2, 5, NULL);
  worksheet_write_number (sheet, 1, 3, 4, NULL);
  worksheet_write_string (sheet, 1, 5, "电话回访：希望增加绿化", NULL);
  g_assert_cmpint (workbook_close (workbook), ==, LXW_NO_ERROR);
  {
    const char *argv[] = { g_getenv ("PROPDESK_CLI"), "--db", db, "import", "survey-responses", "2026年3月", xlsx, NULL };
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    out = pd_test_run (argv, &status, &err);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpint (status, ==, 0);
    g_assert_cmpstr (out, ==, "1 forms imported.\n");
  }
  g_assert_true (g_file_set_contents (csv, "房号,日期,保洁卫生,绿化养护,停车管理,意见\n3-1-101,2026-03-10,1,1,1,\n", -1, NULL));
  {
    const char *argv[] = { g_getenv ("PROPDESK_CLI"), "--db", db, "import", "survey-responses", campaign_text, csv, NULL };
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    out = pd_test_run (argv, &status, &err);
    g_assert_cmpint (status, ==, 0);
  }
  ctx = pd_test_context_open (db, NULL);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_response", NULL), ==, 2);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_response WHERE answered_on = '2026-03-09' "
                                       "AND opinion = '电话回访：希望增加绿化'", NULL), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM survey_answer", NULL), ==, 5);
  {
    const char *argv[] = { g_getenv ("PROPDESK_CLI"), "--db", db, "import", "survey-responses", "99", csv, NULL };
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    out = pd_test_run (argv, &status, &err);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (err, "99"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/survey/import/csv", test_csv);
  g_test_add_func ("/survey/import/refused", test_csv_refused);
  g_test_add_func ("/survey/import/xlsx-and-cli", test_xlsx_and_cli);
  return g_test_run ();
}
