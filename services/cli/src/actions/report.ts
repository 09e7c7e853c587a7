// What `casepulse report` does; its definition (commands/report.ts) loads this when it runs.
import { writeFileSync } from "node:fs";
import { buildReport, monthlySeries, parsePeriod, renderHtml, renderMarkdown, type MonthlySeries, type Report } from "@casepulse/reporting";
import type { Store } from "@casepulse/store";
import type { ReportFormat, ReportOptions } from "../commands/report.ts";
import { withContext } from "../context.ts";
import { UsageError } from "../usage-error.ts";

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

export async function report(opts: ReportOptions): Promise<void> {
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
}
