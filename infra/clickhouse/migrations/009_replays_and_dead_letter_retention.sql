-- Dead letters: replays counted as replays, and a retention for the sealed copies.
--
-- A replay that finds a dead letter valid moves it from `rejected` to accepted (or duplicates)
-- without a new reading (docs/semantics.md, "Dead letters: replays, identity, retention"): it
-- records a row with received 0 and rejected -1, so `rejected` becomes signed. Every stored
-- count keeps its value; a store upgraded from the previous release reports the same figures.
ALTER TABLE ${DB}.ingest_batches MODIFY COLUMN rejected Int64;

-- The sealed copy of a dead letter (personal data, encrypted) is deleted by the background
-- merges once its record was first received 180 days ago: the default of
-- CASEPULSE_DLQ_RETENTION_DAYS, which every casepulse command applies at start when configured
-- otherwise (packages/store/src/retention.ts). The row (reason, masked preview, msg_id) stays,
-- so counts and `explain` keep every rejection; only `sealed` becomes ''.
ALTER TABLE ${DB}.rejected_events MODIFY COLUMN sealed String TTL toDateTime(received_at) + INTERVAL 180 DAY;
