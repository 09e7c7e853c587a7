// What Prometheus needs to tell that a scheduled report is late (infra/prometheus/alerts.yml,
// ReportNotProduced): when CASEPULSE_REPORT_CRON last fired, and when the last scheduled report
// was stored. The latter is read from the reports table at start, so a restart does not make an
// old report look missing; a deployment without any counts from its first start.
import { CronExpressionParser } from "cron-parser";
import type { PipelineMetrics } from "@casepulse/ops";
import { lastReportAt, type ReportTrigger, type Store } from "@casepulse/store";

/** The schedule's time zone, as the job scheduler is given it. */
export const REPORT_TZ = "Asia/Shanghai";

/** The latest time at or before `now` that the cron expression fires, in ms since the epoch. */
export function lastFiring(cron: string, now: Date): number {
  // cron-parser's prev() is strictly before currentDate: a second on gives "at or before now".
  return CronExpressionParser.parse(cron, { tz: REPORT_TZ, currentDate: new Date(now.getTime() + 1000) }).prev().getTime();
}

export interface ReportSchedule {
  /** A report was stored just now. */
  made(trigger: ReportTrigger): void;
  stop(): void;
}

export async function trackReportSchedule(o: { store: Store; metrics: PipelineMetrics; cron: string; now?: () => Date }): Promise<ReportSchedule> {
  const now = o.now ?? (() => new Date());
  const started = now().getTime();
  o.metrics.reportLastSuccess.set(((await lastReportAt(o.store, "scheduled")) ?? started) / 1000);
  const refresh = () => o.metrics.reportDue.set(lastFiring(o.cron, now()) / 1000);
  refresh();
  // The due time moves only when the cron fires; a minute is well within the alert's two hours.
  const timer = setInterval(refresh, 60_000);
  timer.unref();
  return {
    made(trigger) {
      o.metrics.reportsMade.inc({ trigger });
      if (trigger === "scheduled") o.metrics.reportLastSuccess.set(now().getTime() / 1000);
    },
    stop: () => clearInterval(timer),
  };
}
