/* pd-export-log.h — the personal-data rule of exports and printouts
 * (DOMAIN §1, 004: 不得将业主信息泄露给无关人员).
 *
 * ID numbers and phones leave PropDesk masked unless the caller asks for
 * them unmasked AND the user is a supervisor or above; every export of
 * personal data is logged in export_log (who, when, what, how many rows,
 * masked or not, which file). */
#pragma once

#include "pd-context.h"

G_BEGIN_DECLS

/* TRUE when an export may proceed: always when @unmasked is FALSE;
 * otherwise only for a supervisor or above (PD_VALIDATION_ERROR_DENIED). */
gboolean pd_export_check_unmasked (PdContext  *ctx,
                                   gboolean    unmasked,
                                   GError    **error);

/* Personal values as an export shows them: masked (pd_mask_phone /
 * pd_mask_id) unless @unmasked.  Always newly allocated. */
char    *pd_export_phone          (const char *phone,
                                   gboolean    unmasked);
char    *pd_export_id             (const char *id_number,
                                   gboolean    unmasked);

/* Records one export of personal data by the current user at the
 * context's time.  @what says what left ("owner list", "owner form
 * 3-2-1201"); @file is where it went. */
gboolean pd_export_log_add        (PdContext  *ctx,
                                   const char *what,
                                   gint64      rows,
                                   gboolean    unmasked,
                                   const char *file,
                                   GError    **error);

typedef struct
{
  gint64   id;
  char    *at;          /* "YYYY-MM-DD HH:MM:SS" */
  char    *user_name;
  char    *what;
  gint64   rows;
  gboolean unmasked;
  char    *file;
} PdExportLogEntry;

void       pd_export_log_entry_free (PdExportLogEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdExportLogEntry, pd_export_log_entry_free)

/* Admin only: the log, newest first; only the unmasked exports when
 * @only_unmasked.  Element type PdExportLogEntry. */
GPtrArray *pd_export_log_list       (PdContext  *ctx,
                                     gboolean    only_unmasked,
                                     GError    **error);

G_END_DECLS
