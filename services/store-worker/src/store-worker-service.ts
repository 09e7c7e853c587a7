// services/store-worker: a BullMQ worker that stores each slice in ClickHouse. ClickHouse is the
// deduplication authority (stored msg_ids, ReplacingMergeTree, deterministic insert tokens), so
// a fresh ClickHouse behind an old Redis still receives every record.
//
// A store batch costs its statements whatever its size, so a queue of small jobs (a steady
// stream, each Kafka fetch a few hundred records) falls behind once the engine shares its cores.
// The worker therefore takes the jobs already waiting together with the one it was handed, up to
// `batchRecords` records, and stores each feed's jobs as one batch: a queue that has fallen
// behind is stored in fewer, larger batches and catches up instead of growing. On the embedded
// engine each batch is staged in the engine's session (write-batch.ts), a stage per batch stored
// at once.
import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Logger } from "pino";
import { joinBatches, writeEncodedBatch, type BatchOutcome, type EncodedBatch } from "@casepulse/ingestion";
import { once, type PipelineMetrics, type Service } from "@casepulse/ops";
import { redisConnection, STORE_BATCH_JOB, storeBatchJob } from "@casepulse/queues";
import type { Feed } from "@casepulse/feeds";
import { rowsFromObjects, stagePool, StoreError, type StagePool, type Store } from "@casepulse/store";

export interface StoreWorkerOptions {
  store: Store;
  redisUrl: string;
  queueName: string;
  logger: Logger;
  metrics: PipelineMetrics;
  concurrency: number;
  lockDurationMs: number;
  /** Records a store batch takes from the waiting jobs, at most (a job is never split: the last one may pass it). */
  batchRecords: number;
  /** Jobs a store batch takes, at most. */
  batchJobs: number;
}

interface StoreJob {
  feed: Feed;
  batch: EncodedBatch;
}

/** A job's payload checked against its schema; a job that does not fit cannot pass on retry. */
export function parseStoreJob(job: Pick<Job, "name" | "data">): StoreJob {
  if (job.name !== STORE_BATCH_JOB) throw new UnrecoverableError(`unknown job name ${job.name}`);
  const parsed = storeBatchJob.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`malformed ${STORE_BATCH_JOB} payload: ${parsed.error.issues[0]?.message}`);
  const { feed, batchId, source, received, msgIds, keys, rowForm, rejected } = parsed.data;
  let lines = parsed.data.lines;
  if (rowForm === undefined) {
    try {
      lines = rowsFromObjects(feed, lines);
    } catch (err) {
      throw new UnrecoverableError(`malformed ${STORE_BATCH_JOB} payload: ${(err as Error).message}`);
    }
  }
  return { feed, batch: { batchId, source, received, msgIds, keys, lines, rejected } };
}

/** Stores the batches of one feed as one (through `stages` on the embedded engine, write-batch.ts). */
async function storeJoined(store: Store, feed: Feed, batches: readonly EncodedBatch[], stages?: StagePool): Promise<BatchOutcome> {
  try {
    return await writeEncodedBatch(store, feed, joinBatches(feed, batches), stages);
  } catch (err) {
    // A store fault that cannot pass on retry (bad SQL, bad row) must not spin through attempts.
    if (err instanceof StoreError && !err.retryable) throw new UnrecoverableError(err.message);
    throw err;
  }
}

export async function handleStoreBatch(store: Store, job: Pick<Job, "name" | "data">, stages?: StagePool): Promise<BatchOutcome> {
  const { feed, batch } = parseStoreJob(job);
  return storeJoined(store, feed, [batch], stages);
}

/** What became of one job of a store batch. */
type Settled = { job: Job; outcome: BatchOutcome } | { job: Job; error: Error };

/**
 * Stores the jobs taken together: each feed's as one batch; if that fails, each of its jobs alone,
 * so a job that cannot be stored fails by itself and takes no other job's attempts with it.
 */
export async function storeJobs(store: Store, jobs: readonly Job[], stages?: StagePool): Promise<{ settled: Settled[]; stored: { feed: Feed; outcome: BatchOutcome }[] }> {
  const settled: Settled[] = [];
  const stored: { feed: Feed; outcome: BatchOutcome }[] = [];
  const byFeed = new Map<Feed, { job: Job; batch: EncodedBatch }[]>();
  for (const job of jobs) {
    try {
      const { feed, batch } = parseStoreJob(job);
      byFeed.set(feed, [...(byFeed.get(feed) ?? []), { job, batch }]);
    } catch (error) {
      settled.push({ job, error: error as Error });
    }
  }
  for (const [feed, group] of byFeed) {
    try {
      const outcome = await storeJoined(store, feed, group.map((g) => g.batch), stages);
      stored.push({ feed, outcome });
      group.forEach(({ job }) => settled.push({ job, outcome }));
    } catch (error) {
      if (group.length === 1) {
        settled.push({ job: group[0]!.job, error: error as Error });
        continue;
      }
      for (const { job, batch } of group) {
        try {
          const outcome = await storeJoined(store, feed, [batch], stages);
          stored.push({ feed, outcome });
          settled.push({ job, outcome });
        } catch (alone) {
          settled.push({ job, error: alone as Error });
        }
      }
    }
  }
  return { settled, stored };
}

/** Records a job holds, read without checking its payload (that comes later, job by job). */
function recordsOf(job: Job): number {
  const received = (job.data as { received?: unknown } | undefined)?.received;
  return typeof received === "number" && received > 0 ? received : 1;
}

export async function startStoreWorker(o: StoreWorkerOptions): Promise<Service> {
  // Each job being stored holds a stage of its own (temporary tables of the engine's session).
  const stages = o.store.embedded ? stagePool(o.store) : undefined;
  const worker: Worker = new Worker(
    o.queueName,
    async (job, token) => {
      const end = o.metrics.jobDuration.startTimer({ queue: o.queueName });
      const taken = [job];
      // The other jobs' locks are kept here; BullMQ keeps the one of the job it handed over.
      const keepLocks = setInterval(() => {
        const others = taken.slice(1);
        if (others.length) worker.extendJobLocks(others.map((j) => j.id!), others.map(() => token!), o.lockDurationMs).catch(() => undefined);
      }, o.lockDurationMs / 2);
      try {
        let records = recordsOf(job);
        while (token && records < o.batchRecords && taken.length < o.batchJobs) {
          const next = await worker.getNextJob(token, { block: false });
          if (!next) break;
          taken.push(next);
          records += recordsOf(next);
        }
        o.metrics.storeBatchJobs.observe(taken.length);
        const { settled, stored } = await storeJobs(o.store, taken, stages);
        for (const { feed, outcome } of stored) {
          o.metrics.accepted.inc({ feed }, outcome.accepted);
          o.metrics.duplicates.inc({ feed }, outcome.duplicates);
        }
        for (const s of settled) if (s.job !== job) await settle(s, token!);
        const own = settled.find((s) => s.job === job)!;
        if ("error" in own) throw own.error;
        return own.outcome;
      } finally {
        clearInterval(keepLocks);
        end();
      }
    },
    {
      connection: redisConnection(o.redisUrl),
      concurrency: o.concurrency,
      lockDuration: o.lockDurationMs,
      stalledInterval: o.lockDurationMs,
      maxStalledCount: 5,
    },
  );

  /** Completes or fails a job the worker took itself (BullMQ settles only the one it handed over). */
  async function settle(s: Settled, token: string): Promise<void> {
    try {
      if ("outcome" in s) await s.job.moveToCompleted(s.outcome, token, false);
      else {
        o.metrics.jobFailures.inc({ queue: o.queueName });
        o.logger.warn({ jobId: s.job.id, attempts: s.job.attemptsMade, err: s.error.message }, "store job failed");
        await s.job.moveToFailed(s.error, token, false);
      }
    } catch (err) {
      // Its lock runs out and the stalled-job check hands it out again; storing it again is a no-op.
      o.logger.warn({ jobId: s.job.id, err: (err as Error).message }, "store job not settled in Redis");
    }
  }

  worker.on("failed", (job, err) => {
    o.metrics.jobFailures.inc({ queue: o.queueName });
    o.logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, "store job failed");
  });
  worker.on("error", (err) => o.logger.error({ err: err.message }, "store worker error"));
  await worker.waitUntilReady();
  return {
    name: "store-worker",
    ready: async () => worker.isRunning(),
    // Worker.close() waits for the active jobs to finish.
    close: once(async () => {
      await worker.close();
      await stages?.close();
    }),
  };
}
