import { Command, Option } from "commander";
import type { Feed } from "@casepulse/feeds";
import { FEEDS } from "@casepulse/feeds/model";

export interface IngestOptions {
  source: Feed;
  file: string;
  format?: "jsonl" | "csv" | "xlsx";
  encoding?: "utf-8" | "gb18030";
  mapping?: string;
  json?: boolean;
}

/** The options `ingest` and `produce` share: which feed, and the export in any of FEEDS.md's forms. */
export function exportOptions(command: Command): Command {
  return command
    .addOption(new Option("--source <feed>", "which feed the file holds").choices(FEEDS).makeOptionMandatory())
    .requiredOption("--file <path>", "the export: .jsonl/.json, .csv, .xlsx, any of them .gz; - for standard input")
    .addOption(new Option("--format <form>", "the file's form, whatever its name says (standard input: jsonl unless given)").choices(["jsonl", "csv", "xlsx"]))
    .addOption(new Option("--encoding <encoding>", "a CSV's encoding (default: UTF-8 if the file is valid UTF-8, else GB18030)").choices(["utf-8", "gb18030"]))
    .option("--mapping <map.json>", 'a site\'s header names and values: {"columns": {"表头": "key"}, "values": {"key": {"表中的值": "value"}}}');
}

export const ingestCommand = exportOptions(
  new Command("ingest").description("load a feed's export (JSON lines, CSV, .xlsx) through validation, normalization and deduplication into ClickHouse"),
)
  .option("--json", "print the counts as one JSON object")
  .action(async (opts: IngestOptions) => (await import("../actions/ingest.ts")).ingest(opts));
