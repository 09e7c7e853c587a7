// The Kafka broker restarted mid-stream (gracefully, and killed): a second broker of our own, on
// other ports, from the jars infra-up cached; the shared broker on 9092 is never touched. The
// pipeline reconnects by itself and the final figures equal the reference.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureServices, type Services } from "../support/services.ts";
import { record } from "./support/figures.ts";
import { startBroker, type TestBroker } from "./support/kafka-broker.ts";
import { waitFor } from "./support/processes.ts";
import { PROFILE } from "./support/profile.ts";
import { drainStopAndCompare, expectRecovered, recoveryFigures, startedRun, type GeneratedRun } from "./support/stream-run.ts";

let services: Services;
let broker: TestBroker | undefined;
const brokerDir = mkdtempSync(join(tmpdir(), "casepulse-broker-"));
beforeAll(async () => {
  services = await ensureServices();
  broker = await startBroker(brokerDir);
});
afterAll(async () => {
  await broker?.stop();
  rmSync(brokerDir, { recursive: true, force: true });
  await services?.stop();
});

describe("faults: Kafka broker restarted", () => {
  it("broker restarted mid-stream (SIGTERM and SIGKILL): every figure equals the reference", async ({ task }) => {
    let run: GeneratedRun | undefined;
    try {
      const started = await startedRun({ kafkaBrokers: broker!.brokers, redisUrl: services.redisUrl }, "broker", 303);
      run = started.run;
      const { probe, proc } = started;
      const restarts: { signal: string; lag: number; downS: number }[] = [];
      for (const [i, signal] of PROFILE.brokerRestarts.entries()) {
        // Spread the restarts over the stream: the first after a fifth, the others further on.
        const at = 1 - (i + 1) / (PROFILE.brokerRestarts.length + 1);
        const lag = await waitFor("consumption past the restart point", async () => {
          const l = await probe.lag();
          return l <= run!.total * at && l;
        }, 180_000, 100);
        const t0 = Date.now();
        await broker!.restart(signal);
        restarts.push({ signal, lag, downS: (Date.now() - t0) / 1000 });
        expect(proc.child.exitCode, "the pipeline survives the broker restart").toBeNull();
      }
      const recovery = await drainStopAndCompare(run, proc, probe);
      record(task, {
        area: "faults",
        scenario: "Kafka broker restart mid-stream",
        figures: {
          restarts: restarts.map((r) => r.signal).join("+"),
          "broker down s": restarts.map((r) => r.downS.toFixed(1)).join("/"),
          "lag at restarts": restarts.map((r) => r.lag).join("/"),
          ...recoveryFigures(recovery),
        },
      });
      expectRecovered(recovery);
    } finally {
      await run?.cleanup();
    }
  });
});
