// Load: hotline records produced faster than the pipeline can store them, for 60 s (15 s quick).
// The consumer must pause on a deep queue (CASEPULSE_MAX_QUEUE_DEPTH), so the backlog waits in
// Kafka and the pipeline's memory stays bounded; afterwards the lag drains, every record is
// counted once, and nothing failed or logged an error.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliJson } from "../support/cli.ts";
import { testPipeline } from "../support/pipeline.ts";
import { ensureServices, type Services } from "../support/services.ts";
import { record } from "./support/figures.ts";
import { produceAtRate } from "./support/load-producer.ts";
import { probePipeline } from "./support/probe.ts";
import { OUT_DIR, PROFILE } from "./support/profile.ts";
import { dropServerDatabase, type Quality } from "./support/stream-run.ts";

const MAX_DEPTH = 8;
/** Jobs the consumer adds at once after waiting for room: 8 slices of one fetched batch. */
const CHUNK_JOBS = 8;
const RATE = 20_000;

let services: Services;
beforeAll(async () => {
  services = await ensureServices();
});
afterAll(async () => services?.stop());

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : 0;
}

describe("load: production above capacity", () => {
  it(`${PROFILE.loadSeconds} s above capacity: bounded queue and memory, lag drains, every record counted once, no errors`, async ({ task }) => {
    const p = testPipeline(services, "load", { CASEPULSE_MAX_QUEUE_DEPTH: String(MAX_DEPTH), CASEPULSE_JOB_RECORDS: "1000", CASEPULSE_DB: `rel_load_${Date.now()}` });
    const probe = probePipeline(p.env);
    try {
      const run = p.start();
      await run.httpPort;
      const pid = run.child.pid!;
      const samples: { t: number; rss: number; pending: number; lag: number }[] = [];
      let sampling = true;
      const t0 = Date.now();
      const sampler = (async () => {
        while (sampling) {
          try {
            const [jobs, lag] = [await probe.jobs(), await probe.lag()];
            samples.push({ t: (Date.now() - t0) / 1000, rss: rssMb(pid), pending: jobs.pending, lag });
          } catch {
            // A metadata hiccup of the busy broker costs one sample, not the run.
          }
          await new Promise((r) => setTimeout(r, 500));
        }
      })();
      const load = await produceAtRate(p.env.KAFKA_BROKERS!, p.env.CASEPULSE_TOPIC_HOTLINE!, RATE, PROFILE.loadSeconds);
      const lagAtEnd = await probe.lag();
      const drainStart = Date.now();
      await p.waitDrained(600_000);
      const drainS = (Date.now() - drainStart) / 1000;
      sampling = false;
      await sampler;
      run.child.kill("SIGTERM");
      const exit = await run.exit;
      const failed = (await probe.jobs()).failed;
      const quality = (await cliJson<{ quality: Quality }>(["report", "--period", "2021"], p.env)).quality;

      mkdirSync(OUT_DIR, { recursive: true });
      writeFileSync(join(OUT_DIR, "load-samples.json"), JSON.stringify(samples));
      const during = samples.filter((s) => s.t <= load.seconds);
      const half = (xs: typeof samples, first: boolean) => xs.filter((s) => (first ? s.t <= load.seconds / 2 : s.t > load.seconds / 2));
      const peak = (xs: typeof samples, f: (s: (typeof samples)[number]) => number) => Math.max(0, ...xs.map(f));
      const errors = exit.stderr.split("\n").filter((l) => /"level":(50|60)/.test(l));
      const figures = {
        "produce s": load.seconds,
        produced: load.sent,
        "produced/s": Math.round(load.sent / load.seconds),
        "stored/s": Math.round(load.sent / (load.seconds + drainS)),
        "lag at end of production": lagAtEnd,
        "peak queue depth": peak(samples, (s) => s.pending),
        "queue limit": MAX_DEPTH,
        "RSS MB first/second half peak": `${Math.round(peak(half(during, true), (s) => s.rss))}/${Math.round(peak(half(during, false), (s) => s.rss))}`,
        "peak RSS MB": Math.round(peak(samples, (s) => s.rss)),
        "drain s": drainS,
        "failed jobs": failed,
        "error log lines": errors.length,
      };
      record(task, { area: "load", scenario: `production above capacity (${PROFILE.loadSeconds} s)`, figures });

      // The run only means something if production really outran the pipeline.
      expect(lagAtEnd, "production was not above the pipeline's capacity").toBeGreaterThan(load.sent * 0.1);
      expect(peak(samples, (s) => s.pending)).toBeLessThanOrEqual(MAX_DEPTH + CHUNK_JOBS);
      // Bounded: the backlog grows all the time, the pipeline's memory must not grow with it.
      const [firstHalf, secondHalf] = [peak(half(during, true), (s) => s.rss), peak(half(during, false), (s) => s.rss)];
      expect(secondHalf).toBeLessThan(firstHalf * 1.25 + 64);
      expect(peak(samples, (s) => s.rss)).toBeLessThan(1536);
      expect(exit.code).toBe(0);
      expect(failed).toBe(0);
      expect(errors).toEqual([]);
      expect(quality).toEqual({ received: load.sent, accepted: load.valid, duplicates: 0, rejected: load.invalid });
    } finally {
      await probe.close();
      await p.cleanup();
      await dropServerDatabase(p.env);
    }
  });
});
