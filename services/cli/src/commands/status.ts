// `casepulse status`: consumer lag and pending jobs, from Kafka and Redis only (it never opens
// ClickHouse, so it works while `start` owns the embedded data folder).
import { Command } from "commander";
import { pendingJobs } from "@casepulse/messaging";
import { normalizeQueue, openStreamContext } from "../stream-context.ts";

export const statusCommand = new Command("status")
  .description("consumer-group lag over the feed topics and pending normalize jobs")
  .option("--json", "print one JSON object")
  .action(async (opts: { json?: boolean }) => {
    const ctx = openStreamContext();
    const queue = normalizeQueue(ctx, { failFast: true });
    try {
      const lag = await ctx.kafka.lag(ctx.names.consumerGroup, Object.values(ctx.names.topics));
      const pending_jobs = await pendingJobs(queue);
      const failed_jobs = await queue.getFailedCount();
      const status = { lag, pending_jobs, failed_jobs, consumer_group: ctx.names.consumerGroup, queue: ctx.names.normalizeQueue };
      console.log(opts.json ? JSON.stringify(status) : `lag ${lag}, pending jobs ${pending_jobs}, failed jobs ${failed_jobs} (${ctx.names.consumerGroup})`);
    } finally {
      await queue.close();
    }
  });
