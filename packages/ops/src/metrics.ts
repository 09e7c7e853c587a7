// Prometheus metrics of the pipeline, one registry per process. Names follow Prometheus'
// conventions: casepulse_ for casepulse's own, the unit as the last word (_seconds, _messages,
// _jobs), _total for counters, _info for the build; Node's default metrics keep their standard
// names (process_*, nodejs_*) so ready-made Node dashboards find them. infra/prometheus/alerts.yml
// and infra/grafana/dashboards/casepulse-ops.json use these names; tests/prometheus.test.ts holds
// them to this file.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { FEEDS } from "@casepulse/feeds/model";

export interface PipelineMetrics {
  registry: Registry;
  recordsIn: Counter<"feed">;
  accepted: Counter<"feed">;
  rejected: Counter<"feed">;
  duplicates: Counter<"feed">;
  jobDuration: Histogram<"queue">;
  jobFailures: Counter<"queue">;
  storeBatchJobs: Histogram;
  consumerLag: Gauge;
  queueDepth: Gauge;
  failedJobs: Gauge;
  ingestPaused: Gauge;
  reportsMade: Counter<"trigger">;
  reportLastSuccess: Gauge;
  reportDue: Gauge;
  webhookFailures: Counter;
}

export interface MetricsOptions {
  /** casepulse's version (package.json), for casepulse_build_info. */
  version: string;
}

export function createMetrics(options: MetricsOptions): PipelineMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const perFeed = (name: string, help: string) => {
    const counter = new Counter({ name, help, labelNames: ["feed"], registers });
    // Every feed's series exists from the start at 0, so "no records from a feed for hours" is
    // an increase of 0 instead of a series that never appeared.
    for (const feed of FEEDS) counter.inc({ feed }, 0);
    return counter;
  };
  new Gauge({ name: "casepulse_build_info", help: "1, labelled with casepulse's version and the Node.js running it", labelNames: ["version", "node"], registers }).set(
    { version: options.version, node: process.version },
    1,
  );
  return {
    registry,
    recordsIn: perFeed("casepulse_records_in_total", "Records consumed from Kafka"),
    accepted: perFeed("casepulse_records_accepted_total", "Records stored for the first time"),
    rejected: perFeed("casepulse_records_rejected_total", "Records rejected to the dead-letter store"),
    duplicates: perFeed("casepulse_records_duplicate_total", "Redelivered records already stored"),
    jobDuration: new Histogram({
      name: "casepulse_job_duration_seconds",
      help: "BullMQ job processing time",
      labelNames: ["queue"],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    jobFailures: new Counter({ name: "casepulse_job_failures_total", help: "Failed BullMQ job attempts", labelNames: ["queue"], registers }),
    storeBatchJobs: new Histogram({
      name: "casepulse_store_batch_jobs",
      help: "Store jobs written together as one store batch (more than 1 while the queue is behind)",
      buckets: [1, 2, 4, 8, 16, 32, 64],
      registers,
    }),
    consumerLag: new Gauge({ name: "casepulse_consumer_lag_messages", help: "Consumer-group lag over the feed topics", registers }),
    queueDepth: new Gauge({ name: "casepulse_queue_depth_jobs", help: "Waiting + active + delayed store jobs", registers }),
    failedJobs: new Gauge({ name: "casepulse_queue_failed_jobs", help: "Store jobs that used up their attempts (the failed set: `casepulse jobs failed`)", registers }),
    ingestPaused: new Gauge({ name: "casepulse_ingest_paused", help: "1 while the consumer waits for the queue to drain", registers }),
    reportsMade: new Counter({ name: "casepulse_reports_made_total", help: "Reports made by the reporter", labelNames: ["trigger"], registers }),
    reportLastSuccess: new Gauge({
      name: "casepulse_report_last_scheduled_timestamp_seconds",
      help: "When the last scheduled report was stored (read from the reports table at start)",
      registers,
    }),
    reportDue: new Gauge({
      name: "casepulse_report_due_timestamp_seconds",
      help: "The latest time CASEPULSE_REPORT_CRON has fired (Asia/Shanghai), that is when a report was last due",
      registers,
    }),
    webhookFailures: new Counter({ name: "casepulse_alert_webhook_failures_total", help: "Reports whose alerts the webhook did not take after every retry", registers }),
  };
}
