/* pd-handover-output.h — what leaves the Handovers tab: its forms printed
 * (with the print dialog's preview) or saved as PDF, and the register
 * exported as a workbook.  PDFs and workbooks are logged as exports of
 * personal data. */
#pragma once

#include <gtk/gtk.h>

#include "pd-context.h"
#include "pd-form-handover.h"

G_BEGIN_DECLS

/* "acceptance", "notice", "receipt" → the form. */
gboolean pd_handover_form_from_name  (const char     *name,
                                      PdHandoverForm *form);
void     pd_handover_output_print    (GtkWidget      *parent,
                                      PdContext      *ctx,
                                      gint64          handover_id,
                                      PdHandoverForm  form);
/* Asks for a file name, then writes the PDF. */
void     pd_handover_output_save_pdf (GtkWidget      *parent,
                                      PdContext      *ctx,
                                      gint64          handover_id,
                                      PdHandoverForm  form);
/* Asks for a file name, then writes the register of handovers dated from
 * @from_day to before @before_day (NULL: no limit). */
void     pd_handover_output_export   (GtkWidget      *parent,
                                      PdContext      *ctx,
                                      const char     *from_day,
                                      const char     *before_day);

G_END_DECLS
