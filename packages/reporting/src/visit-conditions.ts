// The visits of P (hotline.visited, satisfied and each unit's satisfaction): an order's latest
// 回访 of P. Its latest 回访 of all (the order state, migration 008) is that one whenever it falls
// in P; an order visited before the end of P and again at or after it is the only one whose events
// must be read again. Shared by the figures and `casepulse explain`, like figure-conditions.ts.
import { IN_SCOPE } from "./figure-conditions.ts";
import { before, within } from "./sql-params.ts";

const SATISFIED = "('满意', '基本满意')";

/** Over hotline_orders: orders whose latest 回访 is in P, rated by it. */
export const VISIT_BY_STATE = {
  visited: `${within("last_visit_at")} AND ${IN_SCOPE}`,
  satisfied: `${within("last_visit_at")} AND ${IN_SCOPE} AND last_visit_rating IN ${SATISFIED}`,
} as const;

/** The orders visited before the end of P and again at or after it (found through the state). */
export const visitedAcrossEnd = (db: string) =>
  `SELECT order_id FROM ${db}.hotline_orders
   WHERE NOT (${before("last_visit_at")}) AND ${before("first_visit_at")} AND ${IN_SCOPE}`;

/** Their latest 回访 of P from their events (by the state's index): order_id, rating, visit_msg_id, visited_at. */
export const visitsByEvents = (db: string) =>
  `SELECT order_id,
          argMax(satisfaction, (event_time, msg_id)) AS rating,
          argMax(msg_id, (event_time, msg_id)) AS visit_msg_id,
          max(event_time) AS visited_at
   FROM ${db}.hotline_events
   WHERE order_id IN (${visitedAcrossEnd(db)}) AND event = '回访' AND ${within("event_time")}
   GROUP BY order_id`;

/** Every order visited in P with its latest 回访 of P, in visitsByEvents' columns. */
export const visitsOfP = (db: string) =>
  `SELECT order_id, last_visit_rating AS rating, last_visit_msg_id AS visit_msg_id, last_visit_at AS visited_at
   FROM ${db}.hotline_orders WHERE ${VISIT_BY_STATE.visited}
   UNION ALL
   ${visitsByEvents(db)}`;
