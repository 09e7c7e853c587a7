// What `casepulse status` does; its definition (commands/status.ts) loads this when it runs.
import { pendingJobs } from "@casepulse/queues";
import type { StatusOptions } from "../commands/status.ts";
import { openStoreQueue, openStreamContext } from "../stream-context.ts";

export async function status(opts: StatusOptions): Promise<void> {
  const ctx = openStreamContext();
  const queue = openStoreQueue(ctx, { failFast: true });
  try {
    const lag = await ctx.kafka.lag(ctx.names.consumerGroup, Object.values(ctx.names.topics));
    const pending_jobs = await pendingJobs(queue);
    const failed_jobs = await queue.getFailedCount();
    const status = { lag, pending_jobs, failed_jobs, consumer_group: ctx.names.consumerGroup, queue: ctx.names.storeQueue };
    console.log(opts.json ? JSON.stringify(status) : `lag ${lag}, pending jobs ${pending_jobs}, failed jobs ${failed_jobs} (${ctx.names.consumerGroup})`);
  } finally {
    await queue.close();
  }
}
