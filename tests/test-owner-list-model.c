/* The Owner files list model (no display needed): for a set of searches
 * and orders, typed one after the other as a clerk would, it lists exactly
 * the rows the core reads for the same query — the rows the list showed
 * before it reused its items — including the items a view still holds from
 * the query before, and it tells the view only how many positions were
 * added or removed at the end. */
#include "config.h"

#include <gio/gio.h>

#include "pd-demo.h"
#include "pd-owner-list-model.h"
#include "pd-person.h"
#include "pd-record-item.h"
#include "pd-test-fixture.h"

#define NOW "2026-03-10 09:30:00"
#define UNITS 240
#define HELD 12   /* items a view keeps, as GTK keeps the rows on screen */

typedef struct
{
  guint position, removed, added;
  guint calls;
} Change;

static void
items_changed (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->calls++;
}

static void
assert_same_row (const PdOwnerRow *shown,
                 const PdOwnerRow *core)
{
  g_assert_cmpint (shown->unit_id, ==, core->unit_id);
  g_assert_cmpstr (shown->unit_code, ==, core->unit_code);
  g_assert_cmpstr (shown->use, ==, core->use);
  g_assert_cmpstr (shown->state, ==, core->state);
  g_assert_cmpfloat (shown->gross_area, ==, core->gross_area);
  g_assert_cmpstr (shown->owners, ==, core->owners);
  g_assert_cmpstr (shown->owner_mobile, ==, core->owner_mobile);
  g_assert_cmpstr (shown->owner_id_number, ==, core->owner_id_number);
  g_assert_cmpstr (shown->tenants, ==, core->tenants);
}

/* Runs @search on the model, as the view does, with @held items of the
 * previous list still held, and compares everything with the core. */
static void
check_query (PdContext        *ctx,
             PdOwnerListModel *model,
             PdRecordItem    **held,
             const char       *search,
             PdOwnerSort       sort,
             gboolean          descending,
             gboolean          data_changed)
{
  GListModel *list = G_LIST_MODEL (model);
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = pd_owner_list_unit_ids (ctx, search, sort, descending, &error);
  guint old_n = g_list_model_get_n_items (list);
  Change change = { 0 };
  gulong handler = g_signal_connect (model, "items-changed", G_CALLBACK (items_changed), &change);

  g_assert_no_error (error);
  g_assert_true (pd_owner_list_model_query (model, search, sort, descending, data_changed, &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (model, handler);

  /* The same units in the same order as the core's query. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (PdRecordItem) item = g_list_model_get_item (list, i);
      g_autoptr (PdOwnerRow) core = pd_owner_row_get (ctx, g_array_index (ids, gint64, i), &error);

      g_assert_no_error (error);
      g_assert_cmpint (pd_owner_list_model_get_unit_id (model, i), ==, core->unit_id);
      assert_same_row (pd_record_item_get (item), core);
      g_assert_cmpuint (pd_owner_list_model_find (model, core->unit_id), ==, i);
    }
  g_assert_null (g_list_model_get_item (list, ids->len));

  /* Exact counts at the end, or no signal when the length is the same. */
  if (ids->len == old_n)
    g_assert_cmpuint (change.calls, ==, 0);
  else
    {
      g_assert_cmpuint (change.calls, ==, 1);
      g_assert_cmpuint (change.position, ==, MIN (old_n, ids->len));
      g_assert_cmpuint (change.removed, ==, old_n > ids->len ? old_n - ids->len : 0);
      g_assert_cmpuint (change.added, ==, ids->len > old_n ? ids->len - old_n : 0);
    }

  /* The items held from before: those whose position is still listed are
   * the model's items at that position and show its row now. */
  for (guint i = 0; i < HELD; i++)
    {
      if (held[i] != NULL && i < ids->len)
        {
          g_autoptr (PdRecordItem) item = g_list_model_get_item (list, i);
          g_autoptr (PdOwnerRow) core = pd_owner_row_get (ctx, g_array_index (ids, gint64, i), NULL);

          g_assert_true (item == held[i]);
          assert_same_row (pd_record_item_get (held[i]), core);
        }
      g_clear_object (&held[i]);
      if (i < ids->len)
        held[i] = g_list_model_get_item (list, i);
    }
}

static void
test_same_rows (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdOwnerListModel) model = NULL;
  g_autoptr (PdPerson) person = NULL;
  g_autoptr (PdOwnerRow) first = NULL;
  PdRecordItem *held[HELD] = { NULL };
  const char *typed = "zhangs";
  const char *const searches[] = { "", "1-1", "1-1-1", "138", "zs", "张", "张三", "no such owner", "z", "" };
  gint64 person_id;

  g_assert_true (pd_demo_generate (ctx, UNITS, 20261123, &error));
  g_assert_no_error (error);
  model = pd_owner_list_model_new (ctx);
  check_query (ctx, model, held, "", PD_OWNER_SORT_UNIT, FALSE, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, UNITS);

  /* Typed a letter at a time, then deleted a letter at a time. */
  for (int n = 1; n <= (int) strlen (typed); n++)
    {
      g_autofree char *prefix = g_strndup (typed, n);
      check_query (ctx, model, held, prefix, PD_OWNER_SORT_UNIT, FALSE, FALSE);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  for (int n = (int) strlen (typed) - 1; n >= 0; n--)
    {
      g_autofree char *prefix = g_strndup (typed, n);
      check_query (ctx, model, held, prefix, PD_OWNER_SORT_UNIT, FALSE, FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    check_query (ctx, model, held, searches[i], PD_OWNER_SORT_UNIT, FALSE, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, UNITS);

  /* Every order, both ways, with and without a search. */
  for (int sort = PD_OWNER_SORT_UNIT; sort <= PD_OWNER_SORT_AREA; sort++)
    for (int descending = 0; descending < 2; descending++)
      {
        check_query (ctx, model, held, "", sort, descending, FALSE);
        check_query (ctx, model, held, "zh", sort, descending, FALSE);
      }

  /* A write: the same units at the same positions, but a held item shows
   * the new name once the list is re-read as changed data. */
  check_query (ctx, model, held, "", PD_OWNER_SORT_UNIT, FALSE, FALSE);
  first = pd_owner_row_get (ctx, pd_owner_list_model_get_unit_id (model, 0), &error);
  g_assert_no_error (error);
  person_id = pd_test_count (ctx, "SELECT r.person_id FROM unit_role r WHERE r.role = 'owner' AND r.ended_on = '' "
                                  "AND r.unit_id = (SELECT id FROM unit WHERE code = ?) ORDER BY r.id LIMIT 1",
                             first->unit_code);
  person = pd_person_get (ctx, person_id, &error);
  g_assert_no_error (error);
  g_free (person->name);
  person->name = g_strdup ("欧阳修");
  g_assert_true (pd_person_update (ctx, person, &error));
  g_assert_no_error (error);
  check_query (ctx, model, held, "", PD_OWNER_SORT_UNIT, FALSE, TRUE);
  g_assert_true (g_str_has_prefix (((PdOwnerRow *) pd_record_item_get (held[0]))->owners, "欧阳修"));

  for (guint i = 0; i < HELD; i++)
    g_clear_object (&held[i]);
}

/* Items nobody holds are not kept: rows are read when asked for, and a
 * list scrolled end to end keeps only the last few. */
static void
test_items_not_kept (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NOW);
  g_autoptr (GError) error = NULL;
  g_autoptr (PdOwnerListModel) model = NULL;
  PdRecordItem *items[UNITS];
  guint alive = 0;

  g_assert_true (pd_demo_generate (ctx, UNITS, 20261123, &error));
  g_assert_no_error (error);
  model = pd_owner_list_model_new (ctx);
  g_assert_true (pd_owner_list_model_query (model, "", PD_OWNER_SORT_UNIT, FALSE, TRUE, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < UNITS; i++)
    {
      items[i] = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_object_add_weak_pointer (G_OBJECT (items[i]), (gpointer *) &items[i]);
      g_object_unref (items[i]);
    }
  /* Scrolled end to end: only the last 64 asked for are still alive. */
  for (guint i = 0; i < UNITS; i++)
    {
      if (items[i] != NULL)
        alive++;
      if (i < UNITS - 64)
        g_assert_null (items[i]);
    }
  g_assert_cmpuint (alive, ==, 64);
  /* A new search lets go of those too. */
  g_assert_true (pd_owner_list_model_query (model, "zh", PD_OWNER_SORT_UNIT, FALSE, FALSE, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < UNITS; i++)
    g_assert_null (items[i]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/owner-list-model/same-rows", test_same_rows);
  g_test_add_func ("/owner-list-model/items-not-kept", test_items_not_kept);
  return g_test_run ();
}
