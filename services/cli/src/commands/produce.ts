// `casepulse produce`: publishes a feed's export to its topic, one message per record, keyed by order/case id.
import { Command } from "commander";
import { exportOptions, type IngestOptions } from "./ingest.ts";

export interface ProduceOptions extends IngestOptions {
  batch: string;
}

export const produceCommand = exportOptions(
  new Command("produce").description("publish a feed's export (JSON lines, CSV, .xlsx) to its Kafka topic, one message per record"),
)
  .option("--batch <n>", "messages per send", "500")
  .option("--json", "print {source, file, topic, messages} as one JSON object")
  .action(async (opts: ProduceOptions) => (await import("../actions/produce.ts")).produce(opts));
