// Where the bench keeps its files: generated feeds and the 10M-event report store are reused
// across runs (generating them is not what is measured); per-run folders are removed after.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BENCH_DIR = join(ROOT, ".casepulse", "bench");

export function cacheDir(name: string): string {
  const dir = join(BENCH_DIR, "cache", name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function runDir(name: string): { path: string; remove(): void } {
  mkdirSync(join(BENCH_DIR, "runs"), { recursive: true });
  const path = mkdtempSync(join(BENCH_DIR, "runs", `${name}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true, maxRetries: 5 }) };
}
