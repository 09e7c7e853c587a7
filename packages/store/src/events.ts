// The clean event tables: one per feed, keyed by msg_id within the order/case.
import { compileMapper, CONTRACTS, FEEDS, storedColumns, type Feed, type FeedContract } from "@casepulse/feeds";
import type { FeedRowMap } from "@casepulse/normalize";
import { insertSettingsClause, type Store } from "./client.ts";
import { ID_SLICE, MSG_ID_TABLES } from "./derived.ts";
import { chTime, chTimeOrNull } from "./time.ts";

const perFeed = <T>(make: (contract: FeedContract) => T) => Object.fromEntries(FEEDS.map((feed) => [feed, make(CONTRACTS[feed])])) as Record<Feed, T>;

/** Each feed's table of accepted records, as its contract names it. */
export const EVENT_TABLES = perFeed((c) => c.table);

/** The columns a stored row fills, in the contract's order (ingested_at is the table's own). */
export const EVENT_COLUMNS = perFeed(storedColumns);

/** A row's stored form: timestamps in the text ClickHouse reads for DateTime64(3, 'UTC'), the rest as they are. */
const toStored = perFeed((contract) =>
  compileMapper<FeedRowMap[Feed], object>(
    Object.entries(contract.fields).map(([key, spec]) => {
      const column = spec.personal?.column ?? key;
      const time = spec.type === "timestamp" ? (spec.required ? "chTime" : "chTimeOrNull") : null;
      return { key: column, value: time ? `${time}(r.${column})` : `r.${column}` };
    }),
    { chTime, chTimeOrNull },
  ),
);

/** A batch's rows as JSONEachRow lines, each with its msg_id (for deduplication before insert) and its order/case id. */
export interface EncodedEvents {
  msgIds: string[];
  keys: string[];
  lines: string[];
}

export function encodeEvents<F extends Feed>(feed: F, rows: readonly FeedRowMap[F][]): EncodedEvents {
  const convert = toStored[feed];
  const key = CONTRACTS[feed].key as keyof FeedRowMap[F];
  return {
    msgIds: rows.map((r) => (r as { msg_id: string }).msg_id),
    keys: rows.map((r) => r[key] as string),
    lines: rows.map((r) => JSON.stringify(convert(r, undefined))),
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
