// What the store holds, read by a child process (see inspect-store.ts) once the pipeline stopped.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../support/cli.ts";

export interface StoreFacts {
  events: Record<"hotline" | "mediation" | "litigation", { rows: number; rows_final: number; msg_ids: number }>;
  scan: { tables: number; columns: number; values: number; leaks: { table: string; column: string; needle: string }[] } | null;
}

export async function storeFacts(env: Record<string, string>, needles?: { dir: string; values: string[] }): Promise<StoreFacts> {
  const args = ["--import", "tsx", join(ROOT, "tests/reliability/support/inspect-store.ts")];
  if (needles) {
    const file = join(needles.dir, "needles.json");
    writeFileSync(file, JSON.stringify(needles.values));
    args.push(file);
  }
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`inspect-store exited ${code}: ${err.slice(-2000)}`);
  return JSON.parse(out) as StoreFacts;
}
