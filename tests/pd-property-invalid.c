/* pd-property-invalid.c — see pd-property-invalid.h: the generators of
 * invalid values and the demo records the cases start from. */
#include "config.h"

#include "pd-property-invalid.h"

const char *
pd_property_keep (PdProperty *p,
                  char       *text)
{
  g_ptr_array_add (p->strings, text);
  return text;
}

static const char *
pick (PdProperty         *p,
      const char *const  *choices,
      guint               n)
{
  return choices[g_rand_int_range (p->rand, 0, n)];
}

/* Random printable junk with at least one letter, so it is never a number,
 * a date or a phone number. */
static char *
junk (PdProperty *p)
{
  static const char *const bits[] = { "x", "Q", "中", "#", "7", "-", "年", "!", "ab", " ", "é", "\t" };
  GString *out = g_string_new ("z");

  for (int i = g_rand_int_range (p->rand, 0, 8); i > 0; i--)
    g_string_append (out, bits[g_rand_int_range (p->rand, 0, G_N_ELEMENTS (bits))]);
  return g_string_free (out, FALSE);
}

const char *
pd_property_bad_date (PdProperty *p)
{
  static const char *const fixed[] = {
    "2026-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-32",
    "0000-00-00", "26-1", "2026-1-", "20261", "yesterday", "2026/02/30", "2026年2月30日",
    "-2026-01-01", "2026-01-01x",
  };

  switch (g_rand_int_range (p->rand, 0, 3))
    {
    case 0:
      return pick (p, fixed, G_N_ELEMENTS (fixed));
    case 1:
      return pd_property_keep (p, g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (p->rand, 1990, 2100),
                                                   g_rand_int_range (p->rand, 13, 100),
                                                   g_rand_int_range (p->rand, 1, 29)));
    default:
      return pd_property_keep (p, junk (p));
    }
}

const char *
pd_property_blank (PdProperty *p)
{
  static const char *const blanks[] = { "", " ", "   ", "\t", " \n ", NULL };

  return pick (p, blanks, G_N_ELEMENTS (blanks));
}

const char *
pd_property_bad_phone (PdProperty *p)
{
  static const char *const fixed[] = { "1", "12", "123456", "1380013800", "138001380000", "23800138000",
                                       "phone", "138-0013-800x", "+86 138", "00000000000000000000000" };

  if (g_rand_boolean (p->rand))
    return pick (p, fixed, G_N_ELEMENTS (fixed));
  return pd_property_keep (p, junk (p));
}

/* Well-formed resident ID numbers with a wrong check digit, impossible
 * birthdays, wrong lengths or letters in them. */
const char *
pd_property_bad_prc_id (PdProperty *p)
{
  static const char *const fixed[] = {
    "110105194912310021", "11010519491231002", "1101051949123100211", "110105194913310026",
    "11010519491231002Y", "A10105194912310023", "110105 1949 1231 002", "110105209912310028",
  };

  if (g_rand_boolean (p->rand))
    return pick (p, fixed, G_N_ELEMENTS (fixed));
  return pd_property_keep (p, junk (p));
}

const char *
pd_property_bad_choice (PdProperty *p)
{
  static const char *const fixed[] = { "", "x", "OWNER", "owner ", "9", "✓", "'; DROP TABLE unit; --", "null" };

  if (g_rand_boolean (p->rand))
    return pick (p, fixed, G_N_ELEMENTS (fixed));
  return pd_property_keep (p, junk (p));
}

const char *
pd_property_too_long (PdProperty *p,
                      guint       max_chars)
{
  GString *out = g_string_new (NULL);
  guint n = max_chars + 1 + g_rand_int_range (p->rand, 0, 200);

  for (guint i = 0; i < n; i++)
    g_string_append (out, g_rand_boolean (p->rand) ? "长" : "a");
  return pd_property_keep (p, g_string_free (out, FALSE));
}

gint64
pd_property_missing_id (PdProperty *p)
{
  return 900000000 + g_rand_int_range (p->rand, 0, 1000000);
}

gint64
pd_property_bad_id (PdProperty *p)
{
  switch (g_rand_int_range (p->rand, 0, 3))
    {
    case 0:
      return 0;
    case 1:
      return -g_rand_int_range (p->rand, 1, 1000);
    default:
      return pd_property_missing_id (p);
    }
}

const char *
pd_property_unique (PdProperty *p,
                    const char *prefix)
{
  return pd_property_keep (p, g_strdup_printf ("%s%u", prefix, ++p->serial));
}

gint64
pd_property_query (PdProperty *p,
                   const char *sql)
{
  g_autoptr (GError) error = NULL;
  gint64 value = pd_database_query_int (pd_context_get_database (p->ctx), sql, NULL, &error);

  g_assert_no_error (error);
  if (value <= 0)
    g_error ("the demo has no record for: %s", sql);
  return value;
}

void
pd_property_prepare (PdProperty *p)
{
  PdDatabase *database = pd_context_get_database (p->ctx);
  sqlite3_stmt *stmt;

  p->estate_id = pd_property_query (p, "SELECT min(id) FROM estate");
  p->unit_id = pd_property_query (p, "SELECT min(unit_id) FROM unit_role WHERE role = 'owner' AND ended_on = ''");
  p->owner_id = pd_property_query (p, "SELECT min(person_id) FROM unit_role WHERE role = 'owner' AND ended_on = '' "
                                      "AND unit_id = (SELECT min(unit_id) FROM unit_role WHERE role = 'owner' AND ended_on = '')");
  p->person_id = pd_property_query (p, "SELECT max(id) FROM person");
  p->handover_id = pd_property_query (p, "SELECT min(id) FROM handover WHERE status = 'in_progress'");
  p->check_id = pd_property_query (p, "SELECT min(c.id) FROM handover_check c JOIN handover h ON h.id = c.handover_id "
                                      "WHERE h.status = 'in_progress'");
  p->defect_id = pd_property_query (p, "SELECT min(d.id) FROM handover_defect d JOIN handover h ON h.id = d.handover_id "
                                       "WHERE d.status = 'open' AND h.status = 'defects_open'");
  p->draft_unit_id = pd_property_query (p,
    "SELECT min(r.unit_id) FROM unit_role r JOIN unit u ON u.id = r.unit_id WHERE r.role = 'owner' AND r.ended_on = '' "
    "AND u.state IN ('handed_over', 'occupied') AND NOT EXISTS (SELECT 1 FROM renovation v WHERE v.unit_id = r.unit_id "
    "AND v.state NOT IN ('closed', 'rejected', 'withdrawn'))");
  stmt = pd_database_prepare (database,
    "SELECT min(person_id) FROM unit_role WHERE role = 'owner' AND ended_on = '' AND unit_id = ?", NULL);
  sqlite3_bind_int64 (stmt, 1, p->draft_unit_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  p->draft_owner_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  g_assert_cmpint (p->draft_owner_id, >, 0);
  p->renovation_id = pd_property_query (p, "SELECT min(id) FROM renovation WHERE state = 'draft'");
  p->on_site_id = pd_property_query (p, "SELECT min(id) FROM renovation WHERE state = 'in_progress'");
  p->campaign_id = pd_property_query (p, "SELECT max(id) FROM survey_campaign");
  p->followup_id = pd_property_query (p, "SELECT min(id) FROM survey_followup WHERE visited_on = ''");
  p->slip_id = pd_property_query (p, "SELECT min(id) FROM release_slip WHERE state = 'issued'");
  p->building_id = pd_property_query (p, "SELECT min(id) FROM building");
  stmt = pd_database_prepare (database,
    "SELECT id_number FROM person WHERE id_type = 'resident_id' AND id_number <> '' LIMIT 1", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  p->taken_id_number = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  stmt = pd_database_prepare (database, "SELECT plate FROM vehicle LIMIT 1", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  p->taken_plate = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  pd_property_prepare_office (p);
  pd_property_prepare_renovation (p);
  pd_property_prepare_owner (p);
}

const PdPropertyCase *
pd_property_cases (guint *n)
{
  static GArray *all;

  if (all == NULL)
    {
      all = g_array_new (FALSE, FALSE, sizeof (PdPropertyCase));
      g_array_append_vals (all, pd_property_people_cases, pd_property_n_people_cases);
      g_array_append_vals (all, pd_property_handover_cases, pd_property_n_handover_cases);
      g_array_append_vals (all, pd_property_renovation_cases, pd_property_n_renovation_cases);
      g_array_append_vals (all, pd_property_office_cases, pd_property_n_office_cases);
      g_array_append_vals (all, pd_property_owner_cases, pd_property_n_owner_cases);
      g_array_append_vals (all, pd_property_template_cases, pd_property_n_template_cases);
    }
  *n = all->len;
  return (const PdPropertyCase *) all->data;
}
