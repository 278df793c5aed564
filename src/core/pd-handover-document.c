/* pd-handover-document.c — see pd-handover-document.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-handover-checklist.h"
#include "pd-handover-defect.h"
#include "pd-handover-document.h"

void
pd_handover_document_free (PdHandoverDocument *document)
{
  if (document == NULL)
    return;
  g_clear_pointer (&document->handover, pd_handover_free);
  g_clear_pointer (&document->checks, g_ptr_array_unref);
  g_clear_pointer (&document->defects, g_ptr_array_unref);
  g_free (document->estate_name);
  g_free (document->printed_by);
  g_free (document->printed_at);
  g_free (document);
}

PdHandoverDocument *
pd_handover_document_load (PdContext *ctx,
                           gint64     handover_id,
                           GError   **error)
{
  g_autoptr (PdHandoverDocument) document = g_new0 (PdHandoverDocument, 1);
  g_autoptr (PdUnit) unit = NULL;
  g_autofree char *now = pd_context_now_text (ctx);

  document->handover = pd_handover_get (ctx, handover_id, error);
  if (document->handover == NULL)
    return NULL;
  unit = pd_unit_get (ctx, document->handover->unit_id, error);
  document->checks = pd_handover_check_list (ctx, handover_id, error);
  if (unit == NULL || document->checks == NULL)
    return NULL;
  document->defects = pd_handover_defect_list (ctx, handover_id, error);
  if (document->defects == NULL)
    return NULL;
  document->estate_name = pd_estate_get_name (ctx, unit->estate_id);
  document->gross_area = unit->gross_area;
  document->printed_by = g_strdup (pd_context_get_user (ctx));
  document->printed_at = g_strndup (now, 16);
  return g_steal_pointer (&document);
}

PdHandoverDocument *
pd_handover_document_load_unit (PdContext  *ctx,
                                const char *unit_code,
                                GError    **error)
{
  g_autoptr (PdUnit) unit = NULL;
  g_autoptr (PdHandover) handover = NULL;
  g_autoptr (GError) local = NULL;
  gint64 estate_id;

  estate_id = pd_estate_current_id (ctx, error);
  if (estate_id < 0)
    return NULL;
  unit = pd_unit_find (ctx, estate_id, unit_code, error);
  if (unit == NULL)
    return NULL;
  handover = pd_handover_find_for_unit (ctx, unit->id, &local);
  if (handover == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        pd_set_field_error (error, PD_VALIDATION_ERROR_NOT_FOUND, "unit",
                            /* Translators: %s is a unit code */
                            _("Unit %s has no handover yet."), unit->code);
      return NULL;
    }
  return pd_handover_document_load (ctx, handover->id, error);
}
