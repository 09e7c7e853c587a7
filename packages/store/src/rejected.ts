// The dead-letter store: every rejected record, whole (sealed) and with its reason. A letter
// keeps its id for life: a replay that finds it still invalid stores it again under the same id
// (pending, with the new reason), one that finds it valid marks it replayed.
import { randomUUID } from "node:crypto";
import type { Feed } from "@casepulse/feeds";
import type { Store } from "./client.ts";
import { chTime } from "./time.ts";

export interface RejectedRecord {
  feed: Feed;
  source: string;
  receivedAt: number;
  reason: string;
  msgId: string | null;
  byteSize: number;
  preview: string | null;
  sealed: string;
  /** Stable id, so a retried insert of the same batch does not store the record twice. */
  id?: string;
  /** Set when a letter is stored again (a replay): above the version it replaces. */
  version?: number;
}

export interface StoredRejection {
  id: string;
  feed: Feed;
  source: string;
  received_at: string;
  reason: string;
  msg_id: string | null;
  byte_size: number;
  preview: string | null;
  /** Empty once the retention (CASEPULSE_DLQ_RETENTION_DAYS) has deleted the sealed copy. */
  sealed: string;
  status: "pending" | "replayed";
  /** The stored version of the letter: the latest wins, and a replay counts it once per version. */
  version: number;
}

export interface RejectedFilter {
  feed?: Feed | undefined;
  status?: "pending" | "replayed" | undefined;
}

export async function insertRejected(store: Store, records: readonly RejectedRecord[], dedupToken?: string): Promise<void> {
  await store.insert(
    "rejected_events",
    records.map((r) => ({
      id: r.id ?? randomUUID(),
      feed: r.feed,
      source: r.source,
      received_at: chTime(r.receivedAt),
      reason: r.reason,
      msg_id: r.msgId,
      byte_size: r.byteSize,
      preview: r.preview,
      sealed: r.sealed,
      status: "pending",
      ...(r.version === undefined ? {} : { version: r.version }),
    })),
    dedupToken,
  );
}

const WHERE = "({feed:String} = '' OR feed = {feed:String}) AND ({status:String} = '' OR status = {status:String})";
const filterParams = (filter: RejectedFilter) => ({ feed: filter.feed ?? "", status: filter.status ?? "" });

export async function listRejected(store: Store, filter: RejectedFilter & { limit: number }): Promise<StoredRejection[]> {
  return store.query<StoredRejection>(
    `SELECT toString(id) AS id, feed, source, toString(received_at) AS received_at, reason, msg_id, byte_size, preview, sealed, status, version
     FROM ${store.database}.rejected_events FINAL
     WHERE ${WHERE}
     ORDER BY received_at, id
     LIMIT {limit:UInt32}`,
    { ...filterParams(filter), limit: filter.limit },
  );
}

/** How many letters the filter selects, whatever a list's limit. */
export async function countRejected(store: Store, filter: RejectedFilter): Promise<number> {
  const [row] = await store.query<{ n: number }>(`SELECT count() AS n FROM ${store.database}.rejected_events FINAL WHERE ${WHERE}`, filterParams(filter));
  return Number(row!.n);
}

/** The stored letter's received_at (UTC text) as epoch milliseconds. */
export function receivedAtMs(letter: Pick<StoredRejection, "received_at">): number {
  return Date.parse(`${letter.received_at.replace(" ", "T")}Z`);
}

/**
 * A version above the letter's own: versions are epoch milliseconds, but the letter's may come
 * from a server's clock that runs ahead of this one.
 */
export function nextVersion(letter: Pick<StoredRejection, "version">): number {
  return Math.max(Number(letter.version) + 1, Date.now());
}

export async function markReplayed(store: Store, rows: readonly StoredRejection[]): Promise<void> {
  await store.insert(
    "rejected_events",
    rows.map((r) => ({ ...r, status: "replayed", version: nextVersion(r) })),
  );
}
