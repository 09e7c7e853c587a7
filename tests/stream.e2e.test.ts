// The stream path on the real Kafka broker and Redis: produce → start → drained → SIGTERM →
// report gives exactly the reference figures, also after a SIGKILL mid-stream and a restart.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliJson, runCli } from "./support/cli.ts";
import { reportDifferences, withoutQuality } from "./support/compare.ts";
import { produceAll, testPipeline } from "./support/pipeline.ts";
import { ensureServices, type Services } from "./support/services.ts";

const PERIODS = ["2023", "2024", "2024-02", "2024-05", "2024-07", "2024-12"];
type Report = { quality: { received: number; accepted: number; duplicates: number; rejected: number } };

let services: Services;
beforeAll(async () => {
  services = await ensureServices();
});
afterAll(async () => services?.stop());

async function generated(dir: string, seed: number, scale: number) {
  const r = await runCli(["generate", "--out", dir, "--seed", String(seed), "--scale", String(scale)], {});
  expect(r.code, r.stderr).toBe(0);
  return (period: string) => JSON.parse(readFileSync(join(dir, "expected", `${period}.json`), "utf8")) as Report;
}

describe("stream path", () => {
  it("produce → start → SIGTERM → report equals the reference, with health and metrics served", async () => {
    const p = testPipeline(services, "stream");
    try {
      const expected = await generated(join(p.work, "feeds"), 11, 0.3);
      await produceAll(p.env, join(p.work, "feeds"));
      const run = p.start();
      const port = await run.httpPort;
      await p.waitDrained();
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await ready.json()).toEqual({ "store-worker": true, reporter: true, ingest: true });
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const quality = expected("2024").quality;
      expect(metrics).toContain("casepulse_consumer_lag_messages 0");
      const recordsIn = [...metrics.matchAll(/^casepulse_records_in_total\{feed="\w+"\} (\d+)$/gm)].reduce((a, m) => a + Number(m[1]), 0);
      expect(recordsIn).toBe(quality.received);
      run.child.kill("SIGTERM");
      const exit = await run.exit;
      expect(exit.code).toBe(0);
      expect(exit.stderr).not.toMatch(/"level":50/);
      for (const period of PERIODS) {
        const report = await cliJson<Report>(["report", "--period", period], p.env);
        expect(reportDifferences(report, expected(period)), period).toEqual([]);
      }
    } finally {
      await p.cleanup();
    }
  });

  it("SIGKILL mid-stream, restart: the same figures, nothing lost or counted twice", async () => {
    // A shallow queue keeps the consumer waiting on the worker, so the kill lands while records
    // are both unconsumed in Kafka and queued or being inserted.
    const p = testPipeline(services, "crash", { CASEPULSE_MAX_QUEUE_DEPTH: "3", CASEPULSE_JOB_RECORDS: "500" });
    try {
      const expected = await generated(join(p.work, "feeds"), 12, 0.6);
      await produceAll(p.env, join(p.work, "feeds"));
      const total = expected("2024").quality.received;
      const first = p.start();
      await first.httpPort;
      // Kill once part of the stream has been consumed but not all of it.
      for (let s = await p.status(); s.lag > total * 0.6; s = await p.status()) await new Promise((r) => setTimeout(r, 200));
      first.child.kill("SIGKILL");
      const killed = await first.exit;
      expect(killed.signal).toBe("SIGKILL");
      const left = await p.status();
      expect(left.lag).toBeGreaterThan(0);
      expect(left.lag).toBeLessThan(total);

      const second = p.start();
      await second.httpPort;
      await p.waitDrained();
      second.child.kill("SIGTERM");
      expect((await second.exit).code).toBe(0);
      for (const period of PERIODS) {
        const report = await cliJson<Report>(["report", "--period", period], p.env);
        expect(reportDifferences(withoutQuality(report), withoutQuality(expected(period))), period).toEqual([]);
        // Redelivered records are readings too: they can only add to received and duplicates.
        expect(report.quality.accepted).toBe(expected(period).quality.accepted);
        expect(report.quality.rejected).toBeGreaterThanOrEqual(expected(period).quality.rejected);
        expect(report.quality.received).toBeGreaterThanOrEqual(expected(period).quality.received);
      }
    } finally {
      await p.cleanup();
    }
  });
});
