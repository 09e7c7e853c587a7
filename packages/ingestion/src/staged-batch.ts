// A batch of encoded rows on the embedded engine (the stream's jobs, a file parsed in Node): the
// rows go to the engine once, into a stage of its session, and the engine picks the new ones by
// anti-join against the stored msg_ids, as it does for a file it read itself; storeBatch then runs
// the batch's steps from the staged rows. In Node this took a query with every msg_id of the batch
// as a parameter (slow in the embedded engine), and the order state was recomputed from all
// stored events of the batch's orders instead of folded from the new ones.
import type { Feed } from "@casepulse/feeds";
import { openStage, type Stage, type Store } from "@casepulse/store";
import { storeBatch, type BatchOutcome, type EncodedBatch } from "./write-batch.ts";

interface Held {
  stage: Promise<Stage>;
  /** The stage's work so far: one batch at a time uses it. */
  queue: Promise<unknown>;
}

const held = new WeakMap<Store, Map<Feed, Held>>();

/** Runs `work` with this store's stage of the feed, after the batches before it. */
function withStage<T>(store: Store, feed: Feed, work: (stage: Stage) => Promise<T>): Promise<T> {
  let stages = held.get(store);
  if (!stages) held.set(store, (stages = new Map()));
  let h = stages.get(feed);
  if (!h) {
    const stage = openStage(store, feed);
    stages.set(feed, (h = { stage, queue: stage }));
    // A stage that could not be made is made again by the next batch.
    stage.catch(() => stages.delete(feed));
  }
  const entry = h;
  const run = entry.queue.catch(() => undefined).then(async () => work(await entry.stage));
  entry.queue = run;
  return run;
}

export function writeStagedBatch(store: Store, feed: Feed, batch: EncodedBatch): Promise<BatchOutcome> {
  return withStage(store, feed, async (stage) => {
    // A batch that failed half-way left its rows here.
    await stage.clear();
    await stage.addAccepted(batch.lines.map((line, i) => `{"n":${i + 1},${line.slice(1)}`));
    const counts = await stage.selectFresh();
    await storeBatch(store, feed, { ...batch, fresh: { relation: stage.fresh } });
    await stage.clear();
    return { received: batch.received, accepted: counts.fresh, duplicates: counts.accepted - counts.fresh, rejected: batch.rejected.length };
  });
}
