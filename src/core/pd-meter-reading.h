/* pd-meter-reading.h — meter readings (水电气表起始数, DOMAIN §2 step 5).
 *
 * Readings have decimals (12.5 m³, 3021.75 kWh) but are kept as integers in
 * thousandths of their unit, so what was read off the meter is what is
 * printed and exported, with no binary-float noise. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "1234.5", "1,234.567", full-width digits, an optional unit after the
 * number (m³, m3, kWh, 度, 方) → thousandths.  Refuses empty text, negative
 * numbers, anything non-numeric and more than three decimals, naming
 * @label in the message and @field as the error's field. */
gboolean pd_meter_reading_parse  (const char *text,
                                  const char *field,
                                  const char *label,
                                  gint64     *milli,
                                  GError    **error);
/* "1234.5" for 1234500, "0" for 0, "" for a negative value (not read). */
char    *pd_meter_reading_format (gint64      milli);

G_END_DECLS
