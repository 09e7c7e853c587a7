// services/store-worker: a BullMQ worker that stores each slice in ClickHouse. ClickHouse is the
// deduplication authority (stored msg_ids, ReplacingMergeTree, deterministic insert tokens), so
// a fresh ClickHouse behind an old Redis still receives every record.
import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Logger } from "pino";
import { writeEncodedBatch } from "@casepulse/ingestion";
import { once, type PipelineMetrics, type Service } from "@casepulse/ops";
import { redisConnection, STORE_BATCH_JOB, storeBatchJob } from "@casepulse/queues";
import { StoreError, type Store } from "@casepulse/store";

export interface StoreWorkerOptions {
  store: Store;
  redisUrl: string;
  queueName: string;
  logger: Logger;
  metrics: PipelineMetrics;
  concurrency: number;
  lockDurationMs: number;
}

export async function handleStoreBatch(store: Store, job: Pick<Job, "name" | "data">) {
  if (job.name !== STORE_BATCH_JOB) throw new UnrecoverableError(`unknown job name ${job.name}`);
  const parsed = storeBatchJob.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`malformed ${STORE_BATCH_JOB} payload: ${parsed.error.issues[0]?.message}`);
  const { feed, batchId, source, received, msgIds, keys, lines, rejected } = parsed.data;
  try {
    return await writeEncodedBatch(store, feed, { batchId, source, received, msgIds, keys, lines, rejected });
  } catch (err) {
    // A store fault that cannot pass on retry (bad SQL, bad row) must not spin through attempts.
    if (err instanceof StoreError && !err.retryable) throw new UnrecoverableError(err.message);
    throw err;
  }
}

export async function startStoreWorker(o: StoreWorkerOptions): Promise<Service> {
  const worker = new Worker(
    o.queueName,
    async (job) => {
      const end = o.metrics.jobDuration.startTimer({ queue: o.queueName });
      try {
        const outcome = await handleStoreBatch(o.store, job);
        const feed = (job.data as { feed: string }).feed;
        o.metrics.accepted.inc({ feed }, outcome.accepted);
        o.metrics.duplicates.inc({ feed }, outcome.duplicates);
        return outcome;
      } finally {
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
    close: once(() => worker.close()),
  };
}
