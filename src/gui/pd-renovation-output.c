/* pd-renovation-output.c — see pd-renovation-output.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-calendar.h"
#include "pd-export-renovation.h"
#include "pd-form-renovation.h"
#include "pd-print-operation.h"
#include "pd-renovation-output.h"
#include "pd-renovation-print.h"
#include "pd-save-chooser.h"

GMenuModel *
pd_renovation_output_print_menu (void)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _("Renovation _permit"), "renovation.print-permit");
  g_menu_append (menu, _("Worker _passes"), "renovation.print-passes");
  g_menu_append (menu, _("Today’s patrol _sheet"), "renovation.print-patrol-sheet");
  g_menu_append (menu, _("Rectification _notice"), "renovation.print-notice");
  g_menu_append (menu, _("Deposit _refund slip"), "renovation.print-refund");
  return G_MENU_MODEL (menu);
}

void
pd_renovation_output_print (GtkWidget            *parent,
                            PdContext            *ctx,
                            PdRenovationPrintout  form,
                            gint64                renovation_id,
                            gint64                violation_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdRenderer) renderer = NULL;
  PdRenovationPrint *print = NULL;
  PdRenderFunc render = NULL;
  const char *title = NULL;

  switch (form)
    {
    case PD_RENOVATION_PRINTOUT_PERMIT:
      print = pd_renovation_print_permit (ctx, renovation_id, &error);
      render = (PdRenderFunc) pd_form_render_renovation_permit;
      title = _("Renovation permit");
      break;
    case PD_RENOVATION_PRINTOUT_PASSES:
      print = pd_renovation_print_passes (ctx, renovation_id, &error);
      render = (PdRenderFunc) pd_form_render_renovation_passes;
      title = _("Renovation passes");
      break;
    case PD_RENOVATION_PRINTOUT_PATROL_SHEET:
      print = pd_renovation_print_patrol_sheet (ctx, &error);
      render = (PdRenderFunc) pd_form_render_renovation_patrol_sheet;
      title = _("Renovation patrol sheet");
      break;
    case PD_RENOVATION_PRINTOUT_NOTICE:
      print = pd_renovation_print_violation (ctx, violation_id, &error);
      render = (PdRenderFunc) pd_form_render_renovation_notice;
      title = _("Rectification notice");
      break;
    case PD_RENOVATION_PRINTOUT_REFUND:
      print = pd_renovation_print_refund (ctx, renovation_id, &error);
      render = (PdRenderFunc) pd_form_render_renovation_refund;
      title = _("Deposit refund slip");
      break;
    default:
      g_assert_not_reached ();
    }
  if (print == NULL)
    {
      pd_show_error (parent, _("This form cannot be printed."), error);
      return;
    }
  renderer = pd_renderer_new (title, render, print, (GDestroyNotify) pd_renovation_print_free);
  if (!pd_print_operation_run (GTK_WINDOW (gtk_widget_get_root (parent)), renderer, &error))
    pd_show_error (parent, _("Printing failed."), error);
}

static gboolean
write_month (PdContext  *ctx,
             const char *month,
             const char *path,
             GError    **error)
{
  g_autofree char *first = NULL, *next = NULL;

  return pd_month_range (month, &first, &next, error) &&
         pd_export_renovations (ctx, first, next, path, NULL, error);
}

void
pd_renovation_output_export (GtkWidget  *parent,
                             PdContext  *ctx,
                             const char *month)
{
  /* Translators: suggested file name of the month's workbook */
  g_autofree char *name = g_strdup_printf (_("renovations-%s.xlsx"), month);

  pd_save_chooser_monthly (parent, ctx, month, _("Export the Month’s Renovations"), _("_Export"), name,
                           _("The workbook could not be written."), write_month);
}
