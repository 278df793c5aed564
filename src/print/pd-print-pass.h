/* pd-print-pass.h — private to src/print: how PdRenderer tells a flow of
 * pd-print-layout blocks which page to draw.  The pass rides on the cairo_t
 * as user data, so renderers keep the house signature with no page
 * argument. */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int   target_page;     /* page to draw, -1 to lay out only, or
                          * PD_PRINT_ALL_PAGES */
  guint n_pages;         /* known total for "共 M 页", 0 when unknown */
  guint pages_laid_out;  /* set by pd_print_layout_end() */
} PdPrintPass;

/* Every page in one pass, each shown at its break (a PDF file): drawing
 * page after page by target_page lays the document out again for each, so
 * N pages cost N² blocks (1,000 release slips took minutes). */
#define PD_PRINT_ALL_PAGES (-2)

void         pd_print_pass_attach (cairo_t     *cr,
                                   PdPrintPass *pass);
void         pd_print_pass_detach (cairo_t     *cr);
PdPrintPass *pd_print_pass_get    (cairo_t     *cr);

G_END_DECLS
