-- privacy.mask_exports was read by nothing.  Handbook 004 (owner data is
-- never disclosed to unrelated people) and DOMAIN §1 make masking the rule
-- for every export: ID numbers and phones leave unmasked only when the
-- export itself asks for them, the user's role allows it, and the export is
-- logged (pd-export-log).  A global switch turning the masking off has no
-- place in that, so the setting goes rather than being honoured.
DELETE FROM setting WHERE key = 'privacy.mask_exports';
