// What `casepulse jobs failed` does; its definition (commands/jobs.ts) loads this when it runs.
import type { JobsFailedOptions } from "../commands/jobs.ts";
import { openStoreQueue, openStreamContext } from "../stream-context.ts";

export async function failed(opts: JobsFailedOptions): Promise<void> {
  const queue = openStoreQueue(openStreamContext(), { failFast: true });
  try {
    const jobs = await queue.getFailed(0, 999);
    for (const job of jobs) {
      const failedAt = job.finishedOn ? new Date(job.finishedOn).toISOString() : null;
      console.log(opts.json ? JSON.stringify({ id: job.id, attempts: job.attemptsMade, reason: job.failedReason, failed_at: failedAt }) : `${job.id}  attempts ${job.attemptsMade}  ${job.failedReason}`);
    }
    if (opts.retry) {
      for (const job of jobs) await job.retry("failed");
      console.error(`${jobs.length} job(s) moved back to the queue`);
    } else console.error(`${jobs.length} failed job(s)`);
  } finally {
    await queue.close();
  }
}
