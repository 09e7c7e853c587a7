// Runs a bench script or the CLI as its own node process, timed from spawn to exit, and measures
// its peak memory. The peak RSS is the kernel's: GNU time's %M, the ru_maxrss that wait4 reports
// for the process once it has ended (all its threads, every page it had resident at its peak).
// Beside it the parent samples /proc/<pid>/status every 50 ms for the split of that memory:
// RssAnon (heaps, the engine's buffers) and RssFile (mapped files, mostly the engine library's
// code). Without /usr/bin/time the peak is the last VmHWM sampled (it can miss the last 50 ms).
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { childEnv, NODE_ARGS, type Finished } from "./child.ts";
import { ROOT } from "./workdir.ts";

const TIME = "/usr/bin/time";

export interface PeakMemory {
  peakRssMb: number;
  /** How peakRssMb was taken. */
  source: "time %M" | "VmHWM sampled";
  peakAnonMb: number;
  peakFileMb: number;
}

const statusKb = (status: string, key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);

export function runWithPeakMemory(script: string, args: string[], env: Record<string, string>, scratch: string): Promise<Finished & PeakMemory> {
  const node = [process.execPath, ...NODE_ARGS, script, ...args];
  const timed = existsSync(TIME);
  const out = join(scratch, `time-${process.hrtime.bigint()}.txt`);
  const started = performance.now();
  const child = timed
    ? spawn(TIME, ["-f", "%M", "-o", out, ...node], { cwd: ROOT, env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] })
    : spawn(node[0]!, node.slice(1), { cwd: ROOT, env: childEnv(env), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let [hwmKb, anonKb, fileKb] = [0, 0, 0];
  const measuredPid = () => (timed ? readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(" ")[0] : String(child.pid));
  const sample = () => {
    try {
      const pid = measuredPid();
      if (!pid) return;
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      hwmKb = Math.max(hwmKb, statusKb(status, "VmHWM"));
      anonKb = Math.max(anonKb, statusKb(status, "RssAnon"));
      fileKb = Math.max(fileKb, statusKb(status, "RssFile"));
    } catch {
      // not started yet, or ended
    }
  };
  const timer = setInterval(sample, 50);
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`${script} ${args.join(" ")} exited ${code ?? signal}: ${stderr.slice(-2000)}`));
      const maxRssKb = timed ? Number(readFileSync(out, "utf8").trim().split("\n").pop()) : hwmKb;
      rmSync(out, { force: true });
      if (!Number.isFinite(maxRssKb) || maxRssKb <= 0) return reject(new Error(`no peak RSS measured for ${script} ${args.join(" ")}`));
      resolve({ stdout, stderr, wallMs, peakRssMb: maxRssKb / 1024, source: timed ? "time %M" : "VmHWM sampled", peakAnonMb: anonKb / 1024, peakFileMb: fileKb / 1024 });
    });
  });
}
