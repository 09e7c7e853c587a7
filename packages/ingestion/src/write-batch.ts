// Step two: store one classified batch so that a retry of the same batch changes nothing.
// Order matters for crash safety: events, their derived rows, dead letters, the reading counts.
import { createHash } from "node:crypto";
import type { Feed } from "@casepulse/feeds";
import {
  encodeEvents,
  foldIntoOrderState,
  insertEncodedEvents,
  insertEventsFrom,
  insertRejected,
  numberedRow,
  recordBatch,
  recordBatches,
  recordMsgIds,
  recordMsgIdsFrom,
  refreshOrderState,
  storedMsgIds,
  type EncodedEvents,
  type IngestBatch,
  type RejectedRecord,
  type Stage,
  type StagePool,
  type Store,
} from "@casepulse/store";
import type { Classified } from "./classify.ts";

export interface BatchOutcome {
  received: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

export interface EncodedBatch extends EncodedEvents {
  batchId: string;
  source: string;
  received: number;
  rejected: RejectedRecord[];
  /** What the batch adds to the reading counts, when not `received` and its dead letters (a replay). */
  counts?: readonly IngestBatch[];
}

export async function writeBatch<F extends Feed>(
  store: Store,
  feed: F,
  batch: { batchId: string; source: string; received: number; counts?: readonly IngestBatch[] } & Classified<F>,
): Promise<BatchOutcome> {
  const { rows, ...rest } = batch;
  return writeEncodedBatch(store, feed, { ...rest, ...encodeEvents(feed, rows) });
}

/**
 * writeBatch for rows already encoded (the stream's jobs; the file path encodes them on a worker
 * thread). With `stages` (the embedded engine) the rows go to the engine once, into a stage of its
 * session: it picks the new ones by anti-join and every step reads them from there, so the order
 * state folds the batch's new events instead of reading again every event of their orders (the
 * store's steps took 18% less CPU over 500,000 stream messages, docs/performance.md). Without, the new
 * rows are picked in Node and the order state is refreshed from the stored events (a server).
 */
export async function writeEncodedBatch(store: Store, feed: Feed, batch: EncodedBatch, stages?: StagePool): Promise<BatchOutcome> {
  const { msgIds, keys, lines, rejected } = batch;
  if (stages) {
    return stages.use(feed, async (stage) => {
      await stage.addAccepted(lines.map((line, n) => numberedRow(n, line)));
      return storeStagedBatch(store, feed, stage, batch);
    });
  }
  const stored = await storedMsgIds(store, feed, [...new Set(msgIds)]);
  // The first of each msg_id not yet stored; later copies in the batch are redeliveries.
  const fresh = new Map<string, number>();
  msgIds.forEach((id, i) => {
    if (!stored.has(id) && !fresh.has(id)) fresh.set(id, i);
  });
  const freshRows = [...fresh.values()];
  await storeBatch(store, feed, {
    ...batch,
    fresh: { lines: freshRows.map((i) => lines[i]!), keys: freshRows.map((i) => keys[i]!), msgIds: [...fresh.keys()] },
  });
  return {
    received: batch.received,
    accepted: fresh.size,
    duplicates: msgIds.length - fresh.size,
    rejected: rejected.length,
  };
}

/**
 * Stores a batch whose accepted rows wait in `stage` (each with its place `n`, which decides the
 * first of repeated msg_ids): the engine picks the new ones into the stage's `fresh` and storeBatch
 * writes them from there. The stage is left for the caller to empty.
 */
export async function storeStagedBatch(
  store: Store,
  feed: Feed,
  stage: Stage,
  batch: { batchId: string; source: string; received: number; rejected: readonly RejectedRecord[]; counts?: readonly IngestBatch[] | undefined },
): Promise<BatchOutcome> {
  const counts = await stage.selectFresh();
  await storeBatch(store, feed, { ...batch, fresh: { relation: stage.fresh } });
  return { received: batch.received, accepted: counts.fresh, duplicates: counts.accepted - counts.fresh, rejected: batch.rejected.length };
}

/**
 * A batch's new records (not stored yet, one per msg_id): encoded in Node, or a table the engine
 * holds them in (a staged file, ingest-file-in-engine.ts).
 */
export type FreshRows = { lines: readonly string[]; keys: readonly string[]; msgIds: readonly string[] } | { relation: string };

/**
 * The steps of every batch, whatever path it came by (the stream, a file parsed in Node, a file
 * the engine read): the new records' events, then what is derived from them (the order state),
 * then their msg_ids, then its dead letters, then its reading counts. A msg_id counts as stored
 * only after its event and the order state are (migration 006), so a retry after a crash anywhere
 * in between writes them again; every step repeats as a no-op (deduplication tokens, merging
 * aggregates, collapsing rows, stable ids).
 */
export async function storeBatch(
  store: Store,
  feed: Feed,
  batch: { batchId: string; source: string; received: number; rejected: readonly RejectedRecord[]; fresh: FreshRows; counts?: readonly IngestBatch[] | undefined },
): Promise<void> {
  const { batchId, fresh, rejected } = batch;
  if ("relation" in fresh) {
    await insertEventsFrom(store, feed, fresh.relation, `${batchId}:events`);
    if (feed === "hotline") await foldIntoOrderState(store, fresh.relation);
    await recordMsgIdsFrom(store, feed, fresh.relation);
  } else {
    await insertEncodedEvents(store, feed, fresh.lines, `${batchId}:events`);
    if (feed === "hotline") await refreshOrderState(store, fresh.keys);
    await recordMsgIds(store, feed, fresh.msgIds, `${batchId}:ids`);
  }
  await insertRejected(store, withLetterIds(batchId, rejected), `${batchId}:rejected`);
  if (batch.counts) await recordBatches(store, batch.counts, `${batchId}:counts`);
  else await recordBatch(store, batchCounts(feed, batch));
}

/**
 * Several batches of one feed as one: written with one statement per step instead of one per step
 * and batch (the store worker joins the jobs waiting in a deep queue). What each batch leaves is
 * what it leaves stored alone: its dead letters keep the ids its own batch id gives them, and
 * its reading counts stay one row under its own batch id, so a job retried alone later collapses
 * with what the joined batch wrote. The joined batch's id names every batch in it (a digest of
 * their ids in order): a different set of batches never takes another's deduplication token.
 */
export function joinBatches(feed: Feed, batches: readonly EncodedBatch[]): EncodedBatch {
  if (batches.length === 1) return batches[0]!;
  if (batches.length === 0) throw new Error("joinBatches needs at least one batch");
  const digest = createHash("sha256").update(batches.map((b) => b.batchId).join("\n")).digest("hex").slice(0, 32);
  return {
    batchId: `joined:${batches.length}:${digest}`,
    source: batches[0]!.source,
    received: batches.reduce((n, b) => n + b.received, 0),
    msgIds: batches.flatMap((b) => b.msgIds),
    keys: batches.flatMap((b) => b.keys),
    lines: batches.flatMap((b) => b.lines),
    rejected: batches.flatMap((b) => withLetterIds(b.batchId, b.rejected)),
    counts: batches.flatMap((b) => b.counts ?? [batchCounts(feed, b)]),
  };
}

/** What a batch adds to the reading counts when it is not a replay. */
function batchCounts(feed: Feed, batch: { batchId: string; source: string; received: number; rejected: readonly RejectedRecord[] }): IngestBatch {
  return { batchId: batch.batchId, feed, source: batch.source, received: batch.received, rejected: batch.rejected.length };
}

/** Dead letters with their stable ids: given, or derived from the batch id and their place in it. */
function withLetterIds(batchId: string, rejected: readonly RejectedRecord[]): RejectedRecord[] {
  return rejected.map((r, i) => ({ ...r, id: r.id ?? deterministicUuid(`${batchId}:${i}`) }));
}

/** A UUID derived from a name, so a retried batch gives its dead letters the same ids. */
function deterministicUuid(name: string): string {
  const h = createHash("sha256").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
