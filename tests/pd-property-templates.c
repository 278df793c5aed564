/* pd-property-templates.c — property cases for the editable templates (the
 * handover checklist and the survey questionnaire) and the start of a
 * vacant-unit patrol round. */
#include "config.h"

#include "pd-handover-checklist.h"
#include "pd-patrol.h"
#include "pd-property-invalid.h"
#include "pd-survey-template.h"

static void
set (char       **member,
     const char  *value)
{
  g_free (*member);
  *member = g_strdup (value);
}

static gboolean
run_handover_template_set (PdProperty  *p,
                           int          broken,
                           const char **field,
                           GError     **error)
{
  static const char *const uses[] = { "residential", "shop", "office" };
  const char *use = uses[g_rand_int_range (p->rand, 0, G_N_ELEMENTS (uses))];
  g_autoptr (GPtrArray) items = pd_handover_template_list (p->ctx, use, NULL);
  guint line;

  g_assert_nonnull (items);
  g_ptr_array_add (items, pd_handover_check_new ("阳台", pd_property_unique (p, "地漏")));
  line = g_rand_int_range (p->rand, 0, items->len);
  switch (broken)
    {
    case 0:
      use = pd_property_bad_choice (p);
      *field = "use";
      break;
    case 1:
      g_ptr_array_set_size (items, 0);
      *field = "checklist";
      break;
    case 2:
      {
        PdHandoverCheck *check = items->pdata[line];
        set (g_rand_boolean (p->rand) ? &check->room : &check->item, pd_property_blank (p));
        *field = "checklist";
        break;
      }
    case 3:
      {
        PdHandoverCheck *check = items->pdata[line];
        /* The same room and item again, maybe with spaces around. */
        g_ptr_array_add (items, pd_handover_check_new (check->room, pd_property_keep (p, g_strdup_printf (" %s ", check->item))));
        *field = "checklist";
        break;
      }
    }
  return pd_handover_template_set (p->ctx, use, items, error);
}

static gboolean
run_survey_template_save (PdProperty  *p,
                          int          broken,
                          const char **field,
                          GError     **error)
{
  g_autoptr (PdSurveyTemplate) tmpl = pd_survey_template_get_current (p->ctx, NULL);
  guint n;

  g_assert_nonnull (tmpl);
  pd_survey_template_add_item (tmpl, pd_property_unique (p, "绿化养护 "));
  n = pd_survey_template_n_items (tmpl);
  switch (broken)
    {
    case 0:
      set (&tmpl->labels[g_rand_int_range (p->rand, 1, PD_SURVEY_SCALE_POINTS + 1)], pd_property_blank (p));
      *field = "labels";
      break;
    case 1:
      set (&tmpl->opinion_title, pd_property_blank (p));
      *field = "opinion_title";
      break;
    case 2:
      g_ptr_array_set_size (tmpl->items, 0);
      *field = "items";
      break;
    case 3:
      set (&((PdSurveyItem *) tmpl->items->pdata[g_rand_int_range (p->rand, 0, n)])->title, pd_property_blank (p));
      *field = "items";
      break;
    case 4:
      pd_survey_template_add_item (tmpl, pd_property_keep (p, g_strdup_printf ("  %s", pd_survey_template_item_title (tmpl, g_rand_int_range (p->rand, 0, n)))));
      *field = "items";
      break;
    }
  return pd_survey_template_save_version (p->ctx, tmpl, error) > 0;
}

static gboolean
run_patrol_round_start (PdProperty  *p,
                        int          broken,
                        const char **field,
                        GError     **error)
{
  g_autoptr (PdPatrolRound) round = NULL;
  gint64 building_id = p->building_id;
  const char *day = "2026-11-23";
  const char *inspector = "王巡查";

  switch (broken)
    {
    case 0:
      building_id = pd_property_bad_id (p);
      *field = "building";
      break;
    case 1:
      /* A date that is not one, or one still to come. */
      day = g_rand_boolean (p->rand) ? pd_property_bad_date (p) : "2026-11-24";
      *field = "patrolled_on";
      break;
    case 2:
      inspector = g_rand_boolean (p->rand) ? pd_property_blank (p) : pd_property_too_long (p, 50);
      *field = "inspector";
      break;
    }
  round = pd_patrol_round_start (p->ctx, building_id, day, inspector, g_rand_boolean (p->rand), error);
  return round != NULL;
}

const PdPropertyCase pd_property_template_cases[] = {
  { "pd_handover_template_set", run_handover_template_set, 4 },
  { "pd_survey_template_save_version", run_survey_template_save, 5 },
  { "pd_patrol_round_start", run_patrol_round_start, 3 },
};
const guint pd_property_n_template_cases = G_N_ELEMENTS (pd_property_template_cases);
