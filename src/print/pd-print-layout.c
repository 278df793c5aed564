/* pd-print-layout.c — the page flow, frames and text of pd-print-layout.h.
 * Grids, tables and the other blocks are in pd-print-blocks.c and
 * pd-print-table.c. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pd-print-layout-private.h"

/* Regular text is set in Noto Serif CJK SC (宋体-like, as Chinese office
 * forms are) and bold text in Noto Sans CJK SC (黑体-like).  Besides the
 * look, there is a reason: cairo 1.16's CFF subsetter (Debian 12) embeds a
 * blank glyph for 如 from Noto Sans CJK SC Regular, so a name like 王如意
 * would print incompletely; Serif Regular and Sans Bold embed every glyph
 * of U+4E00–U+9FAF correctly (checked with Ghostscript and Poppler).  The
 * generic family after the CJK one lets Latin-only systems and symbols such
 * as ☑ ✂ fall back instead of showing boxes. */
#define SERIF "Noto Serif CJK SC,Serif"
#define SANS  "Noto Sans CJK SC,Sans"

static const struct
{
  const char *family;
  double      size;
  PangoWeight weight;
} styles[] = {
  [PD_PRINT_STYLE_BODY] = { SERIF, 10.0, PANGO_WEIGHT_NORMAL },
  [PD_PRINT_STYLE_SMALL] = { SERIF, 8.0, PANGO_WEIGHT_NORMAL },
  [PD_PRINT_STYLE_LABEL] = { SERIF, 9.5, PANGO_WEIGHT_NORMAL },
  [PD_PRINT_STYLE_BOLD] = { SANS, 9.5, PANGO_WEIGHT_BOLD },
  [PD_PRINT_STYLE_HEADING] = { SANS, 10.5, PANGO_WEIGHT_BOLD },
  [PD_PRINT_STYLE_TITLE] = { SERIF, 20.0, PANGO_WEIGHT_BOLD },
  [PD_PRINT_STYLE_SUBTITLE] = { SERIF, 9.5, PANGO_WEIGHT_NORMAL },
  [PD_PRINT_STYLE_LARGE] = { SANS, 14.0, PANGO_WEIGHT_BOLD },
};

PangoFontDescription *
pd_print_style_font (PdPrintStyle style)
{
  PangoFontDescription *font = pango_font_description_new ();

  g_return_val_if_fail (style < G_N_ELEMENTS (styles), font);
  pango_font_description_set_family (font, styles[style].family);
  /* Absolute sizes are user-space units, i.e. points here, whatever
   * resolution the caller's PangoContext was made with. */
  pango_font_description_set_absolute_size (font, styles[style].size * PANGO_SCALE);
  pango_font_description_set_weight (font, styles[style].weight);
  return font;
}

/* The key of a laid-out text in PdPrintLayout.texts. */
typedef struct
{
  PdPrintStyle   style;
  int            width;   /* Pango units, -1 unwrapped */
  PangoAlignment align;
  char          *text;
} TextKey;

/* Enough for every text of a few pages; labels and headers that repeat
 * stay shaped across pages until the cache is cleared. */
#define TEXT_CACHE_SIZE 2048

static guint
text_key_hash (gconstpointer data)
{
  const TextKey *key = data;

  return g_str_hash (key->text) ^ ((guint) key->width * 31u) ^ ((guint) key->style << 24) ^
         ((guint) key->align << 28);
}

static gboolean
text_key_equal (gconstpointer a,
                gconstpointer b)
{
  const TextKey *x = a, *y = b;

  return x->style == y->style && x->width == y->width && x->align == y->align &&
         strcmp (x->text, y->text) == 0;
}

static void
text_key_free (gpointer data)
{
  TextKey *key = data;

  g_free (key->text);
  g_free (key);
}

PdPrintLayout *
pd_print_layout_begin (cairo_t      *cr,
                       PangoContext *pc,
                       double        width_pt,
                       double        height_pt)
{
  PdPrintLayout *layout;
  cairo_font_options_t *options;

  g_return_val_if_fail (cr != NULL && pc != NULL, NULL);
  layout = g_new0 (PdPrintLayout, 1);
  layout->cr = cr;
  layout->pc = g_object_ref (pc);
  layout->page_width = width_pt;
  layout->page_height = height_pt;
  layout->pass = pd_print_pass_get (cr);
  if (layout->pass == NULL)
    {
      layout->direct = TRUE;
      layout->pass = &layout->own_pass;
    }
  layout->page_numbers = TRUE;
  layout->frames = g_array_new (FALSE, FALSE, sizeof (PdPrintFrame));
  layout->texts = g_hash_table_new_full (text_key_hash, text_key_equal, text_key_free,
                                         g_object_unref);

  /* Unhinted metrics: the counting pass, the preview at screen scale and
   * the PDF must break lines and pages at exactly the same places. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pc, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (pc, FALSE);
  pango_cairo_update_context (cr, pc);

  pd_print_layout_set_margins (layout, 12 * PD_PRINT_MM, 15 * PD_PRINT_MM, 14 * PD_PRINT_MM,
                               15 * PD_PRINT_MM);
  return layout;
}

void
pd_print_layout_set_margins (PdPrintLayout *layout,
                             double         top,
                             double         right,
                             double         bottom,
                             double         left)
{
  layout->margin_top = top;
  layout->margin_right = right;
  layout->margin_bottom = bottom;
  layout->margin_left = left;
  layout->frame.x = left;
  layout->frame.width = layout->page_width - left - right;
  layout->frame.top = top;
  layout->frame.bottom = layout->page_height - bottom;
  layout->frame.y = top;
  layout->label_width = layout->frame.width * 0.16;
}

void
pd_print_layout_set_footer (PdPrintLayout *layout,
                            const char    *text)
{
  g_free (layout->footer);
  layout->footer = g_strdup (text);
}

void
pd_print_layout_set_page_numbers (PdPrintLayout *layout,
                                  gboolean       shown)
{
  layout->page_numbers = shown;
}

cairo_t *
pd_print_layout_get_cairo (PdPrintLayout *layout)
{
  return layout->cr;
}

PangoContext *
pd_print_layout_get_pango (PdPrintLayout *layout)
{
  return layout->pc;
}

gboolean
pd_print_layout_is_drawing (PdPrintLayout *layout)
{
  return layout->direct || layout->pass->target_page == PD_PRINT_ALL_PAGES ||
         layout->pass->target_page == (int) layout->page;
}

guint
pd_print_layout_get_page (PdPrintLayout *layout)
{
  return layout->page;
}

double
pd_print_layout_get_x (PdPrintLayout *layout)
{
  return layout->frame.x;
}

double
pd_print_layout_get_y (PdPrintLayout *layout)
{
  return layout->frame.y;
}

double
pd_print_layout_get_width (PdPrintLayout *layout)
{
  return layout->frame.width;
}

double
pd_print_layout_get_remaining (PdPrintLayout *layout)
{
  return layout->frame.bottom - layout->frame.y;
}

void
pd_print_layout_set_y (PdPrintLayout *layout,
                       double         y)
{
  layout->frame.y = y;
}

void
pd_print_layout_skip (PdPrintLayout *layout,
                      double         height)
{
  layout->frame.y += height;
}

static void
finish_page (PdPrintLayout *layout)
{
  double y = layout->page_height - layout->margin_bottom + 6;
  double x = layout->margin_left;
  double width = layout->page_width - layout->margin_left - layout->margin_right;

  if (!pd_print_layout_is_drawing (layout))
    return;
  cairo_save (layout->cr);
  cairo_set_source_rgb (layout->cr, 0.35, 0.35, 0.35);
  if (layout->footer != NULL)
    pd_print_text_at (layout, PD_PRINT_STYLE_SMALL, x, y, width * 0.6, PANGO_ALIGN_LEFT,
                      layout->footer);
  if (layout->page_numbers)
    {
      g_autofree char *number = NULL;

      if (layout->pass->n_pages > 0)
        /* Translators: page footer of printed forms, "第 1 页 / 共 3 页" */
        number = g_strdup_printf (_("Page %u of %u"), layout->page + 1, layout->pass->n_pages);
      else
        /* Translators: page footer when the page count is unknown */
        number = g_strdup_printf (_("Page %u"), layout->page + 1);
      pd_print_text_at (layout, PD_PRINT_STYLE_SMALL, x, y, width, PANGO_ALIGN_RIGHT, number);
    }
  cairo_restore (layout->cr);
}

void
pd_print_layout_page_break (PdPrintLayout *layout)
{
  if (layout->frames->len > 0)
    return;   /* frames (cards, half pages) never break */
  finish_page (layout);
  if (layout->direct || layout->pass->target_page == PD_PRINT_ALL_PAGES)
    cairo_show_page (layout->cr);
  layout->page++;
  layout->frame.y = layout->frame.top;
  if (layout->n_columns > 0)
    pd_print_layout_draw_table_header (layout);
}

gboolean
pd_print_layout_ensure_space (PdPrintLayout *layout,
                              double         height)
{
  if (layout->frames->len > 0 || layout->frame.y + height <= layout->frame.bottom + 0.01)
    return FALSE;
  /* A block taller than a whole page starts at the top and overflows
   * rather than looping on empty pages. */
  if (layout->frame.y <= layout->frame.top + 0.01)
    return FALSE;
  pd_print_layout_page_break (layout);
  return TRUE;
}

void
pd_print_layout_push_frame (PdPrintLayout *layout,
                            double         x,
                            double         y,
                            double         width,
                            double         height)
{
  g_array_append_val (layout->frames, layout->frame);
  layout->frame.x = x;
  layout->frame.width = width;
  layout->frame.top = y;
  layout->frame.bottom = y + height;
  layout->frame.y = y;
}

void
pd_print_layout_pop_frame (PdPrintLayout *layout)
{
  g_return_if_fail (layout->frames->len > 0);
  layout->frame = g_array_index (layout->frames, PdPrintFrame, layout->frames->len - 1);
  g_array_set_size (layout->frames, layout->frames->len - 1);
}

void
pd_print_layout_end (PdPrintLayout *layout)
{
  if (layout == NULL)
    return;
  if (layout->cards_open)
    pd_print_cards_end (layout);
  if (layout->n_columns > 0)
    pd_print_table_end (layout);
  while (layout->frames->len > 0)
    pd_print_layout_pop_frame (layout);
  finish_page (layout);
  layout->pass->pages_laid_out = layout->page + 1;
  g_array_unref (layout->frames);
  g_hash_table_unref (layout->texts);
  for (guint i = 0; i < G_N_ELEMENTS (layout->fonts); i++)
    g_clear_pointer (&layout->fonts[i], pango_font_description_free);
  g_object_unref (layout->pc);
  g_free (layout->footer);
  g_free (layout);
}

/* --- text ------------------------------------------------------------- */

/* @text laid out in @style, wrapped at @width (none when <= 0): a layout
 * owned by the cache, valid until the next text is laid out. */
static PangoLayout *
text_layout (PdPrintLayout *layout,
             PdPrintStyle   style,
             double         width,
             PangoAlignment align,
             const char    *text)
{
  TextKey key = { style, width > 0 ? (int) (width * PANGO_SCALE) : -1, align,
                  (char *) (text ? text : "") };
  PangoLayout *pl = g_hash_table_lookup (layout->texts, &key);
  TextKey *stored;

  if (pl != NULL)
    return pl;
  g_return_val_if_fail (style < G_N_ELEMENTS (layout->fonts), NULL);
  if (g_hash_table_size (layout->texts) >= TEXT_CACHE_SIZE)
    g_hash_table_remove_all (layout->texts);
  if (layout->fonts[style] == NULL)
    layout->fonts[style] = pd_print_style_font (style);
  pl = pango_layout_new (layout->pc);
  pango_layout_set_font_description (pl, layout->fonts[style]);
  if (key.width >= 0)
    {
      pango_layout_set_width (pl, key.width);
      pango_layout_set_wrap (pl, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (pl, align);
  if (style == PD_PRINT_STYLE_TITLE)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      /* Chinese form titles are set with wide letter spacing. */
      pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (5 * PANGO_SCALE));
      pango_layout_set_attributes (pl, attrs);
      pango_attr_list_unref (attrs);
    }
  pango_layout_set_text (pl, key.text, -1);
  stored = g_new (TextKey, 1);
  *stored = key;
  stored->text = g_strdup (key.text);
  g_hash_table_insert (layout->texts, stored, pl);
  return pl;
}

double
pd_print_text_height (PdPrintLayout *layout,
                      PdPrintStyle   style,
                      double         width,
                      const char    *text)
{
  int height;

  pango_layout_get_size (text_layout (layout, style, width, PANGO_ALIGN_LEFT, text), NULL,
                         &height);
  return (double) height / PANGO_SCALE;
}

double
pd_print_text_width (PdPrintLayout *layout,
                     PdPrintStyle   style,
                     const char    *text)
{
  int width;

  pango_layout_get_size (text_layout (layout, style, -1, PANGO_ALIGN_LEFT, text), &width, NULL);
  return (double) width / PANGO_SCALE;
}

double
pd_print_text_at (PdPrintLayout *layout,
                  PdPrintStyle   style,
                  double         x,
                  double         y,
                  double         width,
                  PangoAlignment align,
                  const char    *text)
{
  PangoLayout *pl = text_layout (layout, style, width, align, text);
  int height;

  pango_layout_get_size (pl, NULL, &height);
  if (pd_print_layout_is_drawing (layout))
    {
      cairo_move_to (layout->cr, x, y);
      pango_cairo_show_layout (layout->cr, pl);
    }
  return (double) height / PANGO_SCALE;
}

void
pd_print_rect (PdPrintLayout *layout,
               double         x,
               double         y,
               double         width,
               double         height,
               double         shade)
{
  cairo_t *cr = layout->cr;

  if (!pd_print_layout_is_drawing (layout))
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  if (shade < 1.0)
    {
      cairo_set_source_rgb (cr, shade, shade, shade);
      cairo_fill_preserve (cr);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, PD_PRINT_RULE);
  cairo_stroke (cr);
  cairo_restore (cr);
}

double
pd_print_cell_text_height (PdPrintLayout *layout,
                           PdPrintStyle   style,
                           double         width,
                           PangoAlignment align,
                           const char    *text)
{
  int height;

  pango_layout_get_size (text_layout (layout, style, width - 2 * PD_PRINT_PAD_X, align, text),
                         NULL, &height);
  return (double) height / PANGO_SCALE;
}

void
pd_print_cell_text (PdPrintLayout *layout,
                    PdPrintStyle   style,
                    double         x,
                    double         y,
                    double         width,
                    double         height,
                    PangoAlignment align,
                    const char    *text)
{
  double text_height;

  if (text == NULL || *text == '\0' || !pd_print_layout_is_drawing (layout))
    return;
  text_height = pd_print_cell_text_height (layout, style, width, align, text);
  pd_print_text_at (layout, style, x + PD_PRINT_PAD_X, y + (height - text_height) / 2,
                    width - 2 * PD_PRINT_PAD_X, align, text);
}

/* --- headings ---------------------------------------------------------- */

void
pd_print_title (PdPrintLayout *layout,
                const char    *title,
                const char    *subtitle,
                const char    *serial)
{
  PdPrintFrame *f = &layout->frame;

  if (title != NULL)
    {
      f->y += pd_print_text_at (layout, PD_PRINT_STYLE_TITLE, f->x, f->y, f->width,
                                PANGO_ALIGN_CENTER, title);
      f->y += 6;
    }
  if (subtitle != NULL || serial != NULL)
    {
      double height = 0;

      if (subtitle != NULL)
        height = pd_print_text_at (layout, PD_PRINT_STYLE_SUBTITLE, f->x, f->y, f->width,
                                   PANGO_ALIGN_LEFT, subtitle);
      if (serial != NULL)
        {
          /* Translators: serial number of a printed form, "编号：%s" */
          g_autofree char *text = g_strdup_printf (_("No. %s"), serial);
          /* Not inside MAX(), which evaluates the larger argument twice:
           * the serial was drawn twice, one copy over the other. */
          double serial_height = pd_print_text_at (layout, PD_PRINT_STYLE_SUBTITLE, f->x, f->y,
                                                   f->width, PANGO_ALIGN_RIGHT, text);

          height = MAX (height, serial_height);
        }
      f->y += height + 4;
    }
}

void
pd_print_section (PdPrintLayout *layout,
                  const char    *heading)
{
  PdPrintFrame *f = &layout->frame;
  double inner = f->width - 2 * PD_PRINT_PAD_X;
  double height = pd_print_text_height (layout, PD_PRINT_STYLE_HEADING, inner, heading) +
                  2 * PD_PRINT_PAD_Y;

  /* Keep the heading with at least one row of what it introduces. */
  pd_print_layout_ensure_space (layout, height + 2 * PD_PRINT_ROW_MIN);
  pd_print_rect (layout, f->x, f->y, f->width, height, PD_PRINT_SHADE_DARK);
  pd_print_text_at (layout, PD_PRINT_STYLE_HEADING, f->x + PD_PRINT_PAD_X, f->y + PD_PRINT_PAD_Y,
                    inner, PANGO_ALIGN_LEFT, heading);
  f->y += height;
}

void
pd_print_paragraph (PdPrintLayout *layout,
                    PdPrintStyle   style,
                    const char    *text)
{
  PdPrintFrame *f = &layout->frame;
  double height = pd_print_text_height (layout, style, f->width, text);

  pd_print_layout_ensure_space (layout, height);
  f->y += pd_print_text_at (layout, style, f->x, f->y, f->width, PANGO_ALIGN_LEFT, text);
}
