/* pd-print-layout-private.h — the layout's state, shared by the files that
 * implement pd-print-layout.h (page flow, blocks, tables, cards). */
#pragma once

#include "pd-print-layout.h"
#include "pd-print-pass.h"

G_BEGIN_DECLS

/* Line widths and greys of the ruled forms, in one place so every form
 * looks like it came from the same office. */
#define PD_PRINT_RULE        0.6
#define PD_PRINT_RULE_OUTER  1.0
#define PD_PRINT_SHADE       0.92
#define PD_PRINT_SHADE_DARK  0.84
#define PD_PRINT_PAD_X       5.0
#define PD_PRINT_PAD_Y       3.0
#define PD_PRINT_ROW_MIN     20.0

typedef struct
{
  double x, width, top, bottom, y;
} PdPrintFrame;

struct _PdPrintLayout
{
  cairo_t      *cr;
  PangoContext *pc;
  double        page_width, page_height;
  double        margin_top, margin_right, margin_bottom, margin_left;

  PdPrintPass   own_pass;   /* direct call: draw every page */
  PdPrintPass  *pass;
  gboolean      direct;
  guint         page;

  char         *footer;
  gboolean      page_numbers;

  PdPrintFrame  frame;
  GArray       *frames;     /* pushed PdPrintFrame */
  double        label_width; /* of the last grid, so check rows line up */
  double        reserve_right; /* a seal box beside the signatures */
  double        seal_bottom;

  /* the open table */
  guint         n_columns;
  char        **column_titles;
  PangoAlignment *column_align;
  double       *column_x;
  double       *column_w;

  /* the open sheet of cards */
  guint         card_columns, card_rows, card_index;
  gboolean      cards_open;

  /* Laid-out texts by style, width, alignment and text: a cell is
   * measured for its row's height and then drawn, and labels repeat on
   * every page, so each is shaped once instead of every time. */
  GHashTable   *texts;
  PangoFontDescription *fonts[PD_PRINT_STYLE_LARGE + 1];
};

void     pd_print_layout_draw_table_header (PdPrintLayout *layout);
void     pd_print_rect                (PdPrintLayout *layout,
                                       double         x,
                                       double         y,
                                       double         width,
                                       double         height,
                                       double         shade);
/* The height of @text as pd_print_cell_text() sets it in a cell @width
 * wide (padding excluded); measuring with the alignment it is drawn with
 * lets the drawing reuse the measured layout. */
double   pd_print_cell_text_height    (PdPrintLayout *layout,
                                       PdPrintStyle   style,
                                       double         width,
                                       PangoAlignment align,
                                       const char    *text);
/* Draws (when drawing) text vertically centred in a cell. */
void     pd_print_cell_text           (PdPrintLayout *layout,
                                       PdPrintStyle   style,
                                       double         x,
                                       double         y,
                                       double         width,
                                       double         height,
                                       PangoAlignment align,
                                       const char    *text);

G_END_DECLS
