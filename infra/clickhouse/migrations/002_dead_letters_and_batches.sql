-- Records that did not fit the contract, kept whole (AES-GCM sealed, so personal data is not
-- readable here) with the reason. `status` moves pending -> replayed; the highest `version` wins.
CREATE TABLE IF NOT EXISTS ${DB}.rejected_events
(
    id           UUID,
    feed         LowCardinality(String),
    source       String COMMENT 'file:<name>:<line> or kafka:<topic>:<partition>:<offset>',
    received_at  DateTime64(3, 'UTC'),
    reason       String,
    msg_id       Nullable(String),
    byte_size    UInt32,
    preview      Nullable(String) COMMENT 'the record with personal keys masked; null when not a JSON object',
    sealed       String COMMENT 'the whole record, encrypted with a key derived from CASEPULSE_PII_KEY',
    status       LowCardinality(String) DEFAULT 'pending',
    version      UInt64 DEFAULT toUnixTimestamp64Milli(now64(3))
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (feed, id)
SETTINGS non_replicated_deduplication_window = 10000;

-- One row per ingested batch: how many records were read and rejected. A batch retried after a
-- crash has the same batch_id and collapses, so `quality` counts each reading once.
CREATE TABLE IF NOT EXISTS ${DB}.ingest_batches
(
    batch_id     String,
    feed         LowCardinality(String),
    source       String,
    received     UInt64,
    rejected     UInt64,
    ingested_at  DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
ORDER BY batch_id
SETTINGS non_replicated_deduplication_window = 10000;

-- Every report produced, as its JSON contract object.
CREATE TABLE IF NOT EXISTS ${DB}.reports
(
    period        String,
    trigger       LowCardinality(String) COMMENT 'scheduled, on_demand or cli',
    generated_at  DateTime64(3, 'UTC') DEFAULT now64(3),
    report        String COMMENT 'the REPORT.md JSON object'
)
ENGINE = MergeTree
ORDER BY (period, generated_at);
