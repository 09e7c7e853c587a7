// `casepulse request-report`: asks the running reporter service for a report now (on demand),
// instead of computing it in this process.
import { Command } from "commander";

export interface RequestReportOptions {
  period: string;
  json?: boolean;
}

export const requestReportCommand = new Command("request-report")
  .description("queue a report job for the reporter service (it stores the report and writes its files)")
  .requiredOption("--period <YYYY|YYYY-MM>", "a year or a month")
  .option("--json", "print {period, job_id, queue} as one JSON object")
  .action(async (opts: RequestReportOptions) => (await import("../actions/request-report.ts")).requestReport(opts));
