-- The fourth feed (supervision items: 人大建议, 政协提案, 司法建议, 检察建议; FEEDS.md section 4)
-- and the `street` (街道) every feed may carry (FEEDS.md "All feeds"). Each table's columns are
-- those its feed's contract declares (packages/feeds/src/contracts/*.ts); tests/contract-tables
-- checks them against each other.
-- `street` is stored as the record gave it, NULL when it gave none: a record without one belongs
-- to the deployment's default street (CASEPULSE_DEFAULT_STREET), resolved when figures are read,
-- so every row stored before this migration belongs to the default street with no backfill.

ALTER TABLE ${DB}.hotline_events ADD COLUMN IF NOT EXISTS street LowCardinality(Nullable(String)) AFTER has_content;
ALTER TABLE ${DB}.mediation_snapshots ADD COLUMN IF NOT EXISTS street LowCardinality(Nullable(String)) AFTER referral_order_id;
ALTER TABLE ${DB}.litigation_snapshots ADD COLUMN IF NOT EXISTS street LowCardinality(Nullable(String)) AFTER decided_at;

-- An order's street is that of its latest event carrying one, kept like its other attributes
-- (004). The default is smaller than any event's key, as for an event without the attribute.
ALTER TABLE ${DB}.hotline_order_state ADD COLUMN IF NOT EXISTS street_latest
    SimpleAggregateFunction(max, Tuple(DateTime64(3, 'UTC'), String, Nullable(String)))
    DEFAULT (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL) AFTER unit_latest;

CREATE OR REPLACE VIEW ${DB}.hotline_orders AS
SELECT
    order_id,
    registered_seen > 0                                   AS registered,
    if(registered, registered_time, NULL)                 AS registered_at,
    category_latest.3                                     AS category,
    community_latest.3                                    AS community,
    deadline_latest.3                                     AS deadline,
    channel_latest.3                                      AS channel,
    repeat_of_latest.3                                    AS repeat_of,
    unit_latest.3                                         AS unit,
    street_latest.3                                       AS street,
    event_latest.3                                        AS last_event,
    event_latest.1                                        AS last_event_time,
    last_event IN ('办结', '回访') AND closed_seen > 0     AS is_closed,
    if(is_closed, closed_time, NULL)                      AS closed_at,
    finalizeAggregation(msg_ids)                          AS events
FROM ${DB}.hotline_order_state FINAL;

CREATE OR REPLACE VIEW ${DB}.mediation_cases AS
SELECT * EXCEPT ingested_at
FROM ${DB}.mediation_snapshots
ORDER BY case_id, updated_at DESC, msg_id DESC
LIMIT 1 BY case_id;

CREATE OR REPLACE VIEW ${DB}.litigation_cases AS
SELECT * EXCEPT ingested_at
FROM ${DB}.litigation_snapshots
ORDER BY case_id, updated_at DESC, msg_id DESC
LIMIT 1 BY case_id;

CREATE TABLE IF NOT EXISTS ${DB}.supervision_snapshots
(
    msg_id       String,
    item_id      String,
    kind         LowCardinality(String),
    level        LowCardinality(Nullable(String)),
    received_at  DateTime64(3, 'UTC'),
    due_at       DateTime64(3, 'UTC'),
    updated_at   DateTime64(3, 'UTC'),
    status       LowCardinality(String),
    replied_at   Nullable(DateTime64(3, 'UTC')),
    street       LowCardinality(Nullable(String)),
    ingested_at  DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
ORDER BY (item_id, msg_id)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS ${DB}.supervision_msg_ids (msg_id String)
ENGINE = ReplacingMergeTree ORDER BY msg_id;

-- The latest snapshot of each item is its state (FEEDS.md section 4).
CREATE OR REPLACE VIEW ${DB}.supervision_items AS
SELECT * EXCEPT ingested_at
FROM ${DB}.supervision_snapshots
ORDER BY item_id, updated_at DESC, msg_id DESC
LIMIT 1 BY item_id;
