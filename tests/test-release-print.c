/* Printed release slips: two parts per A4 sheet with the items, serial and
 * code in the PDF text, a slip with every field at its limit fitting its
 * half page, a void stamp, masked carrier IDs, and a QR code whose modules
 * are those of "PDRS:serial:code". */
#include "config.h"

#include <qrencode.h>

#include "pd-demo.h"
#include "pd-form-release-slip.h"
#include "pd-i18n.h"
#include "pd-pdf.h"
#include "pd-release-code.h"
#include "pd-release-register.h"
#include "pd-test-fixture.h"
#include "pd-unit-role.h"

#define NOW "2026-04-15 11:00:00"

/* @mode: "-layout" keeps the table rows, "-raw" reads rotated text (the
 * void stamp) in one piece. */
static char *
pdf_text (const char *path,
          const char *mode)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { program, mode, path, "-", NULL };
  g_autoptr (GRegex) spaces = g_regex_new ("[ \u3000]+", 0, 0, NULL);
  g_autofree char *text = NULL;
  int status;

  g_assert_nonnull (program);
  text = pd_test_run (argv, &status, NULL);
  g_assert_cmpint (status, ==, 0);
  return g_regex_replace_literal (spaces, text, -1, 0, "", 0, NULL);
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
set_text (char      **field,
          const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* A tenant moving out with ten items, every text at its limit. */
static PdReleaseSlip *
issue_longest (PdContext *ctx)
{
  g_autoptr (GError) error = NULL;
  gint64 unit = pd_test_count (ctx, "SELECT min (unit_id) FROM unit_role WHERE role = 'tenant' "
                                    "AND ended_on = ''", NULL);
  g_autoptr (GPtrArray) applicants = pd_release_applicants (ctx, unit, &error);
  PdReleaseSlip *slip = pd_release_slip_new ();

  g_assert_no_error (error);
  slip->unit_id = unit;
  for (guint i = 0; i < applicants->len; i++)
    {
      PdUnitRole *role = applicants->pdata[i];
      if (g_str_equal (role->role, "tenant"))
        slip->applicant_id = role->person_id;
      if (g_str_equal (role->role, "owner") && slip->owner_confirm_id == 0)
        slip->owner_confirm_id = role->person_id;
    }
  set_text (&slip->owner_confirm_method, "written");
  set_text (&slip->owner_confirm_at, "2026-04-15 10:00");
  set_text (&slip->reason, "moving_out");
  set_text (&slip->reason_note, "租约到期全部搬离并退还门禁卡钥匙共计五件");
  set_text (&slip->fees_cashier, "收费员欧阳司马诸葛尉迟上");
  set_text (&slip->fees_cleared_at, "2026-04-15 09:00");
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("双开门大冰箱海尔%02d", i + 1);
      g_ptr_array_add (slip->items, pd_release_item_new (name, 999, "左门把手有划痕一"));
    }
  set_text (&slip->carrier_name, "欧阳司马诸葛尉迟上官慕容");
  set_text (&slip->carrier_id_number, "11010519491231002X");
  set_text (&slip->plate, "粤BD12345");
  set_text (&slip->valid_on, "2026-05-15");
  slip->no_dangerous_goods = TRUE;
  pd_release_slip_issue (ctx, slip, &error);
  g_assert_no_error (error);
  return slip;
}

static char *
serial_with (PdContext  *ctx,
             const char *sql)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx), sql, NULL);
  char *serial;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  serial = pd_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return serial;
}

/* Prints @slips to @name in the temp folder and returns its path.  A part
 * that overflows its half page warns, and warnings are fatal here. */
static char *
print_to_pdf (PdContext  *ctx,
              GPtrArray  *slips,
              const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenderer) renderer = NULL;
  char *path = g_build_filename (pd_test_tmpdir (), name, NULL);
  PdReleasePrint *print = pd_release_print_new (ctx, slips, &error);
  guint pages = 0;

  g_assert_no_error (error);
  renderer = pd_form_release_slips_renderer (print);
  g_assert_true (pd_pdf_write (renderer, path, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, slips->len);   /* one sheet per slip */
  return path;
}

static void
test_pdf (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdReleaseSlip) longest = NULL;
  g_autoptr (GPtrArray) slips = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *void_serial = NULL;
  g_autofree char *from = NULL;

  g_assert_true (pd_demo_generate (ctx, 80, 7, &error));
  g_assert_no_error (error);
  void_serial = serial_with (ctx, "SELECT serial FROM release_slip WHERE state = 'void' ORDER BY id LIMIT 1");
  from = serial_with (ctx, "SELECT s.serial FROM release_slip s, release_slip v "
                           "WHERE v.state = 'void' AND s.number = v.number - 1 ORDER BY v.id LIMIT 1");
  longest = issue_longest (ctx);

  /* Three demo slips around a void one, and the longest slip. */
  slips = pd_release_register_range (ctx, from, void_serial, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slips->len, ==, 2);
  g_ptr_array_add (slips, pd_release_slip_get (ctx, longest->id, NULL));
  path = print_to_pdf (ctx, slips, "slips.pdf");

  text = pdf_text (path, "-layout");
  g_assert_cmpuint (count (text, "物品放行条"), ==, 6);   /* two parts each */
  g_assert_cmpuint (count (text, "第一联"), >=, 3);
  g_assert_cmpuint (count (text, "第二联"), >=, 3);
  g_assert_cmpuint (count (text, "第一联存根✂第二联门岗"), ==, 3);   /* the cut line */
  for (guint i = 0; i < slips->len; i++)
    {
      PdReleaseSlip *slip = slips->pdata[i];
      g_autofree char *code = pd_release_code_compute (ctx, slip, NULL);

      if (count (text, slip->serial) < 2 || count (text, code) < 2 || count (text, slip->unit_code) < 2)
        g_error ("serial, code or unit of %s missing from one part:\n%s", slip->serial, text);
      for (guint k = 0; k < slip->items->len; k++)
        if (strstr (text, ((PdReleaseItem *) slip->items->pdata[k])->name) == NULL)
          g_error ("item %s of %s missing", ((PdReleaseItem *) slip->items->pdata[k])->name, slip->serial);
    }
  /* The tenth item of the longest slip, and its total. */
  g_assert_cmpuint (count (text, "双开门大冰箱海尔10"), ==, 2);
  g_assert_nonnull (strstr (text, "共10行，9990件"));
  /* Tenant's slip: the owner's confirmation and the cashier are printed. */
  g_assert_nonnull (strstr (text, "书面"));
  g_assert_nonnull (strstr (text, "收费员欧阳司马"));
  /* The carrier's ID is masked on paper. */
  g_assert_null (strstr (text, "11010519491231002X"));
  g_assert_nonnull (strstr (text, "110105********002X"));
  raw = pdf_text (path, "-raw");
  g_assert_cmpuint (count (raw, "已作废"), ==, 2);   /* the stamp, on both parts of the void slip */
}

/* Forty demo slips in one PDF, as `print release-slips` makes a batch: a
 * page per slip in order, each page carrying its own slip's serial, code
 * and unit on both parts (and no other slip's serial). */
static void
test_batch (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) slips = NULL;
  g_autofree char *path = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) pages = NULL;

  g_assert_true (pd_demo_generate (ctx, 60, 11, &error));
  g_assert_no_error (error);
  first = serial_with (ctx, "SELECT serial FROM release_slip ORDER BY serial LIMIT 1");
  last = serial_with (ctx, "SELECT serial FROM release_slip ORDER BY serial LIMIT 1 OFFSET 39");
  slips = pd_release_register_range (ctx, first, last, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slips->len, ==, 40);
  path = print_to_pdf (ctx, slips, "batch.pdf");

  /* pdftotext ends every page with a form feed: the last piece is empty. */
  text = pdf_text (path, "-layout");
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), ==, slips->len + 1);
  g_assert_cmpstr (pages[slips->len], ==, "");
  for (guint i = 0; i < slips->len; i++)
    {
      PdReleaseSlip *slip = slips->pdata[i];
      g_autofree char *code = pd_release_code_compute (ctx, slip, NULL);
      PdReleaseSlip *next = slips->pdata[(i + 1) % slips->len];

      if (count (pages[i], slip->serial) != 2 || count (pages[i], code) != 2 ||
          count (pages[i], slip->unit_code) < 2 || count (pages[i], "物品放行条") != 2)
        g_error ("page %u does not show slip %s (code %s, unit %s) on both parts:\n%s", i + 1,
                 slip->serial, code, slip->unit_code, pages[i]);
      if (next != slip && strstr (pages[i], next->serial) != NULL)
        g_error ("page %u shows slip %s besides %s", i + 1, next->serial, slip->serial);
    }
}

/* Draws page 1 and reads the QR code's modules back from the pixels. */
static void
test_qr_modules (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (PdReleaseSlip) slip = NULL;
  g_autoptr (GPtrArray) slips = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_release_slip_free);
  g_autoptr (PangoFontMap) map = pango_cairo_font_map_new ();
  g_autoptr (GObject) pc_object = G_OBJECT (pango_font_map_create_context (map));
  PangoContext *pc = PANGO_CONTEXT (pc_object);
  g_autoptr (PdRenderer) renderer = NULL;
  g_autofree char *code = NULL;
  g_autofree char *payload = NULL;
  const double scale = 4;   /* pixels per point */
  const double mm = 72 / 25.4;
  cairo_surface_t *surface;
  cairo_t *cr;
  QRcode *qr;
  double size = 18 * mm, x = PD_PRINT_A4_WIDTH - 12 * mm - size, y = 8 * mm, module;
  guint wrong = 0;

  g_assert_true (pd_demo_generate (ctx, 40, 3, NULL));
  slip = issue_longest (ctx);
  code = pd_release_code_compute (ctx, slip, NULL);
  payload = pd_release_code_payload (slip, code);
  g_ptr_array_add (slips, g_steal_pointer (&slip));
  renderer = pd_form_release_slips_renderer (pd_release_print_new (ctx, slips, NULL));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, PD_PRINT_A4_WIDTH * scale,
                                        PD_PRINT_A4_HEIGHT * scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  pd_renderer_draw_page (renderer, cr, pc, PD_PRINT_A4_WIDTH, PD_PRINT_A4_HEIGHT, 0, 1);
  cairo_surface_flush (surface);

  qr = QRcode_encodeString (payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  module = size / (qr->width + 8);
  for (int row = 0; row < qr->width; row++)
    for (int col = 0; col < qr->width; col++)
      {
        int px = (x + (col + 4.5) * module) * scale, py = (y + (row + 4.5) * module) * scale;
        guint32 pixel = *(guint32 *) (cairo_image_surface_get_data (surface) +
                                      py * cairo_image_surface_get_stride (surface) + px * 4);
        gboolean dark = (pixel & 0xff) < 128;

        wrong += dark != (qr->data[row * qr->width + col] & 1);
      }
  g_assert_cmpuint (qr->width, >=, 21);
  g_assert_cmpuint (wrong, ==, 0);
  QRcode_free (qr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  /* The office's forms are Chinese: run the test in the zh_CN catalogue. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  pd_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/release/print/pdf", test_pdf);
  g_test_add_func ("/release/print/batch", test_batch);
  g_test_add_func ("/release/print/qr-modules", test_qr_modules);
  return g_test_run ();
}
