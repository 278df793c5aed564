/* test-form-owner.c — the 业主信息登记表: what the PDF says (pdftotext),
 * masking by default, unmasked only for supervisors, and the CLI command. */
#include "config.h"

#include "pd-error.h"
#include "pd-estate.h"
#include "pd-export-log.h"
#include "pd-form-owner.h"
#include "pd-pdf.h"
#include "pd-person.h"
#include "pd-test-fixture.h"
#include "pd-unit-role.h"

#define NOW "2026-11-23 10:00:00"
#define OWNER_ID "11010519491231002X"

static gint64
make_person (PdContext  *ctx,
             const char *name,
             const char *id_number,
             const char *mobile)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdPerson) person = pd_person_new ();
  gint64 id;

  g_free (person->name);
  person->name = g_strdup (name);
  g_free (person->id_number);
  person->id_number = g_strdup (id_number);
  g_free (person->mobile);
  person->mobile = g_strdup (mobile);
  g_free (person->archive_location);
  person->archive_location = g_strdup ("A柜-3盒");
  g_free (person->docs_checked);
  person->docs_checked = g_strdup ("id_copy,purchase_contract");
  g_free (person->consent_on);
  person->consent_on = g_strdup ("2026-03-01");
  id = pd_person_create (ctx, person, &error);
  g_assert_no_error (error);
  return id;
}

static void
add_role (PdContext  *ctx,
          gint64      unit_id,
          gint64      person_id,
          const char *role_name,
          gint64      authorised_by)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnitRole) role = pd_unit_role_new (role_name);

  role->unit_id = unit_id;
  role->person_id = person_id;
  g_free (role->start_on);
  role->start_on = g_strdup ("2026-01-10");
  if (g_str_equal (role_name, "tenant"))
    {
      g_free (role->lease_end);
      role->lease_end = g_strdup ("2027-01-09");
      role->authorised_by = authorised_by;
    }
  if (g_str_equal (role_name, "member"))
    {
      g_free (role->relation);
      role->relation = g_strdup ("配偶");
    }
  pd_unit_role_add (ctx, role, &error);
  g_assert_no_error (error);
}

/* Unit 3-2-1201 owned by 王建国 (mobile 13812341234), his wife as member,
 * a tenant, and a car. */
static PdContext *
make_estate (const char *path)
{
  PdContext *ctx = pd_test_context_open (path, NOW);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdUnit) unit = pd_unit_new ();
  g_autoptr (PdVehicle) car = g_new0 (PdVehicle, 1);
  gint64 unit_id, owner, wife, tenant;

  unit->code = g_strdup ("3-2-1201");
  unit->gross_area = 89.5;
  g_free (unit->layout);
  unit->layout = g_strdup ("三室两厅");
  unit_id = pd_unit_create (ctx, pd_estate_current_id (ctx, NULL), unit, &error);
  g_assert_no_error (error);
  owner = make_person (ctx, "王建国", OWNER_ID, "13812341234");
  wife = make_person (ctx, "李秀英", "", "13900001111");
  tenant = make_person (ctx, "赵租客", "", "13700002222");
  add_role (ctx, unit_id, owner, "owner", 0);
  add_role (ctx, unit_id, wife, "member", 0);
  add_role (ctx, unit_id, tenant, "tenant", owner);
  car->person_id = owner;
  car->unit_id = unit_id;
  car->plate = g_strdup ("粤B12345");
  car->model = g_strdup ("比亚迪 汉");
  car->parking_space = g_strdup ("B2-018");
  pd_vehicle_add (ctx, car, &error);
  g_assert_no_error (error);
  return ctx;
}

static char *
render (PdContext  *ctx,
        gboolean    unmasked,
        const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (pd_test_tmpdir (), name, NULL);
  PdOwnerForm *form = pd_owner_form_load (ctx, "3栋2单元1201", unmasked, &error);
  g_autoptr (PdRenderer) renderer = NULL;
  guint pages = 0;

  g_assert_no_error (error);
  g_assert_nonnull (form);
  renderer = pd_form_owner_renderer (form);
  g_assert_cmpstr (pd_renderer_get_title (renderer), ==, "业主信息登记表 3-2-1201");
  g_assert_true (pd_pdf_write (renderer, path, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, 1);
  return pd_test_pdf_text (path);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the PDF text:\n%s", needle, text);
}

static void
test_masked_by_default (void)
{
  g_autoptr (PdContext) ctx = make_estate (":memory:");
  g_autofree char *text = NULL;

  pd_context_set_user (ctx, "小刘", PD_ROLE_CLERK);
  text = render (ctx, FALSE, "masked.pdf");
  for (const char *const *s = (const char *const[]) {
         "业主信息登记表", "3-2-1201", "王建国", "138****1234", "女", "居民身份证",
         "89.50", "三室两厅", "李秀英", "配偶", "139****1111", "赵租客", "2027-01-09", "粤B12345",
         "B2-018", "A柜-3盒", "☑身份证件复印件", "☑购房合同", "☐入住通知书", "2026-03-01",
         "业主签字：", "日期：", "客户服务中心（盖章）", "第1页/共1页", "打印：小刘", NULL };
       *s; s++)
    assert_contains (text, *s);
  g_assert_null (strstr (text, "13812341234"));
  g_assert_null (strstr (text, "13900001111"));
  g_assert_null (strstr (text, OWNER_ID));
  /* The ID shows its region prefix and last four only. */
  assert_contains (text, "002X");
}

static void
test_unmasked_needs_supervisor (void)
{
  g_autoptr (PdContext) ctx = make_estate (":memory:");
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  pd_context_set_user (ctx, "小刘", PD_ROLE_CLERK);
  g_assert_null (pd_owner_form_load (ctx, "3-2-1201", TRUE, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);

  pd_context_set_user (ctx, "陈主管", PD_ROLE_SUPERVISOR);
  text = render (ctx, TRUE, "unmasked.pdf");
  assert_contains (text, "13812341234");
  assert_contains (text, OWNER_ID);
  assert_contains (text, "含完整个人信息");
}

/* Every output of the form is logged: who, when, which unit, masked or not. */
static void
test_logged (void)
{
  g_autoptr (PdContext) ctx = make_estate (":memory:");
  g_autoptr (GError) error = NULL;
  g_autoptr (PdOwnerForm) masked = NULL;
  g_autoptr (PdOwnerForm) full = NULL;

  pd_context_set_user (ctx, "小刘", PD_ROLE_CLERK);
  masked = pd_owner_form_load (ctx, "3-2-1201", FALSE, &error);
  g_assert_true (pd_owner_form_log (ctx, masked, "office printer", &error));
  pd_context_set_user (ctx, "陈主管", PD_ROLE_SUPERVISOR);
  full = pd_owner_form_load (ctx, "3-2-1201", TRUE, &error);
  g_assert_true (pd_owner_form_log (ctx, full, "/media/usb/form.pdf", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log WHERE user_name = '小刘' "
                                       "AND what = 'owner form 3-2-1201' AND rows = 1 AND unmasked = 0 "
                                       "AND file = 'office printer' AND at = ?", NOW), ==, 1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log WHERE user_name = '陈主管' "
                                       "AND what = 'owner form 3-2-1201' AND rows = 1 AND unmasked = 1 "
                                       "AND file = '/media/usb/form.pdf' AND at = ?", NOW), ==, 1);
}

static void
test_unknown_unit (void)
{
  g_autoptr (PdContext) ctx = make_estate (":memory:");
  g_autoptr (GError) error = NULL;

  g_assert_null (pd_owner_form_load (ctx, "9-9-999", FALSE, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "9-9-999"));
  /* The form's unit is one referred to: "unit", malformed or unknown (pd-error.h). */
  g_assert_cmpstr (pd_error_get_field (error), ==, "unit");
  g_clear_error (&error);
  g_assert_null (pd_owner_form_load (ctx, "1201", FALSE, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (pd_error_get_field (error), ==, "unit");
  g_assert_nonnull (strstr (error->message, "1201"));
}

static void
test_cli (void)
{
  const char *cli = g_getenv ("PROPDESK_CLI");
  g_autofree char *db = g_build_filename (pd_test_tmpdir (), "cli.db", NULL);
  g_autofree char *pdf = g_build_filename (pd_test_tmpdir (), "cli.pdf", NULL);
  g_autofree char *bad_pdf = g_build_filename (pd_test_tmpdir (), "none", "x.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  int status;

  g_assert_nonnull (cli);
  g_object_unref (make_estate (db));

  out = pd_test_run ((const char *[]) { cli, "--db", db, "print", "owner-form", "3-2-1201", pdf,
                                        NULL }, &status, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, pdf));
  text = pd_test_pdf_text (pdf);
  assert_contains (text, "3-2-1201");
  assert_contains (text, "王建国");
  assert_contains (text, "138****1234");
  g_assert_null (strstr (text, "13812341234"));
  {
    g_autoptr (PdContext) ctx = pd_test_context_open (db, NOW);
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM export_log WHERE what = ? "
                                         "AND rows = 1 AND unmasked = 0", "owner form 3-2-1201"),
                     ==, 1);
  }

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = pd_test_run ((const char *[]) { cli, "--db", db, "print", "owner-form", "9-9-999", pdf,
                                        NULL }, &status, &err);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "9-9-999"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = pd_test_run ((const char *[]) { cli, "--db", db, "print", "owner-form", "3-2-1201",
                                        bad_pdf, NULL }, &status, &err);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, bad_pdf));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = pd_test_run ((const char *[]) { cli, "--db", db, "print", "owner-form", "3-2-1201", NULL },
                     &status, &err);
  g_assert_cmpint (status, !=, 0);
  g_assert_nonnull (strstr (err, "print owner-form UNIT FILE.pdf"));
}

int
main (int    argc,
      char **argv)
{
  /* The form is read in Chinese, as the office prints it. */
  pd_test_use_chinese ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/print/owner-form/masked", test_masked_by_default);
  g_test_add_func ("/print/owner-form/unmasked", test_unmasked_needs_supervisor);
  g_test_add_func ("/print/owner-form/unknown-unit", test_unknown_unit);
  g_test_add_func ("/print/owner-form/logged", test_logged);
  g_test_add_func ("/print/owner-form/cli", test_cli);
  return g_test_run ();
}
