// `casepulse request-report`: asks the running reporter service for a report now (on demand),
// instead of computing it in this process.
import { Command } from "commander";
import { requestReport } from "@casepulse/reporter";
import { openStreamContext } from "../stream-context.ts";
import { checkPeriod } from "./report.ts";

export const requestReportCommand = new Command("request-report")
  .description("queue a report job for the reporter service (it stores the report and writes its files)")
  .requiredOption("--period <YYYY|YYYY-MM>", "a year or a month")
  .action(async (opts: { period: string }) => {
    const period = checkPeriod(opts.period);
    const ctx = openStreamContext();
    const id = await requestReport(ctx.env.REDIS_URL, ctx.names.reportsQueue, period);
    console.log(`queued report ${period} as job ${id} on ${ctx.names.reportsQueue}`);
  });
