// The store worker on the real Redis and the embedded engine: jobs already waiting when the worker
// takes one are stored with it as one batch per feed, and that leaves in the store exactly what
// storing each job alone leaves; a job that cannot be stored fails alone. Batches staged in the
// engine (the worker's path on it) leave what the Node path leaves.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Feed } from "@casepulse/feeds";
import { classifyEncoded } from "@casepulse/ingestion";
import { createLogger } from "@casepulse/logging";
import { createPiiProtector } from "@casepulse/normalize";
import { createMetrics, type PipelineMetrics } from "@casepulse/ops";
import { COMPACT_ROWS, openQueue, STORE_BATCH_JOB, storeJobOptions, type StoreBatchJob } from "@casepulse/queues";
import { EVENT_COLUMNS, EVENT_TABLES, migrate, numberedRow, openStore, stagePool, type Store } from "@casepulse/store";
import { handleStoreBatch, startStoreWorker } from "@casepulse/store-worker";
import { ROOT } from "./support/cli.ts";
import { ensureServices, type Services } from "./support/services.ts";

const pii = createPiiProtector("store-worker-test-key-0123456789");
const dir = mkdtempSync(join(tmpdir(), "casepulse-store-worker-"));
let services: Services;
let root: Store;

beforeAll(async () => {
  services = await ensureServices();
  root = await openStore({ dataDir: join(dir, "data"), database: "unused" });
});
afterAll(async () => {
  await root?.close();
  await services?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const sample = (feed: Feed) => readFileSync(join(ROOT, "samples", `${feed}.jsonl`), "utf8").trim().split("\n");

/** Jobs as the ingest service makes them: `perJob` lines each, validated and encoded. */
function jobsOf(feed: Feed, lines: readonly string[], perJob: number, tag: string): StoreBatchJob[] {
  const jobs: StoreBatchJob[] = [];
  for (let first = 0; first < lines.length; first += perJob) {
    const slice = lines.slice(first, first + perJob);
    const raws = slice.map((line, i) => ({ value: Buffer.from(line), source: `kafka:${tag}.${feed}:0:${first + i}` }));
    const { rejected, ...encoded } = classifyEncoded(feed, raws, pii);
    const batchId = `kafka:${tag}.${feed}:0:${first}-${first + slice.length - 1}`;
    jobs.push({ feed, batchId, source: `kafka:${tag}.${feed}`, received: slice.length, rowForm: COMPACT_ROWS, ...encoded, rejected });
  }
  return jobs;
}

/** The hotline sample cut into jobs, with a redelivered stretch and malformed lines among them. */
function hotlineJobs(tag: string, count: number): StoreBatchJob[] {
  const lines = sample("hotline").slice(0, count * 50);
  lines.splice(300, 0, ...lines.slice(20, 50), "{not json", '{"msg_id":5}');
  return jobsOf("hotline", lines.slice(0, count * 50), 50, tag);
}

async function freshDb(name: string): Promise<Store> {
  const store = root.withDatabase(name);
  await migrate(store);
  return store;
}

interface Run {
  metrics: PipelineMetrics;
  failed: { id: string; reason: string; attempts: number }[];
}

/** Queues the jobs, then runs a worker until none is left waiting or active. */
async function runWorker(store: Store, jobs: readonly StoreBatchJob[], options: { batchRecords: number; batchJobs: number; concurrency?: number }): Promise<Run> {
  const queueName = `casepulse-test-join-${process.pid}-${Date.now()}`;
  const queue = openQueue(queueName, services.redisUrl);
  const metrics = createMetrics({ version: "test" });
  try {
    await queue.addBulk(jobs.map((data) => ({ name: STORE_BATCH_JOB, data, opts: { ...storeJobOptions(3), jobId: data.batchId.replaceAll(":", "_") } })));
    const worker = await startStoreWorker({
      store,
      redisUrl: services.redisUrl,
      queueName,
      logger: createLogger({ name: "store-worker-test", level: "silent" }),
      metrics,
      concurrency: options.concurrency ?? 1,
      lockDurationMs: 30_000,
      batchRecords: options.batchRecords,
      batchJobs: options.batchJobs,
    });
    try {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const c = await queue.getJobCounts("waiting", "active", "delayed", "prioritized");
        if (Object.values(c).every((n) => n === 0)) break;
        if (Date.now() > deadline) throw new Error(`jobs left after 60 s: ${JSON.stringify(c)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await worker.close();
    }
    const failed = (await queue.getFailed()).map((j) => ({ id: j.id!, reason: j.failedReason, attempts: j.attemptsMade }));
    return { metrics, failed };
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

/** The store batches a run made, and the jobs they held: the histogram's count and sum. */
async function batchesOf(metrics: PipelineMetrics): Promise<{ batches: number; jobs: number; upTo: Record<string, number> }> {
  const values = (await metrics.storeBatchJobs.get()).values;
  const upTo = Object.fromEntries(values.filter((v) => v.metricName?.endsWith("_bucket")).map((v) => [String(v.labels.le), v.value]));
  return {
    batches: values.find((v) => v.metricName?.endsWith("_count"))!.value,
    jobs: values.find((v) => v.metricName?.endsWith("_sum"))!.value,
    upTo,
  };
}

const TABLES: Record<string, string> = {
  events: "SELECT * EXCEPT (ingested_at) FROM {db}.hotline_events FINAL",
  order_state: "SELECT * FROM {db}.hotline_orders",
  msg_ids: "SELECT DISTINCT msg_id FROM {db}.hotline_msg_ids",
  rejected: "SELECT id, source, reason, msg_id, byte_size, preview FROM {db}.rejected_events FINAL",
  batches: "SELECT batch_id, feed, source, received, rejected FROM {db}.ingest_batches FINAL",
};

/** Per table: rows, and rows only one of the two stores holds. */
async function differences(a: string, b: string) {
  const out: Record<string, { rows: number; onlyA: number; onlyB: number }> = {};
  const count = async (q: string) => Number((await root.query<{ c: number }>(`SELECT count() AS c FROM (${q})`))[0]!.c);
  for (const [name, sql] of Object.entries(TABLES)) {
    const of = (db: string) => sql.replaceAll("{db}", db);
    out[name] = { rows: await count(of(a)), onlyA: await count(`${of(a)} EXCEPT ${of(b)}`), onlyB: await count(`${of(b)} EXCEPT ${of(a)}`) };
  }
  return out;
}

describe("store worker: jobs of the previous release", () => {
  it("rows as JSONEachRow objects (no rowForm) are stored as their compact form is; a row that is not an object fails its job alone", async () => {
    const jobs = hotlineJobs("upgrade", 8);
    const compact = await freshDb("worker_compact");
    for (const data of jobs) await handleStoreBatch(compact, { name: STORE_BATCH_JOB, data });
    // What the releases before put in Redis: each row an object of the event columns, no rowForm.
    const asObjects = jobs.map(({ rowForm: _, ...job }) => ({
      ...job,
      lines: job.lines.map((l) => JSON.stringify(Object.fromEntries((JSON.parse(l) as unknown[]).map((v, c) => [EVENT_COLUMNS.hotline[c]!, v])))),
    }));
    asObjects[3] = { ...asObjects[3]!, lines: asObjects[3]!.lines.map((l, i) => (i === 0 ? "[1,2]" : l)) };
    const old = await freshDb("worker_old_rows");
    const run = await runWorker(old, asObjects, { batchRecords: 5000, batchJobs: 40 });
    expect(run.failed.map((f) => f.id)).toEqual([asObjects[3]!.batchId.replaceAll(":", "_")]);
    expect(run.failed[0]!.reason).toMatch(/malformed store-batch payload: row 1 is not a JSON object/);
    await handleStoreBatch(old, { name: STORE_BATCH_JOB, data: jobs[3]! });
    const diffs = await differences("worker_compact", "worker_old_rows");
    for (const [name, d] of Object.entries(diffs)) {
      expect(d.rows, name).toBeGreaterThan(0);
      expect({ onlyCompact: d.onlyA, onlyObjects: d.onlyB }, name).toEqual({ onlyCompact: 0, onlyObjects: 0 });
    }
  });
});

describe("store worker: batches staged in the engine", () => {
  it("a batch picked and stored through a stage leaves what the Node path leaves, with the same counts", async () => {
    const jobs = hotlineJobs("stage", 12);
    const node = await freshDb("stage_node");
    const staged = await freshDb("stage_staged");
    const stages = stagePool(staged);
    try {
      const byNode = [];
      const byStage = [];
      for (const data of jobs) byNode.push(await handleStoreBatch(node, { name: STORE_BATCH_JOB, data }));
      for (const data of jobs) byStage.push(await handleStoreBatch(staged, { name: STORE_BATCH_JOB, data }, stages));
      // The redelivered stretch counts as duplicates both ways, and a job stored again adds nothing.
      expect(byStage).toEqual(byNode);
      expect(byNode.some((o) => o.duplicates > 0)).toBe(true);
      expect(await handleStoreBatch(staged, { name: STORE_BATCH_JOB, data: jobs[3]! }, stages)).toEqual({ ...byNode[3]!, accepted: 0, duplicates: byNode[3]!.received - byNode[3]!.rejected });
    } finally {
      await stages.close();
    }
    for (const [name, d] of Object.entries(await differences("stage_node", "stage_staged"))) {
      expect(d.rows, name).toBeGreaterThan(0);
      expect({ onlyNode: d.onlyA, onlyStaged: d.onlyB }, name).toEqual({ onlyNode: 0, onlyStaged: 0 });
    }
  });

  it("batches stored at once hold stages of their own; a stage is emptied after a step that failed", async () => {
    // One job of each feed, stored at once (jobs that share msg_ids may both find them new, and
    // are counted so, by design: CASEPULSE_WORKER_CONCURRENCY).
    const jobs = (["hotline", "mediation", "litigation", "supervision"] as const).map((feed) => jobsOf(feed, sample(feed).slice(0, 80), 80, "stage2")[0]!);
    const apart = await freshDb("stage_apart");
    const together = await freshDb("stage_together");
    const stages = stagePool(together);
    try {
      const one = [];
      for (const data of jobs) one.push(await handleStoreBatch(apart, { name: STORE_BATCH_JOB, data }));
      const at = await Promise.all(jobs.map((data) => handleStoreBatch(together, { name: STORE_BATCH_JOB, data }, stages)));
      expect(at).toEqual(one);
      expect(at.every((o) => o.accepted > 0)).toBe(true);

      const failing = stages.use("hotline", async (stage) => {
        await stage.addAccepted(jobs[0]!.lines.map((line, n) => numberedRow(n, line)));
        throw new Error("a step failed");
      });
      await expect(failing).rejects.toThrow("a step failed");
      const left = await stages.use("hotline", async (stage) => root.query<{ c: number }>(`SELECT count() AS c FROM ${stage.accepted}`));
      expect(Number(left[0]!.c)).toBe(0);
    } finally {
      await stages.close();
    }
    for (const [name, d] of Object.entries(await differences("stage_apart", "stage_together"))) {
      expect({ onlyApart: d.onlyA, onlyTogether: d.onlyB }, name).toEqual({ onlyApart: 0, onlyTogether: 0 });
    }
    for (const feed of ["mediation", "litigation", "supervision"] as const) {
      const of = (db: string) => `SELECT * EXCEPT (ingested_at) FROM ${db}.${EVENT_TABLES[feed]} FINAL`;
      const only = await root.query<{ c: number }>(`SELECT count() AS c FROM (${of("stage_together")} EXCEPT ${of("stage_apart")})`);
      expect(Number(only[0]!.c), feed).toBe(0);
    }
  });
});

describe("store worker: waiting jobs joined into one store batch", () => {
  it("stores them in one batch, leaving what storing each job alone leaves, also after a job is stored again alone", async () => {
    const jobs = hotlineJobs("join", 24);
    expect(jobs.some((j) => j.rejected.length > 0)).toBe(true);
    const alone = await freshDb("worker_alone");
    for (const data of jobs) await handleStoreBatch(alone, { name: STORE_BATCH_JOB, data });
    const joined = await freshDb("worker_joined");
    const run = await runWorker(joined, jobs, { batchRecords: 5000, batchJobs: 40 });
    expect(run.failed).toEqual([]);
    // One worker slot, every job waiting before it started: the first job takes the other 23.
    expect(await batchesOf(run.metrics)).toMatchObject({ batches: 1, jobs: jobs.length });

    const diffs = await differences("worker_alone", "worker_joined");
    for (const [name, d] of Object.entries(diffs)) {
      expect(d.rows, name).toBeGreaterThan(0);
      expect({ onlyAlone: d.onlyA, onlyJoined: d.onlyB }, name).toEqual({ onlyAlone: 0, onlyJoined: 0 });
    }
    expect(diffs.batches!.rows).toBe(jobs.length);
    const received = await root.query<{ n: number }>("SELECT sum(received) AS n FROM worker_joined.ingest_batches FINAL");
    expect(Number(received[0]!.n)).toBe(jobs.reduce((n, j) => n + j.received, 0));

    // A joined batch stored but its jobs' completion lost: a job handed out again is stored alone.
    await handleStoreBatch(joined, { name: STORE_BATCH_JOB, data: jobs[5]! });
    await handleStoreBatch(joined, { name: STORE_BATCH_JOB, data: jobs[6]! });
    const again = await differences("worker_alone", "worker_joined");
    for (const [name, d] of Object.entries(again)) expect({ onlyAlone: d.onlyA, onlyJoined: d.onlyB }, name).toEqual({ onlyAlone: 0, onlyJoined: 0 });
  });

  it("takes jobs until a batch holds batchRecords records or batchJobs jobs", async () => {
    const jobs = hotlineJobs("limits", 10);
    // 50 records a job: the third job takes a batch past 120 records, so batches of 3, 3, 3, 1.
    const byRecords = await runWorker(await freshDb("worker_records"), jobs, { batchRecords: 120, batchJobs: 40 });
    expect(await batchesOf(byRecords.metrics)).toMatchObject({ batches: 4, jobs: 10, upTo: { "2": 1, "4": 4 } });
    const byJobs = await runWorker(await freshDb("worker_jobs"), jobs, { batchRecords: 5000, batchJobs: 2 });
    expect(await batchesOf(byJobs.metrics)).toMatchObject({ batches: 5, jobs: 10, upTo: { "1": 0, "2": 5 } });
  });

  it("a job that cannot be stored fails alone, at once; the jobs joined with it are stored", async () => {
    const jobs = hotlineJobs("poison", 6);
    const bad = jobs[2]!;
    // A row the events table cannot take (its time is not one): every attempt of it would fail the same way.
    const time = EVENT_COLUMNS.hotline.indexOf("event_time");
    jobs[2] = { ...bad, lines: bad.lines.map((l, i) => (i === 0 ? JSON.stringify((JSON.parse(l) as unknown[]).map((v, c) => (c === time ? "not a time" : v))) : l)) };
    const store = await freshDb("worker_poison");
    const run = await runWorker(store, jobs, { batchRecords: 5000, batchJobs: 40 });
    expect(await batchesOf(run.metrics)).toMatchObject({ batches: 1, jobs: 6 });
    expect(run.failed).toHaveLength(1);
    expect(run.failed[0]!.id).toBe(bad.batchId.replaceAll(":", "_"));
    expect(run.failed[0]!.attempts).toBe(1);
    const stored = await store.query<{ batch_id: string }>("SELECT batch_id FROM worker_poison.ingest_batches FINAL ORDER BY batch_id");
    expect(stored.map((r) => r.batch_id).sort()).toEqual(jobs.filter((j) => j !== jobs[2]).map((j) => j.batchId).sort());
  });
});
