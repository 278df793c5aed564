/* pd-validate.h — checking and normalising what office staff type or import.
 *
 * Every function accepts the sloppy forms people really type (full-width
 * digits from a Chinese IME, spaces, dashes, +86 …) and hands back one
 * canonical form, so the database holds a single spelling of each value and
 * search by phone tail or ID tail works.
 *
 * Failures are PD_VALIDATION_ERROR errors set with pd_set_field_error(): the
 * field key is stable ("id_number", "uscc", "plate", "birthday", "sex" or the
 * key the caller passes) and the message names the field in words.  An empty
 * input is PD_VALIDATION_ERROR_REQUIRED; callers of optional fields test for
 * emptiness first.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PD_SEX_UNKNOWN,
  PD_SEX_MALE,
  PD_SEX_FEMALE,
} PdSex;

/* PRC resident ID number (GB 11643-1999, 18 characters).  On success
 * *normalized is the 18 characters with an upper-case X, *birthday_iso
 * "YYYY-MM-DD" and *sex the sex encoded in the 17th digit; each out argument
 * may be NULL.  Field "id_number". */
gboolean pd_prc_id_parse (const char *text,
                          char      **normalized,
                          char      **birthday_iso,
                          PdSex      *sex,
                          GError    **error);

/* Checks a typed birthday (any form pd_date_parse() accepts; NULL or empty
 * skips the check) and a typed sex (PD_SEX_UNKNOWN skips it) against @id.
 * Field "birthday" or "sex" on a mismatch, "id_number" if @id is invalid. */
gboolean pd_prc_id_cross_check (const char *id,
                                const char *birthday_iso,
                                PdSex       sex,
                                GError    **error);

/* Unified social credit code (GB 32100-2015).  Field "uscc". */
gboolean pd_uscc_validate (const char *text,
                           char      **normalized,
                           GError    **error);

/* Mainland mobile number; *normalized is the 11 digits.  @label is the
 * caller's translated name of the field (NULL: "Mobile"). */
gboolean pd_mobile_validate (const char *text,
                             const char *field,
                             const char *label,
                             char      **normalized,
                             GError    **error);

/* A mobile number (normalised as above) or a landline, normalised to
 * "0755-88886666", "88886666" or "010-12345678-8001" (extension last).
 * @label NULL: "Phone". */
gboolean pd_phone_validate (const char *text,
                            const char *field,
                            const char *label,
                            char      **normalized,
                            GError    **error);

/* 2026-01-05, 2026/1/5, 2026.1.5, 20260105 and 2026年1月5日 → "2026-01-05".
 * Years 1900–2199.  @label NULL: "Date". */
gboolean pd_date_parse (const char *text,
                        const char *field,
                        const char *label,
                        char      **iso_out,
                        GError    **error);

/* Floor area in m²: "89.5", "89.50㎡", "89.5 m2", "89.5平方米"; more than 0
 * and less than 100000.  @label NULL: "Area". */
gboolean pd_area_parse (const char *text,
                        const char *field,
                        const char *label,
                        double     *out,
                        GError    **error);

/* Masked copies for lists, printouts and exports; always a newly allocated
 * string (empty for NULL), never revealing more than the last four
 * characters plus, for long values, the non-identifying prefix
 * (mobile operator prefix, ID region code). */
/* TRUE for NULL, "" and text of nothing but white space (the ideographic
 * space of a Chinese input method included): a required field left empty. */
gboolean pd_text_is_blank (const char *text);

char *pd_mask_phone (const char *phone);
char *pd_mask_id    (const char *id);

/* Vehicle plate, upper case without spaces, dots or dashes: "京A12345",
 * "粤BD12345" (new energy).  Field "plate". */
gboolean pd_plate_normalize (const char *text,
                             char      **normalized,
                             GError    **error);

G_END_DECLS
