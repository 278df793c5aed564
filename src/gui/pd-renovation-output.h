/* pd-renovation-output.h — what leaves the Renovation tab on paper or as a
 * file: the five printed forms (print dialog with preview, or PDF through
 * it) and the month's workbook. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"

G_BEGIN_DECLS

typedef enum
{
  PD_RENOVATION_PRINTOUT_PERMIT,
  PD_RENOVATION_PRINTOUT_PASSES,
  PD_RENOVATION_PRINTOUT_PATROL_SHEET,
  PD_RENOVATION_PRINTOUT_NOTICE,
  PD_RENOVATION_PRINTOUT_REFUND,
} PdRenovationPrintout;

/* The Print menu: items activating "renovation.print-FORM" actions. */
GMenuModel *pd_renovation_output_print_menu (void);

/* Prints @form of @renovation_id (the notice: of @violation_id) through
 * the print dialog; problems are shown in a dialog on @parent. */
void pd_renovation_output_print  (GtkWidget        *parent,
                                  PdContext        *ctx,
                                  PdRenovationPrintout form,
                                  gint64            renovation_id,
                                  gint64            violation_id);
/* Asks where to save the workbook of @month ("YYYY-MM") and writes it. */
void pd_renovation_output_export (GtkWidget  *parent,
                                  PdContext  *ctx,
                                  const char *month);

G_END_DECLS
