// Runs a bench script or the casepulse CLI as its own node process (tsx loaded, no wrapper), so
// each measured process opens its own embedded ClickHouse and its memory is its own. Every child
// starts with the node flags casepulse starts with (services/cli/src/node-flags.ts), the raw
// engine load's too: what is compared is what each process does, not how its V8 is set.
import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { NODE_FLAGS } from "../services/cli/src/node-flags.ts";
import { ROOT } from "./workdir.ts";

export const CLI = join(ROOT, "services/cli/src/main.ts");

/** Node's arguments before a measured child's script: casepulse's flags, then tsx. */
export const NODE_ARGS: readonly string[] = [...NODE_FLAGS, "--import", "tsx"];

/** A measured process's environment: the bench's own, quiet logs, and the run's variables. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NODE_ENV: "test", LOG_LEVEL: "warn", ...env };
}

export function forkScript(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return fork(script, args, {
    cwd: ROOT,
    env: childEnv(env),
    execArgv: [...NODE_ARGS],
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
}

export interface Finished {
  stdout: string;
  stderr: string;
  wallMs: number;
}

/** Runs a script to its end; rejects with its stderr when it exits non-zero. */
export function runScript(script: string, args: string[], env: Record<string, string>): Promise<Finished> {
  const started = performance.now();
  const child = forkScript(script, args, env);
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      const wallMs = performance.now() - started;
      if (code === 0) resolve({ stdout, stderr, wallMs });
      else reject(new Error(`${script} ${args.join(" ")} exited ${code ?? signal}: ${stderr.slice(-2000)}`));
    });
  });
}

/** The last line of a child's output that is a JSON object. */
export function lastJson<T>(stdout: string): T {
  const line = stdout.trim().split("\n").reverse().find((l) => l.startsWith("{"));
  if (!line) throw new Error(`no JSON in output: ${stdout.slice(-500)}`);
  return JSON.parse(line) as T;
}
