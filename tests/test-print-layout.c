/* test-print-layout.c — the printing toolkit: page breaks with repeated
 * table headers, "第 N 页 / 共 M 页", every block reaching the PDF, and
 * clear errors for unwritable files. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "pd-pdf.h"
#include "pd-print-layout.h"
#include "pd-test-fixture.h"

typedef struct
{
  guint rows;
} Ledger;

/* A long table: 150 rows cannot fit on one A4 page. */
static void
render_ledger (cairo_t      *cr,
               PangoContext *pc,
               double        width,
               double        height,
               const Ledger *ledger)
{
  PdPrintLayout *layout = pd_print_layout_begin (cr, pc, width, height);
  const PdPrintColumn columns[] = {
    { "序号", 0.6, PANGO_ALIGN_CENTER }, { "房号", 1.2 }, { "业主", 1.5 }, { "备注", 3.0 },
  };

  pd_print_title (layout, "测试台账", "锦绣花园", "T-0001");
  pd_print_table_begin (layout, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < ledger->rows; i++)
    {
      g_autofree char *n = g_strdup_printf ("%u", i + 1);
      g_autofree char *unit = g_strdup_printf ("1-1-%u", 101 + i);
      /* Every 10th row wraps onto several lines. */
      const char *note = i % 10 == 0 ? "这是一条很长的备注，用来验证单元格中的文字会自动换行，"
                                       "而且整行不会被分到两页上。"
                                     : "";
      const char *cells[] = { n, unit, "张三", note };

      pd_print_table_row (layout, cells);
    }
  pd_print_table_end (layout);
  pd_print_layout_end (layout);
}

/* One of every other block, to see them all reach the PDF. */
static void
render_blocks (cairo_t      *cr,
               PangoContext *pc,
               double        width,
               double        height,
               gconstpointer record)
{
  PdPrintLayout *layout = pd_print_layout_begin (cr, pc, width, height);
  const PdPrintField fields[] = {
    { "姓名", "李四" }, { "性别", "男" }, { "地址", "深圳市南山区科技园", 2 }, { "备注", NULL },
  };
  const PdPrintCheck checks[] = { { "身份证复印件", TRUE }, { "购房合同", FALSE } };
  const char *roles[] = { "业主", "经办人" };

  pd_print_layout_set_footer (layout, "打印：tester");
  pd_print_title (layout, "积木测试表", NULL, NULL);
  pd_print_section (layout, "一、基本信息");
  pd_print_grid (layout, 2, fields, G_N_ELEMENTS (fields));
  pd_print_checks (layout, "核验原件", checks, G_N_ELEMENTS (checks));
  pd_print_paragraph (layout, PD_PRINT_STYLE_SMALL, "说明段落文字");
  pd_print_seal_area (layout, "客户服务中心（盖章）", 0, TRUE);
  pd_print_signatures (layout, roles, G_N_ELEMENTS (roles));
  pd_print_cut_line (layout, "第一联 存根");
  pd_print_cards_begin (layout, 2, 4);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *text = g_strdup_printf ("出入证%02u", i + 1);
      pd_print_card_next (layout);
      pd_print_paragraph (layout, PD_PRINT_STYLE_LARGE, text);
    }
  pd_print_cards_end (layout);
  pd_print_layout_end (layout);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_page_breaks (void)
{
  Ledger ledger = { 150 };
  g_autoptr (PdRenderer) renderer = pd_renderer_new ("测试台账", (PdRenderFunc) render_ledger,
                                                     &ledger, NULL);
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "ledger.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  guint pages = 0;

  g_assert_true (pd_pdf_write (renderer, path, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, >=, 3);
  g_assert_cmpuint (pages, <=, 8);

  text = pd_test_pdf_text (path);
  /* The header row repeats on every page, the rows all arrive in order. */
  g_assert_cmpuint (count (text, "序号"), ==, pages);
  g_assert_nonnull (strstr (text, "1-1-101"));
  g_assert_nonnull (strstr (text, "1-1-250"));
  g_assert_cmpuint (count (text, "张三"), ==, 150);
  /* pdftotext separates pages with form feeds. */
  g_assert_cmpuint (count (text, "\f"), ==, pages);
  last = g_strdup_printf ("第%u页/共%u页", pages, pages);
  g_assert_nonnull (strstr (text, "第1页/共"));
  g_assert_nonnull (strstr (text, last));
}

static void
test_short_document_is_one_page (void)
{
  Ledger ledger = { 5 };
  g_autoptr (PdRenderer) renderer = pd_renderer_new ("t", (PdRenderFunc) render_ledger, &ledger,
                                                     NULL);
  g_autoptr (PangoFontMap) map = pango_cairo_font_map_new ();
  g_autoptr (GObject) pc = G_OBJECT (pango_font_map_create_context (map));

  g_assert_cmpuint (pd_renderer_count_pages (renderer, NULL, PANGO_CONTEXT (pc), PD_PRINT_A4_WIDTH,
                                             PD_PRINT_A4_HEIGHT), ==, 1);
}

static void
test_blocks (void)
{
  g_autoptr (PdRenderer) renderer = pd_renderer_new ("积木", render_blocks, NULL, NULL);
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "blocks.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint pages = 0;

  g_assert_true (pd_pdf_write (renderer, path, &pages, &error));
  g_assert_no_error (error);
  /* The cards start a new page; 10 cards at 8 per sheet take two. */
  g_assert_cmpuint (pages, ==, 3);
  text = pd_test_pdf_text (path);
  for (const char *const *s = (const char *const[]) { "积木测试表", "一、基本信息", "李四",
                                                       "深圳市南山区科技园", "☑身份证复印件",
                                                       "☐购房合同", "业主签字：", "经办人签字：",
                                                       "日期：", "年", "客户服务中心（盖章）",
                                                       "第一联存根", "出入证01", "出入证10",
                                                       "打印：tester", NULL };
       *s; s++)
    if (strstr (text, *s) == NULL)
      g_error ("“%s” missing from the PDF text:\n%s", *s, text);
}

static void
test_unwritable_path (void)
{
  Ledger ledger = { 3 };
  g_autoptr (PdRenderer) renderer = pd_renderer_new ("t", (PdRenderFunc) render_ledger, &ledger,
                                                     NULL);
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "no-such-dir", "x.pdf", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (pd_pdf_write (renderer, path, NULL, &error));
  g_assert_error (error, PD_PDF_ERROR, PD_PDF_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  /* The office's forms are Chinese: run the test in the zh_CN catalogue. */
  pd_test_use_chinese ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/print/layout/page-breaks", test_page_breaks);
  g_test_add_func ("/print/layout/one-page", test_short_document_is_one_page);
  g_test_add_func ("/print/layout/blocks", test_blocks);
  g_test_add_func ("/print/pdf/unwritable", test_unwritable_path);
  return g_test_run ();
}
