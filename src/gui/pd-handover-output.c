/* pd-handover-output.c — see pd-handover-output.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-application.h"
#include "pd-export-handovers.h"
#include "pd-handover-output.h"
#include "pd-print-operation.h"
#include "pd-save-chooser.h"

static const char *const form_names[] = {
  [PD_HANDOVER_FORM_ACCEPTANCE] = "acceptance",
  [PD_HANDOVER_FORM_NOTICE] = "notice",
  [PD_HANDOVER_FORM_KEY_RECEIPT] = "receipt",
};

gboolean
pd_handover_form_from_name (const char     *name,
                            PdHandoverForm *form)
{
  for (guint i = 0; i < G_N_ELEMENTS (form_names); i++)
    if (g_strcmp0 (name, form_names[i]) == 0)
      {
        *form = i;
        return TRUE;
      }
  return FALSE;
}

static PdRenderer *
renderer_for (GtkWidget     *parent,
              PdContext     *ctx,
              gint64         handover_id,
              PdHandoverForm form)
{
  g_autoptr (GError) error = NULL;
  PdHandoverDocument *document = pd_handover_document_load (ctx, handover_id, &error);

  if (document == NULL)
    {
      pd_show_error (parent, C_("handover", "The handover could not be read"), error);
      return NULL;
    }
  return pd_form_handover_renderer (form, document);
}

void
pd_handover_output_print (GtkWidget     *parent,
                          PdContext     *ctx,
                          gint64         handover_id,
                          PdHandoverForm form)
{
  g_autoptr (PdRenderer) renderer = renderer_for (parent, ctx, handover_id, form);
  g_autoptr (GError) error = NULL;

  if (renderer != NULL && !pd_print_operation_run (pd_save_chooser_window_of (parent), renderer, &error))
    pd_show_error (parent, C_("handover", "The form could not be printed"), error);
}

typedef struct
{
  PdContext *ctx;
  char      *from_day;
  char      *before_day;
} RegisterExport;

static void
register_export_free (RegisterExport *export)
{
  g_object_unref (export->ctx);
  g_free (export->from_day);
  g_free (export->before_day);
  g_free (export);
}

static gboolean
write_register (const char *path,
                gpointer    data,
                GError    **error)
{
  RegisterExport *export = data;

  return pd_export_handovers (export->ctx, export->from_day, export->before_day, path, NULL, NULL, error);
}

void
pd_handover_output_save_pdf (GtkWidget     *parent,
                             PdContext     *ctx,
                             gint64         handover_id,
                             PdHandoverForm form)
{
  PdRenderer *renderer = renderer_for (parent, ctx, handover_id, form);

  if (renderer != NULL)
    pd_save_chooser_pdf (parent, ctx, renderer, "handover", C_("handover", "Save the form as PDF"),
                         C_("handover", "The file could not be written"));
}

void
pd_handover_output_export (GtkWidget  *parent,
                           PdContext  *ctx,
                           const char *from_day,
                           const char *before_day)
{
  RegisterExport *export = g_new0 (RegisterExport, 1);
  g_autofree char *month = from_day ? g_strndup (from_day, 7) : NULL;
  g_autofree char *name = NULL;

  export->ctx = g_object_ref (ctx);
  export->from_day = g_strdup (from_day);
  export->before_day = g_strdup (before_day);
  /* Translators: file name of the exported register; %s is YYYY-MM or "all" */
  name = g_strdup_printf (C_("handover", "Handover register %s.xlsx"), month ? month : C_("handover", "all"));
  pd_save_chooser_show (parent, C_("handover", "Export the handover register"), C_("handover", "_Save"), name,
                        C_("handover", "The file could not be written"), write_register, export,
                        (GDestroyNotify) register_export_free);
}
