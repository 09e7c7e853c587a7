-- The order state (004) and the msg_id tables (005) are written by each batch itself, after its
-- events, instead of by materialized views: a view's insert is not atomic with the events'
-- insert, so a crash between the two could leave an event stored whose order state or msg_id
-- row never comes (the retried batch is deduplicated and its views skipped). Written by the
-- batch, in the order events → order state → msg_ids, a retry repairs whatever a crash cut off:
-- the batch counts as stored only once its msg_ids are there.
DROP VIEW IF EXISTS ${DB}.hotline_order_state_mv;
DROP VIEW IF EXISTS ${DB}.hotline_msg_ids_mv;
DROP VIEW IF EXISTS ${DB}.mediation_msg_ids_mv;
DROP VIEW IF EXISTS ${DB}.litigation_msg_ids_mv;
