// The project's own Redis (AOF everysec, noeviction) killed with SIGKILL mid-stream and restarted
// on the same files: queued jobs come back from the AOF, the pipeline reconnects by itself, and the
// final figures equal the reference.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { produceAll } from "../support/pipeline.ts";
import { ensureServices, type Services } from "../support/services.ts";
import { record } from "./support/figures.ts";
import { waitFor } from "./support/processes.ts";
import { probePipeline } from "./support/probe.ts";
import { PROFILE } from "./support/profile.ts";
import { startRedis, type TestRedis } from "./support/redis-server.ts";
import { compareWithReference, generatedRun, type GeneratedRun } from "./support/stream-run.ts";

const DOWN_MS = 5000;
let services: Services;
beforeAll(async () => {
  services = await ensureServices();
});
afterAll(async () => services?.stop());

describe("faults: Redis killed and restarted", () => {
  it("SIGKILL of redis-server mid-stream, restarted after 5 s: every figure equals the reference", async ({ task }) => {
    const redisDir = mkdtempSync(join(tmpdir(), "casepulse-redis-"));
    let run: GeneratedRun | undefined;
    let redis: TestRedis | undefined;
    try {
      redis = await startRedis(redisDir);
      run = await generatedRun({ kafkaBrokers: services.kafkaBrokers, redisUrl: redis.url }, "redis", {
        seed: 202,
        scale: PROFILE.scale,
        env: { CASEPULSE_MAX_QUEUE_DEPTH: "6", CASEPULSE_JOB_RECORDS: "500", KAFKA_SESSION_TIMEOUT_MS: "6000" },
      });
      const p = run.pipeline;
      const probe = probePipeline(p.env);
      await produceAll(p.env, run.feedsDir);
      const proc = run.start();
      await proc.httpPort;
      const kills: { lag: number; pendingBefore: number; pendingAfterRestart: number }[] = [];
      for (const at of PROFILE.redisKills) {
        const pendingBefore = await waitFor(
          "consumption past the kill point with jobs queued",
          async () => (await probe.lag()) <= run!.total * at && (await probe.jobs()).pending > 0 && (await probe.jobs()).pending,
          180_000,
          50,
        );
        const lag = await probe.lag();
        await redis.kill();
        await new Promise((r) => setTimeout(r, DOWN_MS));
        await redis.start();
        const pendingAfterRestart = (await probe.jobs()).pending;
        kills.push({ lag, pendingBefore, pendingAfterRestart });
        expect(proc.child.exitCode, "the pipeline survives a Redis outage").toBeNull();
      }
      await p.waitDrained();
      proc.child.kill("SIGTERM");
      const exit = await proc.exit;
      const failed = (await probe.jobs()).failed;
      await probe.close();
      const comparison = await compareWithReference(run, "at-least");
      record(task, {
        area: "faults",
        scenario: "Redis (AOF everysec) SIGKILL + restart",
        figures: {
          kills: kills.length,
          "down s": DOWN_MS / 1000,
          "jobs queued at kill": kills.map((k) => k.pendingBefore).join("/"),
          "jobs back from AOF": kills.map((k) => k.pendingAfterRestart).join("/"),
          "failed jobs": failed,
          differences: comparison.differences.length,
          "extra readings": comparison.quality.received - comparison.expectedQuality.received,
        },
      });
      expect(exit.code).toBe(0);
      expect(failed).toBe(0);
      expect(comparison.differences).toEqual([]);
    } finally {
      await run?.cleanup();
      await redis?.stop();
      rmSync(redisDir, { recursive: true, force: true });
    }
  });
});
