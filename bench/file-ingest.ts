// File ingest: `casepulse ingest` against the raw engine loading the same file. Both run as
// their own process and are timed from spawn to exit, so both pay node, tsx and opening the
// embedded engine; the ratio is of records per second. The CLI's store is migrated beforehand
// (an empty file ingested), as an everyday ingest finds it. Each export shape of the bench
// (feed-files.ts) is timed so.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLI, lastJson, runScript } from "./child.ts";
import type { FeedFile } from "./feed-files.ts";
import { median } from "./stats.ts";
import { ROOT, runDir } from "./workdir.ts";

export interface FileIngestResult {
  records: number;
  cli_records_per_s: number;
  raw_records_per_s: number;
  ratio: number;
}

interface Outcome {
  received: number;
  rejected: number;
}

export interface ShapeFile extends FeedFile {
  /** What the file is, for the log. */
  shape: string;
  /** How many lines the contract must reject, where the bench knows it (0 for the new orders). */
  rejected?: number;
}

async function once(file: ShapeFile): Promise<{ cli: number; raw: number }> {
  const dir = runDir("ingest");
  try {
    const raw = await runScript(join(ROOT, "bench/raw-load.ts"), [join(dir.path, "raw"), file.path], {});
    const env = { CASEPULSE_DATA: join(dir.path, "cli"), CASEPULSE_DB: "bench_ingest" };
    const empty = join(dir.path, "empty.jsonl");
    writeFileSync(empty, "");
    await runScript(CLI, ["ingest", "--source", "hotline", "--file", empty], env);
    const cli = await runScript(CLI, ["ingest", "--source", "hotline", "--file", file.path, "--json"], env);
    const outcome = lastJson<Outcome>(cli.stdout);
    if (outcome.received !== file.lines) throw new Error(`ingest read ${outcome.received} of ${file.lines} lines`);
    if (file.rejected !== undefined && outcome.rejected !== file.rejected) throw new Error(`ingest of the ${file.shape} rejected ${outcome.rejected} lines, not ${file.rejected}`);
    return { cli: cli.wallMs, raw: raw.wallMs };
  } finally {
    dir.remove();
  }
}

export async function benchFileIngest(file: ShapeFile, runs: number, log: (m: string) => void): Promise<FileIngestResult> {
  const cli: number[] = [];
  const raw: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const r = await once(file);
    cli.push(r.cli);
    raw.push(r.raw);
    ratios.push(r.raw / r.cli);
    log(`ingest run ${i + 1}, ${file.shape}: casepulse ingest ${(r.cli / 1000).toFixed(2)} s, raw engine ${(r.raw / 1000).toFixed(2)} s`);
  }
  return {
    records: file.lines,
    cli_records_per_s: file.lines / (median(cli) / 1000),
    raw_records_per_s: file.lines / (median(raw) / 1000),
    ratio: median(ratios),
  };
}
