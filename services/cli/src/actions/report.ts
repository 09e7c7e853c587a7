// What `casepulse report` does; its definition (commands/report.ts) loads this when it runs.
import { writeFileSync } from "node:fs";
import { parseEnv, reportEnvSchema } from "@casepulse/config";
import { buildReport, monthlySeries, parsePeriod, publishReport, renderHtml, renderMarkdown, type MonthlySeries, type Report, type ReportOptions as FigureOptions } from "@casepulse/reporting";
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

/** How the figures are counted, from the environment (CASEPULSE_ACCEPT_HOURS); a bad value stops the command. */
export function figureOptions(): FigureOptions {
  return { acceptHours: parseEnv(reportEnvSchema).CASEPULSE_ACCEPT_HOURS };
}

/**
 * Builds the period's report and renders it; HTML also gets the monthly series for its trends.
 * Published, it is stored as the period's published report once built: the text shows what it
 * revises of the publication before it.
 */
export async function reportText(store: Store, period: string, format: ReportFormat, options: FigureOptions & { publish?: boolean } = {}): Promise<string> {
  const report = await buildReport(store, period, options);
  if (options.publish) await publishReport(store, report);
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
  const options = { ...figureOptions(), publish: opts.publish === true };
  const text = await withContext((ctx) => reportText(ctx.store, period, opts.format, options));
  if (!opts.out) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(opts.out, text);
  } catch (err) {
    throw new UsageError(`--out ${opts.out}: cannot write (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  console.error(`casepulse: wrote the ${period} report (${opts.format}) to ${opts.out}${opts.publish ? ", and published it" : ""}`);
}
