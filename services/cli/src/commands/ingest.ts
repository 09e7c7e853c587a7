import { Command, Option } from "commander";
import type { Feed } from "@casepulse/feeds";
import { FEEDS } from "@casepulse/feeds/model";

export interface IngestOptions {
  source: Feed;
  file: string;
  json?: boolean;
}

export const ingestCommand = new Command("ingest")
  .description("load a feed's .jsonl export through validation, normalization and deduplication into ClickHouse")
  .addOption(new Option("--source <feed>", "which feed the file holds").choices(FEEDS).makeOptionMandatory())
  .requiredOption("--file <path>", "the .jsonl file, one record per line; - for standard input")
  .option("--json", "print the counts as one JSON object")
  .action(async (opts: IngestOptions) => (await import("../actions/ingest.ts")).ingest(opts));
