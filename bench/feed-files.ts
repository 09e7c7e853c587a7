// The input files: a generated hotline export for the file path, a monthly export of new orders
// beside it (the other export shape), and the export repeated with unique ids to any length (the
// stream's events and the ingest growth sizes). All are cached under .casepulse/bench/cache
// (making them is not measured).
import { createReadStream, createWriteStream, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { newOrdersExport, writeFeeds } from "@casepulse/synthetic";
import { cacheDir } from "./workdir.ts";

const SEED = 20_250_101;

export interface FeedFile {
  path: string;
  lines: number;
}

/** The generator's hotline file at `scale` (3.1 gives ~204k lines; 0.25 ~17k). */
export async function hotlineFile(scale: number): Promise<FeedFile> {
  const dir = cacheDir(`feeds-seed${SEED}-scale${scale}`);
  const manifest = join(dir, "expected", "manifest.json");
  if (!existsSync(manifest)) await writeFeeds(dir, SEED, { scale });
  const m = JSON.parse(readFileSync(manifest, "utf8")) as { files: { hotline: { lines: number } } };
  return { path: join(dir, "hotline.jsonl"), lines: m.files.hotline.lines };
}

/** A month (June 2024) of `orders` new orders, one 登记 line each with phone and text. */
export function newOrdersFile(orders: number): FeedFile {
  const path = join(cacheDir("new-orders"), `seed${SEED}-${orders}.jsonl`);
  if (!existsSync(path)) {
    const records = newOrdersExport({ seed: SEED, month: "2024-06", orders });
    writeFileSync(`${path}.tmp`, records.map((r) => `${JSON.stringify(r)}\n`).join(""));
    renameSync(`${path}.tmp`, path);
  }
  return { path, lines: orders };
}

/**
 * `count` hotline messages: the generated export cut to `count` lines or repeated, each repeat
 * with its own msg_ids and order_ids, so every message is a distinct event (the export's own
 * redeliveries and malformed lines stay in, as upstream sends them).
 */
export async function streamFile(source: FeedFile, count: number): Promise<FeedFile> {
  const path = join(cacheDir("stream"), `${basename(dirname(source.path))}-hotline-${count}.jsonl`);
  if (existsSync(path)) return { path, lines: count };
  const out = createWriteStream(`${path}.tmp`);
  let written = 0;
  for (let copy = 0; written < count; copy += 1) {
    const lines = createInterface({ input: createReadStream(source.path), crlfDelay: Infinity });
    for await (const line of lines) {
      if (written >= count) break;
      if (line.trim() === "") continue;
      if (!out.write(`${copy === 0 ? line : renamed(line, copy)}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
      written += 1;
    }
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  renameSync(`${path}.tmp`, path);
  return { path, lines: count };
}

function renamed(line: string, copy: number): string {
  try {
    const record = JSON.parse(line) as Record<string, unknown>;
    if (record === null || typeof record !== "object" || Array.isArray(record)) return line;
    for (const key of ["msg_id", "order_id", "repeat_of"]) {
      if (typeof record[key] === "string" && record[key] !== "") record[key] = `${record[key]}R${copy}`;
    }
    return JSON.stringify(record);
  } catch {
    return line;
  }
}
