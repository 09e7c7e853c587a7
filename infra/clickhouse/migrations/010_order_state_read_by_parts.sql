-- The order state read without FINAL where no merge is needed (docs/performance.md, "Reports on a
-- store being written").
--
-- Every part of hotline_order_state holds one row per order: an insert folds its block
-- (optimize_on_insert) and a merge folds its parts. So only an order with rows in two parts needs
-- its rows merged, and every such order has a row outside the largest part. FINAL merged every
-- order as soon as one part beside the largest held orders spread over the key range (a stream
-- batch's events of older orders): at 10M events a monthly report took 5.4-6.6 s on such a store
-- against 1.1-1.2 s on a merged one.
--
-- hotline_order_rows gives one merged row per order, as hotline_order_state FINAL does:
-- - while at most 1 row in 20 is outside the largest part, the orders with no row outside it as
--   they are stored, and the others merged here by the aggregate each column's type names
--   (tests/order-state.test.ts holds the two together);
-- - with more outside it (a store just loaded in slices, before its merges), FINAL: merging many
--   orders by GROUP BY costs more than FINAL's merge (max of a tuple, row by row).
-- Any part would do as the largest (every part's orders are one row each); the largest leaves
-- the fewest to merge, and '' (no part: an empty state) leaves none. One count of rows by part
-- gives the largest, the rows outside it and all rows. With no row outside it (a merged state),
-- the branches read no order_id to look for them. Every read of the table in
-- one query shares one snapshot of its parts
-- (enable_shared_storage_snapshot_in_query, on by default since ClickHouse 25.6), so a part
-- written or merged during the query cannot be read twice or missed. A cluster reads it with
-- FINAL (its cluster form, packages/store/src/cluster.ts): parts are a node's.
--
-- The parts beside the largest are kept few: a part older than an hour is merged into it
-- (min_age_to_force_merge_seconds), which rewrites the state once an hour while rows arrive
-- (11.4-11.8 s of one core for 2,000,000 orders).
ALTER TABLE ${DB}.hotline_order_state MODIFY SETTING min_age_to_force_merge_seconds = 3600;

CREATE OR REPLACE VIEW ${DB}.hotline_order_rows AS
WITH
    (SELECT (argMax(part, (rows, part)), sum(rows) - max(rows), sum(rows))
     FROM (SELECT _part AS part, count() AS rows FROM ${DB}.hotline_order_state GROUP BY part)) AS parts,
    parts.1 AS largest,
    parts.2 AS outside_rows,
    outside_rows * 20 <= parts.3 AS few_outside,
    outside_largest AS (SELECT order_id FROM ${DB}.hotline_order_state WHERE _part != largest)
SELECT order_id, registered_seen, registered_time, category_latest, community_latest, deadline_latest, channel_latest,
       repeat_of_latest, unit_latest, street_latest, event_latest, closed_seen, closed_time, returned_seen, reopened_seen,
       accepted_time, caller_latest, visit_latest, visit_first, msg_ids
FROM ${DB}.hotline_order_state
WHERE few_outside AND (outside_rows = 0 OR order_id NOT IN outside_largest)
UNION ALL
SELECT order_id, max(registered_seen), max(registered_time), max(category_latest), max(community_latest), max(deadline_latest),
       max(channel_latest), max(repeat_of_latest), max(unit_latest), max(street_latest), max(event_latest), max(closed_seen),
       max(closed_time), max(returned_seen), max(reopened_seen), min(accepted_time), max(caller_latest), max(visit_latest),
       min(visit_first), uniqExactMergeState(msg_ids)
FROM ${DB}.hotline_order_state
WHERE few_outside AND outside_rows > 0 AND order_id IN outside_largest
GROUP BY order_id
UNION ALL
SELECT * FROM ${DB}.hotline_order_state FINAL
WHERE NOT few_outside;

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
FROM ${DB}.hotline_order_rows;
