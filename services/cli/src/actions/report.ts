// What `casepulse report` does; its definition (commands/report.ts) loads this when it runs.
import { writeFileSync } from "node:fs";
import { parseEnv, reportEnvSchema, streetNameProblem } from "@casepulse/config";
import { buildReport, monthlySeries, parsePeriod, publishReport, renderHtml, renderMarkdown, renderXlsx, type MonthlySeries, type Report, type ReportOptions as FigureOptions, type TextOptions } from "@casepulse/reporting";
import type { Store } from "@casepulse/store";
import type { ReportOptions, TextReportFormat } from "../commands/report.ts";
import { loadEnv, withContext } from "../context.ts";
import { findChromium, printPdf } from "../print-pdf.ts";
import { refuseHeldFolder } from "../reading/ops-file.ts";
import { localReader } from "../reading/reader.ts";
import { withReader } from "../reading/with-reader.ts";
import { UsageError } from "../usage-error.ts";
import { districtReport, textOptions, type DistrictReport } from "./street-reports.ts";

/** `series` feeds the HTML page's monthly trend charts; without it the page leaves them out. `text`: names, and a district's streets' reports. */
export function renderReport(report: Report, format: TextReportFormat, series?: MonthlySeries, text: TextOptions = textOptions()): string {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  if (format === "md") return renderMarkdown(report, text);
  return renderHtml(report, series, text);
}

/**
 * How the figures are counted, from the environment (CASEPULSE_ACCEPT_HOURS, CASEPULSE_DEFAULT_STREET),
 * for the street of `--street` (every street without it); a bad value stops the command.
 */
export function figureOptions(street?: string): FigureOptions {
  const env = parseEnv(reportEnvSchema);
  return { acceptHours: env.CASEPULSE_ACCEPT_HOURS, defaultStreet: env.CASEPULSE_DEFAULT_STREET, street: checkStreet(street) };
}

/** `--street`: a street's name as the feeds give it (FEEDS.md: never blank); null without it. */
export function checkStreet(text: string | undefined): string | null {
  if (text === undefined) return null;
  const problem = streetNameProblem(text);
  if (problem) throw new UsageError(`--street: ${problem}`);
  return text;
}

/**
 * Builds the period's report and renders it; HTML also gets the monthly series for its trends.
 * Published, it is stored as the period's published report once built: the text shows what it
 * revises of the publication before it.
 */
export async function reportText(store: Store, period: string, format: TextReportFormat, options: FigureOptions & { publish?: boolean } = {}): Promise<string> {
  const report = await buildReport(store, period, options);
  if (options.publish) await publishReport(store, report);
  const series = format === "html" ? await monthlySeries(store, parsePeriod(period), options) : undefined;
  return renderReport(report, format, series);
}

export function checkPeriod(text: string): string {
  try {
    return parsePeriod(text).label;
  } catch (err) {
    throw new UsageError(`--period: ${(err as Error).message}`);
  }
}

/**
 * The built report: from the running `casepulse start` when it holds the embedded folder, else
 * from the store. Publishing writes, so it needs the store to itself.
 */
async function built(opts: ReportOptions, period: string): Promise<DistrictReport> {
  const request = { period, options: figureOptions(opts.street), series: opts.format === "html" || opts.format === "pdf" };
  const withStreets = opts.format === "md" || opts.format === "html" || opts.format === "pdf";
  if (!opts.publish) return withReader((reader) => districtReport(reader, request, withStreets));
  const env = loadEnv();
  if (!env.CLICKHOUSE_URL) refuseHeldFolder(env.CASEPULSE_DATA, `its reporter publishes the reports it makes: \`casepulse request-report --period ${period}\` asks it for this one`);
  return withContext(async (ctx) => {
    const made = await districtReport(localReader(ctx.store), request, withStreets);
    await publishReport(ctx.store, made.report);
    return made;
  });
}

async function rendered(opts: ReportOptions, { report, series, streetReports }: DistrictReport, chromium: string | null): Promise<string | Buffer> {
  if (opts.format === "xlsx") return renderXlsx(report);
  if (opts.format === "pdf") return printPdf(renderHtml(report, series, textOptions(streetReports)), chromium!);
  return renderReport(report, opts.format, series, textOptions(streetReports));
}

export async function report(opts: ReportOptions): Promise<void> {
  const period = checkPeriod(opts.period);
  if ((opts.format === "xlsx" || opts.format === "pdf") && !opts.out) throw new UsageError(`--format ${opts.format} needs --out <file.${opts.format}>`);
  const chromium = opts.format === "pdf" ? findChromium() : null;
  const output = await rendered(opts, await built(opts, period), chromium);
  if (!opts.out) {
    process.stdout.write(output);
    return;
  }
  try {
    writeFileSync(opts.out, output);
  } catch (err) {
    throw new UsageError(`--out ${opts.out}: cannot write (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  console.error(`casepulse: wrote the ${period} report (${opts.format}) to ${opts.out}${opts.publish ? ", and published it" : ""}`);
}
