// The stream roles wired from configuration, once: `casepulse start` and the stream bench run the
// same wiring, so the bench measures what ops run.
import type { Queue } from "bullmq";
import type { Logger } from "@casepulse/logging";
import type { PipelineMetrics, Service } from "@casepulse/ops";
import { inlineClassifier, threadClassifier } from "@casepulse/ingestion";
import { createPiiProtector } from "@casepulse/normalize";
import type { Store } from "@casepulse/store";
import { startIngest } from "@casepulse/ingest";
import { startStoreWorker } from "@casepulse/store-worker";
import type { StreamContext } from "./stream-context.ts";

export interface RoleDeps {
  stream: StreamContext;
  logger: Logger;
  metrics: PipelineMetrics;
}

export function startStoreRole({ stream, logger, metrics }: RoleDeps, store: Store): Promise<Service> {
  const { env, names } = stream;
  return startStoreWorker({
    store,
    redisUrl: env.REDIS_URL,
    queueName: names.storeQueue,
    logger,
    metrics,
    concurrency: env.CASEPULSE_WORKER_CONCURRENCY,
    lockDurationMs: env.CASEPULSE_JOB_LOCK_MS,
    // A store batch joins waiting jobs up to CASEPULSE_JOIN_RECORDS records, and at most as many
    // jobs as the queue may hold.
    batchRecords: env.CASEPULSE_JOIN_RECORDS,
    batchJobs: env.CASEPULSE_MAX_QUEUE_DEPTH,
  });
}

export function startIngestRole({ stream, logger, metrics }: RoleDeps, queue: Queue, piiKey: string): Promise<Service> {
  const { env, names } = stream;
  return startIngest({
    kafka: stream.kafka,
    queue,
    names,
    classifier: env.CASEPULSE_CLASSIFY_THREAD ? threadClassifier(piiKey, env.CASEPULSE_JOB_RECORDS) : inlineClassifier(createPiiProtector(piiKey)),
    logger,
    metrics,
    jobRecords: env.CASEPULSE_JOB_RECORDS,
    maxQueueDepth: env.CASEPULSE_MAX_QUEUE_DEPTH,
    jobAttempts: env.CASEPULSE_JOB_ATTEMPTS,
  });
}
