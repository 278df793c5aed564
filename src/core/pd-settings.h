/* pd-settings.h — the configurable values of DOMAIN.md, stored in the
 * `setting` table with their defaults (migrations insert them). */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

typedef struct
{
  char *key;
  char *value;
  char *kind;         /* int, fen, text, bool, choice, time */
  char *section;
  char *description;
} PdSetting;

void       pd_setting_free      (PdSetting *setting);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdSetting, pd_setting_free)

/* Missing keys are programming errors: they warn and return the fallback. */
gint64     pd_settings_get_int  (PdContext  *ctx,
                                 const char *key,
                                 gint64      fallback);
char      *pd_settings_get_text (PdContext  *ctx,
                                 const char *key,
                                 const char *fallback);
gboolean   pd_settings_get_bool (PdContext  *ctx,
                                 const char *key);
/* Validates @value against the setting's kind; admin only. */
gboolean   pd_settings_set      (PdContext  *ctx,
                                 const char *key,
                                 const char *value,
                                 GError    **error);
/* All settings, ordered by section and key.  Element type PdSetting. */
GPtrArray *pd_settings_list     (PdContext  *ctx,
                                 GError    **error);

/* "3000.00" for 300000 fen; "-12.50" for -1250. */
char      *pd_fen_format        (gint64      fen);
/* Parses "3000", "3000.5", "3,000.50", "￥3000", "3000元" into fen; rejects
 * more than two decimals and anything else, naming @label. */
gboolean   pd_fen_parse         (const char *text,
                                 const char *field,
                                 const char *label,
                                 gint64     *fen,
                                 GError    **error);

G_END_DECLS
