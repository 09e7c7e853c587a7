// The dead-letter store for operators: list rejected records, replay them once fixed.
import { Command, Option } from "commander";
import type { Feed } from "@casepulse/feeds";
import { FEEDS } from "@casepulse/feeds/model";

export interface DlqListOptions {
  source?: Feed;
  status: "pending" | "replayed";
  limit: string;
  json?: boolean;
}

export interface DlqReplayOptions {
  source?: Feed;
  id?: string;
  fixed?: string;
  json?: boolean;
}

const list = new Command("list")
  .description("list rejected records with their reasons (personal data masked)")
  .addOption(new Option("--source <feed>", "only this feed").choices(FEEDS))
  .addOption(new Option("--status <status>", "pending or replayed").choices(["pending", "replayed"]).default("pending"))
  .option("--limit <n>", "at most this many", "100")
  .option("--json", "one JSON object per line")
  .action(async (opts: DlqListOptions) => (await import("../actions/dlq.ts")).list(opts));

const replay = new Command("replay")
  .description("run pending rejected records through validation again; those now valid are stored")
  .addOption(new Option("--source <feed>", "only this feed").choices(FEEDS))
  .option("--id <id>", "only this record")
  .option("--fixed <file>", "with --id: replace the record with this corrected JSON before replaying")
  .option("--json", "print {feeds, not_replayed} as one JSON object")
  .action(async (opts: DlqReplayOptions) => (await import("../actions/dlq.ts")).replay(opts));

export const dlqCommand = new Command("dlq").description("the dead-letter store of rejected records").addCommand(list).addCommand(replay);
