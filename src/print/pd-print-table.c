/* pd-print-table.c — tables of pd-print-layout.h: a header row repeated on
 * every page, wrapped cells, rows kept whole. */
#include "config.h"

#include "pd-print-layout-private.h"

static double
header_height (PdPrintLayout *layout)
{
  double height = 0;

  for (guint i = 0; i < layout->n_columns; i++)
    height = MAX (height, pd_print_cell_text_height (layout, PD_PRINT_STYLE_BOLD,
                                                     layout->column_w[i], PANGO_ALIGN_CENTER,
                                                     layout->column_titles[i]));
  return MAX (height + 2 * PD_PRINT_PAD_Y, PD_PRINT_ROW_MIN);
}

void
pd_print_layout_draw_table_header (PdPrintLayout *layout)
{
  PdPrintFrame *f = &layout->frame;
  double height = header_height (layout);

  /* Cells first, then texts, as in pd-print-blocks.c's grid rows. */
  for (guint i = 0; i < layout->n_columns; i++)
    pd_print_rect (layout, layout->column_x[i], f->y, layout->column_w[i], height,
                   PD_PRINT_SHADE);
  for (guint i = 0; i < layout->n_columns; i++)
    pd_print_cell_text (layout, PD_PRINT_STYLE_BOLD, layout->column_x[i], f->y,
                        layout->column_w[i], height, PANGO_ALIGN_CENTER,
                        layout->column_titles[i]);
  f->y += height;
}

void
pd_print_table_begin (PdPrintLayout       *layout,
                      const PdPrintColumn *columns,
                      guint                n_columns)
{
  PdPrintFrame *f = &layout->frame;
  double total = 0, x = f->x;

  g_return_if_fail (layout->n_columns == 0);
  g_return_if_fail (n_columns > 0);
  for (guint i = 0; i < n_columns; i++)
    total += columns[i].width > 0 ? columns[i].width : 1.0;
  layout->column_titles = g_new0 (char *, n_columns + 1);
  layout->column_align = g_new (PangoAlignment, n_columns);
  layout->column_x = g_new (double, n_columns);
  layout->column_w = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      layout->column_titles[i] = g_strdup (columns[i].title ? columns[i].title : "");
      layout->column_align[i] = columns[i].align;
      layout->column_x[i] = x;
      layout->column_w[i] = f->width * (columns[i].width > 0 ? columns[i].width : 1.0) / total;
      x += layout->column_w[i];
    }
  layout->n_columns = n_columns;
  /* A header alone at the foot of a page is useless: keep it with a row. */
  pd_print_layout_ensure_space (layout, header_height (layout) + PD_PRINT_ROW_MIN + 2);
  pd_print_layout_draw_table_header (layout);
}

void
pd_print_table_row (PdPrintLayout     *layout,
                    const char *const *cells)
{
  PdPrintFrame *f = &layout->frame;
  double height = PD_PRINT_ROW_MIN;

  g_return_if_fail (layout->n_columns > 0);
  for (guint i = 0; i < layout->n_columns; i++)
    if (cells[i] != NULL)
      height = MAX (height, pd_print_cell_text_height (layout, PD_PRINT_STYLE_BODY,
                                                       layout->column_w[i],
                                                       layout->column_align[i], cells[i]) +
                              2 * PD_PRINT_PAD_Y);
  pd_print_layout_ensure_space (layout, height);
  for (guint i = 0; i < layout->n_columns; i++)
    pd_print_rect (layout, layout->column_x[i], f->y, layout->column_w[i], height, 1.0);
  for (guint i = 0; i < layout->n_columns; i++)
    pd_print_cell_text (layout, PD_PRINT_STYLE_BODY, layout->column_x[i], f->y,
                        layout->column_w[i], height, layout->column_align[i], cells[i]);
  f->y += height;
}

void
pd_print_table_blank_rows (PdPrintLayout *layout,
                           guint          n_rows,
                           double         height)
{
  PdPrintFrame *f = &layout->frame;

  g_return_if_fail (layout->n_columns > 0);
  if (height <= 0)
    height = 22;
  for (guint r = 0; r < n_rows; r++)
    {
      pd_print_layout_ensure_space (layout, height);
      for (guint i = 0; i < layout->n_columns; i++)
        pd_print_rect (layout, layout->column_x[i], f->y, layout->column_w[i], height, 1.0);
      f->y += height;
    }
}

void
pd_print_table_note_row (PdPrintLayout *layout,
                         const char    *text)
{
  PdPrintFrame *f = &layout->frame;
  double height;

  g_return_if_fail (layout->n_columns > 0);
  height = MAX (PD_PRINT_ROW_MIN, pd_print_cell_text_height (layout, PD_PRINT_STYLE_BODY,
                                                             f->width, PANGO_ALIGN_CENTER, text) +
                                    2 * PD_PRINT_PAD_Y);
  pd_print_layout_ensure_space (layout, height);
  pd_print_rect (layout, f->x, f->y, f->width, height, 1.0);
  pd_print_cell_text (layout, PD_PRINT_STYLE_BODY, f->x, f->y, f->width, height,
                      PANGO_ALIGN_CENTER, text);
  f->y += height;
}

void
pd_print_table_end (PdPrintLayout *layout)
{
  g_clear_pointer (&layout->column_titles, g_strfreev);
  g_clear_pointer (&layout->column_align, g_free);
  g_clear_pointer (&layout->column_x, g_free);
  g_clear_pointer (&layout->column_w, g_free);
  layout->n_columns = 0;
}
