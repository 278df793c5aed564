/* pd-patrol-output.h — what leaves the Vacant-Unit Patrols tab on paper or
 * as a file: the four patrol forms through the print dialog (with its
 * preview) or straight to PDF, and the month's statistics workbook. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

typedef enum
{
  PD_PATROL_PRINTOUT_SHEET,    /* @id: a building */
  PD_PATROL_PRINTOUT_RECORD,   /* @id: a patrol */
  PD_PATROL_PRINTOUT_NOTICE,   /* @id: an anomaly */
  PD_PATROL_PRINTOUT_SUMMARY,  /* @month */
} PdPatrolPrintout;

/* "sheet", "record", "notice", "summary" → the form. */
gboolean    pd_patrol_printout_from_name (const char       *name,
                                          PdPatrolPrintout *form);
/* The Print menu: "patrol.print::FORM" and "patrol.pdf::FORM" items. */
GMenuModel *pd_patrol_output_print_menu  (void);
/* Prints @form through the print dialog, or with @to_pdf asks for a file
 * name and writes the PDF.  Problems are shown in a dialog on @parent. */
void        pd_patrol_output_print       (GtkWidget        *parent,
                                          PdContext        *ctx,
                                          PdPatrolPrintout  form,
                                          gint64            id,
                                          const char       *month,
                                          gboolean          to_pdf);
/* Asks where to save the statistics workbook of @month ("YYYY-MM") and
 * writes it. */
void        pd_patrol_output_export      (GtkWidget        *parent,
                                          PdContext        *ctx,
                                          const char       *month);

G_END_DECLS
