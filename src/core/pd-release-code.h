/* pd-release-code.h — the verification code printed on a release slip.
 *
 * The code is HMAC-SHA256 over everything the slip prints, keyed with a
 * secret generated once per database (table office_secret, never printed
 * or exported), truncated to 40 bits and written as 8 Crockford base-32
 * characters "ABCD-EFGH".  A guard (or propdesk-cli verify-slip) compares
 * the code on the paper with the one the database computes: a made-up
 * serial, a retyped slip or a changed line does not verify. */
#pragma once

#include "pd-release-slip.h"

G_BEGIN_DECLS

/* "ABCD-EFGH" for @slip as stored (serial, unit, people, items…). */
char     *pd_release_code_compute (PdContext           *ctx,
                                   const PdReleaseSlip *slip,
                                   GError             **error);
/* TRUE when @typed (any case, with or without the dash; O/I/L read as
 * 0/1/1) is @slip's code; a PD_VALIDATION_ERROR on field "code" otherwise. */
gboolean  pd_release_code_verify  (PdContext           *ctx,
                                   const PdReleaseSlip *slip,
                                   const char          *typed,
                                   GError             **error);
/* The text of the QR code: "PDRS:2026-00042:ABCD-EFGH". */
char     *pd_release_code_payload (const PdReleaseSlip *slip,
                                   const char          *code);

G_END_DECLS
