/* pd-form-release-slip.c — see pd-form-release-slip.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-form-release-slip.h"
#include "pd-print-qr.h"
#include "pd-release-code.h"
#include "pd-unit-role.h"
#include "pd-validate.h"

#define QR_SIZE (18 * PD_PRINT_MM)
#define QR_GAP (3 * PD_PRINT_MM)
#define CUT_SPACE 24.0          /* pd_print_cut_line() takes 12 pt above and below */
#define ITEMS_ONE_COLUMN 5      /* more items print two per row */

typedef enum
{
  PART_COUNTERFOIL,
  PART_GATE,
} Part;

static char *
describe_reason (const PdReleaseSlip *slip)
{
  const char *label = pd_release_reason_label (slip->reason);

  if (*slip->reason_note == '\0')
    return g_strdup (label);
  return g_strdup_printf ("%s：%s", label, slip->reason_note);
}

static char *
describe_applicant (const PdReleaseSlip *slip)
{
  return g_strdup_printf ("%s（%s）", slip->applicant_name, pd_unit_role_label (slip->applicant_role));
}

/* The slip's facts in a full-width grid: long values stay on one line. */
static void
print_facts (PdPrintLayout       *layout,
             const PdReleaseSlip *slip)
{
  g_autofree char *applicant = describe_applicant (slip);
  g_autofree char *reason = describe_reason (slip);
  g_autofree char *carrier_id = pd_mask_id (slip->carrier_id_number);
  g_autofree char *confirmation = NULL;
  g_autofree char *fees = NULL;
  PdPrintField fields[10];
  guint n = 0;

  fields[n++] = (PdPrintField) { C_("release slip", "Unit"), slip->unit_code };
  fields[n++] = (PdPrintField) { C_("release slip", "Applicant"), applicant };
  fields[n++] = (PdPrintField) { C_("release slip", "Reason"), reason, 2 };
  fields[n++] = (PdPrintField) { C_("release slip", "Carrier"), slip->carrier_name };
  fields[n++] = (PdPrintField) { C_("release slip", "Carrier's ID no."), carrier_id };
  fields[n++] = (PdPrintField) { C_("release slip", "Vehicle plate"), *slip->plate ? slip->plate : "—" };
  fields[n++] = (PdPrintField) { C_("release slip", "Valid until"), slip->valid_on };
  if (*slip->owner_confirm_name != '\0')
    /* Translators: owner's name, how (by phone…), date and time */
    confirmation = g_strdup_printf (C_("release slip", "%s, %s, %s"), slip->owner_confirm_name,
                                    pd_release_confirm_method_label (slip->owner_confirm_method),
                                    slip->owner_confirm_at);
  if (*slip->fees_cashier != '\0')
    fees = g_strdup_printf ("%s %s", slip->fees_cashier, slip->fees_cleared_at);
  /* Side by side when both apply, else the one across the row. */
  if (confirmation != NULL)
    fields[n++] = (PdPrintField) { C_("release slip", "Owner confirmed"), confirmation, fees ? 1 : 2 };
  if (fees != NULL)
    fields[n++] = (PdPrintField) { C_("release slip", "Fees cleared"), fees, confirmation ? 1 : 2 };
  pd_print_grid (layout, 2, fields, n);
}

static void
print_items (PdPrintLayout       *layout,
             const PdReleaseSlip *slip)
{
  const PdPrintColumn one[] = {
    { C_("release slip", "No."), 0.5, PANGO_ALIGN_CENTER }, { C_("release slip", "Item"), 2.2 }, { C_("release slip", "Qty"), 0.6, PANGO_ALIGN_CENTER },
    { C_("release slip", "Description"), 2.5 },
  };
  /* Sized so that a name of 10 and a description of 8 characters, the
   * limits the core enforces, stay on one line. */
  const PdPrintColumn two[] = {
    { C_("release slip", "No."), 0.31, PANGO_ALIGN_CENTER }, { C_("release slip", "Item"), 1.12 }, { C_("release slip", "Qty"), 0.31, PANGO_ALIGN_CENTER },
    { C_("release slip", "Description"), 0.93 },
    { C_("release slip", "No."), 0.31, PANGO_ALIGN_CENTER }, { C_("release slip", "Item"), 1.12 }, { C_("release slip", "Qty"), 0.31, PANGO_ALIGN_CENTER },
    { C_("release slip", "Description"), 0.93 },
  };
  gboolean two_up = slip->items->len > ITEMS_ONE_COLUMN;
  guint per_row = two_up ? 2 : 1;
  guint rows = (slip->items->len + per_row - 1) / per_row;
  g_autofree char *summary = NULL;
  int total = 0;

  if (two_up)
    pd_print_table_begin (layout, two, G_N_ELEMENTS (two));
  else
    pd_print_table_begin (layout, one, G_N_ELEMENTS (one));
  /* Two-up, the first half runs down the left, the rest down the right,
   * so the numbers read in order column by column. */
  for (guint r = 0; r < rows; r++)
    {
      char *texts[8] = { NULL };
      const char *cells[8] = { NULL };

      for (guint c = 0; c < per_row; c++)
        {
          guint i = c * rows + r;
          const PdReleaseItem *item;

          if (i >= slip->items->len)
            continue;
          item = g_ptr_array_index (slip->items, i);
          texts[c * 4] = g_strdup_printf ("%u", i + 1);
          texts[c * 4 + 2] = g_strdup_printf ("%d", item->quantity);
          cells[c * 4] = texts[c * 4];
          cells[c * 4 + 1] = item->name;
          cells[c * 4 + 2] = texts[c * 4 + 2];
          cells[c * 4 + 3] = item->note;
        }
      pd_print_table_row (layout, cells);
      for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
        g_free (texts[k]);
    }
  for (guint i = 0; i < slip->items->len; i++)
    total += ((const PdReleaseItem *) g_ptr_array_index (slip->items, i))->quantity;
  /* Translators: %u is a number of lines, %d of pieces; then a check box
   * and the clerk's declaration */
  summary = g_strdup_printf (_("%u lines, %d pieces in all.　%s Checked: no flammable, explosive, "
                               "toxic or corrosive goods."),
                             slip->items->len, total, pd_print_check_mark (slip->no_dangerous_goods));
  pd_print_table_note_row (layout, summary);
  pd_print_table_end (layout);
}

/* A voided slip prints with a large stamp so nobody takes it for valid. */
static void
stamp_void (PdPrintLayout *layout,
            double         top,
            double         bottom)
{
  cairo_t *cr = pd_print_layout_get_cairo (layout);
  PangoContext *pc = pd_print_layout_get_pango (layout);
  g_autoptr (PangoLayout) text = pango_layout_new (pc);
  g_autoptr (PangoFontDescription) font = pd_print_style_font (PD_PRINT_STYLE_TITLE);
  int w, h;

  if (!pd_print_layout_is_drawing (layout))
    return;
  pango_font_description_set_absolute_size (font, 64 * PANGO_SCALE);
  pango_layout_set_font_description (text, font);
  pango_layout_set_text (text, C_("release slip", "Void"), -1);
  pango_layout_get_size (text, &w, &h);
  cairo_save (cr);
  cairo_translate (cr, pd_print_layout_get_x (layout) + pd_print_layout_get_width (layout) / 2,
                   (top + bottom) / 2);
  cairo_rotate (cr, -G_PI / 9);
  cairo_set_source_rgba (cr, 0.75, 0.1, 0.1, 0.55);
  cairo_move_to (cr, -w / 2.0 / PANGO_SCALE, -h / 2.0 / PANGO_SCALE);
  pango_cairo_show_layout (cr, text);
  cairo_restore (cr);
}

static void
print_part (PdPrintLayout        *layout,
            const PdReleasePrint *print,
            guint                 index,
            Part                  part,
            cairo_surface_t      *qr,
            double                top,
            double                height)
{
  const PdReleaseSlip *slip = g_ptr_array_index (print->slips, index);
  const char *code = g_ptr_array_index (print->codes, index);
  double x = pd_print_layout_get_x (layout);
  double width = pd_print_layout_get_width (layout);
  double title_bottom;
  /* Translators: printed after "Serial:" in the title: serial, then the
   * verification code */
  g_autofree char *serial_line = g_strdup_printf (_("%s　Code %s"), slip->serial, code);
  g_autofree char *issued = g_strdup_printf ("%s %.16s", slip->issued_by, slip->issued_at);
  g_autofree char *subtitle = g_strdup_printf ("%s　%s", print->estate_name,
                                               part == PART_COUNTERFOIL
                                               ? _("Part 1: office counterfoil")
                                               : _("Part 2: gate copy — lets the goods out once; "
                                                   "void when expired or altered"));
  /* Ruled signature cells rather than pd_print_signatures(): its date
   * lines would not leave room for ten items in half a page. */
  const PdPrintField counterfoil_signatures[] = {
    { _("Applicant's signature"), NULL }, { C_("release slip", "Issued by"), issued },
  };
  const PdPrintField gate_signatures[] = {
    { _("Carrier's signature"), NULL }, { _("Guard, time out"), NULL },
  };

  pd_print_layout_push_frame (layout, x, top, width, height);

  /* The title on the left, the QR code on the right; serial and code in
   * the title's subtitle line, where a guard reads them to type them. */
  pd_print_layout_push_frame (layout, x, top, width - QR_SIZE - QR_GAP, height);
  pd_print_title (layout, _("Release Slip for Goods"), subtitle, serial_line);
  title_bottom = pd_print_layout_get_y (layout);
  pd_print_layout_pop_frame (layout);
  if (qr != NULL)
    pd_print_qr_draw (layout, x + width - QR_SIZE, top, QR_SIZE, qr);
  pd_print_layout_set_y (layout, MAX (title_bottom, top + QR_SIZE) + 2);

  print_facts (layout, slip);
  pd_print_layout_skip (layout, 4);
  print_items (layout, slip);
  pd_print_layout_skip (layout, 4);
  if (part == PART_COUNTERFOIL)
    pd_print_grid (layout, 2, counterfoil_signatures, G_N_ELEMENTS (counterfoil_signatures));
  else
    pd_print_grid (layout, 2, gate_signatures, G_N_ELEMENTS (gate_signatures));
  /* The core limits items and text lengths so that a part always fits. */
  if (pd_print_layout_get_y (layout) > top + height)
    g_warning ("Release slip %s: part %d overflows its half page by %.0f pt", slip->serial, part + 1,
               pd_print_layout_get_y (layout) - top - height);
  if (g_strcmp0 (slip->state, "void") == 0)
    stamp_void (layout, top, top + height);
  pd_print_layout_pop_frame (layout);
}

void
pd_form_render_release_slips (cairo_t              *cr,
                              PangoContext         *pc,
                              double                width_pt,
                              double                height_pt,
                              const PdReleasePrint *print)
{
  PdPrintLayout *layout = pd_print_layout_begin (cr, pc, width_pt, height_pt);

  /* Two parts must fit on one sheet: narrow margins, no page numbers
   * (each page is a slip of its own). */
  pd_print_layout_set_margins (layout, 8 * PD_PRINT_MM, 12 * PD_PRINT_MM, 10 * PD_PRINT_MM,
                               12 * PD_PRINT_MM);
  pd_print_layout_set_page_numbers (layout, FALSE);
  pd_print_layout_set_footer (layout, print->footer);
  for (guint i = 0; i < print->slips->len; i++)
    {
      const PdReleaseSlip *slip = g_ptr_array_index (print->slips, i);
      g_autofree char *payload = pd_release_code_payload (slip, g_ptr_array_index (print->codes, i));
      cairo_surface_t *qr = NULL;
      double top, half;

      if (i > 0)
        pd_print_layout_page_break (layout);
      /* Encoded once for both parts, and only for a page that is drawn;
       * NULL only for a payload too long to encode, which the core's
       * length limits rule out. */
      if (pd_print_layout_is_drawing (layout))
        qr = pd_print_qr_new (payload);
      top = pd_print_layout_get_y (layout);
      half = (pd_print_layout_get_remaining (layout) - CUT_SPACE) / 2;
      print_part (layout, print, i, PART_COUNTERFOIL, qr, top, half);
      pd_print_layout_set_y (layout, top + half);
      pd_print_cut_line (layout, _("Part 1: office counterfoil ✂ Part 2: gate copy"));
      print_part (layout, print, i, PART_GATE, qr, top + half + CUT_SPACE, half);
      g_clear_pointer (&qr, cairo_surface_destroy);
    }
  pd_print_layout_end (layout);
}

PdRenderer *
pd_form_release_slips_renderer (PdReleasePrint *print)
{
  g_autofree char *title = pd_release_print_title (print);
  guint n_pages = MAX (print->slips->len, 1);
  PdRenderer *renderer = pd_renderer_new (title, (PdRenderFunc) pd_form_render_release_slips,
                                          print, (GDestroyNotify) pd_release_print_free);

  /* One sheet per slip (the parts are frames, which never break), no page
   * numbers: counting would lay 1,000 slips out once more for nothing. */
  pd_renderer_set_n_pages (renderer, n_pages);
  return renderer;
}
