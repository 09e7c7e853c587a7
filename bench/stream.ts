// Stream: `casepulse produce` fills a fresh topic; a plain kafkajs consumer group reads it to the
// end (the baseline); then the pipeline process consumes the same messages until all are
// queryable. Then a paced producer measures produce-to-queryable latency twice: alone, then with a
// CPU-heavy neighbour (a busy loop on one core, cpu-neighbour.ts) running beside the pipeline;
// last the pipeline process reports its peak RSS, over all of it.
import { topicVariable } from "@casepulse/config";
import { FEEDS, type Feed } from "@casepulse/feeds";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { Queue } from "bullmq";
import { redisConnection } from "@casepulse/queues";
import type { Services } from "../tests/support/services.ts";
import { CLI, forkScript, runScript } from "./child.ts";
import { startBusyLoop } from "./cpu-neighbour.ts";
import type { FeedFile } from "./feed-files.ts";
import { consumeToEnd, kafkaClient, producePaced, removeRun } from "./kafka-tools.ts";
import { latencyEvent } from "./latency-events.ts";
import type { FromChild, ToChild } from "./pipeline-child.ts";
import { median } from "./stats.ts";
import { ROOT, runDir } from "./workdir.ts";

export interface StreamRun {
  produce_per_s: number;
  baseline_per_s: number;
  pipeline_per_s: number;
  ratio: number;
  p50_ms: number;
  p99_ms: number;
  /** The same latency with the busy loop running. */
  p50_busy_ms: number;
  p99_busy_ms: number;
  peak_rss_mb: number;
  /** Peak of anonymous memory (heaps, ClickHouse buffers), without the engine's mapped code. */
  peak_anon_mb: number;
  /** Peak of Node's heap and external buffers (part of the anonymous memory). */
  peak_node_mb: number;
  /** Peak of what the engine's allocations held (its MemoryTracking, sampled every 250 ms). */
  peak_engine_mb: number;
  /** Per phase (throughput, latency quiet, latency beside the busy loop): anonymous and engine peaks (MB), jobs per store batch. */
  phases: string;
}

export interface StreamResult extends StreamRun {
  events: number;
  latency_events: number;
  latency_rate: number;
}

async function once(services: Services, file: FeedFile, rate: number, seconds: number): Promise<StreamRun> {
  const id = `bench${randomBytes(4).toString("hex")}`;
  const dir = runDir("stream");
  const topics = Object.fromEntries(FEEDS.map((feed) => [feed, `${id}.${feed}`])) as Record<Feed, string>;
  const env = {
    KAFKA_BROKERS: services.kafkaBrokers,
    REDIS_URL: services.redisUrl,
    CASEPULSE_PREFIX: id,
    ...Object.fromEntries(FEEDS.map((feed) => [topicVariable(feed), topics[feed]])),
    CASEPULSE_DATA: join(dir.path, "data"),
    CASEPULSE_DB: "bench_stream",
  };
  const kafka = kafkaClient(services.kafkaBrokers);
  try {
    const produced = await runScript(CLI, ["produce", "--source", "hotline", "--file", file.path], env);
    const baselineMs = await consumeToEnd(kafka, topics.hotline, `${id}-baseline`, file.lines);

    const child = forkScript(join(ROOT, "bench/pipeline-child.ts"), [String(file.lines), "2"], env);
    let stderr = "";
    child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr = (stderr + d).slice(-4000)));
    const messages: FromChild[] = [];
    const waiters: (() => void)[] = [];
    child.on("message", (m: FromChild) => (messages.push(m), waiters.splice(0).forEach((w) => w())));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    // The child's messages come in order: throughput, latency (round 0, then 1), done.
    const next = async <P extends FromChild["phase"]>(phase: P): Promise<Extract<FromChild, { phase: P }>> => {
      for (;;) {
        const m = messages.shift();
        if (m && m.phase !== phase) throw new Error(`pipeline sent ${m.phase} where ${phase} was due`);
        if (m) return m as Extract<FromChild, { phase: P }>;
        const code = await Promise.race([new Promise<undefined>((r) => waiters.push(() => r(undefined))), exited]);
        if (code !== undefined && messages.length === 0) throw new Error(`pipeline exited ${code}: ${stderr}`);
      }
    };
    const throughput = await next("throughput");
    const count = rate * seconds;
    const latencyRound = async (run: string) => {
      await producePaced(kafka, topics.hotline, rate, count, (seq, sentAt) => latencyEvent(run, seq, sentAt));
      child.send({ latencyExpected: count } satisfies ToChild);
      const latency = await next("latency");
      if (latency.seen !== count) throw new Error(`latency round ${latency.round}: ${latency.seen} of ${count} events became queryable within 60 s`);
      return latency;
    };
    const quiet = await latencyRound(id.slice(5));
    const neighbour = await startBusyLoop();
    const busy = await latencyRound(`${id.slice(5)}b`).finally(() => neighbour.stop());
    const done = await next("done");
    await exited;
    return {
      produce_per_s: file.lines / (produced.wallMs / 1000),
      baseline_per_s: file.lines / (baselineMs / 1000),
      pipeline_per_s: file.lines / (throughput.ms / 1000),
      ratio: baselineMs / throughput.ms,
      p50_ms: quiet.p50,
      p99_ms: quiet.p99,
      p50_busy_ms: busy.p50,
      p99_busy_ms: busy.p99,
      peak_rss_mb: done.peakRssMb,
      peak_anon_mb: done.peakAnonMb,
      peak_node_mb: done.peakNodeMb,
      peak_engine_mb: Math.max(throughput.peak.engineMb, quiet.peak.engineMb, busy.peak.engineMb),
      phases: [throughput, quiet, busy].map((m) => `${m.peak.anonMb.toFixed(0)}/${m.peak.engineMb.toFixed(0)}/${m.peak.jobsPerBatch.toFixed(1)}`).join(" · "),
    };
  } finally {
    await removeRun(kafka, [...Object.values(topics), ...Object.values(topics).map((t) => `${t}.dlq`)], [`${id}-ingest`, `${id}-baseline`]);
    for (const name of [`${id}-store`, `${id}-reports`]) {
      const queue = new Queue(name, { connection: redisConnection(services.redisUrl) });
      await queue.obliterate({ force: true });
      await queue.close();
    }
    dir.remove();
  }
}

export async function benchStream(
  services: Services,
  file: FeedFile,
  o: { runs: number; rate: number; seconds: number },
  log: (m: string) => void,
): Promise<StreamResult> {
  const runs: StreamRun[] = [];
  for (let i = 0; i < o.runs; i += 1) {
    const r = await once(services, file, o.rate, o.seconds);
    runs.push(r);
    log(
      `stream run ${i + 1}: produce ${r.produce_per_s.toFixed(0)}/s, kafkajs ${r.baseline_per_s.toFixed(0)}/s, ` +
        `pipeline ${r.pipeline_per_s.toFixed(0)}/s, p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms, with a busy neighbour p50 ${r.p50_busy_ms} ms, p99 ${r.p99_busy_ms} ms, peak RSS ${r.peak_rss_mb.toFixed(0)} MB (anonymous ${r.peak_anon_mb.toFixed(0)} MB, of which Node ${r.peak_node_mb.toFixed(0)} MB; anonymous MB/engine MB/jobs per batch by phase: ${r.phases})`,
    );
  }
  const med = (k: Exclude<keyof StreamRun, "phases">) => median(runs.map((r) => r[k]));
  return {
    events: file.lines,
    latency_events: o.rate * o.seconds,
    latency_rate: o.rate,
    produce_per_s: med("produce_per_s"),
    baseline_per_s: med("baseline_per_s"),
    pipeline_per_s: med("pipeline_per_s"),
    ratio: med("ratio"),
    p50_ms: med("p50_ms"),
    p99_ms: med("p99_ms"),
    p50_busy_ms: med("p50_busy_ms"),
    p99_busy_ms: med("p99_busy_ms"),
    peak_rss_mb: med("peak_rss_mb"),
    peak_anon_mb: med("peak_anon_mb"),
    peak_node_mb: med("peak_node_mb"),
    peak_engine_mb: med("peak_engine_mb"),
    phases: runs.map((r) => r.phases).join(" | "),
  };
}
