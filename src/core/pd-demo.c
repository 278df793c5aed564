/* pd-demo.c — see pd-demo.h. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-calendar.h"
#include "pd-demo.h"
#include "pd-demo-handover.h"
#include "pd-demo-patrol.h"
#include "pd-error.h"
#include "pd-estate.h"
#include "pd-person.h"
#include "pd-unit-role.h"

#define FLOORS_PER_BUILDING 18
#define UNITS_PER_FLOOR 2
#define ENTRANCES_PER_BUILDING 2

static const char *const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
  "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
  "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
  "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏",
  "单", "解", "查", "区", "欧阳", "司马", "尉迟", "诸葛",
};
static const char *const given_chars[] = {
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
  "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "萍", "红", "建", "文", "辉", "力", "鹏",
  "宇", "浩", "欣", "婷", "雪", "琳", "晨", "博", "思", "佳", "俊", "凯", "慧", "颖", "瑞", "志",
};
static const char *const companies[] = {
  "华信商贸有限公司", "锦程科技有限公司", "恒泰咨询有限公司", "宏远餐饮管理有限公司",
  "瑞丰医药连锁有限公司", "新景装饰工程有限公司", "博雅教育科技有限公司", "安和便利店有限公司",
};
static const char *const regions[] = {
  "110101", "110105", "310104", "310115", "440305", "440106", "320102", "330106",
  "510107", "420106", "370102", "610113", "350203", "430104", "120101", "500103",
};
static const char *const car_models[] = { "大众朗逸", "丰田卡罗拉", "本田雅阁", "比亚迪汉", "特斯拉Model 3", "吉利星越" };
static const char *const provinces[] = { "京", "沪", "粤", "苏", "浙", "川", "鄂", "鲁" };
static const char *const relations[] = { "配偶", "子女", "父母", "兄弟姐妹" };
static const char *const layouts[] = { "两室一厅", "三室两厅", "三室一厅", "四室两厅", "一室一厅" };

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

char *
pd_demo_make_prc_id (GRand      *rand,
                     const char *birthday_iso,
                     gboolean    male)
{
  static const int weights[] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char check_chars[] = "10X98765432";
  g_autofree char *digits = NULL;
  int sequence = g_rand_int_range (rand, 0, 500) * 2 + (male ? 1 : 0);
  int sum = 0;
  char date[9];

  g_snprintf (date, sizeof date, "%.4s%.2s%.2s", birthday_iso, birthday_iso + 5, birthday_iso + 8);
  digits = g_strdup_printf ("%s%s%03d", PICK (rand, regions), date, sequence);
  for (int i = 0; i < 17; i++)
    sum += (digits[i] - '0') * weights[i];
  return g_strdup_printf ("%s%c", digits, check_chars[sum % 11]);
}

char *
pd_demo_make_uscc (GRand *rand)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const int weights[] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
  char code[19];
  int sum = 0, check;

  code[0] = '9';
  code[1] = '1';
  memcpy (code + 2, PICK (rand, regions), 6);
  for (int i = 8; i < 17; i++)
    code[i] = alphabet[g_rand_int_range (rand, 0, 10)];
  for (int i = 0; i < 17; i++)
    sum += (int) (strchr (alphabet, code[i]) - alphabet) * weights[i];
  check = 31 - sum % 31;
  code[17] = alphabet[check == 31 ? 0 : check];
  code[18] = '\0';
  return g_strdup (code);
}

char *
pd_demo_make_mobile (GRand *rand)
{
  static const char *const prefixes[] = { "138", "139", "136", "137", "150", "151", "158", "186", "188", "177", "133", "189" };
  return g_strdup_printf ("%s%08d", PICK (rand, prefixes), g_rand_int_range (rand, 0, 100000000));
}

static char *
make_name (GRand *rand)
{
  const char *surname = PICK (rand, surnames);
  if (g_rand_int_range (rand, 0, 3) == 0)
    return g_strconcat (surname, PICK (rand, given_chars), NULL);
  return g_strconcat (surname, PICK (rand, given_chars), PICK (rand, given_chars), NULL);
}

static char *
random_date (GRand *rand,
             int    first_year,
             int    last_year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, first_year);
  g_date_add_days (&date, g_rand_int_range (rand, 0, (last_year - first_year + 1) * 365));
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static gint64
create_individual (PdContext  *ctx,
                   GRand      *rand,
                   const char *fixed_name,
                   GError    **error)
{
  g_autoptr (PdPerson) person = pd_person_new ();
  gboolean male = g_rand_boolean (rand);

  g_free (person->name);
  person->name = fixed_name ? g_strdup (fixed_name) : make_name (rand);
  g_free (person->birthday);
  person->birthday = random_date (rand, 1950, 2000);
  g_free (person->id_number);
  person->id_number = pd_demo_make_prc_id (rand, person->birthday, male);
  /* 16 regions × 50 years of birthdays × 500 serials: a 250,000-person
   * portfolio draws a few hundred numbers twice. */
  while (pd_person_find_by_id_number (ctx, person->id_type, person->id_number) != 0)
    {
      g_free (person->id_number);
      person->id_number = pd_demo_make_prc_id (rand, person->birthday, male);
    }
  g_free (person->mobile);
  person->mobile = pd_demo_make_mobile (rand);
  g_free (person->consent_on);
  person->consent_on = random_date (rand, 2018, 2025);
  g_free (person->archive_location);
  person->archive_location = g_strdup_printf ("档案柜%d-第%d盒", g_rand_int_range (rand, 1, 9),
                                              g_rand_int_range (rand, 1, 40));
  g_free (person->docs_checked);
  person->docs_checked = g_strdup (g_rand_int_range (rand, 0, 5) ? "id_copy,purchase_contract,move_in_notice"
                                                                 : "id_copy");
  if (g_rand_int_range (rand, 0, 4) == 0)
    {
      g_free (person->emergency_name);
      person->emergency_name = make_name (rand);
      g_free (person->emergency_phone);
      person->emergency_phone = pd_demo_make_mobile (rand);
    }
  /* The sex comes from the ID number. */
  g_free (person->sex);
  person->sex = g_strdup ("");
  return pd_person_create (ctx, person, error);
}

static gint64
create_enterprise (PdContext *ctx,
                   GRand     *rand,
                   guint      serial,
                   GError   **error)
{
  g_autoptr (PdPerson) person = pd_person_new ();

  g_free (person->kind);
  person->kind = g_strdup ("enterprise");
  g_free (person->name);
  person->name = g_strdup_printf ("%s%s", PICK (rand, surnames), companies[serial % G_N_ELEMENTS (companies)]);
  g_free (person->uscc);
  person->uscc = pd_demo_make_uscc (rand);
  g_free (person->id_number);
  person->id_number = g_strdup ("");
  g_free (person->legal_rep);
  person->legal_rep = make_name (rand);
  g_free (person->contact_person);
  person->contact_person = make_name (rand);
  g_free (person->mobile);
  person->mobile = pd_demo_make_mobile (rand);
  g_free (person->docs_checked);
  person->docs_checked = g_strdup ("business_licence,purchase_contract");
  return pd_person_create (ctx, person, error);
}

static gboolean
add_role (PdContext  *ctx,
          gint64      unit_id,
          gint64      person_id,
          const char *role_name,
          const char *start_on,
          const char *lease_end,
          gint64      authorised_by,
          const char *relation,
          GError    **error)
{
  g_autoptr (PdUnitRole) role = pd_unit_role_new (role_name);

  role->unit_id = unit_id;
  role->person_id = person_id;
  g_free (role->start_on);
  role->start_on = g_strdup (start_on);
  g_free (role->lease_end);
  role->lease_end = g_strdup (lease_end ? lease_end : "");
  role->authorised_by = authorised_by;
  g_free (role->relation);
  role->relation = g_strdup (relation ? relation : "");
  if (authorised_by)
    {
      g_free (role->authorisation_note);
      role->authorisation_note = g_strdup ("业主授权委托书已存档");
    }
  return pd_unit_role_add (ctx, role, error) > 0;
}

static const char *
pick_state (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  if (roll < 3)
    return "unsold";
  if (roll < 15)
    return "vacant";
  if (roll < 23)
    return "handed_over";
  if (roll < 30)
    return "renovating";
  if (roll < 85)
    return "occupied";
  return "rented";
}

/* The demo office has about 1.84 people per unit; a portfolio asking for
 * more gets them as larger households in the occupied units (about 54 % of
 * the units). */
static int
extra_members (PdContext *ctx,
               GRand     *rand)
{
  PdDemoVolumes volumes = pd_demo_volumes (ctx);
  guint permille;

  if (volumes.people == 0 || volumes.units == 0 || volumes.people <= volumes.units * 184 / 100)
    return 0;
  permille = (guint) ((volumes.people - volumes.units * 184ull / 100) * 1000 / (volumes.units * 54ull / 100));
  return (int) (permille / 1000) + (g_rand_int_range (rand, 0, 1000) < (gint32) (permille % 1000));
}

static gboolean
populate_unit (PdContext  *ctx,
               GRand      *rand,
               gint64      unit_id,
               const char *state,
               gboolean    enterprise,
               gboolean    first,
               const char *today,
               guint       serial,
               GError    **error)
{
  g_autofree char *since = random_date (rand, 2015, 2025);
  gint64 owner;

  if (g_str_equal (state, "unsold"))
    return TRUE;
  owner = enterprise ? create_enterprise (ctx, rand, serial, error)
                     : create_individual (ctx, rand, first ? "张三" : NULL, error);
  if (owner < 0 || !add_role (ctx, unit_id, owner, "owner", since, NULL, 0, NULL, error))
    return FALSE;
  if (!enterprise && g_rand_int_range (rand, 0, 5) == 0)
    {
      gint64 co_owner = create_individual (ctx, rand, NULL, error);
      if (co_owner < 0 || !add_role (ctx, unit_id, co_owner, "owner", since, NULL, 0, NULL, error))
        return FALSE;
    }
  if (g_str_equal (state, "occupied") && !enterprise)
    for (int i = g_rand_int_range (rand, 0, 3) + extra_members (ctx, rand); i > 0; i--)
      {
        gint64 member = create_individual (ctx, rand, NULL, error);
        if (member < 0 ||
            !add_role (ctx, unit_id, member, "member", since, NULL, 0, PICK (rand, relations), error))
          return FALSE;
      }
  if (g_str_equal (state, "rented"))
    {
      /* Leases end around today, so the "ending within 30 days" list has entries. */
      g_autofree char *lease_start = pd_date_add_days (today, -g_rand_int_range (rand, 30, 700));
      g_autofree char *lease_end = pd_date_add_days (today, g_rand_int_range (rand, -10, 365));
      gint64 tenant = create_individual (ctx, rand, NULL, error);
      if (tenant < 0 ||
          !add_role (ctx, unit_id, tenant, "tenant", lease_start, lease_end, owner, NULL, error))
        return FALSE;
    }
  if (!g_str_equal (state, "vacant") && g_rand_int_range (rand, 0, 10) < 4)
    {
      PdVehicle vehicle = { 0 };
      g_autofree char *plate = g_strdup_printf ("%s%c%05d", PICK (rand, provinces),
                                                "ABCDEFGHJK"[g_rand_int_range (rand, 0, 10)],
                                                (int) (serial * 7919 % 100000));
      g_autofree char *space = g_strdup_printf ("B%d-%03d", g_rand_int_range (rand, 1, 3), serial % 1000);
      vehicle.person_id = owner;
      vehicle.unit_id = unit_id;
      gboolean added;

      /* pd_vehicle_add replaces the plate with its normalised form. */
      vehicle.plate = g_steal_pointer (&plate);
      vehicle.model = (char *) PICK (rand, car_models);
      vehicle.parking_space = space;
      added = pd_vehicle_add (ctx, &vehicle, error) > 0;
      g_free (vehicle.plate);
      if (!added)
        return FALSE;
    }
  return TRUE;
}

#define VOLUMES_KEY "pd-demo-volumes"

PdDemoVolumes
pd_demo_volumes (PdContext *ctx)
{
  const PdDemoVolumes *volumes = g_object_get_data (G_OBJECT (ctx), VOLUMES_KEY);
  PdDemoVolumes none = { 0 };

  return volumes ? *volumes : none;
}

gboolean
pd_demo_generate_portfolio (PdContext           *ctx,
                            guint                n_units,
                            const PdDemoVolumes *volumes,
                            guint32              seed,
                            GError             **error)
{
  gboolean ok;

  /* Carried on the context so the feature demos keep their one signature. */
  PdDemoVolumes *copy = g_memdup2 (volumes, sizeof *volumes);

  copy->units = n_units;
  g_object_set_data_full (G_OBJECT (ctx), VOLUMES_KEY, copy, g_free);
  ok = pd_demo_generate (ctx, n_units, seed, error);
  g_object_set_data (G_OBJECT (ctx), VOLUMES_KEY, NULL);
  return ok;
}

gboolean
pd_demo_generate (PdContext *ctx,
                  guint      n_units,
                  guint32    seed,
                  GError   **error)
{
  PdDatabase *database = pd_context_get_database (ctx);
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *today = pd_context_today (ctx);
  gint64 estate_id;
  guint created = 0;

  if (n_units == 0 || n_units > 1000000)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_RANGE, "units",
                          _("Units: choose between 1 and 1,000,000."));
      return FALSE;
    }
  if (pd_database_query_int (database, "SELECT count(*) FROM unit", NULL, error) != 0)
    {
      pd_set_field_error (error, PD_VALIDATION_ERROR_STATE, "database",
                          _("The database already holds units; demo data goes into an empty database."));
      return FALSE;
    }
  if (!pd_database_begin (database, error))
    return FALSE;
  estate_id = pd_estate_current_id (ctx, error);
  if (estate_id < 0 ||
      !pd_database_exec (database, "UPDATE estate SET name = '锦绣花园', address = '幸福路88号' WHERE id = (SELECT max(id) FROM estate)", error))
    goto fail;

  for (guint building = 1; created < n_units; building++)
    for (guint entrance = 1; entrance <= ENTRANCES_PER_BUILDING && created < n_units; entrance++)
      for (guint floor = 1; floor <= FLOORS_PER_BUILDING && created < n_units; floor++)
        for (guint room = 1; room <= UNITS_PER_FLOOR && created < n_units; room++)
          {
            g_autoptr (PdUnit) unit = pd_unit_new ();
            /* The first two floors of building 2, 7, 12… are shops and offices,
             * each first room let to a company. */
            gboolean commercial = building % 5 == 2 && floor <= 2;
            gboolean enterprise = commercial && (room == 1 || g_rand_boolean (rand));

            unit->code = g_strdup_printf ("%u-%u-%u%02u", building, entrance, floor, room);
            g_free (unit->use);
            unit->use = g_strdup (commercial ? (floor == 1 ? "shop" : "office") : "residential");
            unit->gross_area = 60 + g_rand_int_range (rand, 0, 9000) / 100.0;
            unit->inner_area = unit->gross_area * 0.8;
            g_free (unit->layout);
            unit->layout = g_strdup (commercial ? "" : PICK (rand, layouts));
            g_free (unit->state);
            unit->state = g_strdup (created == 0 ? "occupied" : pick_state (rand));
            if (pd_unit_create (ctx, estate_id, unit, error) < 0 ||
                !populate_unit (ctx, rand, unit->id, unit->state, enterprise, created == 0,
                                today, created, error))
              goto fail;
            created++;
          }
  if (!pd_demo_release (ctx, rand, error))
    goto fail;
  if (!pd_demo_handover (ctx, rand, error))
    goto fail;
  if (!pd_demo_renovation (ctx, rand, error))
    goto fail;
  if (!pd_demo_patrol (ctx, rand, error))
    goto fail;
  if (!pd_demo_users (ctx, rand, error))
    goto fail;
  if (!pd_demo_survey (ctx, rand, error))
    goto fail;
  if (!pd_database_commit (database, error))
    goto fail;
  pd_context_notify_changed (ctx, "unit");
  return TRUE;

fail:
  pd_database_rollback (database);
  return FALSE;
}
