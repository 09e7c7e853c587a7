// Child: the pipeline process of the stream bench. It runs the ingest and store roles the
// way `casepulse start` wires them, and watches its own embedded ClickHouse (only this process
// may open the folder), so "queryable" is observed where the data lives.
// Phase 1 (throughput): from before the roles start until every produced message is counted in
// ingest_batches (written after its events). Phase 2 (latency, `argv[3]` rounds): the parent
// produces at a steady rate; each msg_id carries its send time and is timed when a query first
// returns it. The process's peak RSS (VmHWM) covers both phases.
import { readFileSync } from "node:fs";
import { createLogger } from "@casepulse/logging";
import { createMetrics } from "@casepulse/ops";
import { openContext } from "../services/cli/src/context.ts";
import { startIngestRole, startStoreRole } from "../services/cli/src/roles.ts";
import { openStoreQueue, openStreamContext } from "../services/cli/src/stream-context.ts";
import { casepulseVersion } from "../services/cli/src/version.ts";
import { LATENCY_FROM, latencyOrder, parseLatencyId } from "./latency-events.ts";
import { percentile } from "./stats.ts";

export type ToChild = { latencyExpected: number };
/**
 * A phase's own peaks, the process's anonymous memory and what the engine's allocations tracked,
 * and the mean count of jobs in its store batches (how much the worker joined).
 */
export type PhasePeak = { anonMb: number; engineMb: number; jobsPerBatch: number };
export type FromChild =
  | { phase: "throughput"; ms: number; peak: PhasePeak }
  | { phase: "latency"; round: number; seen: number; p50: number; p99: number; max: number; peak: PhasePeak }
  | { phase: "done"; peakRssMb: number; peakAnonMb: number; peakNodeMb: number; fileMb: number };

const expected = Number(process.argv[2]);
const send = (m: FromChild) => process.send!(m);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const ctx = await openContext();
const logger = createLogger({ name: "bench-pipeline", level: ctx.env.LOG_LEVEL });
const stream = openStreamContext(logger);
const { env, names } = stream;
const metrics = createMetrics({ version: casepulseVersion() });
const queue = openStoreQueue(stream);
const db = ctx.store.database;

// VmHWM is the peak of all resident pages, including the pages of the 566 MB libchdb.so that the
// process has touched (file-backed, shared, reclaimable); the anonymous peak is sampled beside it.
const statusKb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0);
// Node's own share of the anonymous memory (its heap, and buffers outside it); the rest is the engine's.
let peakAnonKb = 0;
let peakNodeBytes = 0;
// The engine's MemoryTracking is what its allocations hold at a moment; the anonymous memory above
// it is what the allocator keeps after they are freed (and Node's share).
let phase = { anonKb: 0, engineBytes: 0 };
const sampler = setInterval(() => {
  const anon = statusKb("RssAnon");
  peakAnonKb = Math.max(peakAnonKb, anon);
  phase.anonKb = Math.max(phase.anonKb, anon);
  const m = process.memoryUsage();
  peakNodeBytes = Math.max(peakNodeBytes, m.heapTotal + m.external);
}, 100);
let sampling = true;
const engineSampler = (async () => {
  while (sampling) {
    const [row] = await ctx.store.query<{ value: number }>(`SELECT value FROM system.metrics WHERE metric = 'MemoryTracking'`);
    phase.engineBytes = Math.max(phase.engineBytes, Number(row?.value ?? 0));
    await sleep(250);
  }
})();
let batches = { sum: 0, count: 0 };
/** The peaks and batches since the last phase ended. */
async function phasePeak(): Promise<PhasePeak> {
  const { values } = await metrics.storeBatchJobs.get();
  const total = (suffix: string) => values.find((v) => v.metricName?.endsWith(suffix))?.value ?? 0;
  const now = { sum: total("_sum"), count: total("_count") };
  const peak = {
    anonMb: phase.anonKb / 1024,
    engineMb: phase.engineBytes / 2 ** 20,
    jobsPerBatch: now.count > batches.count ? (now.sum - batches.sum) / (now.count - batches.count) : 0,
  };
  phase = { anonKb: 0, engineBytes: 0 };
  batches = now;
  return peak;
}

const started = performance.now();
const storeWorker = await startStoreRole({ stream, logger, metrics }, ctx.store);
const ingest = await startIngestRole({ stream, logger, metrics }, queue, ctx.env.CASEPULSE_PII_KEY);

// A stuck pipeline (failing jobs) must end the bench, not hang it.
const throughputDeadline = Date.now() + 20 * 60_000;
for (;;) {
  const [row] = await ctx.store.query<{ received: number }>(`SELECT sum(received) AS received FROM ${db}.ingest_batches FINAL`);
  if (Number(row?.received ?? 0) >= expected) break;
  if (Date.now() > throughputDeadline || (await queue.getFailedCount()) > 0) {
    throw new Error(`pipeline stuck at ${row?.received ?? 0} of ${expected} records (${await queue.getFailedCount()} failed jobs)`);
  }
  await sleep(100);
}
send({ phase: "throughput", ms: performance.now() - started, peak: await phasePeak() });


// Latency events carry event times from LATENCY_FROM on, a partition of their own, so each poll
// reads only them. The parent produces one round after another (the second with a CPU-heavy
// neighbour running) and says after each how many it sent; a round ends when all are seen.
// Each poll reads from the run's lowest sequence number not seen yet on (order ids sort by it,
// and they lead the table's key), so it reads the events still in flight, not every event of the
// run: a poll of the whole partition's last 10 s took about 100 ms of this process's engine
// every 20 ms, more than the store jobs it was timing (docs/performance.md).
const rounds = Number(process.argv[3] ?? 1);
const roundSizes: number[] = [];
process.on("message", (m: ToChild) => roundSizes.push(m.latencyExpected));
const seen = new Set<string>();
/** Of the run seen last: its id, which of its sequence numbers were seen, the lowest not seen. */
let run: { id: string; seen: boolean[]; floor: number } | undefined;
for (let round = 0; round < rounds; round += 1) {
  const latencies: number[] = [];
  let deadline = Number.POSITIVE_INFINITY;
  for (;;) {
    const size = roundSizes[round];
    if (size !== undefined) {
      if (latencies.length >= size) break;
      if (deadline === Number.POSITIVE_INFINITY) deadline = Date.now() + 60_000;
      if (Date.now() > deadline) break;
    }
    // Before any event of a run is seen: the last 10 s of the partition. A later run's order ids
    // sort after an earlier one's (its run id extends the earlier's), so they are read too.
    const rows = await ctx.store.query<{ msg_id: string }>(
      run
        ? `SELECT msg_id FROM ${db}.hotline_events WHERE event_time >= {from:DateTime64(3, 'UTC')} AND order_id >= {floor:String}`
        : `SELECT msg_id FROM ${db}.hotline_events WHERE event_time >= {from:DateTime64(3, 'UTC')} AND ingested_at >= now64(3) - INTERVAL 10 SECOND`,
      { from: LATENCY_FROM, floor: run ? latencyOrder(run.id, run.floor) : "" },
    );
    const at = Date.now();
    for (const { msg_id } of rows) {
      if (seen.has(msg_id)) continue;
      seen.add(msg_id);
      const id = parseLatencyId(msg_id);
      latencies.push(at - id.sentAt);
      if (run?.id !== id.run && (!run || id.run > run.id)) run = { id: id.run, seen: [], floor: 0 };
      if (run.id === id.run) run.seen[id.seq] = true;
    }
    while (run?.seen[run.floor]) run.floor += 1;
    await sleep(20);
  }
  send({ phase: "latency", round, seen: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: percentile(latencies, 100), peak: await phasePeak() });
}

sampling = false;
await engineSampler;
await ingest.close();
await storeWorker.close();
await queue.close();
await ctx.store.close();
clearInterval(sampler);
send({ phase: "done", peakRssMb: statusKb("VmHWM") / 1024, peakAnonMb: peakAnonKb / 1024, peakNodeMb: peakNodeBytes / 2 ** 20, fileMb: statusKb("RssFile") / 1024 });
process.disconnect();
