/* The handover forms in Chinese, read back from the PDF: the acceptance
 * form with every checklist item, the readings, the defects and their
 * deadlines over several numbered pages, IDs masked; one rectification
 * notice per responsible party; the two-part key receipt; and
 * `propdesk-cli print handover UNIT FILE.pdf`. */
#include "config.h"

#include <string.h>

#include "pd-form-handover.h"
#include "pd-i18n.h"
#include "pd-pdf.h"
#include "pd-test-handover.h"

#define NOW "2026-09-24 10:00:00"

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* A residential handover, inspected, with two defects for two parties and
 * the notice sent for them. */
static gint64
inspected_handover (PdContext *ctx)
{
  g_autoptr (GError) error = NULL;
  gint64 unit = pd_test_make_unit (ctx, "1-1-102", "vacant", "residential");
  gint64 id = pd_handover_start (ctx, unit, pd_test_make_owner (ctx, unit, "张三", 1), NULL, "2026-09-24", &error);
  g_autoptr (GPtrArray) checks = pd_handover_check_list (ctx, id, &error);
  g_autoptr (PdHandoverDefect) window = pd_handover_defect_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < checks->len; i++)
    {
      PdHandoverCheck *check = checks->pdata[i];
      if (g_str_equal (check->room, "卫生间") && g_str_equal (check->item, "防水及渗漏"))
        pd_handover_check_set (ctx, check->id, "defect", "闭水试验楼下渗漏", &error);
      else if (g_str_equal (check->item, "燃气管道及燃气表"))
        pd_handover_check_set (ctx, check->id, "na", "未通气", &error);
      g_assert_no_error (error);
    }
  window->handover_id = id;
  g_free (window->room);
  window->room = g_strdup ("主卧");
  g_free (window->description);
  window->description = g_strdup ("窗户密封条脱落");
  g_free (window->responsible);
  window->responsible = g_strdup ("门窗分包单位");
  pd_handover_defect_add (ctx, window, &error);
  g_assert_no_error (error);
  pd_handover_check_rest_ok (ctx, id, &error);
  pd_test_fill_handover (ctx, id);
  pd_handover_finish_inspection (ctx, id, &error);
  pd_handover_send_notice (ctx, id, NULL, &error);
  g_assert_no_error (error);
  return id;
}

static char *
render (PdContext     *ctx,
        gint64         id,
        PdHandoverForm form,
        const char    *name,
        guint         *pages)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), name, NULL);
  PdHandoverDocument *document = pd_handover_document_load (ctx, id, &error);
  g_autoptr (PdRenderer) renderer = NULL;

  g_assert_no_error (error);
  renderer = pd_form_handover_renderer (form, document);
  g_assert_true (pd_pdf_write (renderer, path, pages, &error));
  g_assert_no_error (error);
  return pd_test_pdf_text (path);
}

static void
test_acceptance_form (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  gint64 id = inspected_handover (ctx);
  g_autoptr (PdHandover) h = pd_handover_get (ctx, id, NULL);
  g_autoptr (GPtrArray) checks = pd_handover_check_list (ctx, id, NULL);
  g_autofree char *text = NULL;
  g_autofree char *last_page = NULL;
  guint pages = 0;

  text = render (ctx, id, PD_HANDOVER_FORM_ACCEPTANCE, "acceptance.pdf", &pages);
  g_assert_cmpuint (pages, >=, 2);
  g_assert_nonnull (strstr (text, "业主入住房屋验收表"));
  g_assert_nonnull (strstr (text, "1-1-102"));
  g_assert_nonnull (strstr (text, "张三"));
  g_assert_nonnull (strstr (text, "编号：JF20260924-0001"));
  /* Readings as read, decimals and all. */
  g_assert_nonnull (strstr (text, "水表12.5m³"));
  g_assert_nonnull (strstr (text, "电表3021.75度（kWh）"));
  g_assert_nonnull (strstr (text, "燃气表0.125m³"));
  /* Every checklist item with its room; the defect and the n/a with notes. */
  for (guint i = 0; i < checks->len; i++)
    {
      PdHandoverCheck *check = checks->pdata[i];
      g_autofree char *cell = g_strdup_printf ("%s%s", check->room, check->item);
      g_assert_nonnull (strstr (text, cell));
    }
  g_assert_cmpuint (count (text, "✓"), ==, checks->len);
  g_assert_nonnull (strstr (text, "燃气管道及燃气表✓未通气"));
  /* Defects with their deadlines: 7 working days over the October holidays. */
  g_assert_nonnull (strstr (text, "防水及渗漏：闭水试验楼下渗漏建设单位2026-10-12"));
  g_assert_nonnull (strstr (text, "窗户密封条脱落门窗分包单位2026-10-12"));
  g_assert_nonnull (strstr (text, "MJ-0001、MJ-0002"));
  /* Signature lines for owner, engineering and customer service. */
  g_assert_nonnull (strstr (text, "业主签字"));
  g_assert_nonnull (strstr (text, "工程部签字"));
  g_assert_nonnull (strstr (text, "客服签字"));
  /* Page numbers, and the owner's ID masked. */
  last_page = g_strdup_printf ("第%u页/共%u页", pages, pages);
  g_assert_nonnull (strstr (text, "第1页/共"));
  g_assert_nonnull (strstr (text, last_page));
  g_assert_null (strstr (text, h->owner_id_number));
  g_assert_nonnull (strstr (text, "********"));
}

static void
test_notice_and_receipt (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  gint64 id = inspected_handover (ctx);
  g_autofree char *notice = NULL;
  g_autofree char *receipt = NULL;
  guint pages = 0;

  notice = render (ctx, id, PD_HANDOVER_FORM_NOTICE, "notice.pdf", &pages);
  /* One notice per responsible party, each on its own page. */
  g_assert_cmpuint (pages, ==, 2);
  g_assert_cmpuint (count (notice, "整改通知单"), ==, 2);
  g_assert_nonnull (strstr (notice, "致建设单位"));
  g_assert_nonnull (strstr (notice, "致门窗分包单位"));
  g_assert_nonnull (strstr (notice, "ZG2026-0001"));
  g_assert_nonnull (strstr (notice, "2026-09-2510:00"));
  g_assert_nonnull (strstr (notice, "闭水试验楼下渗漏"));
  g_assert_nonnull (strstr (notice, "客户服务中心（盖章）"));
  g_assert_nonnull (strstr (notice, "签收（施工单位）"));

  receipt = render (ctx, id, PD_HANDOVER_FORM_KEY_RECEIPT, "receipt.pdf", &pages);
  g_assert_cmpuint (pages, ==, 1);
  g_assert_cmpuint (count (receipt, "钥匙及卡领用登记表"), ==, 2);
  g_assert_nonnull (strstr (receipt, "房门钥匙3"));
  g_assert_nonnull (strstr (receipt, "门禁卡2MJ-0001、MJ-0002"));
  g_assert_nonnull (strstr (receipt, "电卡1DK-778812"));
  g_assert_nonnull (strstr (receipt, "第一联"));
  g_assert_nonnull (strstr (receipt, "第二联"));
  g_assert_nonnull (strstr (receipt, "领用人（业主）签字"));
}

static void
test_cli_print (void)
{
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "cli.db", NULL);
  g_autofree char *pdf = g_build_filename (pd_test_tmpdir (), "cli.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  int status;

  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, NOW);
    inspected_handover (ctx);
    pd_test_make_unit (ctx, "1-1-103", "vacant", "residential");
  }
  out = pd_test_cli (db, (const char *const[]) { "print", "handover", "1栋1单元102", pdf, NULL }, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "cli.pdf"));
  text = pd_test_pdf_text (pdf);
  g_assert_nonnull (strstr (text, "业主入住房屋验收表"));
  g_assert_nonnull (strstr (text, "水表12.5m³"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = pd_test_cli (db, (const char *const[]) { "print", "handover", "1-1-103", pdf, NULL }, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "1-1-103"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = pd_test_cli (db, (const char *const[]) { "print", "handover", "9-9-909", pdf, NULL }, &status, &err);
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = pd_test_cli (db, (const char *const[]) { "print", "handover", "1-1-102", NULL }, &status, &err);
  g_assert_cmpint (status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  /* The office's forms are Chinese: print them as the office sees them. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  pd_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/handover-print/acceptance-form", test_acceptance_form);
  g_test_add_func ("/handover-print/notice-and-receipt", test_notice_and_receipt);
  g_test_add_func ("/handover-print/cli", test_cli_print);
  return g_test_run ();
}
