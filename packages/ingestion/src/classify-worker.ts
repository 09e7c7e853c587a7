// The file path's parsing cores: each worker thread reads the export and classifies and encodes
// every `workers`-th batch (its share), while the main thread stores the batches in file order.
// A worker stays at most one batch ahead of the writer (a credit per batch), so a large file
// never piles up in memory.
import { parentPort, workerData } from "node:worker_threads";
import type { Feed } from "@casepulse/feeds";
import { createPiiProtector } from "@casepulse/normalize";
import { encodeEvents } from "@casepulse/store";
import { classifyRecords, type RawRecord } from "./classify.ts";
import { readLines } from "./read-lines.ts";

export interface ClassifyWorkerData {
  feed: Feed;
  path: string;
  /** What places call the file, and each line's row in the export it came from (null: the line itself). */
  name: string;
  lineRows: Uint32Array | null;
  batchSize: number;
  piiKey: string;
  /** This worker takes the batches whose sequence number modulo `workers` is `index`. */
  index: number;
  workers: number;
}

const { feed, path, name, lineRows, batchSize, piiKey, index, workers } = workerData as ClassifyWorkerData;
const port = parentPort!;
const pii = createPiiProtector(piiKey);

let credits = 0;
let wake: (() => void) | null = null;
port.on("message", () => {
  credits += 1;
  wake?.();
});
async function credit(): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits -= 1;
}

let bytes = 0;
let seq = 0;
let pending: RawRecord[] = [];
async function post(): Promise<void> {
  seq += 1;
  if (seq % workers !== index) {
    // Another worker's batch: splitting lines is cheap next to validating them.
    pending = [];
    return;
  }
  const { rows, rejected } = classifyRecords(feed, pending, pii);
  const batch = { received: pending.length, bytes, ...encodeEvents(feed, rows), rejected };
  pending = [];
  await credit();
  port.postMessage({ kind: "batch", batch });
}

for await (const line of readLines(path, (n) => (bytes += n))) {
  pending.push({ value: line.value, source: `file:${name}:${lineRows ? lineRows[line.number - 1] : line.number}` });
  if (pending.length >= batchSize) await post();
}
if (pending.length > 0) await post();
await credit();
port.postMessage({ kind: "end" });
port.close();
