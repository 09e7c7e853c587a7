-- Clean events per feed. The sorting key ends in msg_id, so a redelivered record (same feed,
-- msg_id and content) collapses into one row on merge; readers that need exact row counts use
-- FINAL, and the state views below use argMax, which duplicates cannot change.
-- Personal data never lands here: caller_phone is stored only as a keyed HMAC, content not at all.

CREATE TABLE IF NOT EXISTS ${DB}.hotline_events
(
    msg_id        String,
    order_id      String,
    event         LowCardinality(String),
    event_time    DateTime64(3, 'UTC'),
    category      LowCardinality(Nullable(String)),
    community     LowCardinality(Nullable(String)),
    deadline      Nullable(DateTime64(3, 'UTC')),
    channel       LowCardinality(Nullable(String)),
    repeat_of     Nullable(String),
    satisfaction  LowCardinality(Nullable(String)),
    unit          LowCardinality(Nullable(String)),
    caller_hash   Nullable(String) COMMENT 'HMAC-SHA256 of the caller phone, keyed by CASEPULSE_PII_KEY',
    has_content   Bool COMMENT 'whether the record carried complaint text (the text itself is never stored)',
    ingested_at   DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
PARTITION BY toYear(event_time)
ORDER BY (order_id, msg_id)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS ${DB}.mediation_snapshots
(
    msg_id             String,
    case_id            String,
    updated_at         DateTime64(3, 'UTC'),
    registered_at      DateTime64(3, 'UTC'),
    kind               LowCardinality(String),
    dispute_type       LowCardinality(String),
    status             LowCardinality(String),
    closed_at          Nullable(DateTime64(3, 'UTC')),
    community          LowCardinality(Nullable(String)),
    amount_yuan        Nullable(Decimal(38, 6)),
    parties            Nullable(UInt32),
    referral_order_id  Nullable(String),
    ingested_at        DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
ORDER BY (case_id, msg_id)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS ${DB}.litigation_snapshots
(
    msg_id         String,
    case_id        String,
    kind           LowCardinality(String),
    cause          LowCardinality(String),
    filed_at       DateTime64(3, 'UTC'),
    updated_at     DateTime64(3, 'UTC'),
    status         LowCardinality(String),
    hearing_at     Nullable(DateTime64(3, 'UTC')),
    head_appeared  Nullable(Bool),
    outcome        LowCardinality(Nullable(String)),
    decided_at     Nullable(DateTime64(3, 'UTC')),
    ingested_at    DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
ORDER BY (case_id, msg_id)
SETTINGS non_replicated_deduplication_window = 10000;
