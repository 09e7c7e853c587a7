-- The current state of each order, kept up to date on every insert (fed by a materialized view
-- here; since 006, written by each batch right after its events) instead of folded from all
-- events at read time: a report over 10M events reads one row per
-- order (FINAL merges what background merges have not yet merged) instead of re-aggregating
-- every event.
-- Each attribute is kept as max((event_time, msg_id, value)) over the events that carry it,
-- which is the value of the latest such event, ties to the greater msg_id: the rules of 003 and
-- docs/semantics.md. An event without the attribute contributes the smallest possible key, so
-- NULLs are skipped as argMax skips them. Plain (simple) aggregate columns read as fast as
-- ordinary columns, which argMax states do not.
-- Every aggregate here gives the same result when a row is seen twice (max, uniqExact), so the
-- backfill below and a concurrent insert may overlap without changing any figure.
CREATE TABLE IF NOT EXISTS ${DB}.hotline_order_state
(
    order_id          String,
    registered_seen   SimpleAggregateFunction(max, UInt8),
    registered_time   SimpleAggregateFunction(max, Nullable(DateTime64(3, 'UTC'))),
    category_latest   SimpleAggregateFunction(max, Tuple(DateTime64(3, 'UTC'), String, Nullable(String))),
    community_latest  SimpleAggregateFunction(max, Tuple(DateTime64(3, 'UTC'), String, Nullable(String))),
    deadline_latest   SimpleAggregateFunction(max, Tuple(DateTime64(3, 'UTC'), String, Nullable(DateTime64(3, 'UTC')))),
    channel_latest    SimpleAggregateFunction(max, Tuple(DateTime64(3, 'UTC'), String, Nullable(String))),
    repeat_of_latest  SimpleAggregateFunction(max, Tuple(DateTime64(3, 'UTC'), String, Nullable(String))),
    unit_latest       SimpleAggregateFunction(max, Tuple(DateTime64(3, 'UTC'), String, Nullable(String))),
    event_latest      SimpleAggregateFunction(max, Tuple(DateTime64(3, 'UTC'), String, String)),
    closed_seen       SimpleAggregateFunction(max, UInt8),
    closed_time       SimpleAggregateFunction(max, Nullable(DateTime64(3, 'UTC'))),
    msg_ids           AggregateFunction(uniqExact, String)
)
ENGINE = AggregatingMergeTree
ORDER BY order_id;

CREATE MATERIALIZED VIEW IF NOT EXISTS ${DB}.hotline_order_state_mv TO ${DB}.hotline_order_state AS
SELECT
    order_id,
    max(toUInt8(event = '登记')) AS registered_seen,
    max(if(event = '登记', event_time, NULL)) AS registered_time,
    max(if(category IS NULL, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), (event_time, msg_id, toString(category)))) AS category_latest,
    max(if(community IS NULL, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), (event_time, msg_id, toString(community)))) AS community_latest,
    max(if(deadline IS NULL, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), (event_time, msg_id, deadline))) AS deadline_latest,
    max(if(channel IS NULL, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), (event_time, msg_id, toString(channel)))) AS channel_latest,
    max(if(repeat_of IS NULL, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), (event_time, msg_id, repeat_of))) AS repeat_of_latest,
    max(if(unit IS NULL, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), (event_time, msg_id, toString(unit)))) AS unit_latest,
    max((event_time, msg_id, toString(event))) AS event_latest,
    max(toUInt8(event = '办结')) AS closed_seen,
    max(if(event = '办结', event_time, NULL)) AS closed_time,
    uniqExactState(msg_id) AS msg_ids
FROM ${DB}.hotline_events
GROUP BY order_id;

-- Events stored before the view existed. Safe to repeat (see above).
INSERT INTO ${DB}.hotline_order_state
SELECT
    order_id,
    max(toUInt8(event = '登记')),
    max(if(event = '登记', event_time, NULL)),
    max(if(category IS NULL, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), (event_time, msg_id, toString(category)))),
    max(if(community IS NULL, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), (event_time, msg_id, toString(community)))),
    max(if(deadline IS NULL, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), (event_time, msg_id, deadline))),
    max(if(channel IS NULL, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), (event_time, msg_id, toString(channel)))),
    max(if(repeat_of IS NULL, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), (event_time, msg_id, repeat_of))),
    max(if(unit IS NULL, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), (event_time, msg_id, toString(unit)))),
    max((event_time, msg_id, toString(event))),
    max(toUInt8(event = '办结')),
    max(if(event = '办结', event_time, NULL)),
    uniqExactState(msg_id)
FROM ${DB}.hotline_events
GROUP BY order_id;

-- Same columns and meaning as 003's view; `events` counts distinct msg_ids, so a redelivery not
-- yet collapsed by a merge is no longer counted twice.
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
    event_latest.3                                        AS last_event,
    event_latest.1                                        AS last_event_time,
    last_event IN ('办结', '回访') AND closed_seen > 0     AS is_closed,
    if(is_closed, closed_time, NULL)                      AS closed_at,
    finalizeAggregation(msg_ids)                          AS events
FROM ${DB}.hotline_order_state FINAL;
