// The file path: a .jsonl export goes through the same classify and write steps as the stream.
// Validation and encoding run on worker threads (batches dealt round robin), ahead of the
// ClickHouse writes here, so parsing and storing overlap; batches are still written in file order.
import { basename } from "node:path";
import { Worker } from "node:worker_threads";
import type { Feed } from "@casepulse/feeds";
import type { EncodedEvents, RejectedRecord, Store } from "@casepulse/store";
import type { ClassifyWorkerData } from "./classify-worker.ts";
import { startWorker } from "./start-worker.ts";
import { engineReadsFile, ingestFileInEngine } from "./ingest-file-in-engine.ts";
import { startReading } from "./reading.ts";
import { writeEncodedBatch, type BatchOutcome } from "./write-batch.ts";

export interface IngestFileOptions {
  store: Store;
  /** CASEPULSE_PII_KEY: the worker thread builds its own protector from it. */
  piiKey: string;
  feed: Feed;
  path: string;
  /** Records per ClickHouse insert (lines per slice when the engine reads the file). */
  batchSize?: number;
  /**
   * Worker threads that validate and encode, default 1: on two cores a second one competes with
   * ClickHouse's insert threads and measured slower (docs/performance.md).
   */
  workers?: number;
  onProgress?: (progress: { bytes: number; outcome: BatchOutcome }) => void;
  /** The name places give (`file:<name>:<row>`); default the path's base name (a spool's is not the export's). */
  sourceName?: string;
  /** For lines converted from a spreadsheet (forms/prepare-export.ts): the export's row of each line (index: line - 1). */
  lineRows?: Uint32Array | null;
  /**
   * Let the embedded engine read and validate the file itself where the feed has an SQL
   * accepter (ingest-file-in-engine.ts); default true. False parses every line in Node, as with
   * a ClickHouse server.
   */
  readInEngine?: boolean;
}

type WorkerMessage =
  | { kind: "batch"; batch: EncodedEvents & { received: number; bytes: number; rejected: RejectedRecord[] } }
  | { kind: "end" };

export async function ingestFile(options: IngestFileOptions): Promise<BatchOutcome> {
  if (options.readInEngine !== false && engineReadsFile(options.store, options.feed, options.path)) return ingestFileInEngine(options);
  const { store, feed, path, batchSize = 20_000 } = options;
  const name = options.sourceName ?? basename(path);
  const source = `file:${name}`;
  const reading = await startReading(store, feed, path, source, `node:${batchSize}`);
  const runId = reading.runId;
  const total: BatchOutcome = { received: 0, accepted: 0, duplicates: 0, rejected: 0 };
  const count = Math.max(1, options.workers ?? 1);
  const workers = Array.from({ length: count }, (_, index) => startClassifyWorker({ feed, path, name, lineRows: options.lineRows ?? null, batchSize, piiKey: options.piiKey, index, workers: count }));
  const inboxes = workers.map(() => [] as WorkerMessage[]);
  let notify: (() => void) | null = null;
  let failure: unknown = null;
  workers.forEach((worker, i) => {
    worker.on("message", (m: WorkerMessage) => (inboxes[i]!.push(m), notify?.()));
    worker.on("error", (err) => ((failure = err), notify?.()));
    worker.on("exit", (code) => ((failure ??= code === 0 ? null : new Error(`classify worker exited ${code}`)), notify?.()));
  });
  /** Batch `seq` (1-based) comes from worker seq % count; an "end" there means the file is done. */
  const next = async (seq: number): Promise<WorkerMessage> => {
    const inbox = inboxes[seq % count]!;
    for (;;) {
      const m = inbox.shift();
      if (m) return m;
      if (failure) throw failure;
      await new Promise<void>((resolve) => (notify = resolve));
    }
  };
  try {
    for (const worker of workers) worker.postMessage("more");
    for (let seq = 1, m = await next(seq); m.kind === "batch"; seq += 1, m = await next(seq)) {
      // Let this worker prepare its next batch while this one is written.
      workers[seq % count]!.postMessage("more");
      const { received, bytes, ...encoded } = m.batch;
      const outcome = await writeEncodedBatch(store, feed, { batchId: `file:${runId}:${feed}:${seq}`, source, received, ...encoded });
      total.received += outcome.received;
      total.accepted += outcome.accepted;
      total.duplicates += outcome.duplicates;
      total.rejected += outcome.rejected;
      options.onProgress?.({ bytes, outcome: { ...total } });
    }
    await reading.done();
    return total;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function startClassifyWorker(workerData: ClassifyWorkerData): Worker {
  return startWorker("classify-worker", workerData);
}
