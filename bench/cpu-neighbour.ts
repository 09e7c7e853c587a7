// A CPU-heavy neighbour for the latency bench: a node process spinning in a busy loop, which keeps
// one core busy while it runs (the scheduler places it; nothing pins it). The loop ends itself
// when its parent is gone, so a bench killed outright leaves no spinning process behind.
import { spawn } from "node:child_process";

const LOOP = `
const parent = process.ppid;
process.send("ready", () => {
  for (let i = 1; ; i += 1) if (i % 100_000_000 === 0 && process.ppid !== parent) process.exit(0);
});`;

export interface Neighbour {
  /** Kills the loop and waits for it to end; safe to call twice. */
  stop(): Promise<void>;
}

export async function startBusyLoop(): Promise<Neighbour> {
  const child = spawn(process.execPath, ["-e", LOOP], { stdio: ["ignore", "ignore", "ignore", "ipc"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("error", reject);
    child.once("exit", (code, signal) => reject(new Error(`busy loop exited ${code ?? signal} before it started`)));
  });
  child.disconnect();
  return {
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
