-- Current state per order and per case, folded from the events (docs/semantics.md).
-- argMax skips NULLs, so each order attribute comes from the latest event that carries it;
-- ties on time go to the greater msg_id so the result never depends on arrival order.
CREATE OR REPLACE VIEW ${DB}.hotline_orders AS
SELECT
    order_id,
    countIf(event = '登记') > 0                          AS registered,
    if(registered, maxIf(event_time, event = '登记'), NULL) AS registered_at,
    argMax(category, (event_time, msg_id))               AS category,
    argMax(community, (event_time, msg_id))              AS community,
    argMax(deadline, (event_time, msg_id))               AS deadline,
    argMax(channel, (event_time, msg_id))                AS channel,
    argMax(repeat_of, (event_time, msg_id))              AS repeat_of,
    argMax(unit, (event_time, msg_id))                   AS unit,
    argMax(event, (event_time, msg_id))                  AS last_event,
    max(event_time)                                      AS last_event_time,
    last_event IN ('办结', '回访') AND countIf(event = '办结') > 0 AS is_closed,
    if(is_closed, maxIf(event_time, event = '办结'), NULL) AS closed_at,
    count()                                              AS events
FROM ${DB}.hotline_events
GROUP BY order_id;

-- A snapshot is the whole state: take every column from the latest one, NULLs included.
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
