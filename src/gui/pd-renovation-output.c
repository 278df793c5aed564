/* pd-renovation-output.c — see pd-renovation-output.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "pd-application.h"
#include "pd-export-renovation.h"
#include "pd-form-renovation.h"
#include "pd-print-operation.h"
#include "pd-renovation-output.h"
#include "pd-renovation-print.h"

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

typedef struct
{
  GtkWidget *parent;
  PdContext *ctx;
  char      *month;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->parent);
  g_object_unref (export->ctx);
  g_free (export->month);
  g_free (export);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    Export          *export)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *first = NULL, *next = NULL;
  g_autoptr (GError) error = NULL;
  int year = 0, month = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path != NULL && sscanf (export->month, "%d-%d", &year, &month) == 2)
    {
      first = g_strdup_printf ("%04d-%02d-01", year, month);
      next = month == 12 ? g_strdup_printf ("%04d-01-01", year + 1) : g_strdup_printf ("%04d-%02d-01", year, month + 1);
      if (!pd_export_renovations (export->ctx, first, next, path, NULL, &error))
        pd_show_error (export->parent, _("The workbook could not be written."), error);
    }
  g_object_unref (chooser);
  export_free (export);
}

void
pd_renovation_output_export (GtkWidget  *parent,
                             PdContext  *ctx,
                             const char *month)
{
  GtkFileChooserNative *chooser;
  Export *export = g_new0 (Export, 1);
  /* Translators: suggested file name of the month's workbook */
  g_autofree char *name = g_strdup_printf (_("renovations-%s.xlsx"), month);

  export->parent = g_object_ref (parent);
  export->ctx = g_object_ref (ctx);
  export->month = g_strdup (month);
  chooser = gtk_file_chooser_native_new (_("Export the Month’s Renovations"),
                                         GTK_WINDOW (gtk_widget_get_root (parent)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
