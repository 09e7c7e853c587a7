// The hotline process figures, units, callers and the backlog at the end of P (REPORT.md), as
// conditions and relations shared by the figures and `casepulse explain`, like figure-conditions.ts.
// Everything reads the order state (hotline_orders: migrations 004, 007, 008) but the backlog of
// orders that had events after the end of P, which only their events before it can judge.
import { HOTLINE_ORDER_COUNTS, HOTLINE_ORDERS_IN_P, IN_SCOPE } from "./figure-conditions.ts";
import { before } from "./sql-params.ts";

const ORDERS_IN_P = HOTLINE_ORDERS_IN_P;
const CLOSED_IN_P = HOTLINE_ORDER_COUNTS.closed;
const ms = (column: string) => `toUnixTimestamp64Milli(${column})`;

/** Counts over hotline_orders; accepted_in_time reads the {accept_ms:Int64} parameter (sql-params.ts). */
export const HOTLINE_PROCESS_COUNTS = {
  returned: `${ORDERS_IN_P} AND returned`,
  reopened: `${ORDERS_IN_P} AND reopened`,
  accepted_in_time: `${ORDERS_IN_P} AND accepted_at IS NOT NULL AND ${ms("accepted_at")} - ${ms("registered_at")} <= {accept_ms:Int64}`,
} as const;

/** The orders whose closing time counts in close_hours_median, and that duration in milliseconds. */
export const CLOSE_DURATION = {
  condition: `${CLOSED_IN_P} AND registered`,
  millis: `${ms("closed_at")} - ${ms("registered_at")}`,
} as const;

/** The counts of a by_unit entry over hotline_orders (the rows are those of one unit). */
export const UNIT_COUNTS = {
  orders: ORDERS_IN_P,
  closed: CLOSED_IN_P,
  closed_on_time: HOTLINE_ORDER_COUNTS.closed_on_time,
} as const;

/** A caller with at least this many orders of P is a repeat caller. */
export const REPEAT_CALLER_MIN_ORDERS = 3;

/** Over hotline_orders: the orders of P that have a caller. */
export const CALLER_ORDERS_IN_P = `${ORDERS_IN_P} AND caller_hash IS NOT NULL`;

/** One row per repeat caller of P: its caller_hash and its orders of P. */
export const repeatCallers = (db: string) =>
  `SELECT caller_hash, count() AS orders FROM ${db}.hotline_orders
   WHERE ${CALLER_ORDERS_IN_P}
   GROUP BY caller_hash HAVING orders >= ${REPEAT_CALLER_MIN_ORDERS}`;

/** The orders of P of the repeat callers. */
export const repeatCallerOrders = (db: string) => `${ORDERS_IN_P} AND caller_hash IN (SELECT caller_hash FROM (${repeatCallers(db)}))`;

const CLOSING = "('办结', '回访')";
const OPEN_PAST_DEADLINE = `last_event NOT IN ${CLOSING} AND deadline IS NOT NULL AND ${before("deadline")}`;
const REGISTERED_BEFORE_END = `registered AND ${before("registered_at")} AND ${IN_SCOPE}`;
const NONE = "(toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL)";
const latestBefore = (column: string, value = `toString(${column})`) =>
  `if(countIf(${column} IS NOT NULL) = 0, ${NONE}, maxIf((event_time, msg_id, ${value}), ${column} IS NOT NULL)).3`;

/** An order whose every event is before the end of P is judged by its state (over hotline_orders). */
export const BACKLOG_BY_STATE = `${REGISTERED_BEFORE_END} AND ${before("last_event_time")} AND ${OPEN_PAST_DEADLINE}`;

/**
 * The orders with events after the end of P, folded again from their events before it (found by
 * the state's index, so a recent period reads few events), as the backlog judges them: one row
 * per order open past its deadline, with its deadline, community, category and unit as those
 * events give them, and the latest of those events.
 */
export const backlogByEvents = (db: string) =>
  `SELECT order_id, deadline, community, category, unit, counted_msg_id, counted_at FROM (
     SELECT order_id, deadline_then AS deadline, community_then AS community, category_then AS category, unit_then AS unit,
            latest.3 AS last_event, latest.2 AS counted_msg_id, latest.1 AS counted_at
     FROM (
       SELECT order_id,
              ${latestBefore("deadline", "deadline")} AS deadline_then,
              ${latestBefore("community")} AS community_then,
              ${latestBefore("category")} AS category_then,
              ${latestBefore("unit")} AS unit_then,
              max((event_time, msg_id, toString(event))) AS latest
       FROM ${db}.hotline_events
       WHERE order_id IN (SELECT order_id FROM ${db}.hotline_orders WHERE ${REGISTERED_BEFORE_END} AND NOT (${before("last_event_time")}))
         AND ${before("event_time")}
       GROUP BY order_id
     )
   ) WHERE ${OPEN_PAST_DEADLINE}`;

/**
 * The orders open past their deadline at the end of P (hotline.overdue_open): registered (their
 * latest 登记) before the end of P and, judged on their events before it, open with a deadline
 * before it; those judged by their state and those judged by their events, in the same columns.
 */
export const overdueOrders = (db: string) =>
  `SELECT order_id, deadline, community, category, unit, last_event_msg_id AS counted_msg_id, last_event_time AS counted_at
   FROM ${db}.hotline_orders WHERE ${BACKLOG_BY_STATE}
   UNION ALL
   ${backlogByEvents(db)}`;

/** How many entries overdue_list has at most (earliest deadline first). */
export const OVERDUE_LIST_LENGTH = 20;
