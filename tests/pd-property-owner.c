/* pd-property-owner.c — property cases for the owner file's actions (save,
 * add a person, transfer), the ownership transfer under them, and the
 * password changes of users. */
#include "config.h"

#include "pd-owner-file.h"
#include "pd-property-invalid.h"
#include "pd-user.h"

#define USER_PASSWORD "property-pass-1"
#define CLERK_NAME "property-clerk"

static void
set (char       **member,
     const char  *value)
{
  g_free (*member);
  *member = g_strdup (value);
}

void
pd_property_prepare_owner (PdProperty *p)
{
  g_autoptr (GError) error = NULL;

  /* Another owned unit than p->unit_id: a valid transfer must not take the
   * owner the other cases count on. */
  p->transfer_unit_id = pd_property_query (p, "SELECT max(unit_id) FROM unit_role WHERE role = 'owner' AND ended_on = ''");
  g_assert_cmpint (p->transfer_unit_id, !=, p->unit_id);
  /* The context's user ("tester", admin) needs an account to change its
   * password, and an admin needs someone to reset. */
  pd_user_create (p->ctx, pd_context_get_user (p->ctx), "Tester", PD_ROLE_ADMIN, USER_PASSWORD, FALSE, &error);
  g_assert_no_error (error);
  pd_user_create (p->ctx, CLERK_NAME, "Clerk", PD_ROLE_CLERK, USER_PASSWORD, FALSE, &error);
  g_assert_no_error (error);
}

static gboolean
run_owner_file_save (PdProperty  *p,
                     int          broken,
                     const char **field,
                     GError     **error)
{
  g_autoptr (PdUnit) unit = pd_unit_get (p->ctx, p->unit_id, NULL);
  g_autoptr (GPtrArray) owners = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_person_free);
  PdPerson *owner = pd_person_get (p->ctx, p->owner_id, NULL);
  const char *state = NULL;
  guint failed_owner = 0;
  gboolean ok;

  g_assert_nonnull (unit);
  g_assert_nonnull (owner);
  g_ptr_array_add (owners, owner);
  switch (broken)
    {
    case 0:
      set (&unit->use, pd_property_bad_choice (p));
      *field = "use";
      break;
    case 1:
      unit->gross_area = -g_rand_double_range (p->rand, 0.01, 1e6);
      *field = "gross_area";
      break;
    case 2:
      state = pd_property_bad_choice (p);
      *field = "state";
      break;
    case 3:
      unit->id = pd_property_missing_id (p);
      *field = "unit|unit_code";
      break;
    default:
      if (broken < 0)
        break;
      pd_property_make_plain (owner);
      *field = pd_property_break_person (p, owner, broken - 4);
      break;
    }
  ok = pd_owner_file_save (p->ctx, unit, state, owners, &failed_owner, error);
  /* A refused owner is pointed at, so the form can show the error there. */
  if (!ok && broken >= 4)
    g_assert_cmpuint (failed_owner, ==, 0);
  else if (!ok)
    g_assert_cmpuint (failed_owner, ==, G_MAXUINT);
  return ok;
}

static gboolean
run_owner_file_add_person (PdProperty  *p,
                           int          broken,
                           const char **field,
                           GError     **error)
{
  g_autoptr (PdUnit) unit = pd_unit_new ();
  g_autoptr (PdPerson) person = pd_property_valid_person (p);
  g_autoptr (PdUnitRole) role = pd_unit_role_new ("member");

  unit->id = p->unit_id;
  set (&role->relation, "子女");
  switch (broken)
    {
    case 0:
      set (&role->role, pd_property_bad_choice (p));
      *field = "role";
      break;
    case 1:
      /* A new unit typed by code, with a code that is not one. */
      unit->id = 0;
      set (&unit->code, g_rand_boolean (p->rand) ? "1-1" : pd_property_blank (p));
      set (&unit->use, "residential");
      *field = "unit_code";
      break;
    case 2:
      unit->id = 0;
      set (&unit->code, pd_property_unique (p, "98-1-"));
      set (&unit->use, pd_property_bad_choice (p));
      *field = "use";
      break;
    case 3:
      set (&role->role, "tenant");
      set (&role->start_on, pd_property_bad_date (p));
      set (&role->lease_end, "2027-12-31");
      role->authorised_by = p->owner_id;
      *field = "start_on";
      break;
    default:
      if (broken < 0)
        break;
      *field = pd_property_break_person (p, person, broken - 4);
      break;
    }
  if (pd_owner_file_add_person (p->ctx, unit, person, role, error) < 0)
    {
      /* Ids of the rolled-back records must not survive a refusal. */
      g_assert_cmpint (person->id, ==, 0);
      if (broken == 1 || broken == 2)
        g_assert_cmpint (unit->id, ==, 0);
      return FALSE;
    }
  return TRUE;
}

/* Both the owner file's transfer (to a new person) and the core transfer
 * (to existing people) break the same things. */
static gboolean
run_owner_file_transfer (PdProperty  *p,
                         int          broken,
                         const char **field,
                         GError     **error)
{
  g_autoptr (PdPerson) person = pd_property_valid_person (p);
  gint64 unit_id = p->transfer_unit_id;
  const char *date = "2026-11-20";

  switch (broken)
    {
    case 0:
      date = g_rand_boolean (p->rand) ? pd_property_bad_date (p) : pd_property_blank (p);
      *field = "transfer_date";
      break;
    case 1:
      unit_id = pd_property_bad_id (p);
      *field = "unit|unit_code";
      break;
    case 2:
      /* Before the current owners' period began. */
      date = "1990-01-01";
      *field = "transfer_date";
      break;
    default:
      if (broken < 0)
        break;
      *field = pd_property_break_person (p, person, broken - 3);
      break;
    }
  if (!pd_owner_file_transfer (p->ctx, unit_id, person, date, error))
    {
      g_assert_cmpint (person->id, ==, 0);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_unit_transfer_ownership (PdProperty  *p,
                             int          broken,
                             const char **field,
                             GError     **error)
{
  gint64 owners[2] = { p->person_id, 0 };
  guint n_owners = 1;
  gint64 unit_id = p->transfer_unit_id;
  const char *date = "2026-11-21";

  switch (broken)
    {
    case 0:
      date = g_rand_boolean (p->rand) ? pd_property_bad_date (p) : pd_property_blank (p);
      *field = "transfer_date";
      break;
    case 1:
      n_owners = 0;
      *field = "new_owner";
      break;
    case 2:
      /* Someone who owns the unit already, alone or with a new owner. */
      owners[0] = pd_property_query (p, "SELECT max(person_id) FROM unit_role WHERE role = 'owner' AND ended_on = '' "
                                        "AND unit_id = (SELECT max(unit_id) FROM unit_role WHERE role = 'owner' AND ended_on = '')");
      owners[1] = p->person_id;
      n_owners = g_rand_int_range (p->rand, 1, 3);
      *field = "new_owner";
      break;
    case 3:
      owners[1] = pd_property_bad_id (p);
      n_owners = 2;
      *field = "person|new_owner";
      break;
    case 4:
      unit_id = pd_property_bad_id (p);
      *field = "unit|unit_code";
      break;
    case 5:
      date = "1990-01-01";
      *field = "transfer_date";
      break;
    }
  return pd_unit_transfer_ownership (p->ctx, unit_id, owners, n_owners, date, error);
}

static const char *
short_password (PdProperty *p)
{
  static const char *const fixed[] = { "", "1234567", "abc", "中文密码短" };

  return fixed[g_rand_int_range (p->rand, 0, G_N_ELEMENTS (fixed))];
}

static gboolean
run_change_password (PdProperty  *p,
                     int          broken,
                     const char **field,
                     GError     **error)
{
  const char *old_password = USER_PASSWORD;
  const char *new_password = pd_property_unique (p, "new-secret-");

  switch (broken)
    {
    case 0:
      old_password = g_rand_boolean (p->rand) ? "wrong-password" : pd_property_blank (p);
      *field = "old_password";
      break;
    case 1:
      new_password = g_rand_boolean (p->rand) ? short_password (p) : NULL;
      *field = "new_password";
      break;
    case 2:
      new_password = USER_PASSWORD;
      *field = "new_password";
      break;
    }
  return pd_user_change_password (p->ctx, old_password, new_password, error);
}

static gboolean
run_reset_password (PdProperty  *p,
                    int          broken,
                    const char **field,
                    GError     **error)
{
  const char *name = CLERK_NAME;
  const char *new_password = pd_property_unique (p, "temporary-");

  switch (broken)
    {
    case 0:
      name = g_rand_boolean (p->rand) ? pd_property_unique (p, "nobody-") : pd_property_blank (p);
      *field = "name";
      break;
    case 1:
      new_password = g_rand_boolean (p->rand) ? short_password (p) : NULL;
      *field = "new_password";
      break;
    case 2:
      new_password = "Property-Clerk";
      *field = "new_password";
      break;
    }
  return pd_user_reset_password (p->ctx, name, new_password, error);
}

const PdPropertyCase pd_property_owner_cases[] = {
  { "pd_owner_file_save", run_owner_file_save, 4 + PD_PROPERTY_PERSON_FIELDS },
  { "pd_owner_file_add_person", run_owner_file_add_person, 4 + PD_PROPERTY_PERSON_FIELDS },
  { "pd_owner_file_transfer", run_owner_file_transfer, 3 + PD_PROPERTY_PERSON_FIELDS },
  { "pd_unit_transfer_ownership", run_unit_transfer_ownership, 6 },
  { "pd_user_change_password", run_change_password, 3 },
  { "pd_user_reset_password", run_reset_password, 3 },
};
const guint pd_property_n_owner_cases = G_N_ELEMENTS (pd_property_owner_cases);
