// services/reporter: makes the previous month's report at 08:00 Asia/Shanghai on the 1st (a
// BullMQ job scheduler) and any period on demand; stores it in ClickHouse, publishes it (later
// reports of the period list what was revised since) and writes it as files, and posts its alerts
// to the webhook when one is configured. In a district, each street asked for gets the same
// (street-files.ts), its alerts to its own webhook.
import { UnrecoverableError, Worker } from "bullmq";
import type { Logger } from "pino";
import { once, type PipelineMetrics, type Service } from "@casepulse/ops";
import { openQueue, redisConnection, REPORT_JOB, reportJob } from "@casepulse/queues";
import { buildReport, monthlySeries, parsePeriod, previousMonth, publishReport, type Alert } from "@casepulse/reporting";
import { saveReport, type Store } from "@casepulse/store";
import { trackReportSchedule } from "./report-schedule.ts";
import { streetReports, streetsToReport, writeReportFiles, type ReportStreets } from "./street-files.ts";
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
  /** CASEPULSE_DEFAULT_STREET and CASEPULSE_ORG_NAME; the defaults of packages/config when unset. */
  defaultStreet?: string | undefined;
  orgName?: string | undefined;
  /** CASEPULSE_REPORT_STREETS: the streets that get their own files (none: the district's only). */
  streets?: ReportStreets | undefined;
  /** CASEPULSE_STREET_WEBHOOKS: street → webhook URL of its alerts, of ALERT_WEBHOOK_KIND like the default one. */
  streetWebhooks?: { urls: Readonly<Record<string, string>>; kind: WebhookKind } | undefined;
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
  /**
   * The report is made and stored: a robot that keeps failing (after deliverAlerts' own retries) is
   * logged and counted, not a reason to make the report again.
   */
  const post = async (webhook: ReporterOptions["webhook"], period: string, street: string | null, alerts: readonly Alert[]) => {
    if (!webhook || alerts.length === 0) return;
    await deliverAlerts(webhook, period, alerts, street).catch((err: Error) => {
      o.metrics.webhookFailures.inc();
      o.logger.error({ period, street, err: err.message }, "alert webhook delivery failed");
    });
  };
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
        const options = { acceptHours: o.acceptHours, defaultStreet: o.defaultStreet };
        const report = await buildReport(o.store, period, options);
        await saveReport(o.store, period, parsed.data.trigger, report);
        schedule.made(parsed.data.trigger);
        const asked = streetsToReport(report, o.streets ?? []);
        const streets = await streetReports(o.store, report, asked, options);
        // A retried job publishes again: the later publication, with nothing revised, counts.
        await publishReport(o.store, report);
        const text = { orgName: o.orgName, streetReports: [...streets.values()] };
        const files = writeReportFiles(o.reportsDir, report, await monthlySeries(o.store, parsePeriod(period), options), text);
        await post(o.webhook, period, null, report.alerts);
        for (const street of asked) {
          const own = streets.get(street)!;
          await publishReport(o.store, own);
          files.push(...writeReportFiles(o.reportsDir, own, await monthlySeries(o.store, parsePeriod(period), { ...options, street }), { orgName: o.orgName }));
          const url = o.streetWebhooks?.urls[street];
          if (url) await post({ url, kind: o.streetWebhooks!.kind }, period, street, own.alerts);
        }
        o.logger.info({ period, alerts: report.alerts.length, streets: asked.length, files }, "report made");
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
