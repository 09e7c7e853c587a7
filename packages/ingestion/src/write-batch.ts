// Step two: store one classified batch so that a retry of the same batch changes nothing.
// Order matters for crash safety: events, then dead letters, then the batch's reading counts.
import { createHash } from "node:crypto";
import type { Feed } from "@casepulse/feeds";
import { insertEvents, insertRejected, recordBatch, storedMsgIds, type Store } from "@casepulse/store";
import type { Classified } from "./classify.ts";

export interface BatchOutcome {
  received: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

export async function writeBatch<F extends Feed>(
  store: Store,
  feed: F,
  batch: { batchId: string; source: string; received: number } & Classified<F>,
): Promise<BatchOutcome> {
  const { batchId, rows, rejected } = batch;
  const stored = await storedMsgIds(store, feed, [...new Set(rows.map((r) => r.msg_id))]);
  const fresh = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    if (!stored.has(row.msg_id) && !fresh.has(row.msg_id)) fresh.set(row.msg_id, row);
  }
  await insertEvents(store, feed, [...fresh.values()], `${batchId}:events`);
  const withIds = rejected.map((r, i) => ({ ...r, id: r.id ?? deterministicUuid(`${batchId}:${i}`) }));
  await insertRejected(store, withIds, `${batchId}:rejected`);
  await recordBatch(store, { batchId, feed, source: batch.source, received: batch.received, rejected: rejected.length });
  return {
    received: batch.received,
    accepted: fresh.size,
    duplicates: rows.length - fresh.size,
    rejected: rejected.length,
  };
}

/** A UUID derived from a name, so a retried batch gives its dead letters the same ids. */
function deterministicUuid(name: string): string {
  const h = createHash("sha256").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
