// Ingest growth: `casepulse ingest` of the generator's hotline export at growing sizes (cut or
// repeated with fresh ids, feed-files.ts streamFile), each into a fresh store migrated beforehand
// as file-ingest.ts does, timed from spawn to exit, with the ingest process's peak memory
// (peak-memory.ts). Whether the peak stays flat as the file grows is the question (target 512 MB).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLI, lastJson, runScript, type Finished } from "./child.ts";
import type { FeedFile } from "./feed-files.ts";
import { runWithPeakMemory, type PeakMemory } from "./peak-memory.ts";
import { median } from "./stats.ts";
import { runDir } from "./workdir.ts";

export interface GrowthPoint {
  lines: number;
  wall_ms: number;
  records_per_s: number;
  peak_rss_mb: number;
  /** Peaks sampled apart: anonymous memory, and mapped files (the engine library's pages). */
  peak_anon_mb: number;
  peak_file_mb: number;
}

export interface IngestGrowthResult {
  /** How the peak RSS was taken (peak-memory.ts). */
  rss_source: PeakMemory["source"];
  sizes: GrowthPoint[];
  /** The largest of the sizes' peaks. */
  peak_rss_mb: number;
}

/**
 * `casepulse ingest` of a hotline file into the store of `env` (`CASEPULSE_DATA`), migrated
 * beforehand by an empty ingest as an everyday ingest finds it, with the ingest's peak memory;
 * it must read every one of the file's `records`. `scratch` holds the empty file and the peak's notes.
 */
export async function measuredIngest(path: string, records: number, env: Record<string, string>, scratch: string, name = "data"): Promise<Finished & PeakMemory> {
  const empty = join(scratch, `${name}-empty.jsonl`);
  writeFileSync(empty, "");
  await runScript(CLI, ["ingest", "--source", "hotline", "--file", empty], env);
  const run = await runWithPeakMemory(CLI, ["ingest", "--source", "hotline", "--file", path, "--json"], env, scratch);
  const outcome = lastJson<{ received: number }>(run.stdout);
  if (outcome.received !== records) throw new Error(`ingest of ${path} read ${outcome.received} of ${records} records`);
  return run;
}

async function once(file: FeedFile): Promise<GrowthPoint & { source: PeakMemory["source"] }> {
  const dir = runDir("growth");
  try {
    const env = { CASEPULSE_DATA: join(dir.path, "data"), CASEPULSE_DB: "bench_growth" };
    const run = await measuredIngest(file.path, file.lines, env, dir.path);
    return {
      lines: file.lines,
      wall_ms: run.wallMs,
      records_per_s: file.lines / (run.wallMs / 1000),
      peak_rss_mb: run.peakRssMb,
      peak_anon_mb: run.peakAnonMb,
      peak_file_mb: run.peakFileMb,
      source: run.source,
    };
  } finally {
    dir.remove();
  }
}

export async function benchIngestGrowth(files: readonly FeedFile[], runs: number, log: (m: string) => void): Promise<IngestGrowthResult> {
  const sizes: GrowthPoint[] = [];
  let source: PeakMemory["source"] = "time %M";
  for (const file of files) {
    const points: GrowthPoint[] = [];
    for (let i = 0; i < runs; i += 1) {
      const p = await once(file);
      source = p.source;
      points.push(p);
      log(`growth run ${i + 1}, ${file.lines} lines: ${(p.wall_ms / 1000).toFixed(2)} s, peak RSS ${p.peak_rss_mb.toFixed(0)} MB (${p.source}; anonymous ${p.peak_anon_mb.toFixed(0)} MB, files ${p.peak_file_mb.toFixed(0)} MB)`);
    }
    const med = (k: keyof GrowthPoint) => median(points.map((p) => p[k]));
    sizes.push({ lines: file.lines, wall_ms: med("wall_ms"), records_per_s: med("records_per_s"), peak_rss_mb: med("peak_rss_mb"), peak_anon_mb: med("peak_anon_mb"), peak_file_mb: med("peak_file_mb") });
  }
  return { rss_source: source, sizes, peak_rss_mb: Math.max(...sizes.map((s) => s.peak_rss_mb)) };
}
