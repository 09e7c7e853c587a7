// The dead-letter store: every rejected record, whole (sealed) and with its reason.
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
  sealed: string;
  status: "pending" | "replayed";
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
    })),
    dedupToken,
  );
}

export async function listRejected(
  store: Store,
  filter: { feed?: Feed | undefined; status?: "pending" | "replayed" | undefined; limit: number },
): Promise<StoredRejection[]> {
  return store.query<StoredRejection>(
    `SELECT toString(id) AS id, feed, source, toString(received_at) AS received_at, reason, msg_id, byte_size, preview, sealed, status
     FROM ${store.database}.rejected_events FINAL
     WHERE ({feed:String} = '' OR feed = {feed:String}) AND ({status:String} = '' OR status = {status:String})
     ORDER BY received_at, id
     LIMIT {limit:UInt32}`,
    { feed: filter.feed ?? "", status: filter.status ?? "", limit: filter.limit },
  );
}

export async function markReplayed(store: Store, rows: readonly StoredRejection[]): Promise<void> {
  await store.insert(
    "rejected_events",
    rows.map((r) => ({ ...r, status: "replayed", version: Date.now() })),
  );
}
