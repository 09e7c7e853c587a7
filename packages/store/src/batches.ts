// Per-batch reading counts behind the report's `quality` block.
import type { Feed } from "@casepulse/feeds";
import type { Store } from "./client.ts";

export interface IngestBatch {
  batchId: string;
  feed: Feed;
  source: string;
  received: number;
  rejected: number;
}

export async function recordBatch(store: Store, batch: IngestBatch): Promise<void> {
  await store.insert(
    "ingest_batches",
    [{ batch_id: batch.batchId, feed: batch.feed, source: batch.source, received: batch.received, rejected: batch.rejected }],
    `batch:${batch.batchId}`,
  );
}
