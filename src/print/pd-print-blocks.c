/* pd-print-blocks.c — the ruled blocks of pd-print-layout.h: key–value
 * grids, check boxes, signature lines, the seal area, cut lines and cards. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-print-layout-private.h"

/* --- key–value grid ------------------------------------------------------ */

static double
grid_label_width (PdPrintLayout      *layout,
                  double              pair_width,
                  const PdPrintField *fields,
                  guint               n_fields)
{
  double widest = 0;

  for (guint i = 0; i < n_fields; i++)
    widest = MAX (widest, pd_print_text_width (layout, PD_PRINT_STYLE_LABEL, fields[i].label));
  widest += 2 * PD_PRINT_PAD_X;
  /* A one-pair grid lines its labels up with the grid above it. */
  if (pair_width >= layout->frame.width - 0.01)
    return CLAMP (widest, layout->label_width, pair_width * 0.5);
  /* Labels get what they need within a third to a half of their pair, so
   * grids with the same column count line up down the page. */
  return CLAMP (widest, pair_width * 0.34, pair_width * 0.5);
}

static void
grid_row (PdPrintLayout      *layout,
          const PdPrintField *fields,
          const guint        *spans,
          guint               n,
          double              pair_width,
          double              label_width)
{
  PdPrintFrame *f = &layout->frame;
  double height = PD_PRINT_ROW_MIN;
  double x = f->x;

  for (guint i = 0; i < n; i++)
    {
      double value_width = spans[i] * pair_width - label_width;

      /* Measured as pd_print_cell_text() below draws them. */
      height = MAX (height, pd_print_cell_text_height (layout, PD_PRINT_STYLE_LABEL, label_width,
                                                       PANGO_ALIGN_CENTER, fields[i].label) +
                              2 * PD_PRINT_PAD_Y);
      if (fields[i].value != NULL)
        height = MAX (height, pd_print_cell_text_height (layout, PD_PRINT_STYLE_BODY, value_width,
                                                         PANGO_ALIGN_LEFT, fields[i].value) +
                                2 * PD_PRINT_PAD_Y);
    }
  pd_print_layout_ensure_space (layout, height);
  /* The row's cells, then the labels, then the values: a PDF states the
   * colour and the font again at every switch between rules, shading,
   * labels and values, and the order changes nothing on paper. */
  for (guint i = 0; i < n; i++)
    {
      double value_width = spans[i] * pair_width - label_width;

      pd_print_rect (layout, x, f->y, label_width, height, PD_PRINT_SHADE);
      pd_print_rect (layout, x + label_width, f->y, value_width, height, 1.0);
      x += label_width + value_width;
    }
  x = f->x;
  for (guint i = 0; i < n; i++)
    {
      double value_width = spans[i] * pair_width - label_width;

      pd_print_cell_text (layout, PD_PRINT_STYLE_LABEL, x, f->y, label_width, height,
                          PANGO_ALIGN_CENTER, fields[i].label);
      x += label_width + value_width;
    }
  x = f->x;
  for (guint i = 0; i < n; i++)
    {
      double value_width = spans[i] * pair_width - label_width;

      pd_print_cell_text (layout, PD_PRINT_STYLE_BODY, x + label_width, f->y, value_width,
                          height, PANGO_ALIGN_LEFT, fields[i].value);
      x += label_width + value_width;
    }
  f->y += height;
}

void
pd_print_grid (PdPrintLayout      *layout,
               guint               columns,
               const PdPrintField *fields,
               guint               n_fields)
{
  g_autofree guint *spans = g_new0 (guint, n_fields + 1);
  double pair_width, label_width;
  guint start = 0;

  g_return_if_fail (columns > 0);
  pair_width = layout->frame.width / columns;
  label_width = grid_label_width (layout, pair_width, fields, n_fields);
  layout->label_width = label_width;
  while (start < n_fields)
    {
      guint used = 0, end = start;

      while (end < n_fields)
        {
          spans[end] = CLAMP (fields[end].span, 1, columns);
          if (used + spans[end] > columns)
            break;
          used += spans[end++];
        }
      /* The row's last field takes what is left of the row. */
      spans[end - 1] += columns - used;
      grid_row (layout, fields + start, spans + start, end - start, pair_width, label_width);
      start = end;
    }
}

/* --- check boxes -------------------------------------------------------- */

const char *
pd_print_check_mark (gboolean checked)
{
  return checked ? "☑" : "☐";
}

void
pd_print_checks (PdPrintLayout      *layout,
                 const char         *label,
                 const PdPrintCheck *items,
                 guint               n_items)
{
  PdPrintFrame *f = &layout->frame;
  g_autoptr (GString) text = g_string_new (NULL);
  double label_width = layout->label_width;
  double value_width = f->width - label_width;
  double height;

  for (guint i = 0; i < n_items; i++)
    /* No-break space keeps each box with its label; the ideographic
     * spaces between items are where lines may wrap. */
    g_string_append_printf (text, "%s%s\u00a0%s", i ? "\u3000\u3000" : "",
                            pd_print_check_mark (items[i].checked), items[i].label);
  height = MAX (PD_PRINT_ROW_MIN,
                MAX (pd_print_cell_text_height (layout, PD_PRINT_STYLE_LABEL, label_width,
                                                PANGO_ALIGN_CENTER, label),
                     pd_print_cell_text_height (layout, PD_PRINT_STYLE_BODY, value_width,
                                                PANGO_ALIGN_LEFT, text->str)) +
                  2 * PD_PRINT_PAD_Y);
  pd_print_layout_ensure_space (layout, height);
  pd_print_rect (layout, f->x, f->y, label_width, height, PD_PRINT_SHADE);
  pd_print_rect (layout, f->x + label_width, f->y, value_width, height, 1.0);
  pd_print_cell_text (layout, PD_PRINT_STYLE_LABEL, f->x, f->y, label_width, height,
                      PANGO_ALIGN_CENTER, label);
  pd_print_cell_text (layout, PD_PRINT_STYLE_BODY, f->x + label_width, f->y, value_width, height,
                      PANGO_ALIGN_LEFT, text->str);
  f->y += height;
}

/* --- signatures and seal ------------------------------------------------ */

static void
rule (PdPrintLayout *layout,
      double         x1,
      double         x2,
      double         y)
{
  cairo_t *cr = layout->cr;

  if (!pd_print_layout_is_drawing (layout) || x2 <= x1)
    return;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, PD_PRINT_RULE);
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x2, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
pd_print_signatures (PdPrintLayout     *layout,
                     const char *const *roles,
                     guint              n_roles)
{
  PdPrintFrame *f = &layout->frame;
  double line_gap = 28, top_gap = 16;
  double width = f->width - layout->reserve_right;
  double column_width = width / MAX (n_roles, 1);
  const char *parts[] = { _("year"), _("month"), _("day") };

  pd_print_layout_ensure_space (layout, top_gap + 2 * line_gap);
  for (guint i = 0; i < n_roles; i++)
    {
      double x = f->x + i * column_width;
      double end = x + column_width - 14;
      double y1 = f->y + top_gap, y2 = y1 + line_gap;
      double text_height = pd_print_text_height (layout, PD_PRINT_STYLE_BODY, -1, "国");
      /* Translators: %s is who signs: "业主签字：", "经办人签字：" */
      g_autofree char *sign = g_strdup_printf (_("%s (signature):"), roles[i]);
      double label_end = x + pd_print_text_width (layout, PD_PRINT_STYLE_BODY, sign) + 2;
      double date_end = x + pd_print_text_width (layout, PD_PRINT_STYLE_BODY, _("Date:")) + 2;

      pd_print_text_at (layout, PD_PRINT_STYLE_BODY, x, y1, -1, PANGO_ALIGN_LEFT, sign);
      rule (layout, label_end, end, y1 + text_height);
      pd_print_text_at (layout, PD_PRINT_STYLE_BODY, x, y2, -1, PANGO_ALIGN_LEFT, _("Date:"));
      rule (layout, date_end, end, y2 + text_height);
      /* "____年___月___日": the words sit on the line at fixed fractions. */
      for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
        {
          double at = date_end + (end - date_end) * (0.42 + 0.27 * p);
          double w = pd_print_text_width (layout, PD_PRINT_STYLE_BODY, parts[p]);

          pd_print_text_at (layout, PD_PRINT_STYLE_BODY, at - w, y2, -1, PANGO_ALIGN_LEFT,
                            parts[p]);
        }
    }
  f->y = MAX (f->y + top_gap + 2 * line_gap, layout->seal_bottom) + 4;
  layout->reserve_right = 0;
  layout->seal_bottom = 0;
}

void
pd_print_seal_area (PdPrintLayout *layout,
                    const char    *label,
                    double         size,
                    gboolean       beside)
{
  PdPrintFrame *f = &layout->frame;
  cairo_t *cr = layout->cr;
  double x, y;
  static const double dashes[] = { 3.0, 2.0 };

  if (size <= 0)
    size = 40 * PD_PRINT_MM;
  pd_print_layout_ensure_space (layout, size + 12);
  x = f->x + f->width - size;
  y = f->y + 8;
  if (pd_print_layout_is_drawing (layout))
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      cairo_set_line_width (cr, PD_PRINT_RULE);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_rectangle (cr, x, y, size, size);
      cairo_stroke (cr);
      pd_print_text_at (layout, PD_PRINT_STYLE_SMALL, x + 4, y + size - 16, size - 8,
                        PANGO_ALIGN_CENTER, label);
      cairo_restore (cr);
    }
  if (beside)
    {
      layout->reserve_right = size + 12;
      layout->seal_bottom = y + size;
    }
  else
    f->y = y + size + 4;
}

/* --- cut lines and cards ------------------------------------------------ */

static void
dashed (PdPrintLayout *layout,
        double         x1,
        double         y1,
        double         x2,
        double         y2)
{
  cairo_t *cr = layout->cr;
  static const double dashes[] = { 4.0, 3.0 };

  if (!pd_print_layout_is_drawing (layout))
    return;
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  cairo_set_line_width (cr, 0.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
pd_print_cut_line (PdPrintLayout *layout,
                   const char    *label)
{
  PdPrintFrame *f = &layout->frame;
  cairo_t *cr = layout->cr;
  double y = f->y + 12;
  double text_height = pd_print_text_height (layout, PD_PRINT_STYLE_SMALL, -1, "✂");

  /* Cut lines run from paper edge to paper edge. */
  dashed (layout, 0, y, layout->page_width, y);
  if (pd_print_layout_is_drawing (layout))
    {
      g_autofree char *text = g_strdup_printf ("  %s  ", label ? label : "");
      double width = pd_print_text_width (layout, PD_PRINT_STYLE_SMALL, text);
      double x = (layout->page_width - width) / 2;

      cairo_save (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, x, y - text_height / 2, width, text_height);
      cairo_rectangle (cr, layout->margin_left - 2, y - text_height / 2, 16, text_height);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      pd_print_text_at (layout, PD_PRINT_STYLE_SMALL, x, y - text_height / 2, -1,
                        PANGO_ALIGN_LEFT, text);
      pd_print_text_at (layout, PD_PRINT_STYLE_SMALL, layout->margin_left, y - text_height / 2,
                        -1, PANGO_ALIGN_LEFT, "✂");
      cairo_restore (cr);
    }
  f->y = y + 12;
}

static void
card_geometry (PdPrintLayout *layout,
               double        *width,
               double        *height)
{
  *width = layout->frame.width / layout->card_columns;
  *height = (layout->frame.bottom - layout->frame.top) / layout->card_rows;
}

static void
draw_card_grid (PdPrintLayout *layout)
{
  PdPrintFrame *f = &layout->frame;
  double width, height;

  card_geometry (layout, &width, &height);
  for (guint r = 0; r <= layout->card_rows; r++)
    dashed (layout, f->x, f->top + r * height, f->x + f->width, f->top + r * height);
  for (guint c = 0; c <= layout->card_columns; c++)
    dashed (layout, f->x + c * width, f->top, f->x + c * width, f->bottom);
}

void
pd_print_cards_begin (PdPrintLayout *layout,
                      guint          columns,
                      guint          rows)
{
  g_return_if_fail (columns > 0 && rows > 0 && !layout->cards_open);
  if (layout->frame.y > layout->frame.top + 0.01)
    pd_print_layout_page_break (layout);
  layout->card_columns = columns;
  layout->card_rows = rows;
  layout->card_index = 0;
  layout->cards_open = TRUE;
}

void
pd_print_card_next (PdPrintLayout *layout)
{
  guint per_sheet = layout->card_columns * layout->card_rows;
  guint slot = layout->card_index % per_sheet;
  double width, height, pad = 10;

  g_return_if_fail (layout->cards_open);
  if (layout->card_index > 0)
    {
      pd_print_layout_pop_frame (layout);
      if (slot == 0)
        pd_print_layout_page_break (layout);
    }
  if (slot == 0)
    draw_card_grid (layout);
  card_geometry (layout, &width, &height);
  pd_print_layout_push_frame (layout,
                              layout->frame.x + (slot % layout->card_columns) * width + pad,
                              layout->frame.top + (slot / layout->card_columns) * height + pad,
                              width - 2 * pad, height - 2 * pad);
  layout->card_index++;
}

void
pd_print_cards_end (PdPrintLayout *layout)
{
  double width, height;
  guint slot;

  g_return_if_fail (layout->cards_open);
  layout->cards_open = FALSE;
  if (layout->card_index == 0)
    return;
  pd_print_layout_pop_frame (layout);
  card_geometry (layout, &width, &height);
  slot = (layout->card_index - 1) % (layout->card_columns * layout->card_rows);
  layout->frame.y = layout->frame.top + (slot / layout->card_columns + 1) * height;
}
