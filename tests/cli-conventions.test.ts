// The command line's conventions: --version; --help for every command (and the bench) without a
// stack trace; --json on every command that prints a result, in README's shapes; NO_COLOR keeps
// ANSI colour out of the terminal (the logger's pretty mode, the sql table, the ingest progress
// bar), checked on a real pseudo-terminal (util-linux `script`).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BenchUsageError, parseOptions, USAGE } from "../bench/options.ts";
import { ROOT, runCli, waitForExit, type CliResult } from "./support/cli.ts";
import { generatedData, type GeneratedData } from "./support/generated-data.ts";
import { testPipeline } from "./support/pipeline.ts";
import { ensureServices, type Services } from "./support/services.ts";

const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
/** An SGR sequence that sets a colour or style: what NO_COLOR rules out (cursor moves stay). */
const SGR = /\x1b\[[0-9;]*m/;

let data: GeneratedData;
beforeAll(async () => {
  data = await generatedData("conventions", 77, 0.01);
});
afterAll(() => data?.cleanup());

/** A command on a pseudo-terminal: stdout and stderr are a TTY, as for a person at a shell. */
async function onTerminal(command: string[], env: Record<string, string>): Promise<CliResult> {
  const line = command.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const child = spawn("script", ["-qec", line, "/dev/null"], { cwd: ROOT, env: { ...process.env, TERM: "xterm-256color", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  return waitForExit(child);
}

const cli = (args: string[]) => [process.execPath, "--import", "tsx", join(ROOT, "services/cli/src/main.ts"), ...args];

function oneLineError(r: CliResult): void {
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe("version and help", () => {
  it("--version prints the version of package.json", async () => {
    const r = await runCli(["--version"], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
  });

  it("--help exits 0 with the usage, for the program and commands at each depth", async () => {
    const commands = [[], ["report"], ["dlq", "replay"], ["jobs", "failed"]];
    const results = await Promise.all(commands.map((c) => runCli([...c, "--help"], {})));
    for (const [i, r] of results.entries()) {
      expect(r.code, commands[i]!.join(" ")).toBe(0);
      expect(r.stdout, commands[i]!.join(" ")).toMatch(new RegExp(`^Usage: casepulse${commands[i]!.map((c) => ` ${c}`).join("")}`));
      expect(r.stderr).toBe("");
    }
  });

  it("pnpm bench --help prints its usage; a bad argument is one line and exit 2", async () => {
    const bench = (args: string[]) => waitForExit(spawn(process.execPath, ["--import", "tsx", "bench/main.ts", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] }));
    const help = await bench(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(`${USAGE}\n`);
    const bad = await bench(["--runs", "0"]);
    oneLineError(bad);
    expect(bad.stderr).toBe("bench: --runs 0: must be a positive integer\n");
    // The other mistakes take the same way out (BenchUsageError), each naming the argument.
    for (const [args, message] of [
      [["--bogus"], /^unknown argument --bogus/],
      [["--only", "ingest,nothing"], /^--only ingest,nothing: nothing is not one of ingest,stream,reports$/],
      [["--runs"], /^--runs needs a value/],
      [["--runs", "--json"], /^--runs needs a value/],
    ] as const) {
      expect(() => parseOptions(args)).toThrow(BenchUsageError);
      expect(() => parseOptions(args)).toThrow(message);
    }
    expect(parseOptions(["-h"])).toBe("help");
    expect(parseOptions(["--", "--smoke", "--only", "ingest"])).toMatchObject({ smoke: true, runs: 1, only: new Set(["ingest"]) });
  });
});

describe("configuration checked at start", () => {
  it.each([
    [{ CASEPULSE_REPORT_CRON: "0 8 32 * *" }, /^casepulse: invalid environment variable CASEPULSE_REPORT_CRON \("0 8 32 \* \*"\): .*expected range 1-31/],
    [{ CASEPULSE_REPORT_CRON: "0 8 30 2 *" }, /^casepulse: invalid environment variable CASEPULSE_REPORT_CRON .*fires/],
    [{ CLICKHOUSE_CLUSTER: "casepulse" }, /^casepulse: invalid environment variable CLICKHOUSE_CLUSTER \("casepulse"\): needs CLICKHOUSE_URL/],
  ])("%j stops `start` with one line naming it, exit 2", async (env, message) => {
    const r = await runCli(["start", "--roles", "reporter"], { ...data.env, ...env });
    oneLineError(r);
    expect(r.stderr).toMatch(message);
  });
});

describe("--json", () => {
  it("is --format json where a command has formats, and not with another format", async () => {
    // One after the other: one process at a time opens the embedded folder.
    const json = await runCli(["report", "--period", "2024-03", "--json"], data.env);
    const format = await runCli(["report", "--period", "2024-03", "--format", "json"], data.env);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).toBe(format.stdout);
    const sql = await runCli(["sql", "--json", "SELECT 1 AS one, 'a' AS two"], data.env);
    expect(sql.stdout).toBe('{"one":1,"two":"a"}\n');
    const both = await runCli(["report", "--period", "2024", "--json", "--format", "md"], data.env);
    oneLineError(both);
    expect(both.stderr).toMatch(/--json.*--format/);
  });

  it("generate and dlq replay print one object of README's shape", async () => {
    const out = join(data.work, "generated-json");
    const gen = await runCli(["generate", "--out", out, "--seed", "3", "--scale", "0.01", "--json"], {});
    expect(gen.code, gen.stderr).toBe(0);
    const manifest = JSON.parse(gen.stdout) as { out: string; seed: number; files: Record<string, { file: string; lines?: number }> };
    expect(manifest).toMatchObject({ out, seed: 3 });
    expect(Object.keys(manifest.files)).toEqual(expect.arrayContaining(["hotline", "mediation", "litigation", "supervision"]));
    // Every pending letter replayed once, per feed, as `dlq list` counts them.
    const list = await runCli(["dlq", "list", "--json", "--limit", "1000000"], data.env);
    const pending = new Map<string, number>();
    for (const line of list.stdout.split("\n").filter(Boolean)) {
      const feed = (JSON.parse(line) as { feed: string }).feed;
      pending.set(feed, (pending.get(feed) ?? 0) + 1);
    }
    expect(pending.size).toBeGreaterThan(0);
    const replay = await runCli(["dlq", "replay", "--json"], data.env);
    expect(replay.code, replay.stderr).toBe(0);
    const shape = JSON.parse(replay.stdout) as { feeds: { feed: string; replayed: number; accepted: number; duplicates: number; still_rejected: number }[]; not_replayed: unknown[] };
    expect(Object.keys(shape).sort()).toEqual(["feeds", "not_replayed"]);
    expect(shape.not_replayed).toEqual([]);
    for (const f of shape.feeds) {
      expect(Object.keys(f).sort()).toEqual(["accepted", "duplicates", "feed", "opened_with_old_key", "replayed", "still_rejected"]);
      expect(f.accepted + f.duplicates + f.still_rejected, f.feed).toBe(f.replayed);
    }
    expect(Object.fromEntries(shape.feeds.map((f) => [f.feed, f.replayed]))).toEqual(Object.fromEntries(pending));
  });

  describe("on the stream commands (real Kafka and Redis)", () => {
    let services: Services;
    beforeAll(async () => {
      services = await ensureServices();
    });
    afterAll(async () => services?.stop());

    it("produce, request-report and jobs failed", async () => {
      const p = testPipeline(services, "json");
      try {
        const file = join(data.work, "feeds", "supervision.jsonl");
        const lines = readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "").length;
        const produced = await runCli(["produce", "--source", "supervision", "--file", file, "--json"], p.env);
        expect(produced.code, produced.stderr).toBe(0);
        expect(JSON.parse(produced.stdout)).toEqual({ source: "supervision", file, topic: p.env.CASEPULSE_TOPIC_SUPERVISION, messages: lines });
        const requested = await runCli(["request-report", "--period", "2024-05", "--json"], p.env);
        expect(requested.code, requested.stderr).toBe(0);
        expect(JSON.parse(requested.stdout)).toEqual({ period: "2024-05", job_id: expect.any(String), queue: `${p.env.CASEPULSE_PREFIX}-reports` });
        const failed = await runCli(["jobs", "failed", "--json"], p.env);
        expect(failed.code, failed.stderr).toBe(0);
        expect(failed.stdout).toBe("");
      } finally {
        await p.cleanup();
      }
    });
  });
});

describe("NO_COLOR on a terminal", () => {
  const pretty = ["--import", "tsx", join(ROOT, "tests/support/pretty-log.ts")];

  it("the logger's pretty mode is coloured, and not under NO_COLOR", async () => {
    const coloured = await onTerminal([process.execPath, ...pretty], { NO_COLOR: "" });
    expect(coloured.stdout).toContain("hello from the pretty logger");
    expect(coloured.stdout).toMatch(SGR);
    const plain = await onTerminal([process.execPath, ...pretty], { NO_COLOR: "1" });
    expect(plain.stdout).toContain("hello from the pretty logger");
    expect(plain.stdout).not.toMatch(SGR);
  });

  it("the sql table's header is cyan, and not under NO_COLOR", async () => {
    const coloured = await onTerminal(cli(["sql", "SELECT 1 AS one"]), { ...data.env, NO_COLOR: "" });
    expect(coloured.code, coloured.stdout).toBe(0);
    expect(coloured.stdout).toMatch(/\x1b\[36m ?one/);
    const plain = await onTerminal(cli(["sql", "SELECT 1 AS one"]), { ...data.env, NO_COLOR: "1" });
    expect(plain.stdout).toMatch(/│ one │/);
    expect(plain.stdout).not.toMatch(SGR);
  });

  it("the ingest progress bar has no colour under NO_COLOR", async () => {
    const r = await onTerminal(cli(["ingest", "--source", "litigation", "--file", join(data.work, "feeds", "litigation.jsonl")]), { ...data.env, NO_COLOR: "1" });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/litigation \|[█░]+\| \d+%/);
    expect(r.stdout).not.toMatch(SGR);
  });
});
