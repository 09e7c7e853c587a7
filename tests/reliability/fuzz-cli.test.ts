// Property-based fuzzing of the CLI's arguments through the real `casepulse` process: each case is
// a command with valid arguments, changed in at most one way (a bad value, hostile text, a missing
// required option, an unknown option, an extra argument). Valid calls succeed; every mistake
// exits 2 with one line naming it, and nothing crashes with a stack trace.
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.ts";
import { record } from "./support/figures.ts";
import { dropServerDatabase } from "./support/stream-run.ts";
import { PROFILE } from "./support/profile.ts";

const work = mkdtempSync(join(tmpdir(), "casepulse-fuzz-cli-"));
const env = { CASEPULSE_DATA: join(work, "data"), CASEPULSE_DB: `rel_cli_${process.pid}`, NODE_ENV: "test", KAFKA_BROKERS: "127.0.0.1:1", REDIS_URL: "redis://127.0.0.1:1" };
const sample = join(work, "sample.jsonl");
writeFileSync(sample, `${JSON.stringify({ msg_id: "c1", order_id: "O1", event: "派发", event_time: "2024-03-01 10:00:00" })}\n`);
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await dropServerDatabase(env);
});
const SEED = Number(process.env.RELIABILITY_SEED ?? 20_241_231);

const HOSTILE = ["", " ", "-", "--", "\u0001", "a\nb", "中文", "$(id)", "'; DROP TABLE x; --", "../../etc/passwd", "%s%n", "x".repeat(100_000)];
const hostile = fc.constantFrom(...HOSTILE);
const FEED = fc.constantFrom("hotline", "mediation", "litigation");
const BAD_FEED = fc.oneof(fc.constantFrom("weibo", "HOTLINE", "hotline "), hostile);
let seq = 0;
const fresh = (prefix: string) => fc.constant(null).map(() => join(work, `${prefix}-${(seq += 1)}`));

interface OptionSpec {
  name: string;
  required?: boolean;
  flag?: boolean;
  valid: fc.Arbitrary<string>;
  invalid: fc.Arbitrary<string>;
}
interface CommandSpec {
  argv: string[];
  options: OptionSpec[];
  /** Valid calls would need Kafka or start the pipeline: only broken calls are made. */
  onlyBroken?: boolean;
}

const year = fc.integer({ min: 1900, max: 2299 });
const COMMANDS: CommandSpec[] = [
  {
    argv: ["report"],
    options: [
      {
        name: "--period",
        required: true,
        valid: fc.oneof(year.map(String), fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`)),
        invalid: fc.oneof(fc.constantFrom("2024-13", "2024-00", "24", "2024-1", "2024-03-01", "1899", "2300", "２０２４", "2024 ", "2024\n"), hostile),
      },
      { name: "--format", valid: fc.constantFrom("json", "md", "html"), invalid: fc.oneof(fc.constantFrom("pdf", "JSON", "json "), hostile) },
      { name: "--out", valid: fresh("report"), invalid: fc.constantFrom(work, join(work, "missing-dir", "r.json")) },
    ],
  },
  {
    argv: ["ingest"],
    options: [
      { name: "--source", required: true, valid: FEED, invalid: BAD_FEED },
      { name: "--file", required: true, valid: fc.constant(sample), invalid: fc.oneof(fc.constantFrom(work, join(work, "missing.jsonl")), hostile) },
      { name: "--json", flag: true, valid: fc.constant(""), invalid: fc.constant("") },
    ],
  },
  {
    argv: ["dlq", "list"],
    options: [
      { name: "--source", valid: FEED, invalid: BAD_FEED },
      { name: "--status", valid: fc.constantFrom("pending", "replayed"), invalid: fc.oneof(fc.constantFrom("done", "PENDING"), hostile) },
      { name: "--limit", valid: fc.integer({ min: 1, max: 100_000 }).map(String), invalid: fc.constantFrom("0", "-1", "abc", "2.5", "", "1e400", "NaN", "Infinity") },
    ],
  },
  {
    argv: ["generate"],
    options: [
      { name: "--out", required: true, valid: fresh("gen"), invalid: fc.constant(sample) },
      { name: "--seed", valid: fc.integer({ min: -1000, max: 1_000_000 }).map(String), invalid: fc.constantFrom("1.5", "abc", "", "1e400", "NaN") },
      { name: "--scale", valid: fc.constantFrom("0.002", "0.005", "0.01"), invalid: fc.constantFrom("0", "-1", "abc", "", "Infinity", "1e9", "101", "NaN") },
      {
        name: "--streets",
        valid: fc.constantFrom("蛇口街道,招商街道,粤海街道", "招商街道", "招商街道，粤海街道", " 招商街道 , 蛇口街道"),
        invalid: fc.constantFrom("", ",", "招商街道,,粤海街道", "招商街道,招商街道", "../x", "a/b", "..", "x".repeat(300)),
      },
    ],
  },
  {
    argv: ["produce"],
    onlyBroken: true,
    options: [
      { name: "--source", required: true, valid: FEED, invalid: BAD_FEED },
      { name: "--file", required: true, valid: fc.constant(sample), invalid: fc.constant(join(work, "missing.jsonl")) },
      { name: "--batch", valid: fc.constant("500"), invalid: fc.constantFrom("0", "-5", "abc", "", "2.5") },
    ],
  },
  {
    argv: ["start"],
    onlyBroken: true,
    options: [{ name: "--roles", valid: fc.constant("ingest"), invalid: fc.oneof(fc.constantFrom("", "ingest,foo", "all", ",", "INGEST"), hostile) }],
  },
];

type Change = { kind: "none" } | { kind: "bad-value"; option: string } | { kind: "drop-required"; option: string } | { kind: "unknown-option" } | { kind: "extra-argument" };
interface CliCase {
  argv: string[];
  change: Change;
  /** What the one line of a usage error must name. */
  names: string | null;
}

const cliCase: fc.Arbitrary<CliCase> = fc.constantFrom(...COMMANDS).chain((spec) => {
  const changes: fc.Arbitrary<Change>[] = [
    ...spec.options.filter((o) => !o.flag).map((o) => fc.constant<Change>({ kind: "bad-value", option: o.name })),
    ...spec.options.filter((o) => o.required).map((o) => fc.constant<Change>({ kind: "drop-required", option: o.name })),
    fc.constant<Change>({ kind: "unknown-option" }),
    fc.constant<Change>({ kind: "extra-argument" }),
  ];
  if (!spec.onlyBroken) changes.push(fc.constant<Change>({ kind: "none" }), fc.constant<Change>({ kind: "none" }));
  return fc.oneof(...changes).chain((change) => {
    const values = spec.options.map((o) => {
      const broken = change.kind === "bad-value" && change.option === o.name;
      return fc.tuple(fc.constant(o), broken ? o.invalid : o.valid, o.required || broken ? fc.constant(true) : fc.boolean());
    });
    return fc.tuple(...values).map((chosen) => {
      const argv = [...spec.argv];
      for (const [o, value, include] of chosen) {
        if (!include || (change.kind === "drop-required" && change.option === o.name)) continue;
        argv.push(o.flag ? o.name : `${o.name}=${value}`);
      }
      if (change.kind === "unknown-option") argv.push("--no-such-option");
      if (change.kind === "extra-argument") argv.push("stray");
      const names = change.kind === "none" ? null : change.kind === "unknown-option" ? "--no-such-option" : change.kind === "extra-argument" ? spec.argv.at(-1)! : change.option;
      return { argv, change, names };
    });
  });
});

describe("hostile input: CLI arguments", () => {
  it("valid calls succeed; each mistake exits 2 with one line naming it; no stack traces", async ({ task }) => {
    const tally = { runs: 0, usage: 0, ok: 0, commands: new Set<string>() };
    try {
      await fc.assert(
        fc.asyncProperty(cliCase, async (c) => {
          tally.runs += 1;
          tally.commands.add(c.argv.slice(0, c.argv[0] === "dlq" ? 2 : 1).join(" "));
          const r = await runCli(c.argv, env);
          const shown = `casepulse ${c.argv.map((a) => a.slice(0, 60)).join(" ")} → ${r.code}: ${r.stderr.slice(0, 500)}`;
          expect(r.signal, shown).toBeNull();
          expect(r.stderr, shown).not.toMatch(/^\s+at /m);
          if (c.names === null) {
            expect(r.code, shown).toBe(0);
            tally.ok += 1;
          } else {
            expect(r.code, shown).toBe(2);
            const lines = r.stderr.trimEnd().split("\n");
            expect(lines, shown).toHaveLength(1);
            expect(lines[0], shown).toMatch(/^casepulse: /);
            expect(lines[0], shown).toContain(c.names);
            tally.usage += 1;
          }
        }),
        { numRuns: PROFILE.cliRuns, seed: SEED },
      );
    } finally {
      record(task, {
        area: "hostile input",
        scenario: "fuzzed CLI arguments (real casepulse processes)",
        figures: { calls: tally.runs, "usage errors (exit 2)": tally.usage, "valid calls (exit 0)": tally.ok, commands: tally.commands.size },
      });
    }
  });
});
