// The clean event tables: one per feed, keyed by msg_id within the order/case.
import type { Feed } from "@casepulse/feeds";
import type { FeedRowMap, HotlineRow, LitigationRow, MediationRow } from "@casepulse/normalize";
import type { Store } from "./client.ts";
import { ID_SLICE, MSG_ID_TABLES } from "./derived.ts";
import { chTime, chTimeOrNull } from "./time.ts";

export const EVENT_TABLES = {
  hotline: "hotline_events",
  mediation: "mediation_snapshots",
  litigation: "litigation_snapshots",
} as const satisfies Record<Feed, string>;

const toStored = {
  hotline: (r: HotlineRow) => ({
    ...r,
    event_time: chTime(r.event_time),
    deadline: chTimeOrNull(r.deadline),
  }),
  mediation: (r: MediationRow) => ({
    ...r,
    updated_at: chTime(r.updated_at),
    registered_at: chTime(r.registered_at),
    closed_at: chTimeOrNull(r.closed_at),
  }),
  litigation: (r: LitigationRow) => ({
    ...r,
    filed_at: chTime(r.filed_at),
    updated_at: chTime(r.updated_at),
    hearing_at: chTimeOrNull(r.hearing_at),
    decided_at: chTimeOrNull(r.decided_at),
  }),
};

export async function insertEvents<F extends Feed>(
  store: Store,
  feed: F,
  rows: readonly FeedRowMap[F][],
  dedupToken?: string,
): Promise<void> {
  const convert = toStored[feed] as (r: FeedRowMap[F]) => object;
  await store.insert(EVENT_TABLES[feed], rows.map(convert), dedupToken);
}

/** A batch's rows as JSONEachRow lines, each with its msg_id (for deduplication before insert) and its order/case id. */
export interface EncodedEvents {
  msgIds: string[];
  keys: string[];
  lines: string[];
}

export function encodeEvents<F extends Feed>(feed: F, rows: readonly FeedRowMap[F][]): EncodedEvents {
  const convert = toStored[feed] as (r: FeedRowMap[F]) => object;
  return {
    msgIds: rows.map((r) => r.msg_id),
    keys: rows.map((r) => ("order_id" in r ? r.order_id : r.case_id)),
    lines: rows.map((r) => JSON.stringify(convert(r))),
  };
}

export async function insertEncodedEvents(store: Store, feed: Feed, lines: readonly string[], dedupToken?: string): Promise<void> {
  await store.insertJsonLines(EVENT_TABLES[feed], lines, dedupToken);
}

/** Which of these msg_ids the feed's table already holds. */
export async function storedMsgIds(store: Store, feed: Feed, msgIds: readonly string[]): Promise<Set<string>> {
  const stored = new Set<string>();
  for (let i = 0; i < msgIds.length; i += ID_SLICE) {
    const rows = await store.query<{ msg_id: string }>(
      `SELECT DISTINCT msg_id FROM ${store.database}.${MSG_ID_TABLES[feed]} WHERE msg_id IN {ids:Array(String)}`,
      { ids: msgIds.slice(i, i + ID_SLICE) },
    );
    for (const r of rows) stored.add(r.msg_id);
  }
  return stored;
}
