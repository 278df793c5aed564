/* Working-day calendar: weekends, statutory holidays, make-up working days. */
#include "config.h"

#include <string.h>

#include "pd-calendar.h"
#include "pd-error.h"
#include "pd-test-fixture.h"

static void
assert_add (PdContext  *ctx,
            const char *from,
            int         n,
            const char *expected)
{
  g_autofree char *due = pd_calendar_add_working_days (ctx, from, n);
  g_assert_cmpstr (due, ==, expected);
}

static void
test_working_days (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NULL);

  g_assert_true (pd_calendar_is_working_day (ctx, "2026-11-23"));   /* Monday */
  g_assert_false (pd_calendar_is_working_day (ctx, "2026-11-22"));  /* Sunday */
  g_assert_false (pd_calendar_is_working_day (ctx, "2026-10-01"));  /* National Day, Thursday */
  g_assert_true (pd_calendar_is_working_day (ctx, "2026-10-10"));   /* make-up Saturday */
  g_assert_true (pd_calendar_is_working_day (ctx, "2026-02-14"));   /* make-up Saturday */
  g_assert_false (pd_calendar_is_working_day (ctx, "2026-02-16"));  /* Spring Festival Monday */
  g_assert_false (pd_calendar_is_working_day (ctx, "not a date"));
}

static void
test_add_working_days (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NULL);

  /* Monday + 3 → Thursday. */
  assert_add (ctx, "2026-11-23", 3, "2026-11-26");
  /* Friday + 3 → Wednesday. */
  assert_add (ctx, "2026-11-27", 3, "2026-12-02");
  /* Saturday submission counts from Monday. */
  assert_add (ctx, "2026-11-28", 3, "2026-12-02");
  /* Before National Day: 9-30 (Wed) + 3 → 10-08 (Thu), 10-09 (Fri), 10-10 (make-up Sat). */
  assert_add (ctx, "2026-09-30", 1, "2026-10-08");
  assert_add (ctx, "2026-09-30", 3, "2026-10-10");
  /* Across the Spring Festival: 2-13 (Fri) + 1 → 2-14 (make-up Sat); + 2 → 2-24. */
  assert_add (ctx, "2026-02-13", 1, "2026-02-14");
  assert_add (ctx, "2026-02-13", 2, "2026-02-24");
  /* n = 0: the day itself when working, else the next working day. */
  assert_add (ctx, "2026-10-03", 0, "2026-10-08");
  assert_add (ctx, "2026-11-23", 0, "2026-11-23");
  g_assert_cmpint (pd_calendar_working_days_between (ctx, "2026-09-30", "2026-10-10"), ==, 3);
  g_assert_cmpint (pd_calendar_working_days_between (ctx, "2026-11-23", "2026-11-23"), ==, 0);
}

static void
test_edit_calendar (void)
{
  g_autoptr (PdContext) ctx = pd_test_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) days = NULL;

  /* A company holiday on a Wednesday moves the deadline. */
  assert_add (ctx, "2026-12-01", 1, "2026-12-02");
  g_assert_true (pd_calendar_set_day (ctx, "2026-12-02", "holiday", "司庆", &error));
  g_assert_no_error (error);
  assert_add (ctx, "2026-12-01", 1, "2026-12-03");
  g_assert_true (pd_calendar_remove_day (ctx, "2026-12-02", &error));
  assert_add (ctx, "2026-12-01", 1, "2026-12-02");

  g_assert_false (pd_calendar_set_day (ctx, "2026-02-30", "holiday", "", &error));
  g_assert_error (error, PD_VALIDATION_ERROR, PD_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (pd_error_get_field (error), ==, "day");
  g_clear_error (&error);
  g_assert_false (pd_calendar_set_day (ctx, "2026-12-02", "party", "", &error));
  g_assert_cmpstr (pd_error_get_field (error), ==, "kind");
  g_clear_error (&error);

  days = pd_calendar_list_year (ctx, 2027, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, >, 20);
}

static void
test_date_add_days (void)
{
  g_autofree char *a = pd_date_add_days ("2026-02-28", 1);
  g_autofree char *b = pd_date_add_days ("2028-02-28", 1);
  g_autofree char *c = pd_date_add_days ("2026-01-01", -1);

  g_assert_cmpstr (a, ==, "2026-03-01");
  g_assert_cmpstr (b, ==, "2028-02-29");
  g_assert_cmpstr (c, ==, "2025-12-31");
  g_assert_null (pd_date_add_days ("2026-13-01", 1));
  /* Days between, across a leap day and backwards. */
  g_assert_cmpint (pd_date_days_between ("2028-02-28", "2028-03-01"), ==, 2);
  g_assert_cmpint (pd_date_days_between ("2026-03-20", "2026-03-10"), ==, -10);
  g_assert_cmpint (pd_date_days_between ("2026-02-30", "2026-03-10"), ==, 0);
}

static void
test_month_range (void)
{
  static const char *const bad[] = { "2026-13", "2026-00", "2026-1", "26-10", "2026-10-01", "2026/10", "", "abcd-ef" };
  g_autofree char *first = NULL, *next = NULL;

  g_assert_true (pd_month_range ("2026-10", &first, &next, NULL));
  g_assert_cmpstr (first, ==, "2026-10-01");
  g_assert_cmpstr (next, ==, "2026-11-01");
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&next, g_free);
  /* December runs into January of the next year. */
  g_assert_true (pd_month_range ("2026-12", &first, &next, NULL));
  g_assert_cmpstr (first, ==, "2026-12-01");
  g_assert_cmpstr (next, ==, "2027-01-01");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      char *never_first = NULL, *never_next = NULL;

      g_assert_false (pd_month_range (bad[i], &never_first, &never_next, &error));
      g_assert_null (never_first);
      g_assert_null (never_next);
      g_assert_cmpstr (pd_error_get_field (error), ==, "month");
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/calendar/working-days", test_working_days);
  g_test_add_func ("/calendar/add-working-days", test_add_working_days);
  g_test_add_func ("/calendar/edit", test_edit_calendar);
  g_test_add_func ("/calendar/date-add-days", test_date_add_days);
  g_test_add_func ("/calendar/month-range", test_month_range);
  return g_test_run ();
}
