// The file path on the embedded engine, for feeds whose contract has an SQL form (hotline, the
// feed of volume, and supervision): the engine reads the export itself, keeps the lines its SQL proves valid and computes
// their stored rows (the phone HMAC included); the lines it leaves go through classifyRecords, so
// every rejection still has zod's reason and every record zod accepts is stored. The new rows are
// then written by storeBatch, as every batch is, slice by slice.
import { basename, resolve } from "node:path";
import { SQL_ACCEPT_SETTINGS, SQL_ACCEPTERS, type Feed } from "@casepulse/feeds";
import { createPiiProtector, rowsSql, rowsSqlParams, type PiiProtector } from "@casepulse/normalize";
import { encodeEvents, numberedRow, openFileStage, type RejectedRecord, type Store } from "@casepulse/store";
import { classifyRecords } from "./classify.ts";
import { fileSlices, type SliceLimits } from "./file-slices.ts";
import { startReading } from "./reading.ts";
import type { IngestFileOptions } from "./ingest-file.ts";
import { storeStagedBatch, type BatchOutcome } from "./write-batch.ts";

/**
 * A slice's size, in bytes first: its lines and rows are held in the engine's memory while it is
 * stored, more the longer its lines, and each slice costs its steps' fixed time. 16 MB is about
 * 77,000 lines of the generator's export and 41,000 of new orders with text (docs/performance.md).
 */
export const ENGINE_SLICE: Required<SliceLimits> = { lines: 500_000, bytes: 16 << 20 };

/**
 * Slices stored while the engine's background merges wait. Merging a bulk load's parts while it
 * is still writing them took CPU from the load and memory at its peak (docs/performance.md); with
 * merges stopped each slice leaves one part per table and year, which the next process that opens
 * the store merges. After this many slices (about 1 GB of export) merges run again, so parts never
 * pile up toward the engine's insert limits (parts_to_delay_insert, 1,000 parts of a partition).
 */
export const MERGES_DEFERRED_SLICES = 64;

/**
 * Whether `ingestFile` lets the engine read this file: embedded ClickHouse, a feed with an SQL
 * accepter, and a path without the characters the engine's file() reads as a glob (`*`, `?`,
 * `{`, `}`), which could make it read other files than this one.
 */
export function engineReadsFile(store: Store, feed: Feed, path: string): boolean {
  return store.embedded && SQL_ACCEPTERS[feed] !== undefined && rowsSql[feed] !== undefined && !/[*?{}]/.test(resolve(path));
}

export async function ingestFileInEngine(options: IngestFileOptions): Promise<BatchOutcome> {
  const { store, feed } = options;
  const accepter = SQL_ACCEPTERS[feed];
  const toRows = rowsSql[feed];
  if (!accepter || !toRows || !engineReadsFile(store, feed, options.path)) throw new Error(`the engine does not read ${options.path}`);
  const path = resolve(options.path);
  const name = options.sourceName ?? basename(path);
  const place = (n: number) => `file:${name}:${options.lineRows ? options.lineRows[n - 1] : n}`;
  const pii = createPiiProtector(options.piiKey);
  const params = rowsSqlParams(pii);
  const slice: SliceLimits = options.batchSize ? { lines: options.batchSize } : ENGINE_SLICE;
  const reading = await startReading(store, feed, path, `file:${name}`, `engine:${slice.lines}:${slice.bytes ?? "any"}`);
  const runId = reading.runId;
  const total: BatchOutcome = { received: 0, accepted: 0, duplicates: 0, rejected: 0 };
  const stage = await openFileStage(store, feed);
  // The engine's merges are stopped for this process only; a process that ends (or is killed)
  // takes the stop with it.
  let mergesStopped = false;
  const resumeMerges = async () => {
    if (!mergesStopped) return;
    mergesStopped = false;
    await store.command("SYSTEM START MERGES");
  };
  try {
    await store.command("SYSTEM STOP MERGES");
    mergesStopped = true;
    let seq = 0;
    for await (const part of fileSlices(path, slice)) {
      seq += 1;
      if (seq > MERGES_DEFERRED_SLICES) await resumeMerges();
      const received = await stage.load(part.path, part.firstLine, part.lines);
      if (received > 0) {
        await stage.extract((staged) => `${accepter.extract(staged)} SETTINGS ${SQL_ACCEPT_SETTINGS}`);
        // The lines step one left out are classified in Node while the engine runs step two.
        const notExtracted = await stage.leftOver("extracted");
        const accepting = stage.accept((extracted) => `${toRows(accepter.select(extracted))} SETTINGS ${SQL_ACCEPT_SETTINGS}`, params);
        await new Promise((resolve) => setImmediate(resolve));
        const first = classifyLines(notExtracted, feed, place, pii);
        await accepting;
        const second = classifyLines(await stage.leftOver("accepted"), feed, place, pii);
        // What is left of the slice is its accepted rows: the lines need not be held meanwhile.
        await stage.dropLines();
        await stage.addAccepted([...first.accepted, ...second.accepted]);
        const rejected = [...first.rejected, ...second.rejected];
        const batchId = `file:${runId}:${feed}:${seq}`;
        const outcome = await storeStagedBatch(store, feed, stage, { batchId, source: `file:${name}`, received, rejected });
        await stage.clear();
        total.received += outcome.received;
        total.accepted += outcome.accepted;
        total.duplicates += outcome.duplicates;
        total.rejected += outcome.rejected;
      }
      options.onProgress?.({ bytes: part.endByte, outcome: { ...total } });
    }
    await reading.done();
    return total;
  } finally {
    await resumeMerges();
    await stage.close();
  }
}

/**
 * Runs lines the SQL left through classifyRecords: its dead letters, and its accepted rows,
 * each with its line number first (which decides the first of repeated msg_ids).
 */
function classifyLines(
  left: readonly { n: number; line: Buffer }[],
  feed: Feed,
  place: (n: number) => string,
  pii: PiiProtector,
): { accepted: string[]; rejected: RejectedRecord[] } {
  const { rows, rejected } = classifyRecords(feed, left.map(({ n, line }) => ({ value: line, source: `${n}` })), pii);
  // classifyRecords keeps the input order: the accepted rows are the lines not rejected, in turn.
  const rejectedLines = new Set(rejected.map((r) => r.source));
  const acceptedLines = left.filter(({ n }) => !rejectedLines.has(`${n}`));
  for (const r of rejected) r.source = place(Number(r.source));
  return { accepted: encodeEvents(feed, rows).lines.map((row, i) => numberedRow(acceptedLines[i]!.n, row)), rejected };
}
