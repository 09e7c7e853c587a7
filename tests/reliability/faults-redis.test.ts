// The project's own Redis (AOF everysec, noeviction) killed with SIGKILL mid-stream and restarted
// on the same files: queued jobs come back from the AOF, the pipeline reconnects by itself, and the
// final figures equal the reference.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureServices, type Services } from "../support/services.ts";
import { record } from "./support/figures.ts";
import { waitFor } from "./support/processes.ts";
import { PROFILE } from "./support/profile.ts";
import { startRedis, type TestRedis } from "./support/redis-server.ts";
import { drainStopAndCompare, expectRecovered, recoveryFigures, startedRun, type GeneratedRun } from "./support/stream-run.ts";

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
      const started = await startedRun({ kafkaBrokers: services.kafkaBrokers, redisUrl: redis.url }, "redis", 202);
      run = started.run;
      const { probe, proc } = started;
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
      const recovery = await drainStopAndCompare(run, proc, probe);
      record(task, {
        area: "faults",
        scenario: "Redis (AOF everysec) SIGKILL + restart",
        figures: {
          kills: kills.length,
          "down s": DOWN_MS / 1000,
          "jobs queued at kill": kills.map((k) => k.pendingBefore).join("/"),
          "jobs back from AOF": kills.map((k) => k.pendingAfterRestart).join("/"),
          ...recoveryFigures(recovery),
        },
      });
      expectRecovered(recovery);
    } finally {
      await run?.cleanup();
      await redis?.stop();
      rmSync(redisDir, { recursive: true, force: true });
    }
  });
});
