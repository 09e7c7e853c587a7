// What the stream commands share: stream config, Kafka gateway, names, the store queue.
import { readFileSync } from "node:fs";
import type { Queue } from "bullmq";
import { feedTopics, parseEnv, streamEnvSchema, type StreamEnv } from "@casepulse/config";
import { createKafkaGateway, type KafkaGateway } from "@casepulse/kafka";
import { namesFor, openQueue, type Names } from "@casepulse/queues";
import type { Logger } from "@casepulse/logging";

export interface StreamContext {
  env: StreamEnv;
  names: Names;
  kafka: KafkaGateway;
}

export function openStreamContext(logger?: Logger): StreamContext {
  const env = parseEnv(streamEnvSchema);
  const names = namesFor(env.CASEPULSE_PREFIX, feedTopics(env));
  const sasl =
    env.KAFKA_SASL_MECHANISM && env.KAFKA_SASL_USERNAME && env.KAFKA_SASL_PASSWORD
      ? { mechanism: env.KAFKA_SASL_MECHANISM, username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD }
      : undefined;
  const kafka = createKafkaGateway(
    {
      brokers: env.KAFKA_BROKERS,
      clientId: env.KAFKA_CLIENT_ID,
      ssl: env.KAFKA_SSL_CA_FILE ? { ca: [readFileSync(env.KAFKA_SSL_CA_FILE, "utf8")] } : env.KAFKA_SSL,
      sasl,
      sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS,
    },
    (level, message, extra) => logger?.[level === "error" ? "error" : level === "warn" ? "warn" : "debug"]({ kafka: extra }, message),
  );
  return { env, names, kafka };
}

/** The store queue; one-shot commands (status, jobs) fail fast instead of waiting for Redis. */
export function openStoreQueue(ctx: StreamContext, options: { failFast?: boolean; logger?: Logger } = {}): Queue {
  const { logger, failFast } = options;
  return openQueue(ctx.names.storeQueue, ctx.env.REDIS_URL, { failFast, onError: logger && ((message) => logger.error({ redis: message }, "redis error")) });
}
