/* pd-survey-import.h — survey answers kept in a spreadsheet (phone surveys)
 * into a campaign: a header row 房号, 日期, one column per item of the
 * campaign's questionnaire headed by the item's title, and 意见.
 *
 * Cells of an item hold 1–5 (or the scale's words, 很满意 …), blank or 0 for
 * no answer.  Each row goes through the same checks as a form keyed in by
 * hand; any refused row refuses the whole file, nothing is saved, and every
 * refusal is reported with the line (CSV) or row (xlsx) it came from. */
#pragma once

#include "pd-context.h"
#include "pd-ledger.h"

G_BEGIN_DECLS

/* At most this many row errors are listed in one message. */
#define PD_SURVEY_IMPORT_MAX_ERRORS 20

/* Imports @table into campaign @campaign_id in one transaction; returns the
 * number of forms saved, or -1 with @error listing the refusals. */
gint64 pd_survey_import_responses (PdContext     *ctx,
                                   gint64         campaign_id,
                                   PdLedgerTable *table,
                                   GError       **error);

G_END_DECLS
