import { Command } from "commander";

export interface GenerateOptions {
  out: string;
  seed: string;
  scale: string;
  formats?: string;
  json?: boolean;
  streets?: string;
}

export const generateCommand = new Command("generate")
  .description("write realistic synthetic feeds for two years, with the figures they must produce")
  .requiredOption("--out <dir>", "folder for hotline.jsonl, mediation.jsonl, litigation.jsonl and expected/")
  .option("--seed <n>", "random seed", "1")
  .option("--scale <x>", "volume multiplier (1 = about 6,000 hotline orders a year)", "1")
  .option("--formats <list>", "forms to write the feeds in besides JSON lines: jsonl.gz,csv,csv-gbk,xlsx,hotline-orders.xlsx (counts in expected/forms.json)")
  .option("--streets <list>", "a district's sub-districts, e.g. 蛇口街道,招商街道,粤海街道: records name them (some none, some transferred) and expected/streets/<street>/ holds each street's reports")
  .option("--json", "print {out, seed, years, scale, files, quality, malformed, periods, ...} (the manifest) as one JSON object")
  .action(async (opts: GenerateOptions) => (await import("../actions/generate.ts")).generate(opts));
