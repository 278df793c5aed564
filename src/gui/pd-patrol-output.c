/* pd-patrol-output.c — see pd-patrol-output.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-export-patrols.h"
#include "pd-form-patrol.h"
#include "pd-patrol-output.h"
#include "pd-patrol-print.h"
#include "pd-print-operation.h"
#include "pd-save-chooser.h"

static const char *const form_names[] = {
  [PD_PATROL_PRINTOUT_SHEET] = "sheet",
  [PD_PATROL_PRINTOUT_RECORD] = "record",
  [PD_PATROL_PRINTOUT_NOTICE] = "notice",
  [PD_PATROL_PRINTOUT_SUMMARY] = "summary",
};

gboolean
pd_patrol_printout_from_name (const char       *name,
                              PdPatrolPrintout *form)
{
  for (guint i = 0; i < G_N_ELEMENTS (form_names); i++)
    if (g_strcmp0 (name, form_names[i]) == 0)
      {
        *form = i;
        return TRUE;
      }
  return FALSE;
}

GMenuModel *
pd_patrol_output_print_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) print = g_menu_new ();
  g_autoptr (GMenu) pdf = g_menu_new ();
  const char *labels[] = {
    [PD_PATROL_PRINTOUT_SHEET] = NC_("patrol menu", "Round _sheet of the building"),
    [PD_PATROL_PRINTOUT_RECORD] = NC_("patrol menu", "Patrol _record"),
    [PD_PATROL_PRINTOUT_NOTICE] = NC_("patrol menu", "Rectification _notice"),
    [PD_PATROL_PRINTOUT_SUMMARY] = NC_("patrol menu", "_Monthly summary"),
  };
  const char *pdf_labels[] = {
    [PD_PATROL_PRINTOUT_SHEET] = NC_("patrol menu", "Round sheet as PDF…"),
    [PD_PATROL_PRINTOUT_RECORD] = NC_("patrol menu", "Patrol record as PDF…"),
    [PD_PATROL_PRINTOUT_NOTICE] = NC_("patrol menu", "Rectification notice as PDF…"),
    [PD_PATROL_PRINTOUT_SUMMARY] = NC_("patrol menu", "Monthly summary as PDF…"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (form_names); i++)
    {
      g_autofree char *print_action = g_strdup_printf ("patrol.print::%s", form_names[i]);
      g_autofree char *pdf_action = g_strdup_printf ("patrol.pdf::%s", form_names[i]);

      /* In context: "Rectification notice" alone is the renovation tab's
       * 违章整改通知单, not a patrol's 整改通知单. */
      g_menu_append (print, g_dpgettext2 (GETTEXT_PACKAGE, "patrol menu", labels[i]), print_action);
      g_menu_append (pdf, g_dpgettext2 (GETTEXT_PACKAGE, "patrol menu", pdf_labels[i]), pdf_action);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (print));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (pdf));
  return G_MENU_MODEL (menu);
}

static PdRenderer *
renderer_for (GtkWidget        *parent,
              PdContext        *ctx,
              PdPatrolPrintout  form,
              gint64            id,
              const char       *month)
{
  g_autoptr (GError) error = NULL;
  PdPatrolPrint *print = NULL;
  PdRenderFunc render = NULL;
  g_autofree char *title = NULL;

  switch (form)
    {
    case PD_PATROL_PRINTOUT_SHEET:
      print = pd_patrol_print_sheet (ctx, id, &error);
      render = (PdRenderFunc) pd_form_render_patrol_sheet;
      /* Translators: document title; %s is the building's code */
      title = print ? g_strdup_printf (_("Vacant unit patrol sheet, building %s"), print->building_code) : NULL;
      break;
    case PD_PATROL_PRINTOUT_RECORD:
      print = pd_patrol_print_record (ctx, id, &error);
      render = (PdRenderFunc) pd_form_render_patrol_record;
      /* Translators: document title; unit code and patrol date */
      title = print ? g_strdup_printf (_("Patrol record %s %s"), print->patrol->unit_code,
                                       print->patrol->patrolled_on) : NULL;
      break;
    case PD_PATROL_PRINTOUT_NOTICE:
      print = pd_patrol_print_notice (ctx, id, &error);
      render = (PdRenderFunc) pd_form_render_patrol_notice;
      /* Translators: document title; %s is the notice number */
      title = print ? g_strdup_printf (_("Rectification notice %s"), print->anomaly->notice_no) : NULL;
      break;
    case PD_PATROL_PRINTOUT_SUMMARY:
      print = pd_patrol_print_summary (ctx, month, &error);
      render = (PdRenderFunc) pd_form_render_patrol_summary;
      /* Translators: document title; %s is the month YYYY-MM */
      title = print ? g_strdup_printf (_("Patrol summary %s"), month) : NULL;
      break;
    default:
      g_assert_not_reached ();
    }
  if (print == NULL)
    {
      pd_show_error (parent, _("This form cannot be printed."), error);
      return NULL;
    }
  return pd_renderer_new (title, render, print, (GDestroyNotify) pd_patrol_print_free);
}

void
pd_patrol_output_print (GtkWidget        *parent,
                        PdContext        *ctx,
                        PdPatrolPrintout  form,
                        gint64            id,
                        const char       *month,
                        gboolean          to_pdf)
{
  PdRenderer *renderer = renderer_for (parent, ctx, form, id, month);
  g_autoptr (GError) error = NULL;

  if (renderer == NULL)
    return;
  if (to_pdf)
    {
      pd_save_chooser_pdf (parent, ctx, renderer, "patrol form", _("Save the Form as PDF"),
                           _("The file could not be written."));
      return;
    }
  if (!pd_print_operation_run (pd_save_chooser_window_of (parent), renderer, &error))
    pd_show_error (parent, _("Printing failed."), error);
  pd_renderer_unref (renderer);
}

void
pd_patrol_output_export (GtkWidget  *parent,
                         PdContext  *ctx,
                         const char *month)
{
  /* Translators: suggested file name of the month's workbook */
  g_autofree char *name = g_strdup_printf (_("patrols-%s.xlsx"), month);

  pd_save_chooser_monthly (parent, ctx, month, _("Export the Month’s Patrol Statistics"), _("_Save"), name,
                           _("The file could not be written."), pd_export_patrols);
}
