-- msg_ids stored per feed, sorted by msg_id, so "which of these msg_ids are stored?" (asked
-- before every insert) reads only the index granules around the asked ids instead of every
-- msg_id of the event table, whose sorting key starts with the order/case id. Fed by
-- materialized views in the same insert as the events; duplicates collapse on merge and readers
-- ask with DISTINCT / IN, so the backfill below is safe to repeat.
CREATE TABLE IF NOT EXISTS ${DB}.hotline_msg_ids (msg_id String)
ENGINE = ReplacingMergeTree ORDER BY msg_id;

CREATE TABLE IF NOT EXISTS ${DB}.mediation_msg_ids (msg_id String)
ENGINE = ReplacingMergeTree ORDER BY msg_id;

CREATE TABLE IF NOT EXISTS ${DB}.litigation_msg_ids (msg_id String)
ENGINE = ReplacingMergeTree ORDER BY msg_id;

CREATE MATERIALIZED VIEW IF NOT EXISTS ${DB}.hotline_msg_ids_mv TO ${DB}.hotline_msg_ids AS
SELECT msg_id FROM ${DB}.hotline_events;

CREATE MATERIALIZED VIEW IF NOT EXISTS ${DB}.mediation_msg_ids_mv TO ${DB}.mediation_msg_ids AS
SELECT msg_id FROM ${DB}.mediation_snapshots;

CREATE MATERIALIZED VIEW IF NOT EXISTS ${DB}.litigation_msg_ids_mv TO ${DB}.litigation_msg_ids AS
SELECT msg_id FROM ${DB}.litigation_snapshots;

INSERT INTO ${DB}.hotline_msg_ids SELECT DISTINCT msg_id FROM ${DB}.hotline_events;

INSERT INTO ${DB}.mediation_msg_ids SELECT DISTINCT msg_id FROM ${DB}.mediation_snapshots;

INSERT INTO ${DB}.litigation_msg_ids SELECT DISTINCT msg_id FROM ${DB}.litigation_snapshots;
