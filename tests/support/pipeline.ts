// A pipeline under test: its own prefix, topics, ClickHouse folder and database on the shared
// Kafka and Redis, so runs never see each other's data; cleaned after.
import { topicVariable } from "@casepulse/config";
import { FEEDS } from "@casepulse/feeds";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { redisConnection } from "@casepulse/queues";
import { runCli, spawnCli, waitForExit, cliJson, type CliResult } from "./cli.ts";
import type { Services } from "./services.ts";
import type { ChildProcess } from "node:child_process";

export interface TestPipeline {
  env: Record<string, string>;
  work: string;
  start(args?: string[]): { child: ChildProcess; exit: Promise<CliResult>; httpPort: Promise<number> };
  status(): Promise<{ lag: number; pending_jobs: number; failed_jobs: number }>;
  waitDrained(timeoutMs?: number): Promise<void>;
  cleanup(): Promise<void>;
}

export function testPipeline(services: Services, name: string, overrides: Record<string, string> = {}): TestPipeline {
  const id = `${name}${randomBytes(4).toString("hex")}`;
  const work = mkdtempSync(join(tmpdir(), `casepulse-${name}-`));
  const env = {
    KAFKA_BROKERS: services.kafkaBrokers,
    REDIS_URL: services.redisUrl,
    CASEPULSE_PREFIX: id,
    ...Object.fromEntries(FEEDS.map((feed) => [topicVariable(feed), `${id}.${feed}`])),
    CASEPULSE_DATA: join(work, "data"),
    CASEPULSE_DB: "stream",
    CASEPULSE_REPORTS_DIR: join(work, "reports"),
    CASEPULSE_HTTP_PORT: "0",
    CASEPULSE_JOB_LOCK_MS: "5000",
    NODE_ENV: "test",
    LOG_LEVEL: "info",
    ...overrides,
  };
  const children = new Set<ChildProcess>();
  const status = () => cliJson<{ lag: number; pending_jobs: number; failed_jobs: number }>(["status", "--json"], env);
  return {
    env,
    work,
    status,
    start(args: string[] = []) {
      const child = spawnCli(["start", ...args], env);
      children.add(child);
      const exit = waitForExit(child);
      void exit.then(() => children.delete(child));
      const httpPort = new Promise<number>((resolve, reject) => {
        let seen = "";
        child.stderr?.setEncoding("utf8").on("data", (d: string) => {
          seen += d;
          const m = /"http":"[^"]*:(\d+)"/.exec(seen);
          if (m) resolve(Number(m[1]));
        });
        void exit.then((r) => reject(new Error(`start exited ${r.code} before listening: ${r.stderr.slice(-2000)}`)));
      });
      return { child, exit, httpPort };
    },
    async waitDrained(timeoutMs = 240_000) {
      const deadline = Date.now() + timeoutMs;
      let quiet = 0;
      while (Date.now() < deadline) {
        const s = await status();
        quiet = s.lag === 0 && s.pending_jobs === 0 ? quiet + 1 : 0;
        if (quiet >= 2) return;
        await new Promise((r) => setTimeout(r, 1000));
      }
      throw new Error(`pipeline ${id} did not drain within ${timeoutMs} ms: ${JSON.stringify(await status())}`);
    },
    async cleanup() {
      // A failed assertion can leave a pipeline running; it must not outlive its test.
      for (const child of children) child.kill("SIGKILL");
      while (children.size > 0) await new Promise((r) => setTimeout(r, 100));
      for (const q of [`${id}-store`, `${id}-reports`]) {
        const queue = new Queue(q, { connection: redisConnection(services.redisUrl) });
        await queue.obliterate({ force: true });
        await queue.close();
      }
      rmSync(work, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}

export async function produceAll(env: Record<string, string>, dir: string): Promise<void> {
  for (const feed of FEEDS) {
    const r = await runCli(["produce", "--source", feed, "--file", join(dir, `${feed}.jsonl`)], env);
    if (r.code !== 0) throw new Error(`produce ${feed} failed: ${r.stderr}`);
  }
}
