// Runs the real `casepulse` command line as a child process, as users and ops do.
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { NODE_FLAGS } from "../../services/cli/src/node-flags.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MAIN = `${ROOT}/services/cli/src/main.ts`;

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function spawnCli(args: string[], env: Record<string, string>): ChildProcess {
  // One process, no wrapper: a signal sent to the child reaches the pipeline itself (a SIGKILLed
  // `tsx` wrapper would leave its node process running).
  return spawn(process.execPath, [...NODE_FLAGS, "--import", "tsx", MAIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
}

export function waitForExit(child: ChildProcess): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  // Decoded as a stream: a chunk can end inside a character of Chinese text.
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal, stdout, stderr })));
}

export async function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return waitForExit(spawnCli(args, env));
}

/** Runs the CLI and parses its standard output as JSON; fails with stderr when it exits non-zero. */
export async function cliJson<T>(args: string[], env: Record<string, string>): Promise<T> {
  const r = await runCli(args, env);
  if (r.code !== 0) throw new Error(`casepulse ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}
