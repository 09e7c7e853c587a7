// BullMQ queues on one Redis: connection options, default job options, and the depth that
// drives back-pressure.
import { Queue, type ConnectionOptions, type JobsOptions } from "bullmq";

export interface RedisOptions {
  /** For one-shot commands: give up after a few tries instead of waiting for Redis for ever. */
  failFast?: boolean;
}

export function redisConnection(url: string, options: RedisOptions = {}): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === "rediss:" ? {} : undefined,
    // BullMQ workers block on Redis; they must retry forever instead of failing requests.
    maxRetriesPerRequest: options.failFast ? 2 : null,
    // A one-shot command stops reconnecting after a few tries (down, or the password refused), so
    // it ends with an error instead of waiting for ever.
    ...(options.failFast ? { connectTimeout: 5000, retryStrategy: (times: number) => (times > 3 ? null : 500 * times) } : {}),
  };
}

/**
 * A BullMQ queue whose Redis errors are reported by their message only. Without a listener BullMQ
 * prints the whole ioredis error, and a refused AUTH carries its argument: the password.
 */
export function openQueue(name: string, redisUrl: string, options: RedisOptions & { onError?: (message: string) => void } = {}): Queue {
  const queue = new Queue(name, { connection: redisConnection(redisUrl, options) });
  const report = options.onError ?? ((message: string) => process.stderr.write(`casepulse: redis: ${message}\n`));
  let last = "";
  queue.on("error", (err: Error) => {
    // A reconnect loop repeats the same error: say it once until it changes.
    if (err.message !== last) report((last = err.message));
  });
  return queue;
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
