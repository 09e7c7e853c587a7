// `pnpm bench --smoke --json` end to end on the real Kafka, Redis and embedded ClickHouse: every
// headline figure is measured and is a finite positive number. The targets are not asserted: a
// benchmark on a shared 2-core machine is not a timed test.
import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./support/cli.ts";
import { ensureServices, type Services } from "./support/services.ts";

const KEYS = [
  "ingest_ratio",
  "new_orders_ingest_ratio",
  "ingest_peak_rss_mb",
  "stream_ratio",
  "p99_latency_ms",
  "p99_latency_busy_ms",
  "annual_report_ms",
  "monthly_report_ms",
  "peak_rss_mb",
] as const;

let services: Services;
beforeAll(async () => {
  services = await ensureServices();
});

function runBench(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/main.ts", "--smoke", "--json"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

describe("pnpm bench --smoke --json", () => {
  it("prints one JSON object with every headline figure measured", async () => {
    const r = await runBench({ KAFKA_BROKERS: services.kafkaBrokers, REDIS_URL: services.redisUrl });
    expect(r.code, r.stderr.slice(-3000)).toBe(0);
    const summary = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const key of KEYS) {
      const value = summary[key];
      expect(typeof value, key).toBe("number");
      expect(Number.isFinite(value) && (value as number) > 0, `${key} = ${String(value)}`).toBe(true);
    }
    expect(summary.machine).toMatchObject({ cores: expect.any(Number), node: process.version });
    const growth = (summary.details as { growth: { sizes: { lines: number; peak_rss_mb: number }[] } }).growth;
    expect(growth.sizes.map((s) => s.lines)).toEqual([2_000, 5_000, 10_000]);
    for (const size of growth.sizes) expect(size.peak_rss_mb).toBeGreaterThan(0);
    // The stream's memory by phase: three phases, each an anonymous peak, an engine peak and the
    // mean jobs per store batch (at least one job, or no batch ran in that phase).
    const stream = (summary.details as { stream: { peak_engine_mb: number; phases: string } }).stream;
    expect(stream.peak_engine_mb).toBeGreaterThan(0);
    const phases = stream.phases.split(" · ").map((p) => p.split("/").map(Number) as [number, number, number]);
    expect(phases).toHaveLength(3);
    for (const [anon, engine, jobs] of phases) {
      expect(anon).toBeGreaterThan(engine);
      expect(engine).toBeGreaterThan(0);
      expect(jobs).toBeGreaterThanOrEqual(1);
    }
    // Report growth: the smoke's own growth size beside its main store, each with both reports timed.
    const reports = (summary.details as { reports: { growth: { events: number; annual_ms: number; monthly_ms: number }[]; annual_live_ms: number; monthly_live_ms: number } }).reports;
    expect(reports.growth.map((g) => g.events)).toEqual([50_000, 200_000]);
    for (const g of reports.growth) expect(Math.min(g.annual_ms, g.monthly_ms)).toBeGreaterThan(0);
    // And the same store's reports while a part of recent batches sits beside its merged parts.
    expect(Math.min(reports.annual_live_ms, reports.monthly_live_ms)).toBeGreaterThan(0);
  });
});
