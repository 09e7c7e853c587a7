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
// The maximum over the events that carry the attribute; NONE (smaller than any real event) when
// none does. maxIf skips the other events instead of comparing a NONE tuple for each of them.
const latest = (column: string, value = `toString(${column})`) =>
  `if(countIf(${column} IS NOT NULL) = 0, ${NONE}, maxIf((event_time, msg_id, ${value}), ${column} IS NOT NULL))`;

/** The columns of hotline_order_state (migrations 004, 007 and 008), in orderStateSelect's order. */
const ORDER_STATE_COLUMNS = [
  "order_id", "registered_seen", "registered_time", "category_latest", "community_latest", "deadline_latest", "channel_latest",
  "repeat_of_latest", "unit_latest", "street_latest", "event_latest", "closed_seen", "closed_time",
  "returned_seen", "reopened_seen", "accepted_time", "caller_latest", "visit_latest", "visit_first", "msg_ids",
].join(", ");

/** The state of each order, folded from the events of `source` that `where` selects (the columns of migrations 004, 007 and 008). */
function orderStateSelect(source: string, where: string): string {
  return `SELECT
      order_id,
      max(toUInt8(event = '登记')),
      max(if(event = '登记', event_time, NULL)),
      ${latest("category")},
      ${latest("community")},
      ${latest("deadline", "deadline")},
      ${latest("channel")},
      ${latest("repeat_of", "repeat_of")},
      ${latest("unit")},
      ${latest("street")},
      max((event_time, msg_id, toString(event))),
      max(toUInt8(event = '办结')),
      max(if(event = '办结', event_time, NULL)),
      max(toUInt8(event = '退回')),
      max(toUInt8(event = '重启')),
      min(if(event = '签收', event_time, NULL)),
      ${latest("caller_hash", "caller_hash")},
      if(countIf(event = '回访') = 0, ${NONE}, maxIf((event_time, msg_id, toString(satisfaction)), event = '回访')),
      min(if(event = '回访', event_time, NULL)),
      uniqExactState(msg_id)
    FROM ${source}
    WHERE ${where}
    GROUP BY order_id`;
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
