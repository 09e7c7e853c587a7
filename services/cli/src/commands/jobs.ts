// `casepulse jobs`: the failed set of the store queue, for operators to inspect and retry.
import { Command } from "commander";

export interface JobsFailedOptions {
  retry?: boolean;
}

const failed = new Command("failed")
  .description("list store jobs that used up their attempts")
  .option("--retry", "move them back to the queue")
  .action(async (opts: JobsFailedOptions) => (await import("../actions/jobs.ts")).failed(opts));

export const jobsCommand = new Command("jobs").description("BullMQ jobs of the pipeline").addCommand(failed);
