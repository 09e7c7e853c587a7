// `casepulse produce`: publishes a feed file to its topic, keyed by order/case id, bytes as read.
import { Command, Option } from "commander";
import type { Feed } from "@casepulse/feeds";
import { FEEDS } from "@casepulse/feeds/model";

export interface ProduceOptions {
  source: Feed;
  file: string;
  batch: string;
}

export const produceCommand = new Command("produce")
  .description("publish a feed's .jsonl file to its Kafka topic, one message per line")
  .addOption(new Option("--source <feed>", "which feed the file holds").choices(FEEDS).makeOptionMandatory())
  .requiredOption("--file <path>", "the .jsonl file")
  .option("--batch <n>", "messages per send", "500")
  .action(async (opts: ProduceOptions) => (await import("../actions/produce.ts")).produce(opts));
