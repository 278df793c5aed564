/* Handover core: state rules and refusals, papers, meter readings, the
 * checklist and its template, defect deadlines on the working-day calendar,
 * the 24-hour notice rule, the re-inspection loop and closing. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pd-handover-list.h"
#include "pd-meter-reading.h"
#include "pd-settings.h"
#include "pd-test-fixture.h"
#include "pd-test-handover.h"

/* Thursday before the Mid-Autumn / National Day holidays of 2026. */
#define HANDOVER_DAY "2026-09-24"
#define HANDOVER_NOW HANDOVER_DAY " 10:00:00"

static gint64
start (PdContext *ctx,
       gint64     unit_id,
       gint64     owner_id)
{
  g_autoptr (GError) error = NULL;
  gint64 id = pd_handover_start (ctx, unit_id, owner_id, NULL, HANDOVER_DAY, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
first_check (PdContext  *ctx,
             gint64      handover_id,
             const char *room,
             const char *item)
{
  g_autoptr (GPtrArray) checks = pd_handover_check_list (ctx, handover_id, NULL);

  for (guint i = 0; i < checks->len; i++)
    {
      PdHandoverCheck *check = checks->pdata[i];
      if (g_str_equal (check->room, room) && g_str_equal (check->item, item))
        return check->id;
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_meter_readings (void)
{
  g_autoptr (GError) error = NULL;
  gint64 milli = -7;
  struct { const char *text; gint64 milli; } good[] = {
    { "12.5", 12500 }, { "1,234.567", 1234567 }, { "１２.５", 12500 }, { "35 m³", 35000 },
    { "3021.75kWh", 3021750 }, { "0", 0 }, { " 7. ", 7000 }, { "0.001", 1 },
  };
  struct { const char *text; int code; } bad[] = {
    { "-1", PD_VALIDATION_ERROR_RANGE }, { "-0.5", PD_VALIDATION_ERROR_RANGE },
    { "abc", PD_VALIDATION_ERROR_INVALID }, { "12,5.3.1", PD_VALIDATION_ERROR_INVALID },
    { "1.2345", PD_VALIDATION_ERROR_INVALID }, { "", PD_VALIDATION_ERROR_REQUIRED },
    { "1e5", PD_VALIDATION_ERROR_INVALID }, { "9999999999999", PD_VALIDATION_ERROR_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (pd_meter_reading_parse (good[i].text, "water", "Water meter", &milli, &error));
      g_assert_no_error (error);
      g_assert_cmpint (milli, ==, good[i].milli);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      milli = -7;
      g_assert_false (pd_meter_reading_parse (bad[i].text, "water", "Water meter", &milli, &error));
      g_assert_error (error, PD_VALIDATION_ERROR, bad[i].code);
      g_assert_cmpstr (pd_error_get_field (error), ==, "water");
      g_assert_nonnull (strstr (error->message, "Water meter"));
      g_assert_cmpint (milli, ==, -7);
      g_clear_error (&error);
    }
  {
    struct { gint64 milli; const char *text; } formats[] = {
      { 12500, "12.5" }, { 7000, "7" }, { 0, "0" }, { 1, "0.001" }, { 3021750, "3021.75" }, { -1, "" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        g_autofree char *text = pd_meter_reading_format (formats[i].milli);
        g_assert_cmpstr (text, ==, formats[i].text);
      }
  }
}

static void
test_start_rules (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (HANDOVER_NOW);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdPerson) buyer = pd_test_new_person ("赵买家", 11);
  g_autoptr (PdPerson) bad_buyer = pd_test_new_person ("钱错号", 12);
  gint64 unsold = pd_test_make_unit (ctx, "1-1-101", "unsold", "residential");
  gint64 vacant = pd_test_make_unit (ctx, "1-1-102", "vacant", "residential");
  gint64 shop = pd_test_make_unit (ctx, "2-1-101", "vacant", "shop");
  gint64 handed = pd_test_make_unit (ctx, "1-1-201", "handed_over", "residential");
  gint64 renovating = pd_test_make_unit (ctx, "1-1-202", "renovating", "residential");
  gint64 owner = pd_test_make_owner (ctx, vacant, "张三", 1);
  gint64 stranger = pd_test_make_owner (ctx, handed, "李四", 2);
  gint64 shop_owner = pd_test_make_owner (ctx, shop, "孙老板", 3);
  gint64 id, shop_id;

  /* Already handed over: refused with the unit and its state named. */
  g_assert_cmpint (pd_handover_start (ctx, handed, stranger, NULL, HANDOVER_DAY, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_assert_cmpstr (pd_error_get_field (error), ==, "unit");
  g_assert_cmpstr (error->message, ==, "Unit 1-1-201 is already handed over (state: Handed over).");
  g_clear_error (&error);
  g_assert_false (pd_handover_check_can_start (ctx, renovating, &error));
  g_assert_nonnull (strstr (error->message, "Renovating"));
  g_clear_error (&error);

  /* The owner must own the unit. */
  g_assert_cmpint (pd_handover_start (ctx, vacant, stranger, NULL, HANDOVER_DAY, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "owner");
  g_assert_nonnull (strstr (error->message, "张三"));
  g_clear_error (&error);
  /* No owner at all; a date in the future. */
  g_assert_cmpint (pd_handover_start (ctx, vacant, 0, NULL, HANDOVER_DAY, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "owner");
  g_clear_error (&error);
  g_assert_cmpint (pd_handover_start (ctx, vacant, owner, NULL, "2026-09-25", &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "handover_on");
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover", NULL), ==, 0);

  id = start (ctx, vacant, owner);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_check WHERE handover_id = 1", NULL), ==,
                   pd_test_count (ctx, "SELECT count(*) FROM handover_template_item WHERE use = 'residential'", NULL));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_check WHERE handover_id = 1", NULL), ==, 44);
  {
    g_autoptr (PdHandover) h = pd_handover_get (ctx, id, &error);
    g_assert_cmpstr (h->status, ==, "in_progress");
    g_assert_cmpstr (h->unit_code, ==, "1-1-102");
    g_assert_cmpstr (h->owner_name, ==, "张三");
    g_assert_cmpstr (h->clerk, ==, "tester");
    g_assert_cmpstr (h->keys_received_by, ==, "张三");
    g_assert_cmpint (h->water_milli, ==, -1);
  }
  /* A second handover of the same unit is refused while the first runs. */
  g_assert_cmpint (pd_handover_start (ctx, vacant, owner, NULL, HANDOVER_DAY, &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_assert_nonnull (strstr (error->message, "in progress"));
  g_clear_error (&error);

  /* An unsold unit's buyer is created and becomes its owner, in one go;
   * an invalid buyer leaves nothing behind. */
  g_free (bad_buyer->id_number);
  bad_buyer->id_number = g_strdup ("110105194912310021");
  g_assert_cmpint (pd_handover_start (ctx, unsold, 0, bad_buyer, HANDOVER_DAY, &error), ==, -1);
  g_assert_cmpstr (pd_error_get_field (error), ==, "id_number");
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM person WHERE name = '钱错号'", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover WHERE unit_id = 1", NULL), ==, 0);
  g_assert_cmpint (pd_handover_start (ctx, unsold, 0, buyer, HANDOVER_DAY, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit_role r JOIN person p ON p.id = r.person_id "
                                       "WHERE r.unit_id = 1 AND r.role = 'owner' AND p.name = '赵买家' "
                                       "AND r.start_on = '" HANDOVER_DAY "'", NULL), ==, 1);

  /* A shop walks the shop checklist. */
  shop_id = start (ctx, shop, shop_owner);
  {
    g_autoptr (GPtrArray) checks = pd_handover_check_list (ctx, shop_id, &error);
    g_assert_cmpuint (checks->len, ==, 12);
    g_assert_cmpstr (((PdHandoverCheck *) checks->pdata[0])->item, ==, "卷帘门及门锁");
  }
}

static void
test_save_validation (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (HANDOVER_NOW);
  g_autoptr (GError) error = NULL;
  gint64 unit = pd_test_make_unit (ctx, "1-1-102", "vacant", "residential");
  gint64 owner = pd_test_make_owner (ctx, unit, "张三", 1);
  gint64 id = start (ctx, unit, owner);
  g_autoptr (PdHandover) h = pd_handover_get (ctx, id, &error);
  g_autoptr (PdHandover) read = NULL;

  g_free (h->docs_checked);
  h->docs_checked = g_strdup ("purchase_contract,move_in_notice,bribe");
  g_assert_false (pd_handover_save (ctx, h, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "docs_checked");
  g_clear_error (&error);
  g_free (h->docs_checked);
  h->docs_checked = g_strdup ("purchase_contract,move_in_notice");

  g_free (h->proxy_name);
  h->proxy_name = g_strdup ("周代办");
  g_free (h->proxy_id_number);
  h->proxy_id_number = g_strdup ("110105194912310021");
  g_assert_false (pd_handover_save (ctx, h, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "proxy_id_number");
  g_clear_error (&error);
  g_free (h->proxy_id_number);
  h->proxy_id_number = g_strdup ("11010519491231002x");

  h->house_keys = -1;
  g_assert_false (pd_handover_save (ctx, h, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "house_keys");
  g_clear_error (&error);
  h->house_keys = 0;
  g_free (h->keys_handed_on);
  h->keys_handed_on = g_strdup (HANDOVER_DAY);
  g_assert_false (pd_handover_save (ctx, h, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "house_keys");
  g_clear_error (&error);
  h->gas_milli = -5;
  h->house_keys = 2;
  g_assert_false (pd_handover_save (ctx, h, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "readings");
  g_clear_error (&error);
  /* Nothing of the refused saves reached the database. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover WHERE docs_checked = '' AND house_keys = 0 "
                                       "AND proxy_name = '' AND keys_handed_on = ''", NULL), ==, 1);

  h->gas_milli = -1;
  h->water_milli = 12500;
  g_free (h->access_cards);
  h->access_cards = g_strdup ("MJ01，MJ02；MJ03  MJ04");
  g_assert_true (pd_handover_save (ctx, h, &error));
  g_assert_no_error (error);
  read = pd_handover_get (ctx, id, &error);
  g_assert_cmpstr (read->docs_checked, ==, "move_in_notice,purchase_contract");
  g_assert_cmpstr (read->proxy_id_number, ==, "11010519491231002X");
  g_assert_cmpstr (read->access_cards, ==, "MJ01、MJ02、MJ03、MJ04");
  g_assert_cmpint (read->water_milli, ==, 12500);
  g_assert_cmpint (read->gas_milli, ==, -1);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover WHERE gas_milli IS NULL AND water_milli = 12500", NULL), ==, 1);
  g_assert_cmpint (read->house_keys, ==, 2);
}

static void
test_checklist_and_deadlines (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (HANDOVER_NOW);
  g_autoptr (GError) error = NULL;
  gint64 unit = pd_test_make_unit (ctx, "1-1-102", "vacant", "residential");
  gint64 owner = pd_test_make_owner (ctx, unit, "张三", 1);
  gint64 id = start (ctx, unit, owner);
  gint64 wall = first_check (ctx, id, "客厅", "墙面");
  gint64 drain = first_check (ctx, id, "卫生间", "给排水（闭水试验）");
  g_autoptr (GPtrArray) defects = NULL;
  g_autofree char *deadline = NULL;
  PdHandoverDefect *defect;

  /* A defect needs a note; an unknown result is refused. */
  g_assert_false (pd_handover_check_set (ctx, wall, "defect", "  ", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "note");
  g_clear_error (&error);
  g_assert_false (pd_handover_check_set (ctx, wall, "maybe", "", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "result");
  g_clear_error (&error);

  g_assert_true (pd_handover_check_set (ctx, wall, "defect", "墙面空鼓约0.5㎡", &error));
  g_assert_no_error (error);
  defects = pd_handover_defect_list (ctx, id, &error);
  g_assert_cmpuint (defects->len, ==, 1);
  defect = defects->pdata[0];
  g_assert_cmpstr (defect->room, ==, "客厅");
  g_assert_cmpstr (defect->description, ==, "墙面：墙面空鼓约0.5㎡");
  g_assert_cmpstr (defect->responsible, ==, "建设单位");
  /* 7 working days from Thu 24 Sep 2026: 25–27 Sep Mid-Autumn and 1–7 Oct
   * National Day are off, Sat 10 Oct is a make-up working day. */
  g_assert_cmpstr (defect->deadline, ==, "2026-10-12");
  g_assert_cmpstr (defect->recorded_at, ==, HANDOVER_NOW);
  g_assert_cmpstr (defect->notice_due_at, ==, "2026-09-25 10:00:00");

  /* Back to OK removes it again. */
  g_assert_true (pd_handover_check_set (ctx, wall, "ok", "", &error));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_defect", NULL), ==, 0);
  g_assert_true (pd_handover_check_set (ctx, drain, "defect", "地漏排水慢", &error));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_defect", NULL), ==, 1);

  /* Deadlines typed as dates or as +N working days. */
  g_assert_true (pd_handover_deadline_parse (ctx, "+3", HANDOVER_DAY, &deadline, &error));
  g_assert_cmpstr (deadline, ==, "2026-09-30");
  g_clear_pointer (&deadline, g_free);
  g_assert_true (pd_handover_deadline_parse (ctx, "2026/10/3", HANDOVER_DAY, &deadline, &error));
  g_assert_cmpstr (deadline, ==, "2026-10-08");
  g_clear_pointer (&deadline, g_free);
  g_assert_true (pd_handover_deadline_parse (ctx, "2026-10-10", HANDOVER_DAY, &deadline, &error));
  g_assert_cmpstr (deadline, ==, "2026-10-10");
  g_clear_pointer (&deadline, g_free);
  g_assert_false (pd_handover_deadline_parse (ctx, "2026-09-01", HANDOVER_DAY, &deadline, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_false (pd_handover_deadline_parse (ctx, "+x", HANDOVER_DAY, &deadline, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "deadline");
  g_clear_error (&error);

  /* A defect the owner raised outside the checklist, with an agreed date. */
  {
    g_autoptr (PdHandoverDefect) extra = pd_handover_defect_new ();
    extra->handover_id = id;
    g_free (extra->room);
    extra->room = g_strdup ("主卧");
    g_free (extra->description);
    extra->description = g_strdup ("窗户密封条脱落");
    g_free (extra->responsible);
    extra->responsible = g_strdup ("门窗施工单位");
    g_free (extra->deadline);
    extra->deadline = g_strdup ("2026-10-01");
    g_assert_cmpint (pd_handover_defect_add (ctx, extra, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpstr (extra->deadline, ==, "2026-10-08");
  }

  /* Finishing needs every item answered and the water and power readings. */
  g_assert_false (pd_handover_finish_inspection (ctx, id, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "checklist");
  g_assert_nonnull (strstr (error->message, "42"));
  g_clear_error (&error);
  g_assert_true (pd_handover_check_rest_ok (ctx, id, &error));
  g_assert_false (pd_handover_finish_inspection (ctx, id, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "water");
  g_clear_error (&error);
  pd_test_fill_handover (ctx, id);
  g_assert_true (pd_handover_finish_inspection (ctx, id, &error));
  g_assert_no_error (error);
  {
    g_autoptr (PdHandover) h = pd_handover_get (ctx, id, &error);
    g_assert_cmpstr (h->status, ==, "defects_open");
    g_assert_cmpstr (h->inspected_on, ==, HANDOVER_DAY);
  }
  /* The checklist is frozen now. */
  g_assert_false (pd_handover_check_set (ctx, wall, "defect", "裂缝", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
}

static void
test_notice_rule (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (HANDOVER_NOW);
  g_autoptr (GError) error = NULL;
  gint64 unit = pd_test_make_unit (ctx, "1-1-102", "vacant", "residential");
  gint64 unit2 = pd_test_make_unit (ctx, "1-1-103", "vacant", "residential");
  gint64 id = start (ctx, unit, pd_test_make_owner (ctx, unit, "张三", 1));
  gint64 id2 = start (ctx, unit2, pd_test_make_owner (ctx, unit2, "李四", 2));
  g_autoptr (PdHandoverDefect) defect = NULL;
  g_autofree char *number = NULL;
  g_autofree char *number2 = NULL;
  PdHandoverFilter attention = { .attention = TRUE };

  g_assert_true (pd_handover_check_set (ctx, first_check (ctx, id, "厨房", "给排水"), "defect", "水管渗水", &error));
  g_assert_true (pd_handover_check_set (ctx, first_check (ctx, id2, "阳台", "阳台栏杆"), "defect", "栏杆松动", &error));
  g_assert_no_error (error);
  defect = pd_handover_defect_get (ctx, pd_test_count (ctx, "SELECT min(id) FROM handover_defect", NULL), &error);
  g_assert_cmpint (pd_handover_defect_notice_state (ctx, defect), ==, PD_DUE_PENDING);

  /* 4 hours before the 24 hours are up it is due soon; a second after, overdue. */
  pd_test_set_now (ctx, "2026-09-25 06:30:00");
  g_assert_cmpint (pd_handover_defect_notice_state (ctx, defect), ==, PD_DUE_SOON);
  pd_test_set_now (ctx, "2026-09-25 10:00:00");
  g_assert_cmpint (pd_handover_defect_notice_state (ctx, defect), ==, PD_DUE_SOON);
  pd_test_set_now (ctx, "2026-09-25 10:00:01");
  g_assert_cmpint (pd_handover_defect_notice_state (ctx, defect), ==, PD_DUE_OVERDUE);
  {
    g_autoptr (GPtrArray) rows = pd_handover_list (ctx, &attention, &error);
    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpint (((PdHandoverRow *) rows->pdata[0])->notices_overdue, ==, 1);
  }

  /* The notice goes out (late): numbered, no longer due. */
  g_assert_true (pd_handover_send_notice (ctx, id, &number, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (number, ==, "ZG2026-0001");
  g_clear_pointer (&defect, pd_handover_defect_free);
  defect = pd_handover_defect_get (ctx, pd_test_count (ctx, "SELECT min(id) FROM handover_defect", NULL), &error);
  g_assert_cmpstr (defect->notice_sent_at, ==, "2026-09-25 10:00:01");
  g_assert_cmpstr (defect->notice_no, ==, "ZG2026-0001");
  g_assert_cmpint (pd_handover_defect_notice_state (ctx, defect), ==, PD_DUE_NONE);
  g_assert_false (pd_handover_send_notice (ctx, id, NULL, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "notice");
  g_clear_error (&error);
  g_assert_true (pd_handover_send_notice (ctx, id2, &number2, &error));
  g_assert_cmpstr (number2, ==, "ZG2026-0002");
  {
    g_autoptr (GPtrArray) rows = pd_handover_list (ctx, &attention, &error);
    g_assert_cmpuint (rows->len, ==, 0);
  }
}

static void
test_reinspection_and_close (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (HANDOVER_NOW);
  g_autoptr (GError) error = NULL;
  gint64 unit = pd_test_make_unit (ctx, "1-1-102", "vacant", "residential");
  gint64 owner = pd_test_make_owner (ctx, unit, "张三", 1);
  gint64 id = start (ctx, unit, owner);
  gint64 defect_id;
  g_autoptr (PdHandoverDefect) defect = NULL;
  g_autoptr (PdHandover) h = NULL;
  g_autoptr (GPtrArray) history = NULL;

  g_assert_true (pd_handover_check_set (ctx, first_check (ctx, id, "厨房", "给排水"), "defect", "水管渗水", &error));
  defect_id = pd_test_count (ctx, "SELECT id FROM handover_defect", NULL);
  /* No re-inspection before the inspection is finished. */
  g_assert_false (pd_handover_reinspect (ctx, defect_id, TRUE, NULL, NULL, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (pd_handover_check_rest_ok (ctx, id, &error));
  pd_test_fill_handover (ctx, id);
  g_assert_true (pd_handover_finish_inspection (ctx, id, &error));
  g_assert_no_error (error);

  /* Closing with a defect open is refused. */
  g_assert_false (pd_handover_close (ctx, id, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_assert_nonnull (strstr (error->message, "Defects"));
  g_clear_error (&error);

  /* The deadline passes: overdue. */
  pd_test_set_now (ctx, "2026-10-13 09:00:00");
  defect = pd_handover_defect_get (ctx, defect_id, &error);
  g_assert_cmpint (pd_handover_defect_deadline_state (ctx, defect), ==, PD_DUE_OVERDUE);
  g_clear_pointer (&defect, pd_handover_defect_free);

  /* Not fixed: a new deadline is needed, after today. */
  g_assert_false (pd_handover_reinspect (ctx, defect_id, FALSE, "", "仍渗水", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "deadline");
  g_clear_error (&error);
  g_assert_false (pd_handover_reinspect (ctx, defect_id, FALSE, "2026-10-13", "仍渗水", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_RANGE);
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_reinspection", NULL), ==, 0);
  g_assert_true (pd_handover_reinspect (ctx, defect_id, FALSE, "+5", "仍渗水", &error));
  g_assert_no_error (error);
  defect = pd_handover_defect_get (ctx, defect_id, &error);
  g_assert_cmpstr (defect->deadline, ==, "2026-10-20");
  g_assert_cmpstr (defect->status, ==, "open");
  g_assert_cmpint (defect->reinspections, ==, 1);
  g_assert_cmpint (pd_handover_defect_deadline_state (ctx, defect), ==, PD_DUE_PENDING);
  g_clear_pointer (&defect, pd_handover_defect_free);
  h = pd_handover_get (ctx, id, &error);
  g_assert_cmpstr (h->status, ==, "defects_open");
  g_clear_pointer (&h, pd_handover_free);

  /* Fixed at the second re-inspection: the handover is inspected again. */
  pd_test_set_now (ctx, "2026-10-19 15:00:00");
  g_assert_true (pd_handover_reinspect (ctx, defect_id, TRUE, NULL, "已修复", &error));
  g_assert_no_error (error);
  defect = pd_handover_defect_get (ctx, defect_id, &error);
  g_assert_cmpstr (defect->status, ==, "fixed");
  g_assert_cmpstr (defect->closed_on, ==, "2026-10-19");
  g_assert_cmpint (pd_handover_defect_deadline_state (ctx, defect), ==, PD_DUE_NONE);
  g_assert_false (pd_handover_reinspect (ctx, defect_id, TRUE, NULL, NULL, &error));
  g_clear_error (&error);
  history = pd_handover_reinspection_list (ctx, defect_id, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((PdHandoverReinspection *) history->pdata[0])->result, ==, "not_fixed");
  g_assert_cmpstr (((PdHandoverReinspection *) history->pdata[0])->new_deadline, ==, "2026-10-20");
  g_assert_cmpstr (((PdHandoverReinspection *) history->pdata[1])->result, ==, "fixed");
  h = pd_handover_get (ctx, id, &error);
  g_assert_cmpstr (h->status, ==, "inspected");

  /* Papers incomplete: refused, naming what is missing; nothing changes. */
  g_free (h->agreements_signed);
  h->agreements_signed = g_strdup ("service_contract");
  g_assert_true (pd_handover_save (ctx, h, &error));
  g_assert_false (pd_handover_close (ctx, id, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "papers");
  g_assert_nonnull (strstr (error->message, "Renovation management agreement"));
  g_clear_error (&error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit WHERE state = 'vacant'", NULL), ==, 1);

  g_free (h->agreements_signed);
  h->agreements_signed = g_strdup ("service_contract,renovation_agreement,management_rules");
  g_assert_true (pd_handover_save (ctx, h, &error));
  g_assert_true (pd_handover_close (ctx, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&h, pd_handover_free);
  h = pd_handover_get (ctx, id, &error);
  g_assert_cmpstr (h->status, ==, "closed");
  g_assert_cmpstr (h->closed_on, ==, "2026-10-19");
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit WHERE state = 'handed_over'", NULL), ==, 1);
  /* The change is in the unit's audit trail, and a closed handover is final. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'unit' "
                                       "AND field = 'state' AND new_value = 'handed_over'", NULL), ==, 1);
  g_assert_false (pd_handover_save (ctx, h, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);

  /* Back to vacant (nobody moved in): still refused, it was handed over. */
  g_assert_true (pd_unit_set_state (ctx, unit, "vacant", &error));
  g_assert_cmpint (pd_handover_start (ctx, unit, owner, NULL, "2026-10-19", &error), ==, -1);
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_assert_cmpstr (error->message, ==, "Unit 1-1-102 was already handed over on 2026-10-19.");
  g_clear_error (&error);
}

static void
test_no_defects_and_proxy (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (HANDOVER_NOW);
  g_autoptr (GError) error = NULL;
  gint64 unit = pd_test_make_unit (ctx, "1-1-102", "unsold", "residential");
  g_autoptr (PdPerson) buyer = pd_test_new_person ("赵买家", 11);
  gint64 id = pd_handover_start (ctx, unit, 0, buyer, HANDOVER_DAY, &error);
  g_autoptr (PdHandover) h = NULL;

  g_assert_no_error (error);
  g_assert_true (pd_handover_check_rest_ok (ctx, id, &error));
  pd_test_fill_handover (ctx, id);
  g_assert_true (pd_handover_finish_inspection (ctx, id, &error));
  h = pd_handover_get (ctx, id, &error);
  g_assert_cmpstr (h->status, ==, "inspected");
  /* A proxy came: the proxy's ID and the original power of attorney are needed. */
  g_free (h->proxy_name);
  h->proxy_name = g_strdup ("周代办");
  g_assert_true (pd_handover_save (ctx, h, &error));
  g_assert_false (pd_handover_close (ctx, id, &error));
  g_assert_nonnull (strstr (error->message, "Power of attorney"));
  g_clear_error (&error);
  g_free (h->docs_checked);
  h->docs_checked = g_strdup ("move_in_notice,purchase_contract,owner_id,proxy_id,power_of_attorney");
  g_assert_true (pd_handover_save (ctx, h, &error));
  g_assert_true (pd_handover_close (ctx, id, &error));
  g_assert_no_error (error);
  /* unsold → handed over */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM unit WHERE state = 'handed_over'", NULL), ==, 1);
}

static void
test_template_edit (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (HANDOVER_NOW);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_handover_check_free);
  g_autoptr (GPtrArray) read = NULL;
  gint64 shop = pd_test_make_unit (ctx, "2-1-101", "vacant", "shop");
  gint64 shop2 = pd_test_make_unit (ctx, "2-1-102", "vacant", "shop");
  gint64 old_id = start (ctx, shop, pd_test_make_owner (ctx, shop, "孙老板", 3));
  gint64 new_id;

  g_ptr_array_add (items, pd_handover_check_new ("营业区", "地面"));
  g_ptr_array_add (items, pd_handover_check_new (" 营业区 ", "地面 "));
  g_assert_false (pd_handover_template_set (ctx, "shop", items, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);
  g_ptr_array_remove_index (items, 1);
  g_ptr_array_add (items, pd_handover_check_new ("仓库", ""));
  g_assert_false (pd_handover_template_set (ctx, "shop", items, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "checklist");
  g_clear_error (&error);
  g_ptr_array_remove_index (items, 1);
  g_ptr_array_add (items, pd_handover_check_new ("仓库", "货架"));
  g_assert_false (pd_handover_template_set (ctx, "garage", items, &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "use");
  g_clear_error (&error);

  pd_context_set_user (ctx, "clerk", PD_ROLE_CLERK);
  g_assert_false (pd_handover_template_set (ctx, "shop", items, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);
  pd_context_set_user (ctx, "boss", PD_ROLE_SUPERVISOR);
  g_assert_true (pd_handover_template_set (ctx, "shop", items, &error));
  g_assert_no_error (error);

  read = pd_handover_template_list (ctx, "shop", &error);
  g_assert_cmpuint (read->len, ==, 2);
  g_assert_cmpstr (((PdHandoverCheck *) read->pdata[1])->room, ==, "仓库");
  g_assert_cmpstr (((PdHandoverCheck *) read->pdata[1])->item, ==, "货架");
  /* The handover already under way keeps its checklist; the next one gets the new. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_check WHERE handover_id = 1", NULL), ==, 12);
  new_id = start (ctx, shop2, pd_test_make_owner (ctx, shop2, "钱老板", 4));
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_check WHERE handover_id = 2", NULL), ==, 2);
  g_assert_cmpint (new_id, !=, old_id);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM audit_log WHERE table_name = 'handover_template_item'", NULL), >, 0);
}

static void
test_list_and_delete (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (HANDOVER_NOW);
  g_autoptr (GError) error = NULL;
  gint64 a = pd_test_make_unit (ctx, "1-1-101", "vacant", "residential");
  gint64 b = pd_test_make_unit (ctx, "1-1-102", "vacant", "residential");
  gint64 c = pd_test_make_unit (ctx, "12-1-101", "vacant", "residential");
  gint64 ha, hb, hc;
  PdHandoverFilter filter = { 0 };
  g_autoptr (GPtrArray) rows = NULL;

  ha = start (ctx, a, pd_test_make_owner (ctx, a, "张三", 1));
  hb = start (ctx, b, pd_test_make_owner (ctx, b, "李四", 2));
  hc = pd_handover_start (ctx, c, pd_test_make_owner (ctx, c, "王五", 3), NULL, "2026-08-31", &error);
  g_assert_no_error (error);
  g_assert_true (pd_handover_check_set (ctx, first_check (ctx, hb, "客厅", "地面"), "defect", "地砖破损", &error));
  g_assert_true (pd_handover_check_rest_ok (ctx, hb, &error));
  pd_test_fill_handover (ctx, hb);
  g_assert_true (pd_handover_finish_inspection (ctx, hb, &error));
  g_assert_no_error (error);

  rows = pd_handover_list (ctx, NULL, &error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (((PdHandoverRow *) rows->pdata[2])->unit_code, ==, "12-1-101");
  g_clear_pointer (&rows, g_ptr_array_unref);

  filter.status = "defects_open";
  rows = pd_handover_list (ctx, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  {
    PdHandoverRow *row = rows->pdata[0];
    g_assert_cmpint (row->id, ==, hb);
    g_assert_cmpint (row->checks_total, ==, 44);
    g_assert_cmpint (row->checks_done, ==, 44);
    g_assert_cmpint (row->defects_open, ==, 1);
    g_assert_cmpint (row->notices_pending, ==, 1);
    g_assert_cmpstr (row->next_deadline, ==, "2026-10-12");
  }
  g_clear_pointer (&rows, g_ptr_array_unref);

  filter.status = "open";
  filter.from_day = "2026-09-01";
  filter.before_day = "2026-10-01";
  rows = pd_handover_list (ctx, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);

  memset (&filter, 0, sizeof filter);
  filter.search = "1-1-";
  rows = pd_handover_list (ctx, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.search = "王";
  rows = pd_handover_list (ctx, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpint (((PdHandoverRow *) rows->pdata[0])->id, ==, hc);
  g_clear_pointer (&rows, g_ptr_array_unref);
  filter.search = "%";
  rows = pd_handover_list (ctx, &filter, &error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Only a supervisor deletes, and only a handover still in progress. */
  pd_context_set_user (ctx, "clerk", PD_ROLE_CLERK);
  g_assert_false (pd_handover_delete (ctx, ha, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_DENIED);
  g_clear_error (&error);
  pd_context_set_user (ctx, "boss", PD_ROLE_SUPERVISOR);
  g_assert_false (pd_handover_delete (ctx, hb, &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (pd_handover_delete (ctx, ha, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_check WHERE handover_id = 1", NULL), ==, 0);
  g_assert_true (pd_handover_check_can_start (ctx, a, &error));
}

static char *
demo_fingerprint (PdContext *ctx)
{
  sqlite3_stmt *stmt = pd_database_prepare (pd_context_get_database (ctx),
    "SELECT group_concat (h.unit_id || h.status || h.handover_on || h.closed_on || "
    "  (SELECT group_concat (d.description || d.deadline || d.status, ';') FROM handover_defect d "
    "   WHERE d.handover_id = h.id), ',') FROM handover h", NULL);
  char *text;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = pd_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return text;
}

static void
test_demo (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new ("2026-11-23 09:00:00");
  g_autoptr (PdContext) again = pd_test_context_new ("2026-11-23 09:00:00");
  g_autoptr (PdContext) live = pd_test_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autofree char *fa = NULL, *fb = NULL;
  static const char *const statuses[] = { "in_progress", "inspected", "defects_open", "closed" };
  PdHandoverFilter attention = { .attention = TRUE };
  g_autoptr (GPtrArray) rows = NULL;

  g_assert_true (pd_demo_generate (ctx, 300, 42, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover WHERE status = ?", statuses[i]), >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_defect WHERE status = 'open'", NULL), >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_defect WHERE status = 'fixed'", NULL), >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_reinspection WHERE result = 'not_fixed'", NULL), >, 0);
  /* Something to chase: a late notice and a passed deadline. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_defect WHERE status = 'open' "
                                       "AND notice_sent_at = '' AND notice_due_at < '2026-11-23 09:00:00'", NULL), >, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover_defect WHERE status = 'open' "
                                       "AND deadline < '2026-11-23'", NULL), >, 0);
  rows = pd_handover_list (ctx, &attention, &error);
  g_assert_cmpuint (rows->len, >=, 2);
  /* Closed handovers handed their units over; nothing is dated in the future. */
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover h JOIN unit u ON u.id = h.unit_id "
                                       "WHERE h.status = 'closed' AND u.state <> 'handed_over'", NULL), ==, 0);
  g_assert_cmpint (pd_test_count (ctx, "SELECT count(*) FROM handover WHERE handover_on > '2026-11-23' "
                                       "OR closed_on > '2026-11-23'", NULL), ==, 0);
  /* The clock is back where it was, and the demo is deterministic. */
  now = pd_context_now (ctx);
  g_assert_cmpint (g_date_time_get_hour (now), ==, 9);
  g_assert_cmpint (g_date_time_get_day_of_month (now), ==, 23);
  g_assert_true (pd_demo_generate (again, 300, 42, &error));
  fa = demo_fingerprint (ctx);
  fb = demo_fingerprint (again);
  g_assert_cmpstr (fa, ==, fb);
  /* A real clock stays real. */
  g_assert_true (pd_demo_generate (live, 120, 7, &error));
  g_assert_no_error (error);
  g_assert_false (pd_context_clock_is_fixed (live));
  g_assert_cmpint (pd_test_count (live, "SELECT count(*) FROM handover", NULL), >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/handover/meter-readings", test_meter_readings);
  g_test_add_func ("/handover/start-rules", test_start_rules);
  g_test_add_func ("/handover/save-validation", test_save_validation);
  g_test_add_func ("/handover/checklist-and-deadlines", test_checklist_and_deadlines);
  g_test_add_func ("/handover/notice-rule", test_notice_rule);
  g_test_add_func ("/handover/reinspection-and-close", test_reinspection_and_close);
  g_test_add_func ("/handover/no-defects-and-proxy", test_no_defects_and_proxy);
  g_test_add_func ("/handover/template-edit", test_template_edit);
  g_test_add_func ("/handover/list-and-delete", test_list_and_delete);
  g_test_add_func ("/handover/demo", test_demo);
  return g_test_run ();
}
