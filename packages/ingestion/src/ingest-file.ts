// The file path: a .jsonl export goes through the same classify and write steps as the stream.
import { randomUUID } from "node:crypto";
import { basename } from "node:path";
import type { Feed } from "@casepulse/feeds";
import type { PiiProtector } from "@casepulse/normalize";
import type { Store } from "@casepulse/store";
import { classifyRecords, type RawRecord } from "./classify.ts";
import { readLines } from "./read-lines.ts";
import { writeBatch, type BatchOutcome } from "./write-batch.ts";

export interface IngestFileOptions {
  store: Store;
  pii: PiiProtector;
  feed: Feed;
  path: string;
  /** Records per ClickHouse insert. */
  batchSize?: number;
  onProgress?: (progress: { bytes: number; outcome: BatchOutcome }) => void;
}

export async function ingestFile(options: IngestFileOptions): Promise<BatchOutcome> {
  const { store, pii, feed, path, batchSize = 10_000 } = options;
  const runId = randomUUID();
  const name = basename(path);
  const total: BatchOutcome = { received: 0, accepted: 0, duplicates: 0, rejected: 0 };
  let bytes = 0;
  let seq = 0;
  let pending: RawRecord[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    seq += 1;
    const classified = classifyRecords(feed, pending, pii);
    const outcome = await writeBatch(store, feed, {
      batchId: `file:${runId}:${feed}:${seq}`,
      source: `file:${name}`,
      received: pending.length,
      ...classified,
    });
    pending = [];
    total.received += outcome.received;
    total.accepted += outcome.accepted;
    total.duplicates += outcome.duplicates;
    total.rejected += outcome.rejected;
    options.onProgress?.({ bytes, outcome: { ...total } });
  };

  for await (const line of readLines(path, (n) => (bytes += n))) {
    pending.push({ value: line.value, source: `file:${name}:${line.number}` });
    if (pending.length >= batchSize) await flush();
  }
  await flush();
  return total;
}
