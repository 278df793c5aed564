/* The renovation forms as PDF, read back with pdftotext: the permit (serial,
 * unit, owner, contractor, scope, dates, working hours from the settings),
 * passes (eight per sheet, ID numbers masked, revoked passes left out), the
 * patrol sheet, the rectification notice, the refund slip; and the CLI. */
#include "config.h"

#include <glib/gstdio.h>

#include "pd-deposit-ledger.h"
#include "pd-form-renovation.h"
#include "pd-pdf.h"
#include "pd-renovation-patrol.h"
#include "pd-renovation-print.h"
#include "pd-settings.h"
#include "pd-validate.h"
#include "renovation-fixture.h"

static char *
pdf_text (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { program, "-layout", path, "-", NULL };
  int status = -1;
  char *text;

  g_assert_nonnull (program);
  text = pd_test_run (argv, &status, NULL);

  g_assert_cmpint (status, ==, 0);
  return text;
}

static char *
render (PdRenovationPrint *print,
        PdRenderFunc       func,
        const char        *name,
        guint             *pages)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenderer) renderer = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), name, NULL);

  g_assert_nonnull (print);
  renderer = pd_renderer_new (name, func, print, (GDestroyNotify) pd_renovation_print_free);
  g_assert_true (pd_pdf_write (renderer, path, pages, &error));
  g_assert_no_error (error);
  return pdf_text (path);
}

static void
assert_has (const char *text,
            const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the PDF text:\n%s", needle, text);
}

typedef struct
{
  PdContext *ctx;
  GRand     *rand;
  gint64     id;
  GPtrArray *worker_ids;   /* gint64 * */
} Fixture;

static void
set_up (Fixture      *fx,
        gconstpointer data)
{
  gint64 unit, owner;

  fx->ctx = pd_test_context_new ("2026-11-23 09:30:00");
  fx->rand = g_rand_new_with_seed (99);
  fx->worker_ids = g_ptr_array_new_with_free_func (g_free);
  unit = fx_unit (fx->ctx, "7-2-1503", "residential", "handed_over");
  owner = fx_person (fx->ctx, fx->rand, "欧阳明");
  fx_role (fx->ctx, unit, owner, "owner", 0);
  fx->id = fx_application (fx->ctx, fx->rand, unit, owner);
  for (int i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("工人%02d", i + 2);
      gint64 *id = g_new (gint64, 1);
      *id = fx_worker (fx->ctx, fx->rand, fx->id, name);
      g_ptr_array_add (fx->worker_ids, id);
    }
}

static void
tear_down (Fixture      *fx,
           gconstpointer data)
{
  g_clear_object (&fx->ctx);
  g_rand_free (fx->rand);
  g_ptr_array_unref (fx->worker_ids);
}

static void
test_permit (Fixture      *fx,
             gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint pages = 0;

  /* No permit yet: refused. */
  g_assert_null (pd_renovation_print_permit (fx->ctx, fx->id, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "serial");
  g_clear_error (&error);

  g_assert_true (pd_settings_set (fx->ctx, "renovation.hours_weekday", "08:30-12:00,14:00-18:30", &error));
  g_assert_true (pd_settings_set (fx->ctx, "renovation.first_handover_on", "2026-10-20", &error));
  fx_run_to (fx->ctx, fx->id, "permit_issued");
  text = render (pd_renovation_print_permit (fx->ctx, fx->id, &error), (PdRenderFunc) pd_form_render_renovation_permit,
                 "permit.pdf", &pages);
  g_assert_cmpuint (pages, ==, 1);
  assert_has (text, "ZX-2026-0001");
  assert_has (text, "7-2-1503");
  assert_has (text, "欧阳明");
  assert_has (text, "新景装饰工程有限公司");
  assert_has (text, "Electrical work");
  assert_has (text, "2026-12-01 to 2027-02-28");
  /* Working hours from the settings, the relaxed ones within 60 days of the
   * first handover (20 October + 60 days covers 1 December). */
  assert_has (text, "08:30-12:00,14:00-18:30");
  assert_has (text, "09:00-12:00,15:00-18:00");
  assert_has (text, "08:00-19:00");
}

static void
test_passes (Fixture      *fx,
             gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) workers = NULL;
  g_autofree char *text = NULL;
  guint pages = 0;

  fx_run_to (fx->ctx, fx->id, "in_progress");
  g_assert_true (pd_renovation_worker_revoke (fx->ctx, *(gint64 *) fx->worker_ids->pdata[4], "盗窃", &error));
  workers = pd_renovation_worker_list (fx->ctx, fx->id, &error);
  text = render (pd_renovation_print_passes (fx->ctx, fx->id, &error), (PdRenderFunc) pd_form_render_renovation_passes,
                 "passes.pdf", &pages);
  /* Ten workers, one revoked: nine passes, eight to a sheet. */
  g_assert_cmpuint (pages, ==, 2);
  for (guint i = 0; i < workers->len; i++)
    {
      PdRenovationWorker *worker = workers->pdata[i];
      g_autofree char *masked = pd_mask_id (worker->id_number);

      g_assert_null (strstr (text, worker->id_number));
      if (worker->revoked_on[0] != '\0')
        g_assert_null (strstr (text, worker->name));
      else
        {
          assert_has (text, worker->name);
          assert_has (text, masked);
        }
    }
  assert_has (text, "ZX-2026-0001-09");
  g_assert_null (strstr (text, "ZX-2026-0001-10"));
  assert_has (text, "Renovation Pass");
}

static void
test_sheets (Fixture      *fx,
             gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenovationPatrol) patrol = pd_renovation_patrol_new ();
  g_autoptr (PdRenovationViolation) found = pd_renovation_violation_new ();
  g_autofree char *sheet = NULL, *notice = NULL, *refund = NULL;
  guint pages = 0;

  fx_run_to (fx->ctx, fx->id, "in_progress");
  sheet = render (pd_renovation_print_patrol_sheet (fx->ctx, &error),
                  (PdRenderFunc) pd_form_render_renovation_patrol_sheet, "sheet.pdf", &pages);
  assert_has (sheet, "7-2-1503");
  assert_has (sheet, "ZX-2026-0001");
  assert_has (sheet, "2026-11-23");

  patrol->renovation_id = fx->id;
  pd_renovation_set_text (&patrol->inspector, "楼管王");
  pd_renovation_set_text (&patrol->result, "violation");
  pd_renovation_set_text (&found->code, "D");
  pd_renovation_set_text (&found->description, "楼道堆放装修垃圾");
  g_assert_cmpint (pd_renovation_patrol_add (fx->ctx, patrol, found, &error), >, 0);
  notice = render (pd_renovation_print_violation (fx->ctx, found->id, &error),
                   (PdRenderFunc) pd_form_render_renovation_notice, "notice.pdf", &pages);
  assert_has (notice, "楼道堆放装修垃圾");
  assert_has (notice, "D: materials or debris not bagged");
  assert_has (notice, "2026-11-24");   /* rectify by */
  assert_has (notice, "500.00");
  assert_has (notice, "2026-11-26");   /* top-up due */

  /* The refund slip waits for the acceptance. */
  g_assert_null (pd_renovation_print_refund (fx->ctx, fx->id, &error));
  g_clear_error (&error);
  g_assert_true (pd_deposit_top_up (fx->ctx, fx->id, 20000, "补交", &error));
  fx_run_to (fx->ctx, fx->id, "refunded");
  refund = render (pd_renovation_print_refund (fx->ctx, fx->id, &error),
                   (PdRenderFunc) pd_form_render_renovation_refund, "refund.pdf", &pages);
  /* 3000 paid − 500 deducted + 200 topped up = 2700 refunded. */
  assert_has (refund, "3000.00");
  assert_has (refund, "-500.00");
  assert_has (refund, "200.00");
  assert_has (refund, "2700.00");
}

static void
test_cli (Fixture      *fx,
          gconstpointer data)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "cli.db", NULL);
  g_autofree char *pdf = g_build_filename (pd_test_tmpdir (), "cli-permit.pdf", NULL);
  g_autofree char *passes = g_build_filename (pd_test_tmpdir (), "cli-passes.pdf", NULL);
  const char *cli = g_getenv ("PROPDESK_CLI");
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  int status = -1;

  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, "2026-11-23 09:30:00");
    g_autoptr (GRand) rand = g_rand_new_with_seed (5);
    gint64 unit = fx_unit (ctx, "8-1-0901", "office", "handed_over");
    gint64 owner = fx_person (ctx, rand, "诸葛亮");
    gint64 id;

    fx_role (ctx, unit, owner, "owner", 0);
    id = fx_application (ctx, rand, unit, owner);
    fx_run_to (ctx, id, "permit_issued");
  }
  {
    const char *argv[] = { cli, "--db", db, "print", "permit", "zx-2026-0001", pdf, NULL };
    out = pd_test_run (argv, &status, &err);
    g_assert_cmpint (status, ==, 0);
    text = pdf_text (pdf);
    assert_has (text, "ZX-2026-0001");
    assert_has (text, "8-1-0901");
  }
  {
    const char *argv[] = { cli, "--db", db, "print", "passes", "ZX-2026-0001", passes, NULL };
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    out = pd_test_run (argv, &status, &err);
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&text, g_free);
    text = pdf_text (passes);
    assert_has (text, "李师傅");
  }
  {
    const char *argv[] = { cli, "--db", db, "print", "permit", "ZX-2026-0099", pdf, NULL };
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    out = pd_test_run (argv, &status, &err);
    g_assert_cmpint (status, ==, 1);
    assert_has (err, "ZX-2026-0099");
  }
  /* The office works in Chinese: the permit prints in Chinese. */
  {
    g_autofree char *env = g_find_program_in_path ("env");
    const char *argv[] = { env, "LANGUAGE=zh_CN", "LC_ALL=C.UTF-8", cli, "--db", db,
                           "print", "permit", "ZX-2026-0001", pdf, NULL };
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    out = pd_test_run (argv, &status, &err);
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&text, g_free);
    text = pdf_text (pdf);
    assert_has (text, "许可范围");
    assert_has (text, "施工时间");
    g_assert_null (strstr (text, "Permitted"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/renovation-print/permit", test_permit);
  ADD ("/renovation-print/passes", test_passes);
  ADD ("/renovation-print/sheets", test_sheets);
  ADD ("/renovation-print/cli", test_cli);
  return g_test_run ();
}
