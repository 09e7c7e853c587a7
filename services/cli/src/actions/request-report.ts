// What `casepulse request-report` does; its definition (commands/request-report.ts) loads this when
// it runs.
import { requestReport as queueReport } from "@casepulse/reporter";
import type { RequestReportOptions } from "../commands/request-report.ts";
import { openStreamContext } from "../stream-context.ts";
import { checkPeriod } from "./report.ts";

export async function requestReport(opts: RequestReportOptions): Promise<void> {
  const period = checkPeriod(opts.period);
  const ctx = openStreamContext();
  const id = await queueReport(ctx.env.REDIS_URL, ctx.names.reportsQueue, period);
  console.log(opts.json ? JSON.stringify({ period, job_id: id, queue: ctx.names.reportsQueue }) : `queued report ${period} as job ${id} on ${ctx.names.reportsQueue}`);
}
