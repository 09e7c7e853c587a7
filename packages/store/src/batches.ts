// Per-batch reading counts behind the report's `quality` block.
import type { Feed } from "@casepulse/feeds";
import type { Store } from "./client.ts";

export interface IngestBatch {
  batchId: string;
  feed: Feed;
  source: string;
  received: number;
  /**
   * Records this batch adds to `rejected`: its dead letters, or -1 for a dead letter a replay
   * found valid (it moves to accepted or duplicates, and was never received twice).
   */
  rejected: number;
}

export async function recordBatch(store: Store, batch: IngestBatch): Promise<void> {
  await recordBatches(store, [batch], `batch:${batch.batchId}`);
}

/** Several count rows in one insert; each collapses with any earlier row of its batch_id. */
export async function recordBatches(store: Store, batches: readonly IngestBatch[], dedupToken: string): Promise<void> {
  await store.insert(
    "ingest_batches",
    batches.map((b) => ({ batch_id: b.batchId, feed: b.feed, source: b.source, received: b.received, rejected: b.rejected })),
    dedupToken,
  );
}
