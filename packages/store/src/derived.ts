// Tables derived from the events, written by each batch right after its events (migration 006
// says why not by materialized views). Both writes are idempotent: order state aggregates with
// max, min and uniqExact, msg_id rows collapse, so a retry may repeat them freely.
import { CONTRACTS, FEEDS, type Feed } from "@casepulse/feeds";
import { insertSettingsClause, type Store } from "./client.ts";

/** Each feed's table of stored msg_ids, as its contract names it. */
export const MSG_ID_TABLES = Object.fromEntries(FEEDS.map((feed) => [feed, CONTRACTS[feed].msgIdTable])) as Record<Feed, string>;

/** Ids per query: large Array(String) parameters are slow in the embedded engine (docs/performance.md). */
export const ID_SLICE = 10_000;

const NONE = "(toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL)";

/**
 * One column of the order state, in two forms made from one rule: `grouped` aggregates an
 * order's events, `single` is what `grouped` gives for an order with one event (no aggregate
 * state to build). orderStateSelect uses `single` for the orders with one event in its source:
 * a month's export of new orders is 200,000 orders of one event each, and building 20 aggregate
 * states per order took 1.2 s where reading the rows took 70 ms (docs/performance.md).
 */
interface StateColumn {
  grouped: string;
  single: string;
}

const maxOf = (value: string): StateColumn => ({ grouped: `max(${value})`, single: value });
const minOf = (value: string): StateColumn => ({ grouped: `min(${value})`, single: value });
/**
 * The greatest (event_time, msg_id, value) of the events where `carried` holds; NONE (smaller
 * than any real event) when none does. maxIf skips the other events instead of comparing a NONE
 * tuple for each of them.
 */
const latestWhere = (carried: string, value: string): StateColumn => ({
  grouped: `if(countIf(${carried}) = 0, ${NONE}, maxIf((event_time, msg_id, ${value}), ${carried}))`,
  single: `if(${carried}, (event_time, msg_id, ${value}), ${NONE})`,
});
const latest = (column: string, value = `toString(${column})`) => latestWhere(`${column} IS NOT NULL`, value);

/** The columns of hotline_order_state (migrations 004, 007 and 008), with their rules. */
const ORDER_STATE: readonly (readonly [string, StateColumn])[] = [
  ["order_id", { grouped: "order_id", single: "order_id" }],
  ["registered_seen", maxOf("toUInt8(event = '登记')")],
  ["registered_time", maxOf("if(event = '登记', event_time, NULL)")],
  ["category_latest", latest("category")],
  ["community_latest", latest("community")],
  ["deadline_latest", latest("deadline", "deadline")],
  ["channel_latest", latest("channel")],
  ["repeat_of_latest", latest("repeat_of", "repeat_of")],
  ["unit_latest", latest("unit")],
  ["street_latest", latest("street")],
  ["event_latest", maxOf("(event_time, msg_id, toString(event))")],
  ["closed_seen", maxOf("toUInt8(event = '办结')")],
  ["closed_time", maxOf("if(event = '办结', event_time, NULL)")],
  ["returned_seen", maxOf("toUInt8(event = '退回')")],
  ["reopened_seen", maxOf("toUInt8(event = '重启')")],
  ["accepted_time", minOf("if(event = '签收', event_time, NULL)")],
  ["caller_latest", latest("caller_hash", "caller_hash")],
  ["visit_latest", latestWhere("event = '回访'", "toString(satisfaction)")],
  ["visit_first", minOf("if(event = '回访', event_time, NULL)")],
  ["msg_ids", { grouped: "uniqExactState(msg_id)", single: "arrayReduce('uniqExactState', [msg_id])" }],
];
export const ORDER_STATE_COLUMNS = ORDER_STATE.map(([name]) => name).join(", ");
const GROUPED = ORDER_STATE.map(([name, c]) => `${c.grouped} AS ${name}`).join(",\n      ");
const SINGLE = ORDER_STATE.map(([name, c]) => `${c.single} AS ${name}`).join(",\n      ");

/**
 * The state of each order, folded from the events of `source` that `where` selects: the orders
 * with two events or more aggregated, the others row by row (`byRow`; false aggregates every
 * order, the form the tests hold the other to).
 */
export function orderStateSelect(source: string, where: string, byRow = true): string {
  const aggregated = (orders: string) => `SELECT
      ${GROUPED}
    FROM ${source}
    WHERE (${where})${orders}
    GROUP BY order_id`;
  if (!byRow) return aggregated("");
  const several = `SELECT order_id FROM ${source} WHERE (${where}) GROUP BY order_id HAVING count() > 1`;
  return `SELECT * FROM (
    ${aggregated(` AND order_id IN (${several})`)}
    UNION ALL
    SELECT
      ${SINGLE}
    FROM ${source}
    WHERE (${where}) AND order_id NOT IN (${several}))`;
}

/** Recomputes the state of these orders from their events (all of them, not only the new ones). */
export async function refreshOrderState(store: Store, orderIds: readonly string[]): Promise<void> {
  const unique = [...new Set(orderIds)];
  const select = orderStateSelect(`${store.database}.hotline_events`, "order_id IN {orders:Array(String)}");
  for (let i = 0; i < unique.length; i += ID_SLICE) {
    await store.command(`INSERT INTO ${store.database}.hotline_order_state (${ORDER_STATE_COLUMNS}) ${select} ${insertSettingsClause()}`, {
      orders: unique.slice(i, i + ID_SLICE),
    });
  }
}

/**
 * Folds the events of `relation` (new events, not yet in any order's state) into the state of
 * their orders. Every aggregate merges (max, uniqExact), so folding only the new events gives the
 * state that folding all of an order's events would.
 */
export async function foldIntoOrderState(store: Store, relation: string): Promise<void> {
  await store.command(`INSERT INTO ${store.database}.hotline_order_state (${ORDER_STATE_COLUMNS}) ${orderStateSelect(relation, "1")} ${insertSettingsClause()}`);
}

/** Marks the msg_ids of `relation` as stored; the last step of a batch. */
export async function recordMsgIdsFrom(store: Store, feed: Feed, relation: string): Promise<void> {
  await store.command(`INSERT INTO ${store.database}.${MSG_ID_TABLES[feed]} SELECT msg_id FROM ${relation} ${insertSettingsClause()}`);
}

/** Marks these msg_ids as stored; the last step of a batch. */
export async function recordMsgIds(store: Store, feed: Feed, msgIds: readonly string[], dedupToken: string): Promise<void> {
  await store.insert(MSG_ID_TABLES[feed], msgIds.map((msg_id) => ({ msg_id })), dedupToken);
}
