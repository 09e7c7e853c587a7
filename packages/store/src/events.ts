// The clean event tables: one per feed, keyed by msg_id within the order/case.
import type { Feed } from "@casepulse/feeds";
import type { FeedRowMap, HotlineRow, LitigationRow, MediationRow } from "@casepulse/normalize";
import { insertSettingsClause, type Store } from "./client.ts";
import { ID_SLICE, MSG_ID_TABLES } from "./derived.ts";
import { chTime, chTimeOrNull } from "./time.ts";

export const EVENT_TABLES = {
  hotline: "hotline_events",
  mediation: "mediation_snapshots",
  litigation: "litigation_snapshots",
} as const satisfies Record<Feed, string>;

/** The columns a stored row fills (ingested_at is the table's own). */
export const EVENT_COLUMNS = {
  hotline: ["msg_id", "order_id", "event", "event_time", "category", "community", "deadline", "channel", "repeat_of", "satisfaction", "unit", "caller_hash", "has_content"],
  mediation: ["msg_id", "case_id", "updated_at", "registered_at", "kind", "dispute_type", "status", "closed_at", "community", "amount_yuan", "parties", "referral_order_id"],
  litigation: ["msg_id", "case_id", "kind", "cause", "filed_at", "updated_at", "status", "hearing_at", "head_appeared", "outcome", "decided_at"],
} as const satisfies { hotline: (keyof HotlineRow)[]; mediation: (keyof MediationRow)[]; litigation: (keyof LitigationRow)[] };

// Rows spelt out key by key rather than spread: objects built from a literal keep V8's fast
// shape, and encoding a batch of them took half the time. `satisfies` keeps each one complete.
const toStored = {
  hotline: (r: HotlineRow) =>
    ({
      msg_id: r.msg_id,
      order_id: r.order_id,
      event: r.event,
      event_time: chTime(r.event_time),
      category: r.category,
      community: r.community,
      deadline: chTimeOrNull(r.deadline),
      channel: r.channel,
      repeat_of: r.repeat_of,
      satisfaction: r.satisfaction,
      unit: r.unit,
      caller_hash: r.caller_hash,
      has_content: r.has_content,
    }) satisfies Record<keyof HotlineRow, unknown>,
  mediation: (r: MediationRow) =>
    ({
      msg_id: r.msg_id,
      case_id: r.case_id,
      updated_at: chTime(r.updated_at),
      registered_at: chTime(r.registered_at),
      kind: r.kind,
      dispute_type: r.dispute_type,
      status: r.status,
      closed_at: chTimeOrNull(r.closed_at),
      community: r.community,
      amount_yuan: r.amount_yuan,
      parties: r.parties,
      referral_order_id: r.referral_order_id,
    }) satisfies Record<keyof MediationRow, unknown>,
  litigation: (r: LitigationRow) =>
    ({
      msg_id: r.msg_id,
      case_id: r.case_id,
      kind: r.kind,
      cause: r.cause,
      filed_at: chTime(r.filed_at),
      updated_at: chTime(r.updated_at),
      status: r.status,
      hearing_at: chTimeOrNull(r.hearing_at),
      head_appeared: r.head_appeared,
      outcome: r.outcome,
      decided_at: chTimeOrNull(r.decided_at),
    }) satisfies Record<keyof LitigationRow, unknown>,
};

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

/** The events of `relation` (a table with the event table's columns and more), under a deduplication token. */
export async function insertEventsFrom(store: Store, feed: Feed, relation: string, dedupToken: string): Promise<void> {
  const table = `${store.database}.${EVENT_TABLES[feed]}`;
  const columns = EVENT_COLUMNS[feed].join(", ");
  await store.command(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${relation} ${insertSettingsClause(dedupToken)}`);
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
