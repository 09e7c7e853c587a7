-- The hotline process figures, units and callers of REPORT.md read from each order's state, and
-- the published reports that `published.revisions` compares with.
--
-- Facts of an order that its latest events do not give, kept like the attributes of 004 (each
-- aggregate gives the same result when a row is seen twice): whether any 退回 or 重启 was ever
-- received, the earliest 签收 (min skips the NULL of every other event), the caller (the HMAC of
-- the phone) of the latest event carrying one, and its latest and earliest 回访. A report then
-- reads one row per order instead of scanning every event for them: the latest 回访 is the
-- latest of the period whenever it falls in the period, and only an order visited both before the
-- end of a period and after it needs its events read again.
ALTER TABLE ${DB}.hotline_order_state ADD COLUMN IF NOT EXISTS returned_seen
    SimpleAggregateFunction(max, UInt8) DEFAULT 0 AFTER closed_time;
ALTER TABLE ${DB}.hotline_order_state ADD COLUMN IF NOT EXISTS reopened_seen
    SimpleAggregateFunction(max, UInt8) DEFAULT 0 AFTER returned_seen;
ALTER TABLE ${DB}.hotline_order_state ADD COLUMN IF NOT EXISTS accepted_time
    SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))) DEFAULT NULL AFTER reopened_seen;
ALTER TABLE ${DB}.hotline_order_state ADD COLUMN IF NOT EXISTS caller_latest
    SimpleAggregateFunction(max, Tuple(DateTime64(3, 'UTC'), String, Nullable(String)))
    DEFAULT (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL) AFTER accepted_time;
ALTER TABLE ${DB}.hotline_order_state ADD COLUMN IF NOT EXISTS visit_latest
    SimpleAggregateFunction(max, Tuple(DateTime64(3, 'UTC'), String, Nullable(String)))
    DEFAULT (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL) AFTER caller_latest;
ALTER TABLE ${DB}.hotline_order_state ADD COLUMN IF NOT EXISTS visit_first
    SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))) DEFAULT NULL AFTER visit_latest;

-- The orders stored before this migration: their whole state folded again from their events (as
-- packages/store/src/derived.ts folds a batch), every column, so no column of the new rows falls
-- back to a type default that could outrank a real value. Merging with the rows already there
-- changes nothing but the new columns; safe to repeat.
INSERT INTO ${DB}.hotline_order_state
    (order_id, registered_seen, registered_time, category_latest, community_latest, deadline_latest, channel_latest,
     repeat_of_latest, unit_latest, street_latest, event_latest, closed_seen, closed_time,
     returned_seen, reopened_seen, accepted_time, caller_latest, visit_latest, visit_first, msg_ids)
SELECT
    order_id,
    max(toUInt8(event = '登记')),
    max(if(event = '登记', event_time, NULL)),
    if(countIf(category IS NOT NULL) = 0, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), maxIf((event_time, msg_id, toString(category)), category IS NOT NULL)),
    if(countIf(community IS NOT NULL) = 0, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), maxIf((event_time, msg_id, toString(community)), community IS NOT NULL)),
    if(countIf(deadline IS NOT NULL) = 0, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), maxIf((event_time, msg_id, deadline), deadline IS NOT NULL)),
    if(countIf(channel IS NOT NULL) = 0, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), maxIf((event_time, msg_id, toString(channel)), channel IS NOT NULL)),
    if(countIf(repeat_of IS NOT NULL) = 0, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), maxIf((event_time, msg_id, repeat_of), repeat_of IS NOT NULL)),
    if(countIf(unit IS NOT NULL) = 0, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), maxIf((event_time, msg_id, toString(unit)), unit IS NOT NULL)),
    if(countIf(street IS NOT NULL) = 0, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), maxIf((event_time, msg_id, toString(street)), street IS NOT NULL)),
    max((event_time, msg_id, toString(event))),
    max(toUInt8(event = '办结')),
    max(if(event = '办结', event_time, NULL)),
    max(toUInt8(event = '退回')),
    max(toUInt8(event = '重启')),
    min(if(event = '签收', event_time, NULL)),
    if(countIf(caller_hash IS NOT NULL) = 0, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), maxIf((event_time, msg_id, caller_hash), caller_hash IS NOT NULL)),
    if(countIf(event = '回访') = 0, (toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL), maxIf((event_time, msg_id, toString(satisfaction)), event = '回访')),
    min(if(event = '回访', event_time, NULL)),
    uniqExactState(msg_id)
FROM ${DB}.hotline_events
GROUP BY order_id
SETTINGS optimize_on_insert = 0;

-- 007's columns and meaning, the facts above, and the msg_id of the latest event.
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
    event_latest.2                                        AS last_event_msg_id,
    last_event IN ('办结', '回访') AND closed_seen > 0     AS is_closed,
    if(is_closed, closed_time, NULL)                      AS closed_at,
    returned_seen > 0                                     AS returned,
    reopened_seen > 0                                     AS reopened,
    accepted_time                                         AS accepted_at,
    caller_latest.3                                       AS caller_hash,
    visit_latest.1                                        AS last_visit_at,
    visit_latest.2                                        AS last_visit_msg_id,
    visit_latest.3                                        AS last_visit_rating,
    visit_first                                           AS first_visit_at,
    finalizeAggregation(msg_ids)                          AS events
FROM ${DB}.hotline_order_state FINAL;

-- Every published report (`casepulse report --publish`, and the reporter's scheduled and requested
-- reports), as its JSON object. A report's `published` is the latest row of its period and scope;
-- `street` is the scope's street, '' for the whole deployment (a street is never blank).
CREATE TABLE IF NOT EXISTS ${DB}.published_reports
(
    period        String,
    street        String,
    published_at  DateTime64(3, 'UTC'),
    report        String
)
ENGINE = MergeTree
ORDER BY (period, street, published_at);
