// Every form an export comes in (FEEDS.md "Files"), end to end: `casepulse generate --formats`
// writes the generated feeds as .jsonl.gz, CSV (UTF-8 with BOM, English keys), CSV in GB18030
// (Chinese headers), .xlsx (Chinese headers and values, date cells) and the 12345 order list;
// each set is ingested into a store of its own and every figure compared with the reference.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEEDS } from "@casepulse/feeds";
import type { FormFile } from "@casepulse/synthetic";
import { cliJson, runCli } from "./support/cli.ts";
import { reportDifferences, withoutQuality } from "./support/compare.ts";

const work = mkdtempSync(join(tmpdir(), "casepulse-forms-"));
const feedsDir = join(work, "feeds");
const expected = (period: string) => JSON.parse(readFileSync(join(feedsDir, "expected", `${period}.json`), "utf8"));
const PERIODS = ["2023", "2024", "2024-03"];

type Outcome = { received: number; accepted: number; duplicates: number; rejected: number };
interface FormSet {
  name: string;
  /** The files of the set, by feed (the order list is two files). */
  files: { feed: string; file: string }[];
}

const byFeed = (name: (feed: string) => string) => FEEDS.map((feed) => ({ feed, file: name(feed) }));
const SETS: FormSet[] = [
  { name: "jsonl.gz", files: byFeed((f) => `${f}.jsonl.gz`) },
  { name: "csv", files: byFeed((f) => `${f}.csv`) },
  { name: "csv-gbk", files: byFeed((f) => `${f}-gbk.csv`) },
  { name: "xlsx", files: byFeed((f) => `${f}.xlsx`) },
  {
    name: "hotline-orders.xlsx",
    files: [
      { feed: "hotline", file: "hotline-orders.xlsx" },
      { feed: "hotline", file: "hotline-orders-events.xlsx" },
      ...byFeed((f) => `${f}.xlsx`).filter((f) => f.feed !== "hotline"),
    ],
  },
];

let forms: FormFile[] = [];
const formOf = (file: string) => forms.find((f) => f.file === file)!;
const envOf = (set: FormSet) => ({ CASEPULSE_DATA: join(work, `data-${set.name}`), CASEPULSE_DB: "e2e_forms", NODE_ENV: "test" });

async function ingestSet(set: FormSet): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const { feed, file } of set.files) {
    outcomes.push(await cliJson<Outcome>(["ingest", "--source", feed, "--file", join(feedsDir, file), "--json"], envOf(set)));
  }
  return outcomes;
}

describe("file forms: generate --formats → ingest → report", () => {
  beforeAll(async () => {
    const gen = await runCli(["generate", "--out", feedsDir, "--seed", "20240401", "--scale", "0.25", "--formats", "jsonl.gz,csv,csv-gbk,xlsx,hotline-orders.xlsx"], {});
    expect(gen.code, gen.stderr).toBe(0);
    forms = JSON.parse(readFileSync(join(feedsDir, "expected", "forms.json"), "utf8")) as FormFile[];
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("the order list holds most orders as rows, the rest as event rows", () => {
    const rows = formOf("hotline-orders.xlsx");
    const events = formOf("hotline-orders-events.xlsx");
    expect(rows.records).toBeGreaterThan(events.records);
    expect(events.accepted).toBeGreaterThan(0);
  });

  describe.each(SETS)("$name", (set) => {
    it("each file reads the records, accepts and rejects what the generator counted", async () => {
      const outcomes = await ingestSet(set);
      set.files.forEach(({ file }, i) => {
        const f = formOf(file);
        const { received, accepted, rejected } = outcomes[i]!;
        expect({ file, received, accepted, rejected }).toEqual({ file, received: f.records, accepted: f.accepted, rejected: f.rejected });
      });
    });

    it.each(PERIODS)("report %s equals the reference figures; quality counts this set's rows", async (period) => {
      const report = await cliJson<{ quality: Outcome }>(["report", "--period", period, "--format", "json"], envOf(set));
      expect(reportDifferences(withoutQuality(report), withoutQuality(expected(period)))).toEqual([]);
      const mine = set.files.map(({ file }) => formOf(file));
      const received = mine.reduce((n, f) => n + f.records, 0);
      const rejected = mine.reduce((n, f) => n + f.rejected, 0);
      const accepted = mine.reduce((n, f) => n + f.accepted, 0);
      expect(report.quality).toEqual({ received, accepted, duplicates: received - rejected - accepted, rejected });
    });

    it("loading the same export again changes no figure", async () => {
      const before = await cliJson<{ quality: Outcome }>(["report", "--period", "2024"], envOf(set));
      const again = await ingestSet(set);
      expect(again.map((o) => o.accepted)).toEqual(set.files.map(() => 0));
      const after = await cliJson<{ quality: Outcome }>(["report", "--period", "2024"], envOf(set));
      expect(reportDifferences(withoutQuality(after), withoutQuality(before))).toEqual([]);
      expect(after.quality.accepted).toBe(before.quality.accepted);
    });
  });
});
