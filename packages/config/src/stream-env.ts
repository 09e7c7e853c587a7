// Configuration of the stream services (ingest, store-worker, reporter) beyond the store's.
import { accessSync, constants } from "node:fs";
import { CronExpressionParser } from "cron-parser";
import { z } from "zod";
import { CONTRACTS, FEEDS, type Feed } from "@casepulse/feeds/model";
import { reportStreets, streetWebhooks, unusedWebhooks } from "./district-env.ts";
import { optionalString, url } from "./env.ts";

function readable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why BullMQ's job scheduler could not run this expression, or null when it can: the same parser
 * (cron-parser, the version BullMQ depends on) in the same time zone, and the schedule must fire
 * at least once (an impossible date such as 0 8 30 2 * parses, then never fires).
 */
export function cronProblem(expression: string, tz = "Asia/Shanghai"): string | null {
  // An empty expression parses as "every minute": a variable set to nothing is a mistake.
  if (expression.trim() === "") return "must be a cron expression, not empty";
  try {
    CronExpressionParser.parse(expression, { tz }).next();
    return null;
  } catch (err) {
    return `not a cron expression that fires (${(err as Error).message})`;
  }
}

const int = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);
/** "true" or "false", read as a boolean. */
const flag = (fallback: "true" | "false") => z.enum(["true", "false"]).default(fallback).transform((v) => v === "true");
/** A feed's topic: CASEPULSE_TOPIC_<FEED>, by default the one its contract names. */
const topicName = (feed: Feed) =>
  z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,200}$/, { message: "must be a Kafka topic name (letters, digits, . _ -)" })
    .default(CONTRACTS[feed].topic);

export const streamEnvSchema = z
  .object({
    KAFKA_BROKERS: z
      .string()
      .default("127.0.0.1:9092")
      .transform((s) => s.split(",").map((b) => b.trim()).filter(Boolean))
      .refine((list) => list.length > 0 && list.every((b) => /^[^:\s]+:\d{1,5}$/.test(b)), {
        message: "must be host:port[,host:port...]",
      }),
    KAFKA_CLIENT_ID: z.string().default("casepulse"),
    KAFKA_SSL: flag("false"),
    /** PEM file of the CA that signed the brokers' certificates (a private CA); turns TLS on. */
    KAFKA_SSL_CA_FILE: optionalString.refine((p) => p === undefined || readable(p), { message: "must be a readable PEM file" }),
    /** How long a silent consumer keeps its partitions; a killed instance's share moves after this. */
    KAFKA_SESSION_TIMEOUT_MS: int(6000, 30_000),
    KAFKA_SASL_MECHANISM: z.enum(["plain", "scram-sha-256", "scram-sha-512"]).optional(),
    KAFKA_SASL_USERNAME: optionalString,
    KAFKA_SASL_PASSWORD: optionalString,
    REDIS_URL: url(["redis:", "rediss:"]).default("redis://127.0.0.1:6379"),
    CASEPULSE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: "must be letters, digits, _ or - (at most 64)" }).default("casepulse"),
    CASEPULSE_TOPIC_HOTLINE: topicName("hotline"),
    CASEPULSE_TOPIC_MEDIATION: topicName("mediation"),
    CASEPULSE_TOPIC_LITIGATION: topicName("litigation"),
    CASEPULSE_TOPIC_SUPERVISION: topicName("supervision"),
    /**
     * Records per BullMQ job, at most (a job never spans two Kafka fetches). Each batch costs six
     * ClickHouse statements whatever its size: 5,000 stored a backlog 2.4x as fast as 1,000
     * (docs/performance.md); at a steady rate fetches make small jobs, which the worker joins
     * once they wait.
     */
    CASEPULSE_JOB_RECORDS: int(1, 5000),
    /**
     * The ingest validates and encodes its records on a worker thread of its own, beside the main
     * thread's Kafka, BullMQ and store work: 0.080-0.089 of the kafkajs baseline against
     * 0.073-0.077 on the main thread, for 30-50 MB more at the peak (docs/performance.md, "The
     * stream's JavaScript thread"). `false` classifies on the main thread.
     */
    CASEPULSE_CLASSIFY_THREAD: flag("true"),
    /**
     * A store batch takes waiting jobs while it holds fewer records than this (a job is never
     * split). 2,000 kept the p99 beside a busy core under 1 s as 5,000 did, with a peak RSS
     * about 170 MB lower (docs/performance.md, "Pipeline memory by phase").
     */
    CASEPULSE_JOIN_RECORDS: int(1, 2000),
    /**
     * The consumer pauses while waiting + active + delayed jobs exceed this: 40 jobs of 5,000
     * records hold the same 200,000 records in Redis as 200 of 1,000 did.
     */
    CASEPULSE_MAX_QUEUE_DEPTH: int(1, 40),
    /**
     * Store jobs at once per process. Two: while one job waits for the engine, the next one's
     * lookups and inserts are already queued, so at a steady 2,000 events/s the queue no longer
     * falls behind (p99 1.1-1.4 s with 2 against 4.8-5.0 s with 1, docs/performance.md). Safe
     * by design: a msg_id two jobs both find new is stored twice and collapses like a redelivery.
     */
    CASEPULSE_WORKER_CONCURRENCY: int(1, 2),
    CASEPULSE_JOB_ATTEMPTS: int(1, 12),
    CASEPULSE_JOB_LOCK_MS: int(1000, 30_000),
    CASEPULSE_DRAIN_TIMEOUT_MS: int(0, 60_000),
    CASEPULSE_HTTP_PORT: int(0, 9464),
    CASEPULSE_HTTP_HOST: z.string().default("127.0.0.1"),
    CASEPULSE_REPORTS_DIR: z.string().default("./reports"),
    /** The monthly report's schedule, checked here so a bad value stops the start naming the variable. */
    CASEPULSE_REPORT_CRON: z
      .string()
      .default("0 8 1 * *")
      .superRefine((expression, ctx) => {
        const problem = cronProblem(expression);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    ALERT_WEBHOOK_URL: url(["http:", "https:"]),
    ALERT_WEBHOOK_KIND: z.enum(["json", "wecom", "dingtalk"]).default("json"),
    CASEPULSE_REPORT_STREETS: reportStreets,
    CASEPULSE_STREET_WEBHOOKS: streetWebhooks,
  })
  .superRefine((env, ctx) => {
    if (env.KAFKA_SASL_MECHANISM && (!env.KAFKA_SASL_USERNAME || !env.KAFKA_SASL_PASSWORD)) {
      ctx.addIssue({ code: "custom", path: ["KAFKA_SASL_USERNAME"], message: "KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required with KAFKA_SASL_MECHANISM" });
    }
    const unused = unusedWebhooks(env.CASEPULSE_REPORT_STREETS, env.CASEPULSE_STREET_WEBHOOKS);
    if (unused.length > 0) {
      ctx.addIssue({ code: "custom", path: ["CASEPULSE_STREET_WEBHOOKS"], message: `names ${unused.join(", ")}, whose report CASEPULSE_REPORT_STREETS does not ask for` });
    }
  });

export type StreamEnv = z.infer<typeof streamEnvSchema>;

/** The variable naming each feed's topic. */
export const topicVariable = (feed: Feed) => `CASEPULSE_TOPIC_${feed.toUpperCase()}` as `CASEPULSE_TOPIC_${Uppercase<Feed>}`;

/** Each feed's topic, as configured. */
export function feedTopics(env: StreamEnv): Record<Feed, string> {
  return Object.fromEntries(FEEDS.map((feed) => [feed, env[topicVariable(feed)]])) as Record<Feed, string>;
}
