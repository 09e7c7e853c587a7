// services/ingest: a Kafka consumer group over the feed topics. Each batch is validated and
// personal data hashed or sealed here (on a thread of this process, classifier.ts), so nothing
// readable leaves this process; rejects go to `<topic>.dlq`; the rest goes to BullMQ as one job
// per slice (addBulk). Offsets are committed only after Redis has acknowledged the jobs.
import type { Queue } from "bullmq";
import type { Logger } from "pino";
import type { Feed } from "@casepulse/feeds";
import type { Classifier } from "@casepulse/ingestion";
import type { KafkaConsumer, KafkaGateway } from "@casepulse/kafka";
import { once, type PipelineMetrics, type Service } from "@casepulse/ops";
import { COMPACT_ROWS, dlqTopic, pendingJobs, STORE_BATCH_JOB, storeJobOptions, type Names, type StoreBatchJob } from "@casepulse/queues";

export interface IngestOptions {
  kafka: KafkaGateway;
  queue: Queue;
  names: Names;
  /** Validates each slice and hashes or seals its personal data (classifier.ts). */
  classifier: Classifier;
  logger: Logger;
  metrics: PipelineMetrics;
  /** Records per job. */
  jobRecords: number;
  /** Pause consuming while this many jobs are pending. */
  maxQueueDepth: number;
  jobAttempts: number;
}

export async function startIngest(o: IngestOptions): Promise<Service> {
  const feedOfTopic = new Map<string, Feed>(Object.entries(o.names.topics).map(([feed, topic]) => [topic, feed as Feed]));
  const topics = [...feedOfTopic.keys()];
  await o.kafka.ensureTopics([...topics, ...topics.map(dlqTopic)]);
  const producer = o.kafka.producer();
  await producer.connect();
  let joined = false;
  let stopping = false;
  let crashed = false;
  let restarts = 0;
  let restartTimer: NodeJS.Timeout | undefined;

  /** Back-pressure: hold this partition's batch while the queue is too deep. */
  async function waitForRoom(heartbeat: () => Promise<void>, isRunning: () => boolean): Promise<void> {
    while (isRunning() && !stopping && (await pendingJobs(o.queue)) >= o.maxQueueDepth) {
      o.metrics.ingestPaused.set(1);
      await heartbeat();
      await new Promise((r) => setTimeout(r, 250));
    }
    o.metrics.ingestPaused.set(0);
  }

  async function runConsumer(): Promise<KafkaConsumer> {
    const consumer = o.kafka.consumer(o.names.consumerGroup);
    consumer.onGroupJoin(() => {
      joined = true;
      crashed = false;
      restarts = 0;
    });
    consumer.onCrash((crash) => {
      // kafkajs restarts itself after a retriable crash; after any other, this instance is not
      // ready until a fresh consumer has rejoined the group.
      crashed = !crash.restart;
      o.logger.error({ err: crash.error?.message, restart: crash.restart }, "kafka consumer crashed");
      if (crashed && !stopping) scheduleRestart();
    });
    await consumer.connect();
    await consumer.subscribe(topics, { fromBeginning: true });
    // Offsets are committed by hand below, once Redis holds the batch's jobs.
    await consumer.runBatches(async ({ batch, heartbeat, isRunning, isStale, resolveOffset }) => {
      const feed = feedOfTopic.get(batch.topic)!;
      const messages = batch.messages;
      for (let i = 0; i < messages.length && isRunning() && !isStale() && !stopping; ) {
        await waitForRoom(heartbeat, isRunning);
        if (!isRunning() || stopping) break;
        // Up to `maxQueueDepth` jobs' worth at a time, each job a slice of `jobRecords`.
        const chunk = messages.slice(i, i + o.jobRecords * 8);
        const jobs: { name: string; data: StoreBatchJob; opts: object }[] = [];
        const dead: { value: Buffer | null; key: Buffer | null; headers: Record<string, string> }[] = [];
        for (let s = 0; s < chunk.length; s += o.jobRecords) {
          const slice = chunk.slice(s, s + o.jobRecords);
          const first = slice[0]!.offset;
          const last = slice[slice.length - 1]!.offset;
          const raws = slice.map((m) => ({ value: m.value ?? Buffer.alloc(0), source: `kafka:${batch.topic}:${batch.partition}:${m.offset}` }));
          const { rejected, ...encoded } = await o.classifier.classify(feed, raws);
          rejected.forEach((r) => {
            const m = slice[raws.findIndex((x) => x.source === r.source)]!;
            dead.push({ value: m.value, key: m.key, headers: { reason: r.reason, source: r.source } });
          });
          // The batch id names the exact offsets, so a redelivered identical slice collapses in ClickHouse.
          const batchId = `kafka:${batch.topic}:${batch.partition}:${first}-${last}`;
          jobs.push({
            name: STORE_BATCH_JOB,
            data: { feed, batchId, source: `kafka:${batch.topic}`, received: slice.length, rowForm: COMPACT_ROWS, ...encoded, rejected },
            opts: { ...storeJobOptions(o.jobAttempts), jobId: batchId.replaceAll(":", "_") },
          });
          o.metrics.recordsIn.inc({ feed }, slice.length);
          o.metrics.rejected.inc({ feed }, rejected.length);
        }
        if (dead.length) await producer.send({ topic: dlqTopic(batch.topic), messages: dead });
        await o.queue.addBulk(jobs);
        const next = (BigInt(chunk[chunk.length - 1]!.offset) + 1n).toString();
        await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }]);
        resolveOffset(chunk[chunk.length - 1]!.offset);
        i += chunk.length;
        await heartbeat();
      }
    });
    return consumer;
  }

  // kafkajs gives up for good on some errors a broker restart causes (an offset commit answered
  // "unknown member" comes back wrapped as non-retriable) and would leave this instance idle for
  // ever. A fresh consumer resumes from the committed offsets; what it reads again is stored once
  // (ClickHouse deduplicates by msg_id), like any redelivery.
  function scheduleRestart(): void {
    const delay = Math.min(30_000, 1000 * 2 ** restarts);
    const attempt = (restarts += 1);
    restartTimer = setTimeout(async () => {
      await consumer.disconnect().catch(() => undefined);
      if (stopping) return;
      try {
        consumer = await runConsumer();
        o.logger.warn({ attempt }, "kafka consumer restarted");
      } catch (err) {
        o.logger.error({ err: (err as Error).message, attempt }, "kafka consumer restart failed");
        scheduleRestart();
      }
    }, delay);
  }

  let consumer = await runConsumer();

  const close = once(async () => {
    stopping = true;
    clearTimeout(restartTimer);
    await consumer.disconnect();
    await producer.disconnect();
    await o.classifier.close();
  });
  return {
    name: "ingest",
    ready: async () => joined && !crashed && !stopping,
    close,
  };
}
