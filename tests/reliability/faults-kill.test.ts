// SIGKILL of the whole pipeline (`casepulse start`, embedded ClickHouse in-process) at several
// points while it consumes from Kafka and while store jobs insert into ClickHouse, restarting
// it each time: the final figures must equal the reference, nothing lost, nothing counted twice.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { produceAll } from "../support/pipeline.ts";
import { ensureServices, type Services } from "../support/services.ts";
import { record } from "./support/figures.ts";
import { waitFor } from "./support/processes.ts";
import { probePipeline } from "./support/probe.ts";
import { PROFILE, STORE_KIND } from "./support/profile.ts";
import { storeFacts } from "./support/store-facts.ts";
import { compareWithReference, generatedRun } from "./support/stream-run.ts";

let services: Services;
beforeAll(async () => {
  services = await ensureServices();
});
afterAll(async () => services?.stop());

type Kill = { kind: "consuming"; at: number } | { kind: "inserting" };

/** Alternate the two kinds so each restart begins with work of the other kind left over. */
function killPlan(): Kill[] {
  const plan: Kill[] = [];
  for (let i = 0; i < Math.max(PROFILE.consumeKills.length, PROFILE.insertKills); i += 1) {
    const at = PROFILE.consumeKills[i];
    if (at !== undefined) plan.push({ kind: "consuming", at });
    if (i < PROFILE.insertKills) plan.push({ kind: "inserting" });
  }
  return plan;
}

describe("faults: SIGKILL of the pipeline", () => {
  it("killed while consuming and while inserting, restarted each time: every figure equals the reference", async ({ task }) => {
    // A shallow queue keeps the consumer waiting on the worker, so records are at once unconsumed,
    // queued and being inserted; a short session timeout lets the restarted consumer take over soon.
    const run = await generatedRun(services, "kill", {
      seed: 101,
      scale: PROFILE.scale,
      env: { CASEPULSE_MAX_QUEUE_DEPTH: "4", CASEPULSE_JOB_RECORDS: "500", KAFKA_SESSION_TIMEOUT_MS: "6000" },
    });
    const p = run.pipeline;
    const probe = probePipeline(p.env);
    try {
      await produceAll(p.env, run.feedsDir);
      const kills: { kind: string; lag: number; activeJobs: number }[] = [];
      for (const step of killPlan()) {
        // A kill meant for mid-insert that finds the job already done is tried again (bounded).
        for (let attempt = 0; attempt < 5; attempt += 1) {
          const proc = run.start();
          await proc.httpPort;
          if (step.kind === "consuming") {
            await waitFor("consumption to pass the kill point", async () => (await probe.lag()) <= run.total * step.at, 180_000, 100);
          } else {
            await waitFor("a store job to be running", async () => (await probe.jobs()).active > 0, 180_000, 10);
          }
          proc.child.kill("SIGKILL");
          expect((await proc.exit).signal).toBe("SIGKILL");
          // The process is gone: a job still marked active was cut off mid-way by the kill.
          const [lag, jobs] = [await probe.lag(), await probe.jobs()];
          if (step.kind === "inserting" && jobs.active === 0) continue;
          kills.push({ kind: step.kind, lag, activeJobs: jobs.active });
          break;
        }
      }
      const last = run.start();
      await last.httpPort;
      await p.waitDrained();
      last.child.kill("SIGTERM");
      expect((await last.exit).code).toBe(0);

      const comparison = await compareWithReference(run, "at-least");
      const facts = await storeFacts(p.env);
      const manifest = JSON.parse(readFileSync(join(run.feedsDir, "expected", "manifest.json"), "utf8"));
      const consuming = kills.filter((k) => k.kind === "consuming");
      const inserting = kills.filter((k) => k.kind === "inserting");
      record(task, {
        area: "faults",
        scenario: `SIGKILL while consuming (${STORE_KIND})`,
        figures: { kills: consuming.length, "lag at kills": consuming.map((k) => k.lag).join("/"), records: run.total },
      });
      record(task, {
        area: "faults",
        scenario: `SIGKILL while store jobs insert (${STORE_KIND === "embedded ClickHouse" ? "embedded ClickHouse crash mid-insert" : STORE_KIND})`,
        figures: { kills: inserting.length, "jobs cut mid-way": inserting.reduce((a, k) => a + k.activeJobs, 0) },
      });
      record(task, {
        area: "faults",
        scenario: "after all kills: figures vs reference",
        figures: {
          periods: comparison.periods,
          differences: comparison.differences.length,
          accepted: comparison.quality.accepted,
          "extra readings": comparison.quality.received - comparison.expectedQuality.received,
          "duplicate rows stored": Object.values(facts.events).reduce((a, e) => a + e.rows - e.msg_ids, 0),
        },
      });

      expect(consuming).toHaveLength(PROFILE.consumeKills.length);
      expect(inserting).toHaveLength(PROFILE.insertKills);
      for (const k of consuming) expect(k.lag, "killed mid-stream: some records still unconsumed").toBeGreaterThan(0);
      expect(comparison.differences).toEqual([]);
      for (const feed of ["hotline", "mediation", "litigation"] as const) {
        expect(facts.events[feed].rows_final, feed).toBe(manifest.files[feed].valid);
        expect(facts.events[feed].msg_ids, feed).toBe(manifest.files[feed].valid);
      }
    } finally {
      await probe.close();
      await run.cleanup();
    }
  });
});
