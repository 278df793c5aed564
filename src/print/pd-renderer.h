/* pd-renderer.h — one printable document: a form renderer plus its record.
 *
 * The same PdRenderer feeds the PDF writer (pd-pdf.h), the print dialog
 * (pd-print-operation.h) and the preview: each asks for the page count,
 * then for page N.  Renderers built with pd-print-layout.h are multi-page
 * without any effort of their own.
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* The house signature of a form renderer: pd_form_render_<form>. */
typedef void (*PdRenderFunc) (cairo_t      *cr,
                              PangoContext *pc,
                              double        width_pt,
                              double        height_pt,
                              gconstpointer record);

typedef struct _PdRenderer PdRenderer;

/* @title is the document's title (PDF metadata, print job name).  The
 * renderer owns @record and frees it with @record_free (may be NULL). */
PdRenderer *pd_renderer_new         (const char     *title,
                                     PdRenderFunc    render,
                                     gpointer        record,
                                     GDestroyNotify  record_free);
PdRenderer *pd_renderer_ref         (PdRenderer     *self);
void        pd_renderer_unref       (PdRenderer     *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdRenderer, pd_renderer_unref)

const char *pd_renderer_get_title   (PdRenderer     *self);
/* For a document whose page count is known without laying it out (one
 * sheet per release slip): pd_renderer_count_pages() returns @n_pages at
 * once instead of running the whole flow, which costs as much as drawing
 * it.  Only for forms that print no "of M pages" a wrong count would spoil
 * and whose pages cannot overflow. */
void        pd_renderer_set_n_pages (PdRenderer     *self,
                                     guint           n_pages);

/* Lays the whole document out without drawing; @cr may be NULL (a scratch
 * surface is used), @pc is the context later pages are drawn with. */
guint       pd_renderer_count_pages (PdRenderer     *self,
                                     cairo_t        *cr,
                                     PangoContext   *pc,
                                     double          width_pt,
                                     double          height_pt);
/* Draws page @page (0-based) of @n_pages (from count_pages; page numbers
 * print "共 M 页" with it). Does not call cairo_show_page(). */
void        pd_renderer_draw_page   (PdRenderer     *self,
                                     cairo_t        *cr,
                                     PangoContext   *pc,
                                     double          width_pt,
                                     double          height_pt,
                                     guint           page,
                                     guint           n_pages);
/* Draws all @n_pages in one pass, calling cairo_show_page() between pages
 * but not after the last: for a PDF, where page after page by
 * pd_renderer_draw_page would lay the document out once per page. */
void        pd_renderer_draw_all    (PdRenderer     *self,
                                     cairo_t        *cr,
                                     PangoContext   *pc,
                                     double          width_pt,
                                     double          height_pt,
                                     guint           n_pages);

G_END_DECLS
