// Tables derived from the events, written by each batch right after its events (migration 006
// says why not by materialized views). Both writes are idempotent: order state aggregates with
// max and uniqExact, msg_id rows collapse, so a retry may repeat them freely.
import type { Feed } from "@casepulse/feeds";
import type { Store } from "./client.ts";

export const MSG_ID_TABLES = {
  hotline: "hotline_msg_ids",
  mediation: "mediation_msg_ids",
  litigation: "litigation_msg_ids",
} as const satisfies Record<Feed, string>;

/** Ids per query: large Array(String) parameters are slow in the embedded engine (docs/performance.md). */
export const ID_SLICE = 10_000;

const NONE = "(toDateTime64('1900-01-01 00:00:00', 3, 'UTC'), '', NULL)";
const latest = (column: string, value = `toString(${column})`) =>
  `max(if(${column} IS NULL, ${NONE}, (event_time, msg_id, ${value})))`;

/** The state of each order, folded from all its stored events (the columns of migration 004). */
function orderStateSelect(db: string): string {
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
      max((event_time, msg_id, toString(event))),
      max(toUInt8(event = '办结')),
      max(if(event = '办结', event_time, NULL)),
      uniqExactState(msg_id)
    FROM ${db}.hotline_events
    WHERE order_id IN {orders:Array(String)}
    GROUP BY order_id`;
}

/** Recomputes the state of these orders from their events (all of them, not only the new ones). */
export async function refreshOrderState(store: Store, orderIds: readonly string[]): Promise<void> {
  const unique = [...new Set(orderIds)];
  for (let i = 0; i < unique.length; i += ID_SLICE) {
    await store.command(`INSERT INTO ${store.database}.hotline_order_state ${orderStateSelect(store.database)}`, {
      orders: unique.slice(i, i + ID_SLICE),
    });
  }
}

/** Marks these msg_ids as stored; the last step of a batch. */
export async function recordMsgIds(store: Store, feed: Feed, msgIds: readonly string[], dedupToken: string): Promise<void> {
  await store.insert(MSG_ID_TABLES[feed], msgIds.map((msg_id) => ({ msg_id })), dedupToken);
}
