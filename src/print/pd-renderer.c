/* pd-renderer.c — see pd-renderer.h. */
#include "config.h"

#include "pd-print-pass.h"
#include "pd-renderer.h"

struct _PdRenderer
{
  gatomicrefcount ref_count;
  char           *title;
  PdRenderFunc    render;
  gpointer        record;
  GDestroyNotify  record_free;
  guint           n_pages;   /* known in advance, or 0 */
};

static const cairo_user_data_key_t pass_key;

void
pd_print_pass_attach (cairo_t     *cr,
                      PdPrintPass *pass)
{
  cairo_set_user_data (cr, &pass_key, pass, NULL);
}

void
pd_print_pass_detach (cairo_t *cr)
{
  cairo_set_user_data (cr, &pass_key, NULL, NULL);
}

PdPrintPass *
pd_print_pass_get (cairo_t *cr)
{
  return cr ? cairo_get_user_data (cr, &pass_key) : NULL;
}

PdRenderer *
pd_renderer_new (const char     *title,
                 PdRenderFunc    render,
                 gpointer        record,
                 GDestroyNotify  record_free)
{
  PdRenderer *self;

  g_return_val_if_fail (render != NULL, NULL);
  self = g_new0 (PdRenderer, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->title = g_strdup (title ? title : "");
  self->render = render;
  self->record = record;
  self->record_free = record_free;
  return self;
}

PdRenderer *
pd_renderer_ref (PdRenderer *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pd_renderer_unref (PdRenderer *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  if (self->record_free)
    self->record_free (self->record);
  g_free (self->title);
  g_free (self);
}

const char *
pd_renderer_get_title (PdRenderer *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

void
pd_renderer_set_n_pages (PdRenderer *self,
                         guint       n_pages)
{
  g_return_if_fail (self != NULL);
  self->n_pages = n_pages;
}

static void
run_pass (PdRenderer   *self,
          cairo_t      *cr,
          PangoContext *pc,
          double        width_pt,
          double        height_pt,
          PdPrintPass  *pass)
{
  cairo_save (cr);
  pd_print_pass_attach (cr, pass);
  self->render (cr, pc, width_pt, height_pt, self->record);
  pd_print_pass_detach (cr);
  cairo_restore (cr);
}

guint
pd_renderer_count_pages (PdRenderer   *self,
                         cairo_t      *cr,
                         PangoContext *pc,
                         double        width_pt,
                         double        height_pt)
{
  PdPrintPass pass = { .target_page = -1 };
  cairo_surface_t *scratch = NULL;
  cairo_t *scratch_cr = NULL;

  g_return_val_if_fail (self != NULL && pc != NULL, 0);
  if (self->n_pages > 0)
    return self->n_pages;
  if (cr == NULL)
    {
      /* Nothing is drawn while counting; the surface only anchors the pass. */
      scratch = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      scratch_cr = cairo_create (scratch);
      cr = scratch_cr;
    }
  run_pass (self, cr, pc, width_pt, height_pt, &pass);
  g_clear_pointer (&scratch_cr, cairo_destroy);
  g_clear_pointer (&scratch, cairo_surface_destroy);
  return MAX (pass.pages_laid_out, 1);
}

void
pd_renderer_draw_page (PdRenderer   *self,
                       cairo_t      *cr,
                       PangoContext *pc,
                       double        width_pt,
                       double        height_pt,
                       guint         page,
                       guint         n_pages)
{
  PdPrintPass pass = { .target_page = (int) page, .n_pages = n_pages };

  g_return_if_fail (self != NULL && cr != NULL && pc != NULL);
  run_pass (self, cr, pc, width_pt, height_pt, &pass);
}

void
pd_renderer_draw_all (PdRenderer   *self,
                      cairo_t      *cr,
                      PangoContext *pc,
                      double        width_pt,
                      double        height_pt,
                      guint         n_pages)
{
  PdPrintPass pass = { .target_page = PD_PRINT_ALL_PAGES, .n_pages = n_pages };

  g_return_if_fail (self != NULL && cr != NULL && pc != NULL);
  run_pass (self, cr, pc, width_pt, height_pt, &pass);
}
