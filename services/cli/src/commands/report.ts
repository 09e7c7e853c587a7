import { Command, Option } from "commander";

export const TEXT_REPORT_FORMATS = ["json", "md", "html"] as const;
/** Written to a file only (--out). */
export const FILE_REPORT_FORMATS = ["xlsx", "pdf"] as const;
export const REPORT_FORMATS = [...TEXT_REPORT_FORMATS, ...FILE_REPORT_FORMATS] as const;
export type TextReportFormat = (typeof TEXT_REPORT_FORMATS)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
  /** --json: the same as --format json. */
  json?: boolean;
  period: string;
  format: ReportFormat;
  out?: string;
  publish?: boolean;
  street?: string;
}

export const reportCommand = new Command("report")
  .description("print or write the report for a calendar year or month (Asia/Shanghai)")
  .requiredOption("--period <YYYY|YYYY-MM>", "a year (2024) or a month (2024-03)")
  .addOption(new Option("--format <format>", "output format (xlsx: a workbook, a sheet per section; pdf: the HTML page printed to A4 by Chromium; both need --out)").choices(REPORT_FORMATS).default("json"))
  .option("--out <file>", "write to this file instead of standard output")
  .addOption(new Option("--json", "the same as --format json").conflicts("format"))
  .option("--street <name>", "one sub-district's (街道) report: every figure and alert over its orders, cases and items; without it, every street's with the streets table")
  .option("--publish", "also store it as the published report of the period: later reports of the period list the figures revised since")
  .action(async (opts: ReportOptions) => (await import("../actions/report.ts")).report(opts.json ? { ...opts, format: "json" } : opts));
