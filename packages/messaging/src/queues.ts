// BullMQ queues on one Redis: connection options, default job options, and the depth that
// drives back-pressure.
import { Queue, type ConnectionOptions, type JobsOptions } from "bullmq";

export function redisConnection(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === "rediss:" ? {} : undefined,
    // BullMQ workers block on Redis; they must retry forever instead of failing requests.
    maxRetriesPerRequest: null,
  };
}

export function storeJobOptions(attempts: number): JobsOptions {
  return {
    attempts,
    backoff: { type: "exponential", delay: 1000 },
    removeOnComplete: true,
    // Kept in the failed set, where an operator lists and retries them.
    removeOnFail: false,
  };
}

/** Jobs not yet done: what `status` reports as pending and what pauses the consumer. */
export async function pendingJobs(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized", "waiting-children");
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
