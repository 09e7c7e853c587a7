// CSV ingest beside JSON lines (FEEDS.md "Files"): the generator's hotline export as CSV, and the
// same records as JSON lines (what the CSV's rows become, msg_ids included), each loaded by
// `casepulse ingest` into a fresh store, timed from spawn to exit; the ratio is of records per
// second (target: the CSV at least half the JSON lines' rate). The CSV run's peak RSS
// (peak-memory.ts) says whether its reader streams.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { prepareExport } from "@casepulse/ingestion";
import { createPiiProtector } from "@casepulse/normalize";
import { writeFeeds } from "@casepulse/synthetic";
import { measuredIngest } from "./ingest-growth.ts";
import type { PeakMemory } from "./peak-memory.ts";
import { median } from "./stats.ts";
import { cacheDir, runDir } from "./workdir.ts";

const SEED = 20_250_101;
const PII_KEY = "casepulse-bench-pii-key-0123456789";

export interface CsvIngestResult {
  records: number;
  csv_records_per_s: number;
  jsonl_records_per_s: number;
  ratio: number;
  csv_peak_rss_mb: number;
}

interface Inputs {
  csv: string;
  jsonl: string;
  records: number;
}

/** hotline.csv at `scale`, and its records as JSON lines (cached). */
async function inputs(scale: number): Promise<Inputs> {
  const dir = cacheDir(`csv-seed${SEED}-scale${scale}`);
  const csv = join(dir, "hotline.csv");
  const jsonl = join(dir, "hotline-records.jsonl");
  if (!existsSync(jsonl)) {
    await writeFeeds(dir, SEED, { scale, formats: ["csv"] });
    const prepared = await prepareExport({ path: csv, name: "hotline.csv", feed: "hotline", pii: createPiiProtector(PII_KEY), tmpDir: dir });
    copyFileSync(prepared.path, jsonl);
    prepared.remove();
  }
  const records = readFileSync(jsonl, "utf8").split("\n").filter((l) => l !== "").length;
  return { csv, jsonl, records };
}

function load(path: string, dir: string, name: string, records: number): Promise<{ wallMs: number } & PeakMemory> {
  const env = { CASEPULSE_DATA: join(dir, name), CASEPULSE_DB: "bench_csv", CASEPULSE_PII_KEY: PII_KEY };
  return measuredIngest(path, records, env, dir, name);
}

export async function benchCsvIngest(scale: number, runs: number, log: (m: string) => void): Promise<CsvIngestResult> {
  const files = await inputs(scale);
  log(`csv ingest: ${files.records} hotline records as CSV and as JSON lines, ${runs} run(s)`);
  const csv: number[] = [];
  const jsonl: number[] = [];
  const ratios: number[] = [];
  let peakMb = 0;
  for (let i = 0; i < runs; i += 1) {
    const dir = runDir("csv");
    try {
      const c = await load(files.csv, dir.path, "csv", files.records);
      const j = await load(files.jsonl, dir.path, "jsonl", files.records);
      csv.push(c.wallMs);
      jsonl.push(j.wallMs);
      ratios.push(j.wallMs / c.wallMs);
      peakMb = Math.max(peakMb, c.peakRssMb);
      log(`csv run ${i + 1}: CSV ${(c.wallMs / 1000).toFixed(2)} s (peak RSS ${c.peakRssMb.toFixed(0)} MB, ${c.source}), JSON lines ${(j.wallMs / 1000).toFixed(2)} s`);
    } finally {
      dir.remove();
    }
  }
  return {
    records: files.records,
    csv_records_per_s: files.records / (median(csv) / 1000),
    jsonl_records_per_s: files.records / (median(jsonl) / 1000),
    ratio: median(ratios),
    csv_peak_rss_mb: peakMb,
  };
}
