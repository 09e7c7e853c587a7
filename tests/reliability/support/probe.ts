// Reads a running pipeline's state from outside, in-process and fast enough to time a kill:
// consumer-group lag from Kafka and job counts from BullMQ's Redis keys.
import { topicVariable } from "@casepulse/config";
import { FEEDS } from "@casepulse/feeds";
import { Queue } from "bullmq";
import { createKafkaGateway, type KafkaSettings } from "@casepulse/kafka";
import { redisConnection } from "@casepulse/queues";

export interface JobCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  /** waiting + active + delayed + prioritized: what pauses the consumer. */
  pending: number;
}

export interface Probe {
  lag(): Promise<number>;
  jobs(): Promise<JobCounts>;
  close(): Promise<void>;
}

export function probePipeline(env: Record<string, string>, kafka: Partial<KafkaSettings> = {}): Probe {
  const prefix = env.CASEPULSE_PREFIX!;
  const topics = FEEDS.map((feed) => env[topicVariable(feed)]!);
  const gateway = createKafkaGateway({ brokers: env.KAFKA_BROKERS!.split(","), clientId: "reliability-probe", ssl: false, ...kafka });
  const queue = new Queue(`${prefix}-store`, { connection: redisConnection(env.REDIS_URL!) });
  // Outages are what these tests cause; the probe's calls wait for the reconnect instead.
  queue.on("error", () => undefined);
  return {
    lag: () => gateway.lag(`${prefix}-ingest`, topics),
    async jobs() {
      const c = await queue.getJobCounts("waiting", "active", "delayed", "prioritized", "failed");
      const [waiting, active, delayed, prioritized, failed] = [c.waiting ?? 0, c.active ?? 0, c.delayed ?? 0, c.prioritized ?? 0, c.failed ?? 0];
      return { waiting, active, delayed, failed, pending: waiting + active + delayed + prioritized };
    },
    close: () => queue.close(),
  };
}
