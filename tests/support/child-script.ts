// Runs one of the helper scripts of tests/support in its own node process and parses what it
// prints as JSON; fails with its stderr when it exits non-zero.
import { spawn } from "node:child_process";
import { ROOT, waitForExit } from "./cli.ts";

/** `env` is laid over this process's environment; a variable given as undefined is left out of it. */
export async function childJson<T>(script: string, args: string[], env: Record<string, string | undefined>): Promise<T> {
  const child = spawn(process.execPath, ["--import", "tsx", `${ROOT}/tests/support/${script}`, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const r = await waitForExit(child);
  if (r.code !== 0) throw new Error(`${script} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
