/* pd-print-layout.h — the toolkit every printed form is drawn with.
 *
 * A form renderer has the house signature
 *
 *   void pd_form_render_xxx (cairo_t *cr, PangoContext *pc,
 *                            double width_pt, double height_pt,
 *                            const PdXxx *record);
 *
 * and is written as a flow of blocks: it calls pd_print_layout_begin(), then
 * title, grids, tables, check boxes, signature lines … top to bottom, then
 * pd_print_layout_end().  The layout keeps a cursor, breaks pages itself
 * (a table repeats its header row) and numbers them "第 N 页 / 共 M 页".
 *
 * The renderer never knows which page is wanted: a PdRenderer (pd-renderer.h)
 * runs the same flow once to count the pages and once per page to draw it;
 * blocks on other pages are measured but not drawn.  Called directly on a
 * cairo_t with no PdRenderer around it, the flow draws every page and calls
 * cairo_show_page() between them.
 *
 * Units are PostScript points (1/72 in); the cairo user space must be points
 * with the origin at the paper's top-left corner (A4 is 595.28 × 841.89).
 * Text goes through Pango with "Noto Serif CJK SC" (regular) and "Noto Sans
 * CJK SC" (bold), so Chinese renders everywhere and PDFs embed the fonts.
 * All text is plain text, never markup.
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

#define PD_PRINT_A4_WIDTH  595.28
#define PD_PRINT_A4_HEIGHT 841.89
#define PD_PRINT_MM        (72.0 / 25.4)

typedef struct _PdPrintLayout PdPrintLayout;

typedef enum
{
  PD_PRINT_STYLE_BODY,      /* 10 pt serif: cells, paragraphs */
  PD_PRINT_STYLE_SMALL,     /* 8 pt serif: notes, footers */
  PD_PRINT_STYLE_LABEL,     /* 9.5 pt serif: labels of grid cells */
  PD_PRINT_STYLE_BOLD,      /* 9.5 pt sans bold: table headers */
  PD_PRINT_STYLE_HEADING,   /* 10.5 pt sans bold: section headings */
  PD_PRINT_STYLE_TITLE,     /* 20 pt serif bold, spaced out: the form's name */
  PD_PRINT_STYLE_SUBTITLE,  /* 9.5 pt serif: estate name, serial number */
  PD_PRINT_STYLE_LARGE,     /* 14 pt sans bold: big values (cards, permits) */
} PdPrintStyle;

/* --- the page ------------------------------------------------------- */

PdPrintLayout *pd_print_layout_begin  (cairo_t      *cr,
                                       PangoContext *pc,
                                       double        width_pt,
                                       double        height_pt);
/* Finishes the last page (footer, page number) and frees the layout. */
void     pd_print_layout_end          (PdPrintLayout *layout);

/* Margins in points; defaults 15 mm left/right, 12 mm top, 14 mm bottom.
 * Call before drawing anything. */
void     pd_print_layout_set_margins  (PdPrintLayout *layout,
                                       double         top,
                                       double         right,
                                       double         bottom,
                                       double         left);
/* Text printed small at the bottom left of every page (e.g. "打印：张三
 * 2026-11-23 10:00"); NULL for none.  Page numbers are on by default. */
void     pd_print_layout_set_footer   (PdPrintLayout *layout,
                                       const char    *text);
void     pd_print_layout_set_page_numbers (PdPrintLayout *layout,
                                           gboolean       shown);

cairo_t      *pd_print_layout_get_cairo   (PdPrintLayout *layout);
PangoContext *pd_print_layout_get_pango   (PdPrintLayout *layout);
/* FALSE while the block being laid out is on a page that is not drawn:
 * custom drawing code must skip its cairo calls then. */
gboolean pd_print_layout_is_drawing   (PdPrintLayout *layout);
guint    pd_print_layout_get_page     (PdPrintLayout *layout);   /* 0-based */

/* The frame blocks are laid out in: the page's content box, or a card or
 * a pushed frame.  x and width are the frame's, y the cursor. */
double   pd_print_layout_get_x        (PdPrintLayout *layout);
double   pd_print_layout_get_y        (PdPrintLayout *layout);
double   pd_print_layout_get_width    (PdPrintLayout *layout);
/* Space left below the cursor in the current frame. */
double   pd_print_layout_get_remaining (PdPrintLayout *layout);
void     pd_print_layout_set_y        (PdPrintLayout *layout,
                                       double         y);
void     pd_print_layout_skip         (PdPrintLayout *layout,
                                       double         height);
/* Starts a new page when fewer than @height points are left (never inside
 * a pushed frame or card).  TRUE when it broke the page. */
gboolean pd_print_layout_ensure_space (PdPrintLayout *layout,
                                       double         height);
void     pd_print_layout_page_break   (PdPrintLayout *layout);

/* Draws the following blocks inside a rectangle (a half page, a box of a
 * permit …); pages do not break inside it.  Pop restores the frame and the
 * cursor that were current before the push. */
void     pd_print_layout_push_frame   (PdPrintLayout *layout,
                                       double         x,
                                       double         y,
                                       double         width,
                                       double         height);
void     pd_print_layout_pop_frame    (PdPrintLayout *layout);

/* --- text ------------------------------------------------------------- */

PangoFontDescription *pd_print_style_font (PdPrintStyle style);
/* Draws @text wrapped into @width at (@x, @y); returns its height.  Measures
 * only when the page is not drawn. */
double   pd_print_text_at             (PdPrintLayout *layout,
                                       PdPrintStyle   style,
                                       double         x,
                                       double         y,
                                       double         width,
                                       PangoAlignment align,
                                       const char    *text);
double   pd_print_text_height         (PdPrintLayout *layout,
                                       PdPrintStyle   style,
                                       double         width,
                                       const char    *text);
double   pd_print_text_width          (PdPrintLayout *layout,
                                       PdPrintStyle   style,
                                       const char    *text);

/* --- blocks (each draws at the cursor and moves it down) ------------- */

/* The form's name centred in large bold serif with a rule under it, and
 * a subtitle line below (estate name left, @serial right: "编号：…");
 * either may be NULL. */
void     pd_print_title               (PdPrintLayout *layout,
                                       const char    *title,
                                       const char    *subtitle,
                                       const char    *serial);
/* A section heading: bold text on a light band, kept with what follows. */
void     pd_print_section             (PdPrintLayout *layout,
                                       const char    *heading);
void     pd_print_paragraph           (PdPrintLayout *layout,
                                       PdPrintStyle   style,
                                       const char    *text);

/* Key–value grid with ruled cells: @columns label/value pairs per row,
 * the label cell shaded.  A field with span > 1 takes that many pairs (its
 * label stays one label wide); span 0 means 1.  A NULL value prints as an
 * empty cell to write in; rows never split across pages. */
typedef struct
{
  const char *label;
  const char *value;
  guint       span;
} PdPrintField;

void     pd_print_grid                (PdPrintLayout      *layout,
                                       guint               columns,
                                       const PdPrintField *fields,
                                       guint               n_fields);

/* A grid row of check boxes: a shaded label cell, then every item as
 * "☑ item" or "☐ item" flowing over as many lines as needed. */
typedef struct
{
  const char *label;
  gboolean    checked;
} PdPrintCheck;

void     pd_print_checks              (PdPrintLayout      *layout,
                                       const char         *label,
                                       const PdPrintCheck *items,
                                       guint               n_items);
/* "☑ label" / "☐ label": for a check box inside a table cell. */
const char *pd_print_check_mark       (gboolean checked);

/* Tables: columns with titles and width fractions (scaled to sum to 1),
 * a shaded header row repeated on each page, wrapped cell text, rows never
 * split across pages.  One table at a time per layout. */
typedef struct
{
  const char    *title;
  double         width;     /* fraction of the frame width */
  PangoAlignment align;     /* PANGO_ALIGN_LEFT (0) by default */
} PdPrintColumn;

void     pd_print_table_begin         (PdPrintLayout       *layout,
                                       const PdPrintColumn *columns,
                                       guint                n_columns);
/* @cells has one entry per column; NULL is an empty cell. */
void     pd_print_table_row           (PdPrintLayout      *layout,
                                       const char *const  *cells);
/* Empty rows to fill in by hand, @height points each (0: 22 pt). */
void     pd_print_table_blank_rows    (PdPrintLayout *layout,
                                       guint          n_rows,
                                       double         height);
/* A full-width row of the table (e.g. "（无）" or a subtotal). */
void     pd_print_table_note_row      (PdPrintLayout *layout,
                                       const char    *text);
void     pd_print_table_end           (PdPrintLayout *layout);

/* Signature lines side by side: "业主签字：＿＿＿＿  日期：＿年＿月＿日"
 * for each of @roles (translated role names: "业主", "经办人"). */
void     pd_print_signatures          (PdPrintLayout      *layout,
                                       const char *const  *roles,
                                       guint               n_roles);
/* A box for the office seal at the right of the frame, @label inside it
 * (e.g. "客户服务中心（盖章）"), @size points square (0: 40 mm). Does not
 * move the cursor when @beside is TRUE, so signatures can go next to it. */
void     pd_print_seal_area           (PdPrintLayout *layout,
                                       const char    *label,
                                       double         size,
                                       gboolean       beside);
/* A dashed line across the paper with a scissors mark and @label (e.g.
 * "第一联 存根 ✂ 第二联 门岗"), for two-part forms. */
void     pd_print_cut_line            (PdPrintLayout *layout,
                                       const char    *label);

/* Several cards per sheet (passes, labels): @columns × @rows cards per
 * page with dashed cut lines between them.  Each pd_print_card_next()
 * moves to the next card (a new page after the last one of a sheet) and
 * makes it the frame that blocks draw in. */
void     pd_print_cards_begin         (PdPrintLayout *layout,
                                       guint          columns,
                                       guint          rows);
void     pd_print_card_next           (PdPrintLayout *layout);
void     pd_print_cards_end           (PdPrintLayout *layout);

G_END_DECLS
