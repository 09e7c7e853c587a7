// `casepulse sql`: every ready query of docs/analysts.md run through the command gives the rows
// the store gives; each output form carries the same rows; anything but a read is refused with
// one line and exit code 2, and changes nothing.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readyQueries } from "./support/analyst-docs.ts";
import { childJson } from "./support/child-script.ts";
import { ROOT, runCli } from "./support/cli.ts";
import { generatedData, type GeneratedData } from "./support/generated-data.ts";

type Row = Record<string, unknown>;
let data: GeneratedData;

const docQueries = () => [...readyQueries()].map(([name, sql]) => ({ name, sql }));

async function sqlJson(args: string[]): Promise<Row[]> {
  const r = await runCli(["sql", "--format", "json", ...args], data.env);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim() === "" ? [] : r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Row);
}

beforeAll(async () => {
  data = await generatedData("sql", 4242, 0.05, "casepulse");
});
afterAll(() => data?.cleanup());

describe("casepulse sql", () => {
  it("runs every query of docs/analysts.md with the rows the store gives", async () => {
    const queries = docQueries();
    expect(queries.length).toBeGreaterThanOrEqual(6);
    const file = join(data.work, "doc-queries.json");
    writeFileSync(file, JSON.stringify(queries.map((q) => q.sql)));
    const direct = await childJson<({ rows: Row[] } | { error: string })[]>("run-sql.ts", [file], data.env);
    for (const [i, q] of queries.entries()) {
      const expected = direct[i]!;
      if ("error" in expected) expect.fail(`${q.name}: ${expected.error}`);
      expect(await sqlJson([q.sql]), q.name).toEqual(expected.rows);
    }
  });

  it("csv, tsv and xlsx carry the rows json carries; --param and --file feed the query", async () => {
    const query = "SELECT kind, count() AS cases FROM casepulse.mediation_cases WHERE registered_at >= {since:DateTime64(3)} GROUP BY kind ORDER BY kind";
    const queryFile = join(data.work, "q.sql");
    writeFileSync(queryFile, query);
    const args = ["--file", queryFile, "--param", "since=2024-01-01 00:00:00"];
    const rows = await sqlJson(args);
    expect(rows.length).toBeGreaterThan(1);
    const asLines = rows.map((r) => `${r.kind as string}${"\t"}${r.cases as number}`);
    const tsv = await runCli(["sql", "--format", "tsv", ...args], data.env);
    expect(tsv.stdout.trim().split("\n")).toEqual(["kind\tcases", ...asLines]);
    const csv = await runCli(["sql", "--format", "csv", ...args], data.env);
    expect(csv.stdout.trim().split("\n")).toEqual(['"kind","cases"', ...rows.map((r) => `"${r.kind as string}",${r.cases as number}`)]);
    const out = join(data.work, "q.xlsx");
    const xlsx = await runCli(["sql", "--format", "xlsx", "--out", out, ...args], data.env);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0]!;
    const values = sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(values).toEqual([["kind", "cases"], ...rows.map((r) => [r.kind, r.cases])]);
  });

  it("refuses anything but one read with one line and exit 2, and changes nothing", async () => {
    const refused: [string, RegExp][] = [
      ["DROP TABLE casepulse.reports", /only SELECT, WITH, SHOW, DESCRIBE and EXPLAIN are run, not DROP/],
      ["INSERT INTO casepulse.reports (period, trigger, report) VALUES ('x', 'cli', '{}')", /not INSERT/],
      ["ALTER TABLE casepulse.reports DELETE WHERE 1", /not ALTER/],
      ["SELECT 1; DROP TABLE casepulse.reports", /one statement at a time/],
      ["SELECT 1 INTO OUTFILE '/tmp/casepulse-sql-outfile'", /INTO OUTFILE/],
      ["SET readonly = 0", /not SET/],
      ["SELECT * FROM casepulse.reports WHERE", /one statement/],
    ];
    const count = "SELECT (SELECT count() FROM casepulse.reports) AS reports, (SELECT count() FROM system.tables WHERE database = 'casepulse') AS tables";
    const before = await sqlJson([count]);
    for (const [query, reason] of refused) {
      const r = await runCli(["sql", query], data.env);
      expect(r.code, query).toBe(2);
      expect(r.stderr.trim().split("\n"), query).toHaveLength(1);
      expect(r.stderr, query).toMatch(reason);
    }
    expect(await sqlJson([count])).toEqual(before);
  });

  it("bad arguments name themselves", async () => {
    for (const [args, pattern] of [
      [["sql"], /no query/],
      [["sql", "SELECT 1", "--param", "=x"], /--param =x/],
      [["sql", "SELECT 1", "--format", "xlsx"], /--out/],
      [["sql", "--file", join(data.work, "missing.sql")], /--file/],
    ] as const) {
      const r = await runCli([...args], data.env);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(pattern);
    }
  });
});
