/* The vacant-unit patrol forms as PDF under the Chinese catalogue, read back
 * with pdftotext: the blank round sheet of a building (its vacant units and
 * nothing else, the checklist as columns, signature lines), a filled patrol
 * record, the rectification notice with its follow-up, the monthly summary
 * with the month's figures; and `propdesk-cli print patrol-sheet`. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pd-form-patrol.h"
#include "pd-patrol-print.h"
#include "pd-pdf.h"
#include "pd-settings.h"
#include "pd-test-patrol.h"

static char *
render (PdPatrolPrint *print,
        PdRenderFunc   func,
        const char    *name,
        guint         *pages)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenderer) renderer = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), name, NULL);

  g_assert_nonnull (print);
  renderer = pd_renderer_new (name, func, print, (GDestroyNotify) pd_patrol_print_free);
  g_assert_true (pd_pdf_write (renderer, path, pages, &error));
  g_assert_no_error (error);
  return pd_test_pdf_text (path);
}

static void
assert_has (const char *text,
            const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the PDF text:\n%s", needle, text);
}

static void
assert_lacks (const char *text,
              const char *needle)
{
  if (strstr (text, needle) != NULL)
    g_error ("“%s” should not be in the PDF text:\n%s", needle, text);
}

static void
test_round_sheet (void)
{
  PdTestPatrolMonth m = pd_test_patrol_month ();
  g_autoptr (PdContext) ctx = m.ctx;
  g_autoptr (GError) error = NULL;
  guint pages = 0;
  g_autofree char *text = render (pd_patrol_print_sheet (ctx, m.building_1, &error),
                                  (PdRenderFunc) pd_form_render_patrol_sheet, "sheet.pdf", &pages);

  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, 1);
  assert_has (text, "空置房巡查表");
  assert_has (text, "1栋");
  /* Building 1's vacant units in walking order with their due dates: the
   * first half of March was missed by 1-1-102, the others are due on the
   * 31st. */
  assert_has (text, "1-1-101");
  assert_has (text, "应巡03-31");
  assert_has (text, "逾期03-15");
  g_assert_true (strstr (text, "1-1-102") < strstr (text, "1-2-101"));
  assert_lacks (text, "1-1-201");
  assert_lacks (text, "2-1-101");
  /* The checklist's short headings as columns, then the note. */
  assert_has (text, "门表面门锁墙体渗漏管道门窗对讲煤气表占用卫生关窗发现问题及备注");
  assert_has (text, "每月两次");
  assert_has (text, "巡查人签字");
  assert_has (text, "客服主管签字");
  assert_lacks (text, "Patrol");

  /* No vacant unit: a sheet that says so.  No building: an error. */
  g_assert_null (pd_patrol_print_sheet (ctx, 999, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_NOT_FOUND);
  g_assert_cmpstr (pd_error_get_field (error), ==, "building");
}

static void
test_custom_checklist_sheet (void)
{
  PdTestPatrolMonth m = pd_test_patrol_month ();
  g_autoptr (PdContext) ctx = m.ctx;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (pd_settings_set (ctx, "patrol.checklist", "door_lock|阳台栏杆", &error));
  text = render (pd_patrol_print_sheet (ctx, m.building_1, &error), (PdRenderFunc) pd_form_render_patrol_sheet,
                 "custom.pdf", NULL);
  assert_has (text, "门锁阳台栏杆发现问题及备注");
  assert_lacks (text, "渗漏");
}

static void
test_patrol_record (void)
{
  PdTestPatrolMonth m = pd_test_patrol_month ();
  g_autoptr (PdContext) ctx = m.ctx;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = render (pd_patrol_print_record (ctx, m.patrol_101, &error),
                                  (PdRenderFunc) pd_form_render_patrol_record, "record.pdf", NULL);

  assert_has (text, "空置房巡查记录");
  assert_has (text, "1-1-101");
  assert_has (text, "2026-03-10");
  assert_has (text, "李管家");
  /* Every checklist item with its result; the leak with what was found. */
  assert_has (text, "入户门表面");
  assert_has (text, "天花、地面有无渗漏水");
  assert_has (text, "主卧天花板渗水");
  assert_has (text, "离开时关好门窗");
  assert_has (text, "正常");
  assert_has (text, "异常");
  /* The notices it opened, one closed since. */
  assert_has (text, "KZ2026-0001");
  assert_has (text, "KZ2026-0002");
  assert_has (text, "工程部");
  assert_has (text, "保洁部");
  assert_has (text, "2026-03-13");
  assert_has (text, "已关闭");

  g_assert_null (pd_patrol_print_record (ctx, 4242, &error));
  g_assert_nonnull (error);
}

static void
test_notice (void)
{
  PdTestPatrolMonth m = pd_test_patrol_month ();
  g_autoptr (PdContext) ctx = m.ctx;
  g_autoptr (GError) error = NULL;
  g_autofree char *open = render (pd_patrol_print_notice (ctx, m.leak, &error),
                                  (PdRenderFunc) pd_form_render_patrol_notice, "notice.pdf", NULL);
  g_autofree char *closed = render (pd_patrol_print_notice (ctx, m.dirty, &error),
                                    (PdRenderFunc) pd_form_render_patrol_notice, "closed.pdf", NULL);

  assert_has (open, "整改通知单");
  assert_has (open, "KZ2026-0001");
  assert_has (open, "DEMO");
  assert_has (open, "1-1-101");
  assert_has (open, "渗漏");
  assert_has (open, "天花、地面有无渗漏水：主卧天花板渗水");
  assert_has (open, "请工程部于2026-03-13前完成整改");
  /* Past its deadline on the 20th, with its follow-up. */
  assert_has (open, "已超过整改期限");
  assert_has (open, "工程部已上门查看");
  assert_has (open, "客户服务中心（盖章）");
  assert_has (open, "接收部门签字");
  assert_lacks (open, "保洁已清扫");

  assert_has (closed, "KZ2026-0002");
  assert_has (closed, "保洁部");
  assert_has (closed, "2026-03-11");
  assert_has (closed, "保洁已清扫");
  assert_lacks (closed, "已超过整改期限");
}

static void
test_summary (void)
{
  PdTestPatrolMonth m = pd_test_patrol_month ();
  g_autoptr (PdContext) ctx = m.ctx;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = render (pd_patrol_print_summary (ctx, "2026-03", &error),
                                  (PdRenderFunc) pd_form_render_patrol_summary, "summary.pdf", NULL);
  g_autofree char *empty = NULL;

  g_assert_no_error (error);
  assert_has (text, "空置房巡查月报");
  assert_has (text, "2026-03");
  assert_has (text, "统计截至2026-03-20");
  /* Grid cells read label, value along each row (-layout, spaces gone). */
  assert_has (text, "应巡空置房4应巡次数8");
  assert_has (text, "按时完成3按时巡查率60.0%");
  assert_has (text, "巡查次数3巡查户数3");
  assert_has (text, "发现异常3关闭异常1");
  assert_has (text, "未关闭异常2最久未关闭（天）10");
  assert_has (text, "钥匙借出3钥匙逾期未还2");
  /* By building: code, units due, patrols due, done, rate. */
  assert_has (text, "1362");
  assert_has (text, "66.7%");
  assert_has (text, "50.0%");
  /* Who patrolled, most patrols first. */
  assert_has (text, "李管家223");
  assert_has (text, "王管家110");
  /* Open at the 20th: the leak (10 days) and the occupation (2). */
  assert_has (text, "KZ2026-0001");
  assert_has (text, "KZ2026-0003");
  assert_lacks (text, "KZ2026-0002");
  g_assert_true (strstr (text, "KZ2026-0001") < strstr (text, "KZ2026-0003"));

  /* February: nothing was vacant yet. */
  empty = render (pd_patrol_print_summary (ctx, "2026-02", &error), (PdRenderFunc) pd_form_render_patrol_summary,
                  "february.pdf", NULL);
  assert_has (empty, "本月无应巡空置房");
  assert_has (empty, "本月无巡查记录");
  g_assert_null (pd_patrol_print_summary (ctx, "2026-3", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "month");
}

static char *
run_cli (const char *db,
         int        *status,
         char      **err,
         ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, (gpointer) g_getenv ("PROPDESK_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return pd_test_run ((const char *const *) argv->pdata, status, err);
}

static void
test_cli_patrol_sheet (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "cli.db", NULL);
  g_autofree char *pdf = g_build_filename (pd_test_tmpdir (), "cli-sheet.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  int status = -1;

  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, "2026-03-20 10:00:00");
    pd_test_patrol_unit (ctx, "5-1-301", "vacant");
    pd_test_patrol_unit (ctx, "5-1-302", "occupied");
    pd_test_patrol_unit (ctx, "6-1-101", "vacant");
  }
  out = run_cli (db, &status, &err, "print", "patrol-sheet", "5", pdf, NULL);
  g_assert_cmpint (status, ==, 0);
  assert_has (out, pdf);
  text = pd_test_pdf_text (pdf);
  assert_has (text, "空置房巡查表");
  assert_has (text, "5-1-301");
  assert_lacks (text, "5-1-302");
  assert_lacks (text, "6-1-101");

  /* An unknown building is named, and nothing is written. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (g_remove (pdf), ==, 0);
  out = run_cli (db, &status, &err, "print", "patrol-sheet", "99", pdf, NULL);
  g_assert_cmpint (status, ==, 1);
  assert_has (err, "楼栋");
  assert_has (err, "99");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = run_cli (db, &status, &err, "print", "patrol-sheet", "5", NULL);
  g_assert_cmpint (status, ==, 2);
  assert_has (err, "print patrol-sheet BUILDING FILE.pdf");
}

int
main (int argc, char **argv)
{
  pd_test_use_chinese ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/patrol-print/round-sheet", test_round_sheet);
  g_test_add_func ("/patrol-print/custom-checklist-sheet", test_custom_checklist_sheet);
  g_test_add_func ("/patrol-print/record", test_patrol_record);
  g_test_add_func ("/patrol-print/notice", test_notice);
  g_test_add_func ("/patrol-print/summary", test_summary);
  g_test_add_func ("/patrol-print/cli-patrol-sheet", test_cli_patrol_sheet);
  return g_test_run ();
}
