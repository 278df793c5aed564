-- 032 (029 was reserved, but 030 landed first): indexes for the Today
-- tab's reads (issue #8).  The renovations it lists are found through them
-- instead of reading every running one with its deposit ledger: reviews by
-- state and reply deadline, and whether an on-site renovation's deposit is
-- short from the ledger's covering index.
CREATE INDEX IF NOT EXISTS renovation_state_review_due ON renovation (state, review_due);
CREATE INDEX IF NOT EXISTS deposit_entry_balance ON deposit_entry (renovation_id, kind, amount_fen);
