// Daemons a test starts (brokers, redis-servers): tracked by pid in OUT_DIR/pids so the runner can
// still stop them when a test process dies before its cleanup ran.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { OUT_DIR } from "./profile.ts";

const PID_DIR = join(OUT_DIR, "pids");
const live = new Set<ChildProcess>();

// A test process that exits without its afterAll must not leave daemons behind.
process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
});

export interface Daemon {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `signal` and waits for the exit; SIGKILL after `graceMs`. Safe to call twice. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

export function startDaemon(name: string, command: string, args: string[], options: SpawnOptions): Daemon {
  const child = spawn(command, args, { stdio: "ignore", ...options });
  live.add(child);
  mkdirSync(PID_DIR, { recursive: true });
  const pidFile = join(PID_DIR, `${name}-${child.pid}.pid`);
  // pid, command, and the test process that owns it (the runner leaves daemons of live owners alone).
  writeFileSync(pidFile, `${child.pid}\n${command}\n${process.pid}\n`);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      live.delete(child);
      rmSync(pidFile, { force: true });
      resolve({ code, signal });
    }),
  );
  return {
    child,
    exited,
    async stop(signal = "SIGTERM", graceMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A TCP port nothing listens on right now (loopback). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs: number, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (last error: ${(last as Error).message})` : ""}`);
}
