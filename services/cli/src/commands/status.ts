// `casepulse status`: consumer lag and pending jobs, from Kafka and Redis only (it never opens
// ClickHouse, so it works while `start` owns the embedded data folder).
import { Command } from "commander";

export interface StatusOptions {
  json?: boolean;
}

export const statusCommand = new Command("status")
  .description("consumer-group lag over the feed topics and pending store jobs")
  .option("--json", "print one JSON object")
  .action(async (opts: StatusOptions) => (await import("../actions/status.ts")).status(opts));
