// The clean event tables: one per feed, keyed by msg_id within the order/case.
import { compileRowMapper, CONTRACTS, FEEDS, storedColumns, type Feed, type FeedContract, type MappedKey } from "@casepulse/feeds";
import type { FeedRowMap } from "@casepulse/normalize";
import { insertSettingsClause, type Store } from "./client.ts";
import { ID_SLICE, MSG_ID_TABLES } from "./derived.ts";
import { chTime, chTimeOrNull } from "./time.ts";

const perFeed = <T>(make: (contract: FeedContract) => T) => Object.fromEntries(FEEDS.map((feed) => [feed, make(CONTRACTS[feed])])) as Record<Feed, T>;

/** Each feed's table of accepted records, as its contract names it. */
export const EVENT_TABLES = perFeed((c) => c.table);

/** The columns a stored row fills, in the contract's order (ingested_at is the table's own). */
export const EVENT_COLUMNS = perFeed(storedColumns);

/** Each stored column and its value in a row: timestamps in the text ClickHouse reads for DateTime64(3, 'UTC'), the rest as they are. */
export const STORED_VALUES = perFeed((contract): MappedKey[] =>
  Object.entries(contract.fields).map(([key, spec]) => {
    const column = spec.personal?.column ?? key;
    const time = spec.type === "timestamp" ? (spec.required ? "chTime" : "chTimeOrNull") : null;
    return { key: column, value: time ? `${time}(r.${column})` : `r.${column}` };
  }),
);

/** A stored row (an encodeEvents line) with its place `n` first, as a stage's rows are: `[n, …]`. */
export function numberedRow(n: number, row: string): string {
  return `[${n},${row.slice(1)}`;
}

/** A row's stored form: its values in EVENT_COLUMNS' order. */
const toStored = perFeed((contract) => compileRowMapper<FeedRowMap[Feed]>(STORED_VALUES[contract.feed as Feed], { chTime, chTimeOrNull }));

/**
 * A batch's rows as JSONCompactEachRow lines (each an array of the EVENT_COLUMNS values), each
 * with its msg_id (for deduplication before insert) and its order/case id. Rows as arrays, not
 * objects: the column names were half of every line, and 190,000 events took the engine 1.8-1.9 s
 * to insert as arrays against 2.6-2.7 s as objects (docs/performance.md).
 */
export interface EncodedEvents {
  msgIds: string[];
  keys: string[];
  lines: string[];
}

/**
 * Rows of the previous release's form (JSONEachRow objects; store jobs waiting in Redis across an
 * upgrade) in today's. A line that is not a JSON object throws: such a job cannot be stored.
 */
export function rowsFromObjects(feed: Feed, lines: readonly string[]): string[] {
  const columns = EVENT_COLUMNS[feed];
  return lines.map((line, i) => {
    const parsed: unknown = JSON.parse(line);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error(`row ${i + 1} is not a JSON object`);
    const o = parsed as Record<string, unknown>;
    return JSON.stringify(columns.map((c) => o[c] ?? null));
  });
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
  await store.insertJsonLines(EVENT_TABLES[feed], lines, dedupToken, { columns: EVENT_COLUMNS[feed] });
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
