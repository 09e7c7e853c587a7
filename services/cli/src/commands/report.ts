import { writeFileSync } from "node:fs";
import { Command, Option } from "commander";
import { buildReport, monthlySeries, parsePeriod, renderHtml, renderMarkdown, type MonthlySeries, type Report } from "@casepulse/reporting";
import type { Store } from "@casepulse/store";
import { withContext } from "../context.ts";
import { UsageError } from "../usage-error.ts";

export const REPORT_FORMATS = ["json", "md", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `series` feeds the HTML page's monthly trend charts; without it the page leaves them out. */
export function renderReport(report: Report, format: ReportFormat, series?: MonthlySeries): string {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  if (format === "md") return renderMarkdown(report);
  return renderHtml(report, series);
}

/** Builds the period's report and renders it; HTML also gets the monthly series for its trends. */
export async function reportText(store: Store, period: string, format: ReportFormat): Promise<string> {
  const report = await buildReport(store, period);
  const series = format === "html" ? await monthlySeries(store, parsePeriod(period)) : undefined;
  return renderReport(report, format, series);
}

export function checkPeriod(text: string): string {
  try {
    return parsePeriod(text).label;
  } catch (err) {
    throw new UsageError(`--period: ${(err as Error).message}`);
  }
}

export const reportCommand = new Command("report")
  .description("print or write the report for a calendar year or month (Asia/Shanghai)")
  .requiredOption("--period <YYYY|YYYY-MM>", "a year (2024) or a month (2024-03)")
  .addOption(new Option("--format <format>", "output format").choices(REPORT_FORMATS).default("json"))
  .option("--out <file>", "write to this file instead of standard output")
  .action(async (opts: { period: string; format: ReportFormat; out?: string }) => {
    const period = checkPeriod(opts.period);
    const text = await withContext((ctx) => reportText(ctx.store, period, opts.format));
    if (!opts.out) {
      process.stdout.write(text);
      return;
    }
    try {
      writeFileSync(opts.out, text);
    } catch (err) {
      throw new UsageError(`--out ${opts.out}: cannot write (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    console.error(`casepulse: wrote the ${period} report (${opts.format}) to ${opts.out}`);
  });
