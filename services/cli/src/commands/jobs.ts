// `casepulse jobs`: the failed set of the store queue, for operators to inspect and retry.
import { Command } from "commander";

export interface JobsFailedOptions {
  retry?: boolean;
  json?: boolean;
}

const failed = new Command("failed")
  .description("list store jobs that used up their attempts")
  .option("--retry", "move them back to the queue")
  .option("--json", "one JSON object per job: {id, attempts, reason, failed_at}")
  .action(async (opts: JobsFailedOptions) => (await import("../actions/jobs.ts")).failed(opts));

export const jobsCommand = new Command("jobs").description("BullMQ jobs of the pipeline").addCommand(failed);
