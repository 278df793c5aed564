/* pd-property-handover.c — property cases for handovers, their checklist,
 * meter readings and keys, and defects. */
#include "config.h"

#include "pd-handover-checklist.h"
#include "pd-handover-defect.h"
#include "pd-handover.h"
#include "pd-property-invalid.h"

static void
set (char       **member,
     const char  *value)
{
  g_free (*member);
  *member = g_strdup (value);
}

static gboolean
run_handover_start (PdProperty  *p,
                    int          broken,
                    const char **field,
                    GError     **error)
{
  g_autoptr (PdPerson) person = NULL;
  gint64 unit_id;
  gint64 owner_id = 0;
  const char *day = "2026-11-20";

  /* An unsold unit: its first handover makes the new owner. */
  unit_id = pd_property_query (p, "SELECT min(id) FROM unit WHERE state = 'unsold'");
  person = pd_person_new ();
  set (&person->name, pd_property_unique (p, "新业主"));
  switch (broken)
    {
    case 0:
      unit_id = pd_property_bad_id (p);
      *field = "unit|unit_code";
      break;
    case 1:
      /* Handed over already. */
      unit_id = pd_property_query (p, "SELECT min(unit_id) FROM handover WHERE status = 'closed'");
      *field = "unit";
      break;
    case 2:
      day = g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "2026-11-24";
      *field = "handover_on";
      break;
    case 3:
      owner_id = pd_property_missing_id (p);
      *field = "person";
      break;
    case 4:
      set (&person->mobile, pd_property_bad_phone (p));
      *field = "mobile";
      break;
    case 5:
      set (&person->name, pd_property_blank (p));
      *field = "name";
      break;
    }
  return pd_handover_start (p->ctx, unit_id, owner_id, person, day, error) > 0;
}

static gboolean
run_handover_save (PdProperty  *p,
                   int          broken,
                   const char **field,
                   GError     **error)
{
  g_autoptr (PdHandover) handover = pd_handover_get (p->ctx, p->handover_id, NULL);

  g_assert_nonnull (handover);
  switch (broken)
    {
    case 0:
      handover->id = pd_property_bad_id (p);
      *field = "handover";
      break;
    case 1:
      set (&handover->handover_on, g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "2027-01-01");
      *field = "handover_on";
      break;
    case 2:
      set (&handover->proxy_name, "代理人");
      set (&handover->proxy_id_number, pd_property_bad_prc_id (p));
      /* Junk starting with a letter reads as a passport number. */
      if (!g_ascii_isdigit (*handover->proxy_id_number))
        set (&handover->proxy_id_number, "110105194912310021");
      *field = "proxy_id_number";
      break;
    case 3:
      set (&handover->proxy_id_number, "11010519491231002X");
      set (&handover->proxy_name, pd_property_blank (p));
      *field = "proxy_name";
      break;
    case 4:
      set (&handover->docs_checked, pd_property_keep (p, g_strdup_printf ("id_copy,%s", pd_property_bad_choice (p))));
      if (g_str_equal (handover->docs_checked, "id_copy,"))
        set (&handover->docs_checked, "id_copy,passport_scan");
      *field = "docs_checked";
      break;
    case 5:
      set (&handover->agreements_signed, "nonexistent_agreement");
      *field = "agreements_signed";
      break;
    case 6:
      handover->house_keys = g_rand_boolean (p->rand) ? -g_rand_int_range (p->rand, 1, 1000)
                                                      : g_rand_int_range (p->rand, 100, G_MAXINT);
      *field = "house_keys";
      break;
    case 7:
      switch (g_rand_int_range (p->rand, 0, 3))
        {
        case 0: handover->water_milli = -g_rand_int_range (p->rand, 2, 1000000); break;
        case 1: handover->electricity_milli = -2; break;
        default: handover->gas_milli = G_MININT64; break;
        }
      *field = "readings";
      break;
    case 8:
      set (&handover->keys_handed_on, pd_property_bad_date (p));
      *field = "keys_handed_on";
      break;
    case 9:
      set (&handover->keys_handed_on, "2026-11-20");
      handover->house_keys = 2;
      set (&handover->keys_received_by, pd_property_blank (p));
      *field = "keys_received_by";
      break;
    }
  return pd_handover_save (p->ctx, handover, error);
}

static gboolean
run_check_set (PdProperty  *p,
               int          broken,
               const char **field,
               GError     **error)
{
  gint64 check_id = p->check_id;
  const char *result = "ok";
  const char *note = "";

  switch (broken)
    {
    case 0:
      result = g_rand_boolean (p->rand) ? NULL : pd_property_bad_choice (p);
      /* "" is "not yet answered", a valid result. */
      if (result != NULL && *result == '\0')
        result = "broken";
      *field = "result";
      break;
    case 1:
      result = "defect";
      note = pd_property_blank (p);
      *field = "note";
      break;
    case 2:
      check_id = pd_property_bad_id (p);
      *field = "checklist";
      break;
    }
  return pd_handover_check_set (p->ctx, check_id, result, note, error);
}

static gboolean
run_defect_add (PdProperty  *p,
                int          broken,
                const char **field,
                GError     **error)
{
  g_autoptr (PdHandoverDefect) defect = pd_handover_defect_new ();

  defect->handover_id = p->handover_id;
  set (&defect->room, "厨房");
  set (&defect->description, "墙面空鼓");
  switch (broken)
    {
    case 0:
      set (&defect->description, pd_property_blank (p));
      *field = "description";
      break;
    case 1:
      set (&defect->deadline, g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "2026-01-01");
      *field = "deadline";
      break;
    case 2:
      defect->handover_id = pd_property_bad_id (p);
      *field = "handover";
      break;
    case 3:
      /* Only while the inspection is in progress. */
      defect->handover_id = pd_property_query (p, "SELECT min(id) FROM handover WHERE status = 'closed'");
      *field = "defect";
      break;
    }
  return pd_handover_defect_add (p->ctx, defect, error) > 0;
}

static gboolean
run_defect_update (PdProperty  *p,
                   int          broken,
                   const char **field,
                   GError     **error)
{
  g_autoptr (PdHandoverDefect) defect = pd_handover_defect_get (p->ctx, p->defect_id, NULL);

  g_assert_nonnull (defect);
  set (&defect->deadline, "2026-12-31");
  switch (broken)
    {
    case 0:
      set (&defect->description, pd_property_blank (p));
      *field = "description";
      break;
    case 1:
      set (&defect->deadline, pd_property_bad_date (p));
      *field = "deadline";
      break;
    case 2:
      defect->id = pd_property_bad_id (p);
      *field = "defect";
      break;
    }
  return pd_handover_defect_update (p->ctx, defect, error);
}

static gboolean
run_reinspect (PdProperty  *p,
               int          broken,
               const char **field,
               GError     **error)
{
  gint64 defect_id = p->defect_id;
  const char *deadline = "2026-12-31";

  switch (broken)
    {
    case 0:
      deadline = g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "2026-11-01";
      *field = "deadline";
      break;
    case 1:
      defect_id = pd_property_bad_id (p);
      *field = "defect";
      break;
    }
  return pd_handover_reinspect (p->ctx, defect_id, FALSE, deadline, "仍有裂缝", error);
}

const PdPropertyCase pd_property_handover_cases[] = {
  { "pd_handover_start", run_handover_start, 6 },
  { "pd_handover_save", run_handover_save, 10 },
  { "pd_handover_check_set", run_check_set, 3 },
  { "pd_handover_defect_add", run_defect_add, 4 },
  { "pd_handover_defect_update", run_defect_update, 3 },
  { "pd_handover_reinspect", run_reinspect, 2 },
};
const guint pd_property_n_handover_cases = G_N_ELEMENTS (pd_property_handover_cases);
