import { Command, Option } from "commander";
import { TEXT_REPORT_FORMATS, type TextReportFormat } from "./report.ts";

export interface DemoOptions {
  period: string;
  format: TextReportFormat;
  json?: boolean;
}

export const demoCommand = new Command("demo")
  .description("ingest the bundled sample feeds (samples/) into ClickHouse and print the 2024 report")
  .option("--period <YYYY|YYYY-MM>", "which period to report", "2024")
  .addOption(new Option("--format <format>", "output format").choices(TEXT_REPORT_FORMATS).default("md"))
  .addOption(new Option("--json", "the same as --format json").conflicts("format"))
  .action(async (opts: DemoOptions) => (await import("../actions/demo.ts")).demo(opts.json ? { ...opts, format: "json" } : opts));
