// Standard input is the user's, not the engine's: every command that opens the embedded engine is
// run three ways on three stores -- stdin closed (the reference), stdin a shell pipe and stdin a
// redirected file, both carrying valid records an engine reading fd 0 would store -- and must give
// the same output and the same figures. A shell loop of ingests (its `while read` feeds each
// command the loop's pipe) must ingest every file.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, type CliResult } from "../support/cli.ts";
import { ensureServices, type Services } from "../support/services.ts";
import { record } from "./support/figures.ts";
import { storeFacts } from "./support/store-facts.ts";

type Stdin = "closed" | "pipe" | "file";
const MODES: Stdin[] = ["closed", "pipe", "file"];
const work = mkdtempSync(join(tmpdir(), "casepulse-stdin-"));
const PHONE = "13987650321";
/**
 * Valid mediation records with fresh ids and a phone number: stored, they would move figures; every
 * string starts with STDIN- (and `name`, `version` fit schema_migrations) so any table they reach shows it.
 */
const payload = Array.from({ length: 5 }, (_, i) =>
  JSON.stringify({
    msg_id: `STDIN-${i}`, case_id: `STDIN-${i}`, name: `STDIN-${i}`, version: 900 + i, updated_at: "2024-05-01 10:00:00", registered_at: "2024-05-01 09:00:00",
    kind: "人民调解", dispute_type: "物业纠纷", status: "受理", caller_phone: PHONE,
  }),
).join("\n");
const payloadFile = join(work, "stdin.jsonl");
const chunksDir = join(work, "chunks");
let services: Services;

/** Runs `casepulse ARGS` under bash with stdin closed, piped from printf, or redirected from a file. */
function cli(args: string[], env: Record<string, string>, stdin: Stdin, untilMs?: number): Promise<CliResult> {
  const node = `"${process.execPath}" --import tsx services/cli/src/main.ts "$@"`;
  const script = { closed: `exec ${node} </dev/null`, pipe: `exec ${node} < <(printf '%s\\n' "$PAYLOAD")`, file: `exec ${node} <"$PAYLOAD_FILE"` }[stdin];
  const child = spawn("bash", ["-c", script, "casepulse", ...args], {
    cwd: ROOT, env: { ...process.env, ...env, PAYLOAD: payload, PAYLOAD_FILE: payloadFile }, stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  if (untilMs) setTimeout(() => child.kill("SIGTERM"), untilMs);
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** The everyday loop: `ls *.jsonl | while read f; do casepulse ingest …; done`. */
function shellLoop(env: Record<string, string>): Promise<CliResult> {
  const script = `ls "${chunksDir}"/*.jsonl | while read f; do "${process.execPath}" --import tsx services/cli/src/main.ts ingest --source mediation --file "$f" --json || exit 1; done`;
  const child = spawn("bash", ["-c", script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal, stdout, stderr })));
}

const envFor = (mode: Stdin) => ({
  CASEPULSE_DATA: join(work, `data-${mode}`), CASEPULSE_DB: "stdin", NODE_ENV: "test",
  REDIS_URL: services.redisUrl, CASEPULSE_PREFIX: `stdin-${mode}-${process.pid}`, CASEPULSE_HTTP_PORT: "0",
  CASEPULSE_REPORTS_DIR: join(work, `reports-${mode}`),
});

beforeAll(async () => {
  services = await ensureServices();
  writeFileSync(payloadFile, `${payload}\n`);
  mkdirSync(chunksDir);
  const lines = readFileSync(join(ROOT, "samples/mediation.jsonl"), "utf8").trim().split("\n");
  for (let i = 0; i < 3; i += 1) writeFileSync(join(chunksDir, `part-${i}.jsonl`), `${lines.filter((_, n) => n % 3 === i).join("\n")}\n`);
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await services?.stop();
});

describe("faults: standard input never reaches the engine", () => {
  it("a shell loop of ingests stores every file", async ({ task }) => {
    const r = await shellLoop(envFor("pipe"));
    expect(r.code, r.stderr).toBe(0);
    const outcomes = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { received: number; accepted: number });
    expect(outcomes).toHaveLength(3);
    const sample = readFileSync(join(ROOT, "samples/mediation.jsonl"), "utf8").trim().split("\n").length;
    expect(outcomes.reduce((n, o) => n + o.received, 0)).toBe(sample);
    record(task, { area: "faults", scenario: "shell loop of 3 ingests", figures: { files: 3, "files ingested": outcomes.length, "records read": sample } });
    rmSync(envFor("pipe").CASEPULSE_DATA, { recursive: true, force: true });
  });

  it("every command that opens the engine gives the same output and figures with stdin piped or redirected", async ({ task }) => {
    const steps: { name: string; args: string[]; untilMs?: number; compare: (out: string) => unknown }[] = [
      { name: "demo", args: ["demo", "--format", "json"], compare: (out) => JSON.parse(out) },
      { name: "ingest", args: ["ingest", "--source", "litigation", "--file", join(ROOT, "samples/litigation.jsonl"), "--json"], compare: (out) => JSON.parse(out) },
      { name: "report", args: ["report", "--period", "2024", "--format", "json"], compare: (out) => JSON.parse(out) },
      { name: "explain", args: ["explain", "--period", "2024", "--metric", "mediation.registered", "--json"], compare: (out) => out },
      { name: "dlq list", args: ["dlq", "list", "--json", "--limit", "100000"], compare: (out) => out.trim().split("\n").map((l) => (JSON.parse(l) as { reason: string }).reason).sort() },
      { name: "dlq replay", args: ["dlq", "replay"], compare: (out) => out },
      { name: "start", args: ["start", "--roles", "reporter"], untilMs: 6000, compare: () => null },
      { name: "report after", args: ["report", "--period", "2024", "--format", "json"], compare: (out) => JSON.parse(out) },
    ];
    const leaks: string[] = [];
    const finals: { quality: { received: number } }[] = [];
    for (const step of steps) {
      const results = await Promise.all(MODES.map((mode) => cli(step.args, envFor(mode), mode, step.untilMs)));
      results.forEach((r, i) => {
        expect(r.code, `${step.name} with stdin ${MODES[i]}: ${r.stderr}`).toBe(0);
        if (`${r.stdout}${r.stderr}`.includes(PHONE)) leaks.push(`${step.name}/${MODES[i]}`);
      });
      const [reference, ...others] = results.map((r) => step.compare(r.stdout));
      if (step.name === "report after") finals.push(...(results.map((r) => JSON.parse(r.stdout)) as typeof finals));
      for (const [i, other] of others.entries()) expect(other, `${step.name} with stdin ${MODES[i + 1]}`).toEqual(reference);
    }
    expect(leaks).toEqual([]);
    const facts = await Promise.all(MODES.map((mode) => storeFacts(envFor(mode), { dir: work, values: ["STDIN-", PHONE] })));
    for (const [i, f] of facts.entries()) {
      expect(f.scan!.leaks, `tables of the store with stdin ${MODES[i]}`).toEqual([]);
      expect(f.events, `event tables with stdin ${MODES[i]}`).toEqual(facts[0]!.events);
    }
    record(task, { area: "faults", scenario: "stdin piped / redirected on every engine command", figures: { commands: steps.length, "records invented": Math.max(...finals.map((f) => f.quality.received - finals[0]!.quality.received)), "stdin values in tables": facts.reduce((n, f) => n + f.scan!.leaks.length, 0), "phone in output": leaks.length } });
  });

  it("--file - reads standard input, from a shell pipe and from a parent's socket, as the file itself", async () => {
    const file = join(ROOT, "samples/mediation.jsonl");
    const byFile = await cli(["ingest", "--source", "mediation", "--file", file, "--json"], { ...envFor("closed"), CASEPULSE_DATA: join(work, "data-dash-ref") }, "closed");
    const shell = spawn("bash", ["-c", `cat "${file}" | "${process.execPath}" --import tsx services/cli/src/main.ts ingest --source mediation --file - --json`], {
      cwd: ROOT, env: { ...process.env, ...envFor("pipe"), CASEPULSE_DATA: join(work, "data-dash-pipe") }, stdio: ["ignore", "pipe", "pipe"],
    });
    const socket = spawn(process.execPath, ["--import", "tsx", "services/cli/src/main.ts", "ingest", "--source", "mediation", "--file", "-", "--json"], {
      cwd: ROOT, env: { ...process.env, ...envFor("file"), CASEPULSE_DATA: join(work, "data-dash-socket") }, stdio: ["pipe", "pipe", "pipe"],
    });
    socket.stdin.end(readFileSync(file));
    const outputs = await Promise.all([shell, socket].map((child) => new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
      child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`ingest --file - exited ${code}`))));
    })));
    const counts = (out: string) => {
      const { file: _, ...rest } = JSON.parse(out) as Record<string, unknown>;
      return rest;
    };
    expect(byFile.code, byFile.stderr).toBe(0);
    expect(counts(byFile.stdout)).toMatchObject({ received: 604 });
    for (const out of outputs) expect(counts(out)).toEqual(counts(byFile.stdout));
  });
});
