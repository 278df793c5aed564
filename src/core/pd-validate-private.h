/* Text helpers shared by the validators (pd-validate.c, pd-validate-phone.c). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Trimmed, NFKC-folded copy of @text (full-width digits become ASCII). */
char     *pd_validate_normalize_input    (const char *text);
void      pd_validate_remove_ascii_chars (char       *s,
                                          const char *chars);
gboolean  pd_validate_all_ascii_digits   (const char *s);
void      pd_validate_set_required       (GError    **error,
                                          const char *field,
                                          const char *label);

G_END_DECLS
