/* pd-calendar.h — the working-day calendar (DOMAIN §7).  Monday–Friday are
 * working days unless calendar_day says holiday; a weekend day listed as
 * workday is a make-up working day (调休). */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

/* The bounds of a period left open, bound in place of NULL so that SQLite
 * can search an index of the dates for the range: no date comes before the
 * first or on or after the second. */
#define PD_DATE_BEFORE_ALL ""
#define PD_DATE_AFTER_ALL  "9999-12-31"

typedef struct
{
  char *day;   /* YYYY-MM-DD */
  char *kind;  /* holiday | workday */
  char *name;
} PdCalendarDay;

void       pd_calendar_day_free         (PdCalendarDay *day);

gboolean   pd_calendar_is_working_day   (PdContext  *ctx,
                                         const char *iso_day);
/* The @n-th working day after @iso_day (the day itself does not count), as
 * "YYYY-MM-DD"; @n = 0 gives @iso_day when it is a working day, else the
 * next one.  NULL when @iso_day is not a valid date. */
char      *pd_calendar_add_working_days (PdContext  *ctx,
                                         const char *iso_day,
                                         int         n);
/* Working days strictly after @from up to and including @to (0 when @to <= @from). */
int        pd_calendar_working_days_between (PdContext  *ctx,
                                             const char *from,
                                             const char *to);
/* Calendar days arithmetic on ISO dates (NULL on invalid input). */
char      *pd_date_add_days             (const char *iso_day,
                                         int         days);
gboolean   pd_date_is_valid             (const char *iso_day);
/* The first day of the month "YYYY-MM" and the first day of the month
 * after it, for "from <= day < next" queries.  FALSE with an error on the
 * field "month" when @month is not such a month. */
gboolean   pd_month_range               (const char *month,
                                         char      **first_day,
                                         char      **next_first_day,
                                         GError    **error);
/* Calendar days from @from to @to (negative when @to is earlier); 0 when
 * either is not a valid date. */
int        pd_date_days_between         (const char *from,
                                         const char *to);

gboolean   pd_calendar_set_day          (PdContext  *ctx,
                                         const char *iso_day,
                                         const char *kind,
                                         const char *name,
                                         GError    **error);
gboolean   pd_calendar_remove_day       (PdContext  *ctx,
                                         const char *iso_day,
                                         GError    **error);
/* Special days of @year, by date.  Element type PdCalendarDay. */
GPtrArray *pd_calendar_list_year        (PdContext  *ctx,
                                         int         year,
                                         GError    **error);

G_END_DECLS
