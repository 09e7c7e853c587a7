// The hotline counts of `casepulse explain`: each count's orders (or callers), with the event
// that counted, selected with the condition its figure counts (figure-conditions.ts,
// hotline-conditions.ts).
import { HOTLINE_ORDER_COUNTS, HOTLINE_ORDERS_IN_P, HOTLINE_VISIT_COUNTS } from "./figure-conditions.ts";
import { HOTLINE_PROCESS_COUNTS, overdueOrders, repeatCallerOrders, UNIT_COUNTS } from "./hotline-conditions.ts";
import { visitsOfP } from "./visit-conditions.ts";

type Sql = (db: string) => string;

/** Each order's latest (or earliest) `event` event: its msg_id and time. */
const countedEvents = (db: string, event: string, pick: "latest" | "earliest") => {
  const [best, time] = pick === "latest" ? ["argMax", "max"] : ["argMin", "min"];
  return `SELECT order_id, ${best}(msg_id, (event_time, msg_id)) AS counted_msg_id, ${time}(event_time) AS counted_at
     FROM ${db}.hotline_events WHERE event = '${event}' GROUP BY order_id`;
};

/**
 * Orders meeting `condition`, each with one of its `event` events: the latest (the 登记 that gave
 * the registration time, the 办结 that gave the closing time, the last 退回 …) or the earliest (the
 * first 签收, which acceptance is judged by).
 */
export const ordersWith = (condition: Sql | string, event: string, pick: "latest" | "earliest" = "latest"): Sql => (db) =>
  `SELECT o.order_id AS id, e.counted_msg_id AS msg_id, e.counted_at AS at
   FROM ${db}.hotline_orders AS o
   INNER JOIN (${countedEvents(db, event, pick)}) AS e ON e.order_id = o.order_id
   WHERE ${typeof condition === "string" ? condition : condition(db)}
   ORDER BY id`;

/** The orders visited in P, joined to their state as the figures count them (the street is the order's). */
const visits = (condition: string): Sql => (db) =>
  `SELECT v.order_id AS id, v.visit_msg_id AS msg_id, v.visited_at AS at
   FROM (${visitsOfP(db)}) AS v
   INNER JOIN ${db}.hotline_orders AS o ON o.order_id = v.order_id
   WHERE ${condition}
   ORDER BY id`;

/** The orders open past their deadline at the end of P, with the latest of their events before it. */
const overdue: Sql = (db) => `SELECT order_id AS id, counted_msg_id AS msg_id, counted_at AS at FROM (${overdueOrders(db)}) ORDER BY id`;

/** One row per repeat caller (its HMAC), with the 登记 of its latest order of P. */
const callers: Sql = (db) =>
  `SELECT o.caller_hash AS id, argMax(e.counted_msg_id, (e.counted_at, e.counted_msg_id)) AS msg_id, max(e.counted_at) AS at
   FROM ${db}.hotline_orders AS o
   INNER JOIN (${countedEvents(db, "登记", "latest")}) AS e ON e.order_id = o.order_id
   WHERE ${repeatCallerOrders(db)}
   GROUP BY o.caller_hash
   ORDER BY id`;

const H = HOTLINE_ORDER_COUNTS;
const P = HOTLINE_PROCESS_COUNTS;

export const HOTLINE_FIXED: Record<string, Sql> = {
  "hotline.orders": ordersWith(H.orders, "登记"),
  "hotline.repeat_orders": ordersWith(H.repeat_orders, "登记"),
  "hotline.orders_prev": ordersWith(H.orders_prev, "登记"),
  "hotline.closed": ordersWith(H.closed, "办结"),
  "hotline.closed_on_time": ordersWith(H.closed_on_time, "办结"),
  "hotline.visited": visits(HOTLINE_VISIT_COUNTS.visited),
  "hotline.satisfied": visits(HOTLINE_VISIT_COUNTS.satisfied),
  "hotline.returned": ordersWith(P.returned, "退回"),
  "hotline.reopened": ordersWith(P.reopened, "重启"),
  "hotline.accepted_in_time": ordersWith(P.accepted_in_time, "签收", "earliest"),
  "hotline.overdue_open": overdue,
  "hotline.repeat_callers": callers,
  "hotline.repeat_caller_orders": ordersWith(repeatCallerOrders, "登记"),
};

const UNIT_EVENTS = { orders: "登记", closed: "办结", closed_on_time: "办结" } as const;

/** `hotline.by_unit:<unit>` is the unit's orders; `.closed` / `.closed_on_time` after it its other counts. */
function unitQuery(rest: string): { sql: Sql; key: string } | null {
  const suffix = (["closed_on_time", "closed"] as const).find((s) => rest.endsWith(`.${s}`) && rest.length > s.length + 1);
  const count = suffix ?? "orders";
  const key = suffix ? rest.slice(0, -(suffix.length + 1)) : rest;
  if (key === "") return null;
  return { sql: ordersWith(`${UNIT_COUNTS[count]} AND unit = {key:String}`, UNIT_EVENTS[count]), key };
}

/** Counts of one entry of a hotline list, named `<list>:<name>`. */
export function hotlineKeyedQuery(name: string): { sql: Sql; key: string } | null {
  const keyed = [
    ["hotline.by_category:", "category"],
    ["hotline.by_community:", "community"],
  ] as const;
  for (const [prefix, column] of keyed) {
    if (name.startsWith(prefix) && name.length > prefix.length) {
      return { sql: ordersWith(`${HOTLINE_ORDERS_IN_P} AND ${column} = {key:String}`, "登记"), key: name.slice(prefix.length) };
    }
  }
  return name.startsWith("hotline.by_unit:") ? unitQuery(name.slice("hotline.by_unit:".length)) : null;
}
