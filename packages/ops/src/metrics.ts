// Prometheus metrics of the pipeline, one registry per process.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface PipelineMetrics {
  registry: Registry;
  recordsIn: Counter<"feed">;
  accepted: Counter<"feed">;
  rejected: Counter<"feed">;
  duplicates: Counter<"feed">;
  jobDuration: Histogram<"queue">;
  jobFailures: Counter<"queue">;
  consumerLag: Gauge;
  queueDepth: Gauge;
  ingestPaused: Gauge;
}

export function createMetrics(): PipelineMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "casepulse_" });
  const registers = [registry];
  return {
    registry,
    recordsIn: new Counter({ name: "casepulse_records_in_total", help: "Records consumed from Kafka", labelNames: ["feed"], registers }),
    accepted: new Counter({ name: "casepulse_records_accepted_total", help: "Records stored for the first time", labelNames: ["feed"], registers }),
    rejected: new Counter({ name: "casepulse_records_rejected_total", help: "Records rejected to the dead-letter store", labelNames: ["feed"], registers }),
    duplicates: new Counter({ name: "casepulse_records_duplicate_total", help: "Redelivered records already stored", labelNames: ["feed"], registers }),
    jobDuration: new Histogram({
      name: "casepulse_job_duration_seconds",
      help: "BullMQ job processing time",
      labelNames: ["queue"],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    jobFailures: new Counter({ name: "casepulse_job_failures_total", help: "Failed BullMQ job attempts", labelNames: ["queue"], registers }),
    consumerLag: new Gauge({ name: "casepulse_consumer_lag", help: "Consumer-group lag over the feed topics (messages)", registers }),
    queueDepth: new Gauge({ name: "casepulse_queue_depth", help: "Waiting + active + delayed store jobs", registers }),
    ingestPaused: new Gauge({ name: "casepulse_ingest_paused", help: "1 while the consumer waits for the queue to drain", registers }),
  };
}
