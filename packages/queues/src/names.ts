// Every name a deployment uses in Kafka and Redis derives from CASEPULSE_PREFIX, so deployments
// and test runs can share one broker and one Redis.
import type { Feed } from "@casepulse/feeds";

export interface Names {
  consumerGroup: string;
  storeQueue: string;
  reportsQueue: string;
  topics: Record<Feed, string>;
}

export function namesFor(prefix: string, topics: Record<Feed, string>): Names {
  return {
    consumerGroup: `${prefix}-ingest`,
    storeQueue: `${prefix}-store`,
    reportsQueue: `${prefix}-reports`,
    topics,
  };
}

export function dlqTopic(topic: string): string {
  return `${topic}.dlq`;
}
