#!/usr/bin/env node
// `pnpm test:reliability [--quick] [vitest args]`: runs vitest.reliability.config.ts (RELIABILITY_QUICK=1
// with --quick), then stops any daemon a test started but could not stop (its pid file is still in
// out/reliability/pids), so a crashed run leaves no broker or redis-server behind.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { withPnpm } from "../../infra/scripts/ensure-pnpm.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pidDir = `${root}/out/reliability/pids`;
const args = process.argv.slice(2);
const quick = args.includes("--quick") || process.env.RELIABILITY_QUICK === "1";
const rest = args.filter((a) => a !== "--quick");

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function stopLeftovers() {
  if (!existsSync(pidDir)) return;
  for (const name of readdirSync(pidDir)) {
    const [pid, command, owner] = readFileSync(`${pidDir}/${name}`, "utf8").split("\n");
    // A daemon whose test process still runs belongs to another run in progress.
    if (owner && alive(Number(owner))) continue;
    let cmdline = "";
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      // already gone
    }
    // Only the process that file names (the pid may have been reused by something else).
    if (command && cmdline.includes(command)) {
      console.error(`reliability: stopping leftover ${name} (pid ${pid})`);
      process.kill(Number(pid), "SIGKILL");
    }
    rmSync(`${pidDir}/${name}`, { force: true });
  }
}

stopLeftovers();
// A table left by an earlier run must not pass for this one's.
rmSync(`${root}/out/reliability/reliability-report.md`, { force: true });
const child = spawn(`${root}/node_modules/.bin/vitest`, ["run", "--config", "vitest.reliability.config.ts", ...rest], {
  cwd: root,
  stdio: "inherit",
  env: { ...withPnpm(), RELIABILITY_QUICK: quick ? "1" : "0", RELIABILITY_RUNNER: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  stopLeftovers();
  const table = `${root}/out/reliability/reliability-report.md`;
  if (existsSync(table)) console.log(`\n${readFileSync(table, "utf8")}`);
  process.exit(code ?? (signal ? 1 : 0));
});
