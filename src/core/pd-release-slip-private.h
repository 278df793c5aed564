/* pd-release-slip-private.h — shared by the release-slip files: one row
 * reader, so the slip and the register read the same columns, and the write
 * transaction that keeps serials gap-free. */
#pragma once

#include "pd-release-slip.h"

G_BEGIN_DECLS

#define PD_RELEASE_SLIP_SELECT \
  "SELECT s.id, s.estate_id, s.serial, s.year, s.number, s.unit_id, s.unit_code, " \
  "s.applicant_id, s.applicant_name, s.applicant_role, s.reason, s.reason_note, " \
  "coalesce (s.owner_confirm_id, 0), s.owner_confirm_name, s.owner_confirm_method, " \
  "s.owner_confirm_at, s.fees_cashier, s.fees_cleared_at, s.no_dangerous_goods, " \
  "s.carrier_name, s.carrier_id_number, s.plate, s.valid_on, s.issued_at, s.issued_by, " \
  "s.state, s.released_at, s.released_by, s.voided_at, s.voided_by, s.void_reason " \
  "FROM release_slip s "

/* Reads a row of PD_RELEASE_SLIP_SELECT (items not loaded). */
PdReleaseSlip *pd_release_slip_read_row   (sqlite3_stmt  *stmt);
gboolean       pd_release_slip_load_items (PdContext     *ctx,
                                           PdReleaseSlip *slip,
                                           GError       **error);

/* A write transaction that holds the write lock from its first statement
 * (BEGIN IMMEDIATE) when it is the outermost one; see pd-release-slip.c. */
gboolean       pd_release_begin_write     (PdDatabase    *database,
                                           gboolean      *outer,
                                           GError       **error);
gboolean       pd_release_commit_write    (PdDatabase    *database,
                                           gboolean       outer,
                                           GError       **error);
void           pd_release_rollback_write  (PdDatabase    *database,
                                           gboolean       outer);

G_END_DECLS
