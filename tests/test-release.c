/* Release slips (DOMAIN §5): each rule and refusal, serials (also under
 * concurrent issue from two connections), release once, void, the
 * verification code, the register. */
#include "config.h"

#include "pd-demo.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-person.h"
#include "pd-release-code.h"
#include "pd-release-register.h"
#include "pd-release-slip.h"
#include "pd-release-suggest.h"
#include "pd-test-fixture.h"
#include "pd-unit-role.h"

#define NOW "2026-03-10 09:30:00"

typedef struct
{
  PdContext *ctx;
  gint64     unit;
  gint64     owner;
  gint64     tenant;
  gint64     proxy;
  gint64     member;
  char      *carrier_id;
} Office;

static gint64
make_person (PdContext  *ctx,
             GRand      *rand,
             const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdPerson) person = pd_person_new ();
  gint64 id;

  g_free (person->name);
  person->name = g_strdup (name);
  g_free (person->id_number);
  person->id_number = pd_demo_make_prc_id (rand, "1980-05-06", g_rand_boolean (rand));
  id = pd_person_create (ctx, person, &error);
  g_assert_no_error (error);
  return id;
}

static void
add_role (PdContext  *ctx,
          gint64      unit,
          gint64      person,
          const char *name,
          gint64      authorised_by)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnitRole) role = pd_unit_role_new (name);

  role->unit_id = unit;
  role->person_id = person;
  g_free (role->start_on);
  role->start_on = g_strdup ("2025-01-01");
  if (g_str_equal (name, "tenant"))
    {
      g_free (role->lease_end);
      role->lease_end = g_strdup ("2027-01-01");
    }
  role->authorised_by = authorised_by;
  g_free (role->authorisation_note);
  role->authorisation_note = g_strdup ("委托书已存档");
  pd_unit_role_add (ctx, role, &error);
  g_assert_no_error (error);
}

static gint64
make_unit (PdContext  *ctx,
           const char *code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) unit = pd_unit_new ();
  gint64 id;

  unit->code = g_strdup (code);
  g_free (unit->state);
  unit->state = g_strdup ("rented");
  id = pd_unit_create (ctx, pd_estate_current_id (ctx, NULL), unit, &error);
  g_assert_no_error (error);
  return id;
}

static void
office_init (Office     *office,
             const char *path)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);

  office->ctx = path ? pd_test_context_open (path, NOW) : pd_test_context_new (NOW);
  office->unit = make_unit (office->ctx, "3-2-1201");
  office->owner = make_person (office->ctx, rand, "张三");
  office->tenant = make_person (office->ctx, rand, "李四");
  office->proxy = make_person (office->ctx, rand, "王五");
  office->member = make_person (office->ctx, rand, "赵六");
  add_role (office->ctx, office->unit, office->owner, "owner", 0);
  add_role (office->ctx, office->unit, office->tenant, "tenant", office->owner);
  add_role (office->ctx, office->unit, office->proxy, "proxy", office->owner);
  add_role (office->ctx, office->unit, office->member, "member", 0);
  /* Typed with a lower-case x and spaces, as people do. */
  office->carrier_id = g_strdup ("11010519491231002x");
}

static void
office_clear (Office *office)
{
  g_clear_object (&office->ctx);
  g_clear_pointer (&office->carrier_id, g_free);
}

/* A slip the owner may take out: every rule satisfied. */
static PdReleaseSlip *
owner_slip (Office *office)
{
  PdReleaseSlip *slip = pd_release_slip_new ();

  g_free (slip->unit_code);
  slip->unit_code = g_strdup ("3栋2单元1201");
  slip->applicant_id = office->owner;
  g_free (slip->reason);
  slip->reason = g_strdup ("renovation");
  g_ptr_array_add (slip->items, pd_release_item_new ("剩余建材", 3, "瓷砖"));
  g_ptr_array_add (slip->items, pd_release_item_new ("装修工具", 1, ""));
  g_free (slip->carrier_name);
  slip->carrier_name = g_strdup ("陈师傅");
  g_free (slip->carrier_id_number);
  slip->carrier_id_number = g_strdup ("110105 19491231 002x");
  g_free (slip->plate);
  slip->plate = g_strdup ("粤b·12345");
  slip->no_dangerous_goods = TRUE;
  return slip;
}

static gint64
issue_ok (Office        *office,
          PdReleaseSlip *slip)
{
  g_autoptr (GError) error = NULL;
  gint64 id = pd_release_slip_issue (office->ctx, slip, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Asserts a refusal on @field whose message names the field, and that
 * nothing was written. */
static void
assert_refused (Office        *office,
                PdReleaseSlip *slip,
                const char    *field,
                const char    *words)
{
  g_autoptr (GError) error = NULL;
  gint64 slips = pd_test_count (office->ctx, "SELECT count(*) FROM release_slip", NULL);
  gint64 counter = pd_test_count (office->ctx, "SELECT coalesce (sum (last_number), 0) FROM release_counter", NULL);

  g_assert_cmpint (pd_release_slip_issue (office->ctx, slip, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, error->code);
  g_assert_cmpstr (pd_error_get_field (error), ==, field);
  if (strstr (error->message, words) == NULL)
    g_error ("message “%s” does not name “%s”", error->message, words);
  g_assert_cmpint (pd_test_count (office->ctx, "SELECT count(*) FROM release_slip", NULL), ==, slips);
  g_assert_cmpint (pd_test_count (office->ctx, "SELECT coalesce (sum (last_number), 0) FROM release_counter", NULL),
                   ==, counter);
}

static void
set_text (char      **field,
          const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
test_issue_owner (void)
{
  Office office = { 0 };
  g_autoptr (PdReleaseSlip) slip = NULL;
  g_autoptr (PdReleaseSlip) read = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) common = NULL;
  gint64 id;

  office_init (&office, NULL);
  slip = owner_slip (&office);
  id = issue_ok (&office, slip);

  read = pd_release_slip_get (office.ctx, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->serial, ==, "2026-00001");
  g_assert_cmpstr (read->unit_code, ==, "3-2-1201");
  g_assert_cmpstr (read->applicant_name, ==, "张三");
  g_assert_cmpstr (read->applicant_role, ==, "owner");
  g_assert_cmpstr (read->carrier_id_number, ==, "11010519491231002X");
  g_assert_cmpstr (read->plate, ==, "粤B12345");
  g_assert_cmpstr (read->valid_on, ==, "2026-03-10");       /* default: today */
  g_assert_cmpstr (read->issued_at, ==, NOW);
  g_assert_cmpstr (read->issued_by, ==, "tester");
  g_assert_cmpstr (read->state, ==, "issued");
  g_assert_cmpint (pd_release_slip_status (office.ctx, read), ==, PD_RELEASE_STATUS_ISSUED);
  g_assert_cmpuint (read->items->len, ==, 2);
  g_assert_cmpstr (((PdReleaseItem *) read->items->pdata[0])->name, ==, "剩余建材");
  g_assert_cmpint (((PdReleaseItem *) read->items->pdata[0])->quantity, ==, 3);
  g_assert_cmpstr (((PdReleaseItem *) read->items->pdata[0])->note, ==, "瓷砖");
  /* An owner's slip records no owner's confirmation and, not moving out, no fees. */
  g_assert_cmpstr (read->owner_confirm_name, ==, "");
  g_assert_cmpstr (read->fees_cashier, ==, "");

  /* The items used are offered first next time. */
  common = pd_release_common_items (office.ctx, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (common), ==, 2);
  g_assert_true (g_strv_contains ((const char *const *) common, "剩余建材"));
  g_assert_true (g_strv_contains ((const char *const *) common, "装修工具"));
  /* Every write is in the change log. */
  g_assert_cmpint (pd_test_count (office.ctx, "SELECT count(*) FROM audit_log WHERE table_name = ?",
                                  "release_slip"), ==, 1);
  office_clear (&office);
}

static void
test_applicants (void)
{
  Office office = { 0 };
  g_autoptr (GPtrArray) applicants = NULL;
  g_autoptr (GError) error = NULL;

  office_init (&office, NULL);
  applicants = pd_release_applicants (office.ctx, office.unit, &error);
  g_assert_no_error (error);
  /* Owner, tenant and proxy; the household member cannot apply. */
  g_assert_cmpuint (applicants->len, ==, 3);
  g_assert_cmpstr (((PdUnitRole *) applicants->pdata[0])->role, ==, "owner");
  g_assert_cmpstr (((PdUnitRole *) applicants->pdata[0])->person_name, ==, "张三");
  g_assert_cmpstr (((PdUnitRole *) applicants->pdata[1])->role, ==, "tenant");
  g_assert_cmpstr (((PdUnitRole *) applicants->pdata[2])->role, ==, "proxy");
  office_clear (&office);
}

static void
test_tenant_needs_owner (void)
{
  Office office = { 0 };
  g_autoptr (PdReleaseSlip) slip = NULL;
  g_autoptr (PdReleaseSlip) read = NULL;

  office_init (&office, NULL);
  slip = owner_slip (&office);
  slip->applicant_id = office.tenant;
  assert_refused (&office, slip, "owner_confirm", "Owner's confirmation");

  /* The tenant cannot confirm for the owner, nor can the proxy. */
  slip->owner_confirm_id = office.proxy;
  assert_refused (&office, slip, "owner_confirm", "not a current owner");

  slip->owner_confirm_id = office.owner;
  assert_refused (&office, slip, "owner_confirm_method", "how");
  set_text (&slip->owner_confirm_method, "phone");
  assert_refused (&office, slip, "owner_confirm_at", "when");
  set_text (&slip->owner_confirm_at, "2026-03-10 10:00");   /* after now */
  assert_refused (&office, slip, "owner_confirm_at", "future");
  set_text (&slip->owner_confirm_at, "2026/3/10 9:05");
  issue_ok (&office, slip);

  read = pd_release_slip_get (office.ctx, slip->id, NULL);
  g_assert_cmpstr (read->applicant_role, ==, "tenant");
  g_assert_cmpstr (read->owner_confirm_name, ==, "张三");
  g_assert_cmpint (read->owner_confirm_id, ==, office.owner);
  g_assert_cmpstr (read->owner_confirm_method, ==, "phone");
  g_assert_cmpstr (read->owner_confirm_at, ==, "2026-03-10 09:05");
  office_clear (&office);
}

static void
test_moving_out_needs_fees (void)
{
  Office office = { 0 };
  g_autoptr (PdReleaseSlip) slip = NULL;
  g_autoptr (PdReleaseSlip) read = NULL;

  office_init (&office, NULL);
  slip = owner_slip (&office);
  set_text (&slip->reason, "moving_out");
  assert_refused (&office, slip, "fees_cashier", "cashier");
  set_text (&slip->fees_cashier, "刘会计");
  assert_refused (&office, slip, "fees_cleared_at", "Fees cleared, when");
  set_text (&slip->fees_cleared_at, "2026-03-09 16:20");
  issue_ok (&office, slip);
  read = pd_release_slip_get (office.ctx, slip->id, NULL);
  g_assert_cmpstr (read->fees_cashier, ==, "刘会计");
  g_assert_cmpstr (read->fees_cleared_at, ==, "2026-03-09 16:20");
  office_clear (&office);
}

static void
test_refusals (void)
{
  Office office = { 0 };
  g_autoptr (PdReleaseSlip) slip = NULL;

  office_init (&office, NULL);
  slip = owner_slip (&office);

  set_text (&slip->unit_code, "9-9-999");
  assert_refused (&office, slip, "unit", "Unit");
  set_text (&slip->unit_code, "");
  assert_refused (&office, slip, "unit", "Unit");
  set_text (&slip->unit_code, "3-2-1201");

  slip->applicant_id = office.member;
  assert_refused (&office, slip, "applicant", "Applicant");
  slip->applicant_id = 0;
  assert_refused (&office, slip, "applicant", "Applicant");
  slip->applicant_id = office.owner;

  set_text (&slip->reason, "party");
  assert_refused (&office, slip, "reason", "Reason");
  set_text (&slip->reason, "other");

  g_ptr_array_set_size (slip->items, 0);
  assert_refused (&office, slip, "items", "Items");
  g_ptr_array_add (slip->items, pd_release_item_new ("沙发", 0, ""));
  assert_refused (&office, slip, "items", "quantity");
  ((PdReleaseItem *) slip->items->pdata[0])->quantity = 1;
  g_ptr_array_add (slip->items, pd_release_item_new ("  ", 1, "空行"));
  assert_refused (&office, slip, "items", "line 2");
  g_ptr_array_remove_index (slip->items, 1);

  set_text (&slip->carrier_name, " ");
  assert_refused (&office, slip, "carrier_name", "Carrier's name");
  set_text (&slip->carrier_name, "陈师傅");
  set_text (&slip->carrier_id_number, "110105194912310021");   /* wrong check digit */
  assert_refused (&office, slip, "carrier_id_number", "Carrier's ID");
  set_text (&slip->carrier_id_number, "");
  assert_refused (&office, slip, "carrier_id_number", "Carrier's ID");
  set_text (&slip->carrier_id_number, office.carrier_id);
  set_text (&slip->plate, "ABC");
  assert_refused (&office, slip, "plate", "plate");
  set_text (&slip->plate, "");

  set_text (&slip->valid_on, "2026-03-09");
  assert_refused (&office, slip, "valid_on", "Valid until");
  set_text (&slip->valid_on, "2026-05-30");   /* more than 30 days ahead */
  assert_refused (&office, slip, "valid_on", "Valid until");
  set_text (&slip->valid_on, "2026-3-12");

  slip->no_dangerous_goods = FALSE;
  assert_refused (&office, slip, "no_dangerous_goods", "flammable");
  slip->no_dangerous_goods = TRUE;

  /* Fixed, it issues with the first number: no refusal used one up. */
  issue_ok (&office, slip);
  g_assert_cmpstr (slip->serial, ==, "2026-00001");
  g_assert_cmpstr (slip->valid_on, ==, "2026-03-12");
  g_assert_cmpstr (slip->plate, ==, "");
  office_clear (&office);
}

static void
test_serials_gap_free (void)
{
  Office office = { 0 };
  g_autoptr (GDateTime) next_year = NULL;
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();

  office_init (&office, NULL);
  for (int i = 1; i <= 5; i++)
    {
      g_autoptr (PdReleaseSlip) slip = owner_slip (&office);
      g_autoptr (PdReleaseSlip) bad = owner_slip (&office);
      g_autofree char *expected = g_strdup_printf ("2026-%05d", i);

      bad->no_dangerous_goods = FALSE;
      g_assert_cmpint (pd_release_slip_issue (office.ctx, bad, NULL), ==, -1);
      issue_ok (&office, slip);
      g_assert_cmpstr (slip->serial, ==, expected);
    }
  /* A new year starts again at 1. */
  next_year = g_date_time_new (zone, 2027, 1, 2, 8, 0, 0);
  pd_context_set_now (office.ctx, next_year);
  {
    g_autoptr (PdReleaseSlip) slip = owner_slip (&office);
    issue_ok (&office, slip);
    g_assert_cmpstr (slip->serial, ==, "2027-00001");
  }
  g_assert_cmpint (pd_test_count (office.ctx, "SELECT count(*) FROM release_slip WHERE year = 2026", NULL), ==, 5);
  g_assert_cmpint (pd_test_count (office.ctx, "SELECT max(number) FROM release_slip WHERE year = 2026", NULL), ==, 5);
  office_clear (&office);
}

#define PER_THREAD 40

typedef struct
{
  const char *path;
  gint64      owner;
  GPtrArray  *serials;   /* issued by this thread */
} Issuer;

static gpointer
issue_many (gpointer data)
{
  Issuer *issuer = data;
  /* Its own connection to the same file, like a second PC in the office. */
  g_autoptr (PdContext) ctx = pd_test_context_open (issuer->path, NOW);

  for (int i = 0; i < PER_THREAD; i++)
    {
      g_autoptr (PdReleaseSlip) slip = pd_release_slip_new ();
      g_autoptr (GError) error = NULL;

      set_text (&slip->unit_code, "3-2-1201");
      slip->applicant_id = issuer->owner;
      g_ptr_array_add (slip->items, pd_release_item_new ("纸箱", i + 1, ""));
      set_text (&slip->carrier_name, "陈师傅");
      set_text (&slip->carrier_id_number, "11010519491231002X");
      slip->no_dangerous_goods = TRUE;
      pd_release_slip_issue (ctx, slip, &error);
      g_assert_no_error (error);
      g_ptr_array_add (issuer->serials, g_strdup (slip->serial));
      g_thread_yield ();
    }
  return NULL;
}

static void
test_serials_concurrent (void)
{
  Office office = { 0 };
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "concurrent.db", NULL);
  Issuer issuers[2];
  GThread *threads[2];
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  office_init (&office, path);
  for (int t = 0; t < 2; t++)
    {
      issuers[t].path = path;
      issuers[t].owner = office.owner;
      issuers[t].serials = g_ptr_array_new_with_free_func (g_free);
    }
  for (int t = 0; t < 2; t++)
    threads[t] = g_thread_new ("issuer", issue_many, &issuers[t]);
  for (int t = 0; t < 2; t++)
    g_thread_join (threads[t]);

  for (int t = 0; t < 2; t++)
    {
      g_assert_cmpuint (issuers[t].serials->len, ==, PER_THREAD);
      for (guint i = 0; i < issuers[t].serials->len; i++)
        g_assert_true (g_hash_table_add (seen, issuers[t].serials->pdata[i]));
    }
  /* Unique (checked above) and gap-free: exactly 1..80. */
  for (int n = 1; n <= 2 * PER_THREAD; n++)
    {
      g_autofree char *serial = g_strdup_printf ("2026-%05d", n);
      g_assert_true (g_hash_table_contains (seen, serial));
    }
  g_assert_cmpint (pd_test_count (office.ctx, "SELECT count(*) FROM release_slip", NULL), ==, 2 * PER_THREAD);
  g_assert_cmpint (pd_test_count (office.ctx, "SELECT max(number) FROM release_slip", NULL), ==, 2 * PER_THREAD);
  g_assert_cmpint (pd_test_count (office.ctx, "SELECT last_number FROM release_counter", NULL), ==, 2 * PER_THREAD);
  for (int t = 0; t < 2; t++)
    g_ptr_array_unref (issuers[t].serials);
  office_clear (&office);
}

typedef struct
{
  const char *path;
  gint64      slip_id;
  const char *guard;
  gboolean    released;
} Gate;

static gpointer
release_at_gate (gpointer data)
{
  Gate *gate = data;
  g_autoptr (PdContext) ctx = pd_test_context_open (gate->path, NOW);

  gate->released = pd_release_slip_release (ctx, gate->slip_id, gate->guard, NULL);
  return NULL;
}

/* Two gates scan the same slip at the same moment: one lets it out. */
static void
test_release_once_concurrent (void)
{
  Office office = { 0 };
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), "gates.db", NULL);

  office_init (&office, path);
  for (int round = 0; round < 20; round++)
    {
      g_autoptr (PdReleaseSlip) slip = owner_slip (&office);
      Gate gates[2] = { { path, 0, "东门保安" }, { path, 0, "西门保安" } };
      GThread *threads[2];

      issue_ok (&office, slip);
      for (int g = 0; g < 2; g++)
        {
          gates[g].slip_id = slip->id;
          threads[g] = g_thread_new ("gate", release_at_gate, &gates[g]);
        }
      for (int g = 0; g < 2; g++)
        g_thread_join (threads[g]);
      g_assert_cmpint (gates[0].released + gates[1].released, ==, 1);
    }
  g_assert_cmpint (pd_test_count (office.ctx, "SELECT count(*) FROM release_slip WHERE state = 'released'", NULL),
                   ==, 20);
  office_clear (&office);
}

static void
test_release_once (void)
{
  Office office = { 0 };
  g_autoptr (PdReleaseSlip) slip = NULL;
  g_autoptr (PdReleaseSlip) found = NULL;
  g_autoptr (PdReleaseSlip) read = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *qr = NULL;

  office_init (&office, NULL);
  slip = owner_slip (&office);
  issue_ok (&office, slip);

  /* The guard types the serial (or scans the QR code). */
  found = pd_release_slip_find (office.ctx, "2026-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, slip->id);
  code = pd_release_code_compute (office.ctx, found, &error);
  g_assert_no_error (error);
  g_assert_true (pd_release_slip_check (office.ctx, found, code, &error));
  g_assert_no_error (error);

  g_assert_false (pd_release_slip_release (office.ctx, slip->id, " ", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "guard");
  g_clear_error (&error);
  g_assert_true (pd_release_slip_release (office.ctx, slip->id, "保安老周", &error));
  g_assert_no_error (error);
  read = pd_release_slip_get (office.ctx, slip->id, NULL);
  g_assert_cmpstr (read->state, ==, "released");
  g_assert_cmpstr (read->released_by, ==, "保安老周");
  g_assert_cmpstr (read->released_at, ==, NOW);

  /* Once only. */
  g_assert_false (pd_release_slip_release (office.ctx, slip->id, "保安小王", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_assert_nonnull (strstr (error->message, "already used"));
  g_clear_error (&error);
  g_assert_false (pd_release_slip_check (office.ctx, read, code, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (office.ctx, "SELECT count(*) FROM release_slip WHERE released_by = ?",
                                  "保安老周"), ==, 1);
  /* A released slip cannot be voided. */
  g_assert_false (pd_release_slip_void (office.ctx, slip->id, "写错了", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);

  /* Scanned: the QR payload carries serial and code. */
  qr = pd_release_code_payload (read, code);
  g_clear_pointer (&found, pd_release_slip_free);
  found = pd_release_slip_find (office.ctx, qr, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->serial, ==, "2026-00001");
  office_clear (&office);
}

static void
test_expired (void)
{
  Office office = { 0 };
  g_autoptr (PdReleaseSlip) slip = NULL;
  g_autoptr (PdReleaseSlip) read = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr (GDateTime) last_day = g_date_time_new (zone, 2026, 3, 11, 23, 59, 0);
  g_autoptr (GDateTime) day_after = g_date_time_new (zone, 2026, 3, 12, 0, 1, 0);

  office_init (&office, NULL);
  slip = owner_slip (&office);
  set_text (&slip->valid_on, "2026-03-11");
  issue_ok (&office, slip);

  pd_context_set_now (office.ctx, last_day);
  read = pd_release_slip_get (office.ctx, slip->id, NULL);
  g_assert_cmpint (pd_release_slip_status (office.ctx, read), ==, PD_RELEASE_STATUS_ISSUED);

  pd_context_set_now (office.ctx, day_after);
  g_assert_cmpint (pd_release_slip_status (office.ctx, read), ==, PD_RELEASE_STATUS_EXPIRED);
  g_assert_false (pd_release_slip_check (office.ctx, read, NULL, &error));
  g_assert_nonnull (strstr (error->message, "expired"));
  g_clear_error (&error);
  g_assert_false (pd_release_slip_release (office.ctx, slip->id, "保安老周", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (office.ctx, "SELECT count(*) FROM release_slip WHERE state = 'issued'", NULL), ==, 1);
  /* Never used, so it can still be voided to close it on the register. */
  g_assert_true (pd_release_slip_void (office.ctx, slip->id, "未使用，已过期", &error));
  g_assert_no_error (error);
  office_clear (&office);
}

static void
test_void (void)
{
  Office office = { 0 };
  g_autoptr (PdReleaseSlip) slip = NULL;
  g_autoptr (PdReleaseSlip) next = NULL;
  g_autoptr (PdReleaseSlip) read = NULL;
  g_autoptr (GError) error = NULL;

  office_init (&office, NULL);
  slip = owner_slip (&office);
  issue_ok (&office, slip);

  /* A clerk may not void (issue 9: supervisors void slips). */
  pd_context_set_user (office.ctx, "小李", PD_ROLE_CLERK);
  g_assert_false (pd_release_slip_void (office.ctx, slip->id, "写错了", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);

  pd_context_set_user (office.ctx, "王主管", PD_ROLE_SUPERVISOR);
  g_assert_false (pd_release_slip_void (office.ctx, slip->id, "  ", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "void_reason");
  g_clear_error (&error);
  g_assert_true (pd_release_slip_void (office.ctx, slip->id, "物品填错，重开", &error));
  g_assert_no_error (error);

  read = pd_release_slip_get (office.ctx, slip->id, NULL);
  g_assert_cmpstr (read->state, ==, "void");
  g_assert_cmpstr (read->serial, ==, "2026-00001");     /* keeps its number */
  g_assert_cmpstr (read->voided_by, ==, "王主管");
  g_assert_cmpstr (read->void_reason, ==, "物品填错，重开");
  g_assert_cmpstr (read->voided_at, ==, NOW);
  g_assert_false (pd_release_slip_check (office.ctx, read, NULL, &error));
  g_assert_nonnull (strstr (error->message, "void"));
  g_clear_error (&error);
  g_assert_false (pd_release_slip_release (office.ctx, slip->id, "保安老周", &error));
  g_clear_error (&error);
  g_assert_false (pd_release_slip_void (office.ctx, slip->id, "再次", &error));
  g_clear_error (&error);

  /* The next slip takes the next number: the void one is not reused. */
  next = owner_slip (&office);
  issue_ok (&office, next);
  g_assert_cmpstr (next->serial, ==, "2026-00002");
  office_clear (&office);
}

typedef void (*Mutate) (PdReleaseSlip *slip);

static void m_serial (PdReleaseSlip *s) { set_text (&s->serial, "2026-00002"); }
static void m_unit (PdReleaseSlip *s) { set_text (&s->unit_code, "3-2-1202"); }
static void m_applicant (PdReleaseSlip *s) { set_text (&s->applicant_name, "张三丰"); }
static void m_role (PdReleaseSlip *s) { set_text (&s->applicant_role, "proxy"); }
static void m_reason (PdReleaseSlip *s) { set_text (&s->reason, "moving_out"); }
static void m_reason_note (PdReleaseSlip *s) { set_text (&s->reason_note, "旧家具"); }
static void m_confirm_name (PdReleaseSlip *s) { set_text (&s->owner_confirm_name, "张三"); }
static void m_confirm_method (PdReleaseSlip *s) { set_text (&s->owner_confirm_method, "written"); }
static void m_confirm_at (PdReleaseSlip *s) { set_text (&s->owner_confirm_at, "2026-03-10 08:00"); }
static void m_cashier (PdReleaseSlip *s) { set_text (&s->fees_cashier, "刘会计"); }
static void m_fees_at (PdReleaseSlip *s) { set_text (&s->fees_cleared_at, "2026-03-10 08:00"); }
static void m_carrier (PdReleaseSlip *s) { set_text (&s->carrier_name, "陈师父"); }
static void m_carrier_id (PdReleaseSlip *s) { set_text (&s->carrier_id_number, "110105194912310037"); }
static void m_plate (PdReleaseSlip *s) { set_text (&s->plate, "粤B12346"); }
static void m_valid (PdReleaseSlip *s) { set_text (&s->valid_on, "2026-03-11"); }
static void m_issued_at (PdReleaseSlip *s) { set_text (&s->issued_at, "2026-03-10 09:30:01"); }
static void m_issued_by (PdReleaseSlip *s) { set_text (&s->issued_by, "other"); }
static void m_item_name (PdReleaseSlip *s) { set_text (&((PdReleaseItem *) s->items->pdata[0])->name, "剩余建筑"); }
static void m_item_qty (PdReleaseSlip *s) { ((PdReleaseItem *) s->items->pdata[0])->quantity = 30; }
static void m_item_note (PdReleaseSlip *s) { set_text (&((PdReleaseItem *) s->items->pdata[0])->note, "瓷砖x"); }
static void m_item_added (PdReleaseSlip *s) { g_ptr_array_add (s->items, pd_release_item_new ("电视机", 1, "")); }
static void m_item_removed (PdReleaseSlip *s) { g_ptr_array_remove_index (s->items, 1); }
static void m_item_order (PdReleaseSlip *s)
{
  gpointer first = s->items->pdata[0];
  s->items->pdata[0] = s->items->pdata[1];
  s->items->pdata[1] = first;
}
/* Moving text from one field to its neighbour must change the code too. */
static void m_shift (PdReleaseSlip *s)
{
  set_text (&((PdReleaseItem *) s->items->pdata[0])->name, "剩余建材瓷");
  set_text (&((PdReleaseItem *) s->items->pdata[0])->note, "砖");
}

static void
test_code_changes (void)
{
  static const Mutate mutations[] = {
    m_serial, m_unit, m_applicant, m_role, m_reason, m_reason_note, m_confirm_name,
    m_confirm_method, m_confirm_at, m_cashier, m_fees_at, m_carrier, m_carrier_id, m_plate,
    m_valid, m_issued_at, m_issued_by, m_item_name, m_item_qty, m_item_note, m_item_added,
    m_item_removed, m_item_order, m_shift,
  };
  Office office = { 0 };
  Office other = { 0 };
  g_autoptr (PdReleaseSlip) slip = NULL;
  g_autoptr (PdReleaseSlip) theirs = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *again = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *other_code = NULL;
  g_autoptr (GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  office_init (&office, NULL);
  slip = owner_slip (&office);
  issue_ok (&office, slip);
  code = pd_release_code_compute (office.ctx, slip, &error);
  g_assert_no_error (error);
  /* ABCD-EFGH in Crockford base 32. */
  g_assert_cmpuint (strlen (code), ==, 9);
  g_assert_cmpint (code[4], ==, '-');
  g_assert_true (strspn (code, "0123456789ABCDEFGHJKMNPQRSTVWXYZ-") == 9);
  again = pd_release_code_compute (office.ctx, slip, NULL);
  g_assert_cmpstr (code, ==, again);
  g_hash_table_add (codes, g_strdup (code));

  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autoptr (PdReleaseSlip) copy = pd_release_slip_get (office.ctx, slip->id, NULL);
      g_autofree char *changed = NULL;

      mutations[i] (copy);
      changed = pd_release_code_compute (office.ctx, copy, NULL);
      if (!g_hash_table_add (codes, g_steal_pointer (&changed)))
        g_error ("mutation %u did not change the verification code", i);
      g_assert_false (pd_release_code_verify (office.ctx, copy, code, &error));
      g_assert_cmpstr (pd_error_get_field (error), ==, "code");
      g_clear_error (&error);
    }

  /* Typed sloppily it still verifies; garbage is refused with a message. */
  lower = g_ascii_strdown (code, -1);
  lower[4] = ' ';
  g_assert_true (pd_release_code_verify (office.ctx, slip, lower, &error));
  g_assert_no_error (error);
  g_assert_false (pd_release_code_verify (office.ctx, slip, "12", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
  g_clear_error (&error);

  /* Another office (database) has another secret: the same slip content
   * gets another code, so nobody can compute codes from printed slips. */
  office_init (&other, NULL);
  theirs = owner_slip (&other);
  issue_ok (&other, theirs);
  g_assert_cmpstr (theirs->serial, ==, slip->serial);
  g_assert_cmpstr (theirs->issued_at, ==, slip->issued_at);
  theirs->estate_id = slip->estate_id;
  other_code = pd_release_code_compute (other.ctx, theirs, NULL);
  g_assert_cmpstr (other_code, !=, code);
  /* The secret is not a setting (settings are shown and exported). */
  g_assert_cmpint (pd_test_count (office.ctx, "SELECT count(*) FROM setting WHERE key LIKE '%secret%'", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (office.ctx, "SELECT length (value) FROM office_secret", NULL), ==, 32);
  office_clear (&other);
  office_clear (&office);
}

static void
test_serial_parse (void)
{
  int year, number;
  g_autofree char *code = NULL;

  g_assert_true (pd_release_serial_parse ("2026-00042", &year, &number, NULL));
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (number, ==, 42);
  g_assert_true (pd_release_serial_parse ("２０２６－４２", &year, &number, NULL));
  g_assert_cmpint (number, ==, 42);
  g_assert_true (pd_release_serial_parse ("202600042", &year, &number, NULL));
  g_assert_cmpint (number, ==, 42);
  g_assert_true (pd_release_serial_parse (" pdrs:2026-00042:ABCD-EFGH ", &year, &number, &code));
  g_assert_cmpstr (code, ==, "ABCD-EFGH");
  g_assert_false (pd_release_serial_parse ("42", &year, &number, NULL));
  g_assert_false (pd_release_serial_parse ("2026-0", &year, &number, NULL));
  g_assert_false (pd_release_serial_parse ("20260042", &year, &number, NULL));
  g_assert_false (pd_release_serial_parse ("2026-4a", &year, &number, NULL));
  g_assert_false (pd_release_serial_parse ("", &year, &number, NULL));
}

static void
test_register (void)
{
  Office office = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  PdReleaseFilter filter = PD_RELEASE_FILTER_INIT;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) range = NULL;
  g_autofree char *summary = NULL;
  gint64 ids[4];

  office_init (&office, NULL);
  for (int i = 0; i < 4; i++)
    {
      g_autoptr (PdReleaseSlip) slip = owner_slip (&office);
      g_autoptr (GDateTime) day = g_date_time_new (zone, 2026, 3, 1 + 3 * i, 10, 0, 0);

      pd_context_set_now (office.ctx, day);
      if (i == 1)
        {
          set_text (&slip->valid_on, "2026-03-20");
          set_text (&slip->reason, "moving_out");
          set_text (&slip->fees_cashier, "刘会计");
          set_text (&slip->fees_cleared_at, "2026-03-04 09:00");
          g_ptr_array_add (slip->items, pd_release_item_new ("冰箱", 1, "海尔"));
        }
      ids[i] = issue_ok (&office, slip);
    }
  /* Now 2026-03-10: slip 1 (valid 03-01) expired, 2 released, 3 void, 4 issued. */
  g_assert_true (pd_release_slip_release (office.ctx, ids[1], "保安老周", NULL));
  g_assert_true (pd_release_slip_void (office.ctx, ids[2], "重开", NULL));

  all = pd_release_register_list (office.ctx, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (((PdReleaseSlip *) all->pdata[0])->serial, ==, "2026-00004");   /* newest first */
  summary = pd_release_items_summary (all->pdata[2]);
  g_assert_cmpstr (summary, ==, "剩余建材×3、装修工具×1、冰箱×1");

#define EXPECT(n) G_STMT_START { \
    g_autoptr (GPtrArray) rows = pd_release_register_list (office.ctx, &filter, &error); \
    g_assert_no_error (error); \
    g_assert_cmpuint (rows->len, ==, (n)); \
  } G_STMT_END
  filter.text = "冰箱";
  EXPECT (1);
  filter.text = "2026-3";      /* a serial as typed */
  EXPECT (1);
  filter.text = "陈师";
  EXPECT (4);
  filter.text = "100%";        /* LIKE wildcards are literal */
  EXPECT (0);
  filter.text = NULL;
  filter.reason = "moving_out";
  EXPECT (1);
  filter.reason = NULL;
  for (int s = PD_RELEASE_STATUS_ISSUED; s <= PD_RELEASE_STATUS_EXPIRED; s++)
    {
      filter.status = s;
      EXPECT (1);
    }
  filter.status = PD_RELEASE_STATUS_ANY;
  filter.from = "2026-03-04";
  filter.to = "2026-03-07";
  EXPECT (2);
  filter.from = filter.to = NULL;
  filter.unit = "3-2";
  EXPECT (4);
  filter.unit = "3-1";
  EXPECT (0);
  filter.unit = "3栋2单元1201";
  EXPECT (4);
#undef EXPECT

  range = pd_release_register_range (office.ctx, "2026-2", "2026-00004", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (range->len, ==, 3);
  g_assert_cmpstr (((PdReleaseSlip *) range->pdata[0])->serial, ==, "2026-00002");
  g_assert_null (pd_release_register_range (office.ctx, "2026-4", "2026-2", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "to");
  g_clear_error (&error);
  g_assert_null (pd_release_register_range (office.ctx, "2026-1", "2026-9", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_NOT_FOUND);
  office_clear (&office);
}

static void
test_demo (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-04-15 11:00:00");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) slips = NULL;
  g_autofree char *now = NULL;
  int counts[4] = { 0 };

  pd_context_set_user (ctx, "tester", PD_ROLE_CLERK);
  g_assert_true (pd_demo_generate (ctx, 120, 42, &error));
  g_assert_no_error (error);
  /* The demo's clerks, supervisor and clock were borrowed and given back. */
  now = pd_context_now_text (ctx);
  g_assert_cmpstr (now, ==, "2026-04-15 11:00:00");
  g_assert_cmpstr (pd_context_get_user (ctx), ==, "tester");
  g_assert_cmpint (pd_context_get_role (ctx), ==, PD_ROLE_CLERK);

  slips = pd_release_register_list (ctx, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (slips->len, >, 200);
  for (guint i = 0; i < slips->len; i++)
    counts[pd_release_slip_status (ctx, slips->pdata[i])]++;
  for (int s = 0; s < 4; s++)
    g_assert_cmpint (counts[s], >, 0);
  /* A few months, numbered without gaps, none issued after now. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count (DISTINCT substr (issued_at, 1, 7)) FROM release_slip", NULL), >=, 4);
  g_assert_cmpint (pd_test_count (ctx, "SELECT max (number) - count(*) FROM release_slip", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM release_slip WHERE issued_at > '2026-04-15 11:00:00' "
                                       "OR released_at > '2026-04-15 11:00:00'", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM release_slip WHERE applicant_role = 'tenant'", NULL), >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM release_slip WHERE reason = 'moving_out'", NULL), >, 0);
}

static void
test_suggest (void)
{
  const char *const items[] = { "纸箱", "装修工具", "沙发", "洗衣机", "TV stand", NULL };
  Office office = { 0 };
  g_autoptr (GPtrArray) carriers = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (pd_release_suggest (items, "沙发"), ==, 2);       /* the name itself */
  g_assert_cmpint (pd_release_suggest (items, "洗"), ==, 3);         /* a prefix */
  g_assert_cmpint (pd_release_suggest (items, "sf"), ==, 2);         /* initials */
  g_assert_cmpint (pd_release_suggest (items, "XYJ"), ==, 3);
  g_assert_cmpint (pd_release_suggest (items, "zx"), ==, 0);         /* most used first */
  g_assert_cmpint (pd_release_suggest (items, "zxg"), ==, 1);
  g_assert_cmpint (pd_release_suggest (items, "shaf"), ==, 2);       /* full pinyin */
  g_assert_cmpint (pd_release_suggest (items, "tv"), ==, 4);
  g_assert_cmpint (pd_release_suggest (items, "qq"), ==, -1);
  g_assert_cmpint (pd_release_suggest (items, ""), ==, -1);
  g_assert_cmpint (pd_release_suggest (items, "s1"), ==, -1);

  /* Recent carriers: one per ID number, the latest first. */
  office_init (&office, NULL);
  for (int i = 0; i < 3; i++)
    {
      g_autoptr (PdReleaseSlip) slip = owner_slip (&office);
      if (i == 1)
        {
          set_text (&slip->carrier_name, "黄建国");
          set_text (&slip->carrier_id_number, "110105194912310038");
          set_text (&slip->plate, "");
        }
      issue_ok (&office, slip);
    }
  carriers = pd_release_recent_carriers (office.ctx, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (carriers->len, ==, 2);
  g_assert_cmpstr (((PdReleaseCarrier *) carriers->pdata[0])->name, ==, "陈师傅");
  g_assert_cmpstr (((PdReleaseCarrier *) carriers->pdata[0])->plate, ==, "粤B12345");
  g_assert_cmpstr (((PdReleaseCarrier *) carriers->pdata[1])->id_number, ==, "110105194912310038");
  office_clear (&office);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/release/issue-owner", test_issue_owner);
  g_test_add_func ("/release/applicants", test_applicants);
  g_test_add_func ("/release/tenant-needs-owner", test_tenant_needs_owner);
  g_test_add_func ("/release/moving-out-needs-fees", test_moving_out_needs_fees);
  g_test_add_func ("/release/refusals", test_refusals);
  g_test_add_func ("/release/serials-gap-free", test_serials_gap_free);
  g_test_add_func ("/release/serials-concurrent", test_serials_concurrent);
  g_test_add_func ("/release/release-once", test_release_once);
  g_test_add_func ("/release/release-once-concurrent", test_release_once_concurrent);
  g_test_add_func ("/release/expired", test_expired);
  g_test_add_func ("/release/void", test_void);
  g_test_add_func ("/release/code-changes", test_code_changes);
  g_test_add_func ("/release/serial-parse", test_serial_parse);
  g_test_add_func ("/release/register", test_register);
  g_test_add_func ("/release/demo", test_demo);
  g_test_add_func ("/release/suggest", test_suggest);
  return g_test_run ();
}
