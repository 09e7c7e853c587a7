// A pipeline under test fed with generated feeds, and the check that matters after any fault: every
// report figure equals the generator's independent reference (tests/support/compare.ts).
import { topicVariable } from "@casepulse/config";
import { FEEDS } from "@casepulse/feeds";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Kafka, logLevel } from "kafkajs";
import { expect } from "vitest";
import { openStore } from "@casepulse/store";
import { cliJson, runCli, type CliResult } from "../../support/cli.ts";
import { reportDifferences, withoutQuality } from "../../support/compare.ts";
import { produceAll, testPipeline, type TestPipeline } from "../../support/pipeline.ts";
import type { Services } from "../../support/services.ts";
import { probePipeline, type Probe } from "./probe.ts";
import { OUT_DIR, PROFILE, QUICK } from "./profile.ts";

export interface Quality {
  received: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}
type Report = { quality: Quality };

export interface GeneratedRun {
  pipeline: TestPipeline;
  /** `pipeline.start()`, with the process's stderr kept in OUT_DIR/logs for a post-mortem. */
  start(args?: string[]): ReturnType<TestPipeline["start"]>;
  feedsDir: string;
  expected(period: string): Report;
  /** The periods compared: all the generator wrote in a full run, a spread of them in a quick one. */
  periods: string[];
  total: number;
  cleanup(): Promise<void>;
}

const QUICK_PERIODS = ["2023", "2024", "2023-12", "2024-02", "2024-05", "2024-07", "2024-12"];

export async function generatedRun(
  services: Pick<Services, "kafkaBrokers" | "redisUrl">,
  name: string,
  options: { seed: number; scale: number; env?: Record<string, string> },
): Promise<GeneratedRun> {
  // Its own database too: on a ClickHouse server (CLICKHOUSE_URL) all runs share one.
  const pipeline = testPipeline(services as Services, name, { CASEPULSE_DB: `rel_${name}_${randomBytes(4).toString("hex")}`, ...options.env });
  const feedsDir = join(pipeline.work, "feeds");
  const gen = await runCli(["generate", "--out", feedsDir, "--seed", String(options.seed), "--scale", String(options.scale)], {});
  if (gen.code !== 0) throw new Error(`generate failed: ${gen.stderr}`);
  const manifest = JSON.parse(readFileSync(join(feedsDir, "expected", "manifest.json"), "utf8")) as { periods: string[]; quality: Quality };
  const expected = (period: string) => JSON.parse(readFileSync(join(feedsDir, "expected", `${period}.json`), "utf8")) as Report;
  let starts = 0;
  return {
    pipeline,
    start(args) {
      const proc = pipeline.start(args);
      const file = join(OUT_DIR, "logs", `${name}-${(starts += 1)}.log`);
      void proc.exit.then((r) => {
        mkdirSync(join(OUT_DIR, "logs"), { recursive: true });
        writeFileSync(file, `# exit ${r.code} ${r.signal ?? ""}\n${r.stderr}`);
      });
      return proc;
    },
    feedsDir,
    expected,
    periods: QUICK ? QUICK_PERIODS : manifest.periods,
    total: manifest.quality.received,
    async cleanup() {
      await pipeline.cleanup();
      await deleteTopics(pipeline.env);
      await dropServerDatabase(pipeline.env);
    },
  };
}

/** The run's topics (and their .dlq) on the broker it used, so repeated runs do not pile up. */
async function deleteTopics(env: Record<string, string>): Promise<void> {
  const admin = new Kafka({ clientId: "reliability-cleanup", brokers: env.KAFKA_BROKERS!.split(","), logLevel: logLevel.NOTHING, retry: { retries: 2 } }).admin();
  try {
    await admin.connect();
    const mine = new Set(FEEDS.map((feed) => env[topicVariable(feed)]).flatMap((t) => [t!, `${t}.dlq`]));
    const topics = (await admin.listTopics()).filter((t) => mine.has(t));
    if (topics.length) await admin.deleteTopics({ topics });
  } catch {
    // A broker the test already stopped: its data folder goes with the temp dir.
  } finally {
    await admin.disconnect();
  }
}

/** On a ClickHouse server the run's database outlives the temp dir: drop it. */
export async function dropServerDatabase(env: Record<string, string>): Promise<void> {
  const url = env.CLICKHOUSE_URL ?? process.env.CLICKHOUSE_URL;
  if (!url) return;
  const store = await openStore({ url, dataDir: "", database: "default", username: process.env.CLICKHOUSE_USER, password: process.env.CLICKHOUSE_PASSWORD });
  try {
    await store.command(`DROP DATABASE IF EXISTS ${env.CASEPULSE_DB}`);
  } finally {
    await store.close();
  }
}

export interface Comparison {
  periods: number;
  /** Figure differences from the reference, quality aside when faults legitimately add readings. */
  differences: string[];
  quality: Quality;
  expectedQuality: Quality;
}

/**
 * Every period's report against the reference. `readings: "exact"` for a run without redelivery;
 * `"at-least"` after faults: redelivered records are readings too (received, rejected, duplicates
 * may grow), but accepted must be exact.
 */
export async function compareWithReference(run: GeneratedRun, readings: "exact" | "at-least", env = run.pipeline.env): Promise<Comparison> {
  const differences: string[] = [];
  let quality: Quality | undefined;
  for (const period of run.periods) {
    const report = await cliJson<Report>(["report", "--period", period], env);
    const expected = run.expected(period);
    const diff = readings === "exact" ? reportDifferences(report, expected) : reportDifferences(withoutQuality(report), withoutQuality(expected));
    differences.push(...diff.map((d) => `${period} ${d}`));
    if (readings === "at-least") {
      const q = report.quality;
      const e = expected.quality;
      if (q.accepted !== e.accepted) differences.push(`${period} quality.accepted: got ${q.accepted}, expected ${e.accepted}`);
      if (q.received < e.received || q.rejected < e.rejected) differences.push(`${period} quality: fewer readings than the input (${JSON.stringify(q)})`);
    }
    quality = report.quality;
  }
  return { periods: run.periods.length, differences, quality: quality!, expectedQuality: run.expected(run.periods[0]!).quality };
}

export interface Recovery {
  exit: CliResult;
  failed: number;
  comparison: Comparison;
}

/** The figures every fault scenario reports about how the pipeline came back. */
export function recoveryFigures(r: Recovery): Record<string, number> {
  return {
    "failed jobs": r.failed,
    differences: r.comparison.differences.length,
    "extra readings": r.comparison.quality.received - r.comparison.expectedQuality.received,
  };
}

/** Came back whole: a clean stop, no job given up, every figure equal to the reference. */
export function expectRecovered(r: Recovery): void {
  expect(r.exit.code).toBe(0);
  expect(r.failed).toBe(0);
  expect(r.comparison.differences).toEqual([]);
}

/** After a fault: lets the pipeline drain, stops it with SIGTERM, compares every period with the reference. */
export async function drainStopAndCompare(
  run: GeneratedRun,
  proc: ReturnType<TestPipeline["start"]>,
  probe: Probe,
): Promise<Recovery> {
  await run.pipeline.waitDrained();
  proc.child.kill("SIGTERM");
  const exit = await proc.exit;
  const failed = (await probe.jobs()).failed;
  await probe.close();
  return { exit, failed, comparison: await compareWithReference(run, "at-least") };
}

/**
 * A shallow queue and a short session timeout: when a fault lands, records are at once unconsumed,
 * queued and being inserted, and a restarted consumer takes over soon.
 */
export const FAULT_ENV = { CASEPULSE_MAX_QUEUE_DEPTH: "6", CASEPULSE_JOB_RECORDS: "500", KAFKA_SESSION_TIMEOUT_MS: "6000" };

/** Generated feeds produced to Kafka and a pipeline started on them, ready for a fault. */
export async function startedRun(
  services: Pick<Services, "kafkaBrokers" | "redisUrl">,
  name: string,
  seed: number,
  env: Record<string, string> = {},
): Promise<{ run: GeneratedRun; probe: Probe; proc: ReturnType<TestPipeline["start"]> }> {
  const run = await generatedRun(services, name, { seed, scale: PROFILE.scale, env: { ...FAULT_ENV, ...env } });
  const probe = probePipeline(run.pipeline.env);
  try {
    await produceAll(run.pipeline.env, run.feedsDir);
    const proc = run.start();
    await proc.httpPort;
    return { run, probe, proc };
  } catch (err) {
    await probe.close();
    await run.cleanup();
    throw err;
  }
}
