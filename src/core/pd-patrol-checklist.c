/* pd-patrol-checklist.c — see pd-patrol-checklist.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-patrol-checklist.h"
#include "pd-settings.h"

/* DOMAIN §4 defaults (000 L2109–2121, L1849–1861), with the anomaly a
 * problem on the item reports. */
static const struct
{
  const char *key;
  const char *label;
  const char *short_label;
  const char *kind;
} builtin_items[] = {
  { "door_surface", NC_("patrol checklist", "Entry door surface"), NC_("patrol checklist", "Door surface"), "damage" },
  { "door_lock", NC_("patrol checklist", "Door lock"), NC_("patrol checklist", "Lock"), "damage" },
  { "walls", NC_("patrol checklist", "Walls"), NC_("patrol checklist", "Walls"), "damage" },
  { "leak", NC_("patrol checklist", "Ceiling and floor: leakage or seepage"), NC_("patrol checklist", "Leakage"), "leak" },
  { "pipes", NC_("patrol checklist", "Pipes"), NC_("patrol checklist", "Pipes"), "leak" },
  { "windows", NC_("patrol checklist", "Windows, glass, handles, rods"), NC_("patrol checklist", "Windows"), "damage" },
  { "intercom", NC_("patrol checklist", "Video intercom"), NC_("patrol checklist", "Intercom"), "damage" },
  { "gas_meter", NC_("patrol checklist", "Gas meter"), NC_("patrol checklist", "Gas meter"), "damage" },
  { "occupation", NC_("patrol checklist", "Unauthorised occupation"), NC_("patrol checklist", "Occupied?"), "occupation" },
  { "cleanliness", NC_("patrol checklist", "Cleanliness (dirty: arrange cleaning)"), NC_("patrol checklist", "Clean"), "dirty" },
  { "closed_on_leaving", NC_("patrol checklist", "Doors and windows closed on leaving"), NC_("patrol checklist", "Closed"), "other" },
};

static int
builtin_index (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_items); i++)
    if (g_strcmp0 (key, builtin_items[i].key) == 0)
      return (int) i;
  return -1;
}

void
pd_patrol_check_item_free (PdPatrolCheckItem *item)
{
  g_free (item->key);
  g_free (item->label);
  g_free (item->short_label);
  g_free (item);
}

GPtrArray *
pd_patrol_checklist (PdContext *ctx)
{
  g_autofree char *value = pd_settings_get_text (ctx, "patrol.checklist", "");
  g_auto (GStrv) parts = g_strsplit (value, "|", -1);
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_patrol_check_item_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *key = g_strstrip (parts[i]);
      int builtin = builtin_index (key);
      PdPatrolCheckItem *item;

      if (*key == '\0')
        continue;
      item = g_new0 (PdPatrolCheckItem, 1);
      item->key = g_strdup (key);
      item->label = g_strdup (pd_patrol_item_label (key));
      item->short_label = g_strdup (builtin >= 0 ? g_dpgettext2 (GETTEXT_PACKAGE, "patrol checklist", builtin_items[builtin].short_label) : key);
      g_ptr_array_add (items, item);
    }
  return items;
}

const char *
pd_patrol_item_label (const char *key)
{
  int builtin = builtin_index (key);
  return builtin >= 0 ? g_dpgettext2 (GETTEXT_PACKAGE, "patrol checklist", builtin_items[builtin].label) : key;
}

const char *
pd_patrol_item_anomaly_kind (const char *key)
{
  int builtin = builtin_index (key);
  return builtin >= 0 ? builtin_items[builtin].kind : "other";
}
