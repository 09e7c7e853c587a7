// Generated feeds ingested through `casepulse ingest` into a fresh embedded ClickHouse folder,
// for tests that read reports back. Removed by cleanup().
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./cli.ts";
import { FEEDS } from "@casepulse/feeds";

export interface GeneratedData {
  work: string;
  env: Record<string, string>;
  cleanup(): void;
}

/**
 * `db` defaults to the name; each call has its own folder, so names may repeat across tests.
 * `streets`: a district's feeds (generate --streets), naming these streets.
 */
export async function generatedData(name: string, seed: number, scale: number, db = name, streets: readonly string[] = []): Promise<GeneratedData> {
  const work = mkdtempSync(join(tmpdir(), `casepulse-${name}-`));
  const env = { CASEPULSE_DATA: join(work, "data"), CASEPULSE_DB: db, NODE_ENV: "test" };
  const feeds = join(work, "feeds");
  const district = streets.length > 0 ? ["--streets", streets.join(",")] : [];
  const gen = await runCli(["generate", "--out", feeds, "--seed", String(seed), "--scale", String(scale), ...district], env);
  if (gen.code !== 0) throw new Error(`casepulse generate exited ${gen.code}: ${gen.stderr}`);
  for (const feed of FEEDS) {
    const r = await runCli(["ingest", "--source", feed, "--file", join(feeds, `${feed}.jsonl`)], env);
    if (r.code !== 0) throw new Error(`casepulse ingest --source ${feed} exited ${r.code}: ${r.stderr}`);
  }
  return { work, env, cleanup: () => rmSync(work, { recursive: true, force: true }) };
}
