// A district deployment's reporter (REPORT.md "Streets"): beside the district's report, the report
// of each street CASEPULSE_REPORT_STREETS asks for, as its own files, published under its own scope,
// its alerts posted to its own webhook (CASEPULSE_STREET_WEBHOOKS); the district's text lists every
// street's alerts under its name.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildReport, isDistrict, renderHtml, renderMarkdown, type MonthlySeries, type Report, type ReportOptions, type TextOptions } from "@casepulse/reporting";
import type { Store } from "@casepulse/store";

/** `all` (every street the district's report lists) or the streets named. */
export type ReportStreets = "all" | readonly string[];

/** A street's name fit for a file name: the characters no file system takes become _. */
export function fileSafe(street: string): string {
  return street.replace(/[/\\:*?"<>|\u0000-\u001f]/g, "_").replace(/^\./, "_");
}

/** casepulse-<period>.<ext> for the district, casepulse-<period>-<street>.<ext> for a street. */
export function reportBaseName(report: Report): string {
  return report.scope.street === null ? `casepulse-${report.period}` : `casepulse-${report.period}-${fileSafe(report.scope.street)}`;
}

export function writeReportFiles(dir: string, report: Report, series?: MonthlySeries, text: TextOptions = {}): string[] {
  mkdirSync(dir, { recursive: true });
  const base = reportBaseName(report);
  const files = {
    [`${base}.json`]: `${JSON.stringify(report, null, 2)}\n`,
    [`${base}.md`]: renderMarkdown(report, text),
    [`${base}.html`]: renderHtml(report, series, text),
  };
  return Object.entries(files).map(([name, content]) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  });
}

/** The streets whose own files the reporter writes for this district's report. */
export function streetsToReport(district: Report, streets: ReportStreets): string[] {
  return streets === "all" ? (district.streets ?? []).map((s) => s.street) : [...streets];
}

/**
 * Each street's report that the district's text or the street's own files need: every street of a
 * district's report (its alerts go under its name), and each street asked for.
 */
export async function streetReports(store: Store, district: Report, asked: readonly string[], options: ReportOptions): Promise<Map<string, Report>> {
  const wanted = new Set([...(isDistrict(district) ? district.streets!.map((s) => s.street) : []), ...asked]);
  const out = new Map<string, Report>();
  for (const street of wanted) out.set(street, await buildReport(store, district.period, { ...options, street }));
  return out;
}
