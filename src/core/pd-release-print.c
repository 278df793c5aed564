/* pd-release-print.c — see pd-release-print.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-estate.h"
#include "pd-release-code.h"
#include "pd-release-print.h"

PdReleasePrint *
pd_release_print_new (PdContext  *ctx,
                      GPtrArray  *slips,
                      GError    **error)
{
  g_autoptr (PdReleasePrint) print = g_new0 (PdReleasePrint, 1);
  g_autofree char *now = pd_context_now_text (ctx);
  gint64 estate_id;

  g_return_val_if_fail (slips != NULL, NULL);

  estate_id = pd_estate_current_id (ctx, error);
  if (estate_id < 0)
    return NULL;
  print->estate_name = pd_estate_get_name (ctx, estate_id);
  /* Translators: the footer of printed slips; user name, date and time */
  print->footer = g_strdup_printf (_("Printed by %s at %.16s"), pd_context_get_user (ctx), now);
  print->slips = g_ptr_array_ref (slips);
  print->codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < slips->len; i++)
    {
      char *code = pd_release_code_compute (ctx, g_ptr_array_index (slips, i), error);
      if (code == NULL)
        return NULL;
      g_ptr_array_add (print->codes, code);
    }
  return g_steal_pointer (&print);
}

void
pd_release_print_free (PdReleasePrint *print)
{
  if (print == NULL)
    return;
  g_free (print->estate_name);
  g_free (print->footer);
  g_clear_pointer (&print->slips, g_ptr_array_unref);
  g_clear_pointer (&print->codes, g_ptr_array_unref);
  g_free (print);
}

char *
pd_release_print_title (const PdReleasePrint *print)
{
  const PdReleaseSlip *first, *last;

  if (print->slips->len == 0)
    return g_strdup (C_("release slip", "Release slips"));
  first = g_ptr_array_index (print->slips, 0);
  last = g_ptr_array_index (print->slips, print->slips->len - 1);
  if (print->slips->len == 1)
    /* Translators: %s is a serial number */
    return g_strdup_printf (_("Release slip %s"), first->serial);
  /* Translators: two serial numbers */
  return g_strdup_printf (_("Release slips %s to %s"), first->serial, last->serial);
}
