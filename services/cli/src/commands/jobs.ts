// `casepulse jobs`: the failed set of the normalize queue, for operators to inspect and retry.
import { Command } from "commander";
import { normalizeQueue, openStreamContext } from "../stream-context.ts";

const failed = new Command("failed")
  .description("list normalize jobs that used up their attempts")
  .option("--retry", "move them back to the queue")
  .action(async (opts: { retry?: boolean }) => {
    const queue = normalizeQueue(openStreamContext(), { failFast: true });
    try {
      const jobs = await queue.getFailed(0, 999);
      for (const job of jobs) console.log(`${job.id}  attempts ${job.attemptsMade}  ${job.failedReason}`);
      if (opts.retry) {
        for (const job of jobs) await job.retry("failed");
        console.error(`${jobs.length} job(s) moved back to the queue`);
      } else console.error(`${jobs.length} failed job(s)`);
    } finally {
      await queue.close();
    }
  });

export const jobsCommand = new Command("jobs").description("BullMQ jobs of the pipeline").addCommand(failed);
