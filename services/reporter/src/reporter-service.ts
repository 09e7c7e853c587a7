// services/reporter: makes the previous month's report at 08:00 Asia/Shanghai on the 1st (a
// BullMQ job scheduler) and any period on demand; stores it in ClickHouse, publishes it (later
// reports of the period list what was revised since) and writes it as files, and posts its alerts
// to the webhook when one is configured.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UnrecoverableError, Worker } from "bullmq";
import type { Logger } from "pino";
import { once, type PipelineMetrics, type Service } from "@casepulse/ops";
import { openQueue, redisConnection, REPORT_JOB, reportJob } from "@casepulse/queues";
import {
  buildReport,
  monthlySeries,
  parsePeriod,
  previousMonth,
  publishReport,
  renderHtml,
  renderMarkdown,
  type MonthlySeries,
  type Report,
} from "@casepulse/reporting";
import { saveReport, type Store } from "@casepulse/store";
import { trackReportSchedule } from "./report-schedule.ts";
import { deliverAlerts, type WebhookKind } from "./webhook.ts";

export interface ReporterOptions {
  store: Store;
  redisUrl: string;
  queueName: string;
  logger: Logger;
  metrics: PipelineMetrics;
  reportsDir: string;
  cron: string;
  webhook?: { url: string; kind: WebhookKind } | undefined;
  /** CASEPULSE_ACCEPT_HOURS; the report's default (24) when unset. */
  acceptHours?: number | undefined;
}

export function writeReportFiles(dir: string, report: Report, series?: MonthlySeries): string[] {
  mkdirSync(dir, { recursive: true });
  const files = {
    [`casepulse-${report.period}.json`]: `${JSON.stringify(report, null, 2)}\n`,
    [`casepulse-${report.period}.md`]: renderMarkdown(report),
    [`casepulse-${report.period}.html`]: renderHtml(report, series),
  };
  return Object.entries(files).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
}

export async function startReporter(o: ReporterOptions): Promise<Service> {
  const connection = redisConnection(o.redisUrl);
  const queue = openQueue(o.queueName, o.redisUrl, { onError: (message) => o.logger.error({ redis: message }, "redis error") });
  await queue.upsertJobScheduler(
    "monthly-report",
    { pattern: o.cron, tz: "Asia/Shanghai" },
    { name: REPORT_JOB, data: { trigger: "scheduled" }, opts: { attempts: 5, backoff: { type: "exponential", delay: 5000 }, removeOnComplete: 100, removeOnFail: false } },
  );
  const schedule = await trackReportSchedule({ store: o.store, metrics: o.metrics, cron: o.cron });
  const worker = new Worker(
    o.queueName,
    async (job) => {
      const end = o.metrics.jobDuration.startTimer({ queue: o.queueName });
      try {
        const parsed = reportJob.safeParse(job.data);
        if (job.name !== REPORT_JOB || !parsed.success) throw new UnrecoverableError(`malformed report job ${job.name}`);
        // A scheduled job is created ahead of its run with a delay: its intended run time, not when it
        // was created (last month) nor when a late worker picked it up, names the month to report.
        const period = parsed.data.period ?? previousMonth(new Date(job.timestamp + (job.opts.delay ?? 0)));
        const report = await buildReport(o.store, period, { acceptHours: o.acceptHours });
        await saveReport(o.store, period, parsed.data.trigger, report);
        schedule.made(parsed.data.trigger);
        // A retried job publishes again: the later publication, with nothing revised, counts.
        await publishReport(o.store, report);
        const files = writeReportFiles(o.reportsDir, report, await monthlySeries(o.store, parsePeriod(period)));
        if (o.webhook && report.alerts.length > 0) {
          // The report is made and stored: a robot that keeps failing (after deliverAlerts' own
          // retries) is logged and counted, not a reason to make the report again.
          await deliverAlerts(o.webhook, period, report.alerts).catch((err: Error) => {
            o.metrics.webhookFailures.inc();
            o.logger.error({ period, err: err.message }, "alert webhook delivery failed");
          });
        }
        o.logger.info({ period, alerts: report.alerts.length, files }, "report made");
        return { period, files };
      } finally {
        end();
      }
    },
    { connection, concurrency: 1 },
  );
  worker.on("failed", (job, err) => {
    o.metrics.jobFailures.inc({ queue: o.queueName });
    o.logger.warn({ jobId: job?.id, err: err.message }, "report job failed");
  });
  await worker.waitUntilReady();
  return {
    name: "reporter",
    ready: async () => worker.isRunning(),
    close: once(async () => {
      schedule.stop();
      await worker.close();
      await queue.close();
    }),
  };
}

/** Asks the running reporter for a report now. */
export async function requestReport(redisUrl: string, queueName: string, period: string): Promise<string> {
  const queue = openQueue(queueName, redisUrl, { failFast: true });
  try {
    const job = await queue.add(REPORT_JOB, { period, trigger: "on_demand" }, { removeOnComplete: 100, removeOnFail: false });
    return job.id!;
  } finally {
    await queue.close();
  }
}
