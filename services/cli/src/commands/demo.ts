import { fileURLToPath } from "node:url";
import { Command, Option } from "commander";
import { FEEDS } from "@casepulse/feeds";
import { withContext } from "../context.ts";
import { formatOutcome, ingestOne } from "./ingest.ts";
import { checkPeriod, REPORT_FORMATS, reportText, type ReportFormat } from "./report.ts";

const SAMPLES = fileURLToPath(new URL("../../../../samples", import.meta.url));

export const demoCommand = new Command("demo")
  .description("ingest the bundled sample feeds (samples/) into ClickHouse and print the 2024 report")
  .option("--period <YYYY|YYYY-MM>", "which period to report", "2024")
  .addOption(new Option("--format <format>", "output format").choices(REPORT_FORMATS).default("md"))
  .action(async (opts: { period: string; format: ReportFormat }) => {
    const text = await withContext(async (ctx) => {
      for (const feed of FEEDS) {
        const path = `${SAMPLES}/${feed}.jsonl`;
        console.error(formatOutcome(feed, `samples/${feed}.jsonl`, await ingestOne(ctx, feed, path)));
      }
      return reportText(ctx.store, checkPeriod(opts.period), opts.format);
    });
    process.stdout.write(text);
  });
