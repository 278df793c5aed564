/* pd-bench-office.c — the office jobs, each beside the tool offices use
 * today in the same run: the monthly survey workbook against
 * python3-xlsxwriter writing the same workbook from the same SQLite data,
 * 1,000 release slips to one PDF against LibreOffice converting 1,000
 * equivalent slips, the owner ledger import against the sqlite3 command
 * line's .import of the same CSV (the floor), and LibreOffice Calc opening
 * the same ledger against our cold start. */
#include "config.h"

#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "pd-bench.h"
#include "pd-survey-stats.h"
#include "pd-survey-workbook.h"

/* Writes theirs ÷ ours and returns it (0 when either is missing). */
static double
compare (Bench      *bench,
         const char *what,
         GArray     *ours,
         GArray     *theirs,
         const char *target)
{
  Stats a = stats_of (ours), b = stats_of (theirs);

  if (!ours->len || !theirs->len || a.median <= 0)
    return 0;
  bench_ratio (bench, what, b.median / a.median, target);
  return b.median / a.median;
}

/* One side of a comparison: a command, the file it must not find at its
 * start (or NULL), and its times. */
typedef struct
{
  const char *const *argv;
  const char        *fresh;
  GArray            *samples;
} Side;

/* Times each side @runs times, the sides taking turns within each run: a
 * drift of the host (other tenants, clock) during the comparison then
 * weighs on both sides of a ratio alike, where timing all of one side and
 * then all of the other puts it on one side. */
static void
sample_in_turn (Bench *bench,
                Side  *sides,
                guint  n_sides)
{
  for (guint run = 0; run < bench->runs; run++)
    for (guint i = 0; i < n_sides; i++)
      {
        double ms;

        if (sides[i].fresh != NULL)
          {
            g_autofree char *wal = g_strconcat (sides[i].fresh, "-wal", NULL);
            g_unlink (sides[i].fresh);
            g_unlink (wal);
          }
        ms = run_timed (sides[i].argv, NULL, NULL, NULL);
        if (ms >= 0)
          g_array_append_val (sides[i].samples, ms);
      }
}

/* Times @argv @runs times into @samples. */
static void
sample (Bench             *bench,
        const char *const *argv,
        GArray            *samples)
{
  Side side = { argv, NULL, samples };

  sample_in_turn (bench, &side, 1);
}

/* ---- the monthly survey statistics workbook ---------------------------- */

void
bench_workbook (Bench     *bench,
                PdContext *ctx)
{
  g_autofree char *cli = g_build_filename (bench->builddir, "src", "propdesk-cli", NULL);
  g_autofree char *ours_path = g_build_filename (bench->workdir, "survey-ours.xlsx", NULL);
  g_autofree char *python_path = g_build_filename (bench->workdir, "survey-python.xlsx", NULL);
  g_autofree char *latest = NULL;
  g_autofree char *month = NULL;
  g_autofree char *label = NULL;
  g_autoptr (GArray) inside = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) python = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *version = NULL;
  const char *check[] = { "/usr/bin/python3", "-c", "import xlsxwriter", NULL };
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT substr(max(answered_on), 1, 7), count(*) FROM survey_response", NULL);
  gint64 answers = pd_database_query_int (pd_context_get_database (ctx),
                                          "SELECT count(*) FROM survey_answer", NULL, NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 1) == 0)
    {
      if (stmt)
        sqlite3_reset (stmt);
      bench_note (bench, "monthly survey statistics workbook", "no survey answers in this portfolio");
      return;
    }
  latest = pd_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  /* The last whole month; its 12-month trend reads the year's answers. */
  month = pd_survey_month_shift (latest, -1);

  for (guint run = 0; run < bench->runs; run++)
    {
      g_autoptr (GError) error = NULL;
      double start = now_ms ();

      if (!pd_survey_workbook_write (ctx, month, ours_path, &error))
        {
          bench_note (bench, "monthly survey statistics workbook", error->message);
          return;
        }
      g_array_append_val (inside, (double) { now_ms () - start });
    }
  {
    const char *argv[] = { cli, "--db", bench->db, "export", "survey-stats", "--month", month, ours_path, NULL };
    g_autofree char *script = g_build_filename (SOURCE_DIR, "bench", "survey-workbook.py", NULL);
    const char *python_argv[] = { "/usr/bin/python3", script, bench->db, month, python_path, NULL };
    Side sides[] = { { argv, NULL, ours }, { python_argv, NULL, python } };
    gboolean have_python = run_timed (check, NULL, &version, NULL) >= 0;

    sample_in_turn (bench, sides, have_python ? 2 : 1);
    label = g_strdup_printf ("survey workbook %s (trend over %" G_GINT64_FORMAT " item answers), in process",
                             month, answers);
    bench_row (bench, label, stats_of (inside), "ms", "≤ 300 ms");
    bench_row (bench, "… the same by propdesk-cli export survey-stats (process)", stats_of (ours), "ms", "");
    bench_verdict (bench, "survey workbook ≤ 0.3 s (in process)", stats_of (inside).median / 1000, "s", 0.3, FALSE);
    if (!have_python)
      {
        bench_note (bench, "python3-xlsxwriter, same workbook", "not installed");
        return;
      }
  }
  bench_row (bench, "python3-xlsxwriter, same workbook from the same SQLite data (process)", stats_of (python),
             "ms", "");
  bench_verdict (bench, "survey workbook ≥ 5× faster than python3-xlsxwriter (processes)",
                 compare (bench, "python3-xlsxwriter ÷ propdesk-cli (processes)", ours, python, "≥ 5×"), "×",
                 5, TRUE);
}

/* ---- 1,000 release slips to one PDF ------------------------------------ */

static void
fods_cell (GString    *out,
           const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_string_append_printf (out, "<table:table-cell office:value-type=\"string\"><text:p>%s</text:p>"
                          "</table:table-cell>", escaped);
}

static void
fods_row (GString    *out,
          gboolean    page_break,
          const char *label,
          const char *value)
{
  g_string_append_printf (out, "<table:table-row%s>", page_break ? " table:style-name=\"brk\"" : "");
  fods_cell (out, label);
  fods_cell (out, value);
  g_string_append (out, "</table:table-row>\n");
}

/* The slips as a flat OpenDocument spreadsheet, one page each: what an
 * office keeps in a template today.  Returns the number of slips. */
static guint
write_slips_fods (PdContext  *ctx,
                  const char *path)
{
  g_autoptr (GString) out = g_string_new (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
    "office:version=\"1.2\" office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">\n"
    "<office:automatic-styles><style:style style:name=\"brk\" style:family=\"table-row\">"
    "<style:table-row-properties fo:break-before=\"page\"/></style:style></office:automatic-styles>\n"
    "<office:body><office:spreadsheet><table:table table:name=\"放行条\">\n");
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT s.id, s.serial, s.unit_code, s.applicant_name, s.reason, s.reason_note, s.carrier_name, "
    "s.carrier_id_number, s.plate, s.valid_on, s.issued_at, s.issued_by, "
    "(SELECT group_concat(i.name || ' × ' || i.quantity || ' ' || i.note, '；') FROM release_slip_item i "
    " WHERE i.slip_id = s.id) FROM release_slip s ORDER BY s.serial LIMIT 1000", NULL);
  guint n = 0;

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      fods_row (out, n > 0, "物品放行条", pd_column_text (stmt, 1));
      fods_row (out, FALSE, "房号", pd_column_text (stmt, 2));
      fods_row (out, FALSE, "申请人", pd_column_text (stmt, 3));
      fods_row (out, FALSE, "放行原因", pd_column_text (stmt, 4));
      fods_row (out, FALSE, "说明", pd_column_text (stmt, 5));
      fods_row (out, FALSE, "物品", pd_column_text (stmt, 12));
      fods_row (out, FALSE, "搬运人", pd_column_text (stmt, 6));
      fods_row (out, FALSE, "身份证号", pd_column_text (stmt, 7));
      fods_row (out, FALSE, "车牌", pd_column_text (stmt, 8));
      fods_row (out, FALSE, "有效期至", pd_column_text (stmt, 9));
      fods_row (out, FALSE, "开具时间", pd_column_text (stmt, 10));
      fods_row (out, FALSE, "开具人", pd_column_text (stmt, 11));
      fods_row (out, FALSE, "门岗签字", "");
      n++;
    }
  if (stmt)
    sqlite3_reset (stmt);
  g_string_append (out, "</table:table></office:spreadsheet></office:body></office:document>\n");
  g_file_set_contents (path, out->str, out->len, NULL);
  return n;
}

void
bench_slips (Bench     *bench,
             PdContext *ctx)
{
  g_autofree char *cli = g_build_filename (bench->builddir, "src", "propdesk-cli", NULL);
  g_autofree char *pdf = g_build_filename (bench->workdir, "slips.pdf", NULL);
  g_autofree char *fods = g_build_filename (bench->workdir, "slips.fods", NULL);
  g_autofree char *soffice = NULL;
  g_autofree char *first = NULL, *last = NULL, *label = NULL;
  g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) office = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT min(serial), max(serial), count(*) FROM (SELECT serial FROM release_slip ORDER BY serial LIMIT 1000)", NULL);
  int n;

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 2) == 0)
    {
      if (stmt)
        sqlite3_reset (stmt);
      bench_note (bench, "release slips to one PDF", "no slips in the portfolio");
      return;
    }
  first = pd_column_dup (stmt, 0);
  last = pd_column_dup (stmt, 1);
  n = sqlite3_column_int (stmt, 2);
  sqlite3_reset (stmt);
  soffice = bench_soffice (bench);
  if (soffice != NULL)
    write_slips_fods (ctx, fods);
  {
    const char *argv[] = { cli, "--db", bench->db, "print", "release-slips", "--from", first, "--to", last, pdf, NULL };
    g_autofree char *profile = g_build_filename (bench->workdir, "lo-profile", NULL);
    g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
    g_autofree char *env_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
    const char *office_argv[] = { soffice, env_arg, "--headless", "--convert-to", "pdf", "--outdir",
                                  bench->workdir, fods, NULL };
    Side sides[] = { { argv, NULL, ours }, { office_argv, NULL, office } };

    sample_in_turn (bench, sides, soffice != NULL ? 2 : 1);
  }
  label = g_strdup_printf ("%d release slips to one PDF (propdesk-cli print release-slips)", n);
  bench_row (bench, label, stats_of (ours), "ms", "1,000 ≤ 2 s");
  bench_verdict (bench, "1,000 release slips to PDF ≤ 2 s", stats_of (ours).median / 1000, "s", 2, FALSE);
  if (soffice == NULL)
    {
      bench_note (bench, "LibreOffice converting the equivalent slips", "not installed");
      return;
    }
  g_free (label);
  label = g_strdup_printf ("LibreOffice headless: the same %d slips (.fods, a page each) to PDF", n);
  bench_row (bench, label, stats_of (office), "ms", "");
  compare (bench, "LibreOffice ÷ PropDesk (slips to PDF)", ours, office, "");
}

/* ---- importing the owner ledger ---------------------------------------- */

static const char *const ledger_heads[] = { "房号", "业主姓名", "身份证号", "手机", "建筑面积" };
#define LEDGER_SQL \
  "SELECT u.code, p.name, p.id_number, p.mobile, coalesce(u.gross_area, '') FROM unit u " \
  "JOIN unit_role r ON r.unit_id = u.id AND r.role = 'owner' AND r.ended_on = '' " \
  "JOIN person p ON p.id = r.person_id WHERE p.kind = 'individual' " \
  "AND r.id = (SELECT min(id) FROM unit_role o WHERE o.unit_id = u.id AND o.role = 'owner' AND o.ended_on = '') " \
  "ORDER BY u.id"

/* The portfolio's owner ledger, one owner per unit, as an office's CSV and
 * .xlsx.  Returns the number of rows. */
static guint
write_ledgers (PdContext  *ctx,
               const char *csv_path,
               const char *xlsx_path)
{
  FILE *csv = fopen (csv_path, "w");
  lxw_workbook *book = workbook_new (xlsx_path);
  lxw_worksheet *sheet = workbook_add_worksheet (book, "业主台账");
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx), LEDGER_SQL, NULL);
  guint rows = 0;

  fprintf (csv, "房号,业主姓名,身份证号,手机,建筑面积\r\n");
  for (guint col = 0; col < G_N_ELEMENTS (ledger_heads); col++)
    worksheet_write_string (sheet, 0, col, ledger_heads[col], NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      rows++;
      fprintf (csv, "%s,%s,%s,%s,%s\r\n", pd_column_text (stmt, 0), pd_column_text (stmt, 1),
               pd_column_text (stmt, 2), pd_column_text (stmt, 3), pd_column_text (stmt, 4));
      for (guint col = 0; col < 4; col++)
        worksheet_write_string (sheet, rows, col, pd_column_text (stmt, col), NULL);
      if (sqlite3_column_type (stmt, 4) != SQLITE_TEXT)
        worksheet_write_number (sheet, rows, 4, sqlite3_column_double (stmt, 4), NULL);
    }
  if (stmt)
    sqlite3_reset (stmt);
  fclose (csv);
  workbook_close (book);
  return rows;
}

void
bench_import (Bench     *bench,
              PdContext *ctx)
{
  g_autofree char *sqlite3_cli = g_find_program_in_path ("sqlite3");
  g_autofree char *csv = g_build_filename (bench->workdir, "ledger.csv", NULL);
  g_autofree char *xlsx = g_build_filename (bench->workdir, "ledger.xlsx", NULL);
  g_autofree char *soffice = NULL;
  g_autofree char *label = NULL;
  g_autoptr (GArray) ours_csv = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ours_xlsx = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) calc = g_array_new (FALSE, FALSE, sizeof (double));
  guint rows = write_ledgers (ctx, csv, xlsx);
  g_autofree char *cli = g_build_filename (bench->builddir, "src", "propdesk-cli", NULL);
  g_autofree char *db = g_build_filename (bench->workdir, "import.db", NULL);
  g_autofree char *plain = g_build_filename (bench->workdir, "plain.db", NULL);
  g_autofree char *import_cmd = g_strdup_printf (".import --csv %s ledger", csv);
  const char *csv_argv[] = { cli, "--db", db, "import", "owners", csv, NULL };
  const char *xlsx_argv[] = { cli, "--db", db, "import", "owners", xlsx, NULL };
  const char *floor_argv[] = { sqlite3_cli, plain, import_cmd, NULL };
  /* Each into a database that does not exist yet: an empty estate. */
  Side sides[] = { { csv_argv, db, ours_csv }, { xlsx_argv, db, ours_xlsx }, { floor_argv, plain, floor } };

  sample_in_turn (bench, sides, sqlite3_cli != NULL ? 3 : 2);
  label = g_strdup_printf ("import owners: %u-row .csv ledger into an empty estate", rows);
  bench_row (bench, label, stats_of (ours_csv), "ms", "100,000 rows ≤ 3 s");
  g_free (label);
  label = g_strdup_printf ("import owners: the same %u rows as .xlsx", rows);
  bench_row (bench, label, stats_of (ours_xlsx), "ms", "100,000 rows ≤ 3 s");
  bench_verdict (bench, "import of the owner ledger (.csv) ≤ 3 s", stats_of (ours_csv).median / 1000, "s", 3, FALSE);
  bench_verdict (bench, "import of the owner ledger (.xlsx) ≤ 3 s", stats_of (ours_xlsx).median / 1000, "s", 3, FALSE);

  if (sqlite3_cli != NULL)
    {
      bench_row (bench, "sqlite3 command line .import of the same CSV (the floor)", stats_of (floor), "ms", "");
      bench_verdict (bench, "import within 3× the sqlite3 .import floor",
                     compare (bench, "our .csv import ÷ the floor (lower is better)", floor, ours_csv, "≤ 3×"),
                     "×", 3, FALSE);
    }
  else
    bench_note (bench, "sqlite3 .import floor", "sqlite3 command line not installed");
  bench_import_parts (bench, csv);

  soffice = bench_soffice (bench);
  if (soffice == NULL)
    {
      bench_note (bench, "LibreOffice Calc opening the owner ledger", "not installed");
      return;
    }
  {
    g_autofree char *profile = g_build_filename (bench->workdir, "lo-profile", NULL);
    g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
    g_autofree char *env_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
    g_autofree char *out = g_build_filename (bench->workdir, "calc-out", NULL);
    const char *argv[] = { soffice, env_arg, "--headless", "--convert-to", "csv", "--outdir", out, xlsx, NULL };
    sample (bench, argv, calc);
  }
  g_free (label);
  label = g_strdup_printf ("LibreOffice Calc headless opening the %u-row .xlsx ledger (and saving it as CSV)", rows);
  bench_row (bench, label, stats_of (calc), "ms", "");
  if (bench->startup_ms > 0)
    bench_ratio (bench, "LibreOffice Calc opening the ledger ÷ our GUI cold start with the portfolio",
                 stats_of (calc).median / bench->startup_ms, "");
}
