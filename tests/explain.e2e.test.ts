// `casepulse explain` against the report: for every count of the JSON report, in yearly and
// monthly periods, the records explain lists are as many as the figure, each counted once.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Explanation, Report } from "@casepulse/reporting";
import { childJson } from "./support/child-script.ts";
import { cliJson, runCli } from "./support/cli.ts";
import { generatedData, type GeneratedData } from "./support/generated-data.ts";
import { reportCounts } from "./support/report-counts.ts";

let data: GeneratedData;

async function explainAll(period: string, metrics: string[]): Promise<Explanation[]> {
  const file = join(data.work, `metrics-${period}.json`);
  writeFileSync(file, JSON.stringify(metrics));
  return childJson<Explanation[]>("explain-batch.ts", [period, file], data.env);
}

describe("casepulse explain: the records behind each count", () => {
  beforeAll(async () => {
    data = await generatedData("explain", 4242, 0.2);
  });
  afterAll(() => data?.cleanup());

  it.each(["2024", "2023", "2024-03", "2024-08", "2024-12"])("%s: every count equals its figure", async (period) => {
    const report = await cliJson<Report>(["report", "--period", period, "--format", "json"], data.env);
    const metrics = reportCounts(report);
    // The generated data must exercise the lists too, not only the fixed counts.
    expect(report.hotline.by_category.length).toBeGreaterThan(5);
    expect(report.litigation.causes.length).toBeGreaterThan(0);
    expect(report.hotline.by_unit.length).toBeGreaterThan(1);
    expect(report.mediation.by_dispute_type.length).toBeGreaterThan(0);
    // A year has items of several kinds and levels; a month may have none.
    if (!period.includes("-")) expect(report.supervision.by_kind.length).toBeGreaterThan(1);
    const explained = await explainAll(period, metrics.map(([name]) => name));
    expect(explained.map((e) => e.metric)).toEqual(metrics.map(([name]) => name));
    const mismatches = metrics.flatMap(([name, figure], i) => (explained[i]!.count === figure ? [] : [`${name}: report ${figure}, explain ${explained[i]!.count}`]));
    expect(mismatches).toEqual([]);
    for (const e of explained) {
      // Each order, case or caller (each stored record for quality.*) once, with the event that counted.
      const keys = e.records.map((rec) => (e.metric === "quality.accepted" ? `${rec.id} ${rec.msg_id}` : rec.id));
      expect(new Set(keys).size, e.metric).toBe(e.count);
      expect(e.records.every((rec) => !Number.isNaN(Date.parse(rec.at))), e.metric).toBe(true);
      // A rejected record may have no msg_id at all (not JSON, or the key missing).
      if (e.metric !== "quality.rejected") expect(e.records.filter((rec) => rec.msg_id === ""), e.metric).toEqual([]);
    }
  });

  it("the counted hotline event falls in the period (registration, closing, visit)", async () => {
    const [orders, closed, visited, prev] = await explainAll("2024-03", ["hotline.orders", "hotline.closed", "hotline.visited", "hotline.orders_prev"]);
    // March 2024 in Shanghai is [2024-02-29T16:00Z, 2024-03-31T16:00Z).
    const inMarch = (at: string) => at >= "2024-02-29T16:00:00.000Z" && at < "2024-03-31T16:00:00.000Z";
    for (const e of [orders!, closed!, visited!]) {
      expect(e.count, e.metric).toBeGreaterThan(0);
      expect(e.records.filter((rec) => !inMarch(rec.at)), e.metric).toEqual([]);
    }
    expect(prev!.records.filter((rec) => !(rec.at >= "2023-02-28T16:00:00.000Z" && rec.at < "2023-03-31T16:00:00.000Z"))).toEqual([]);
  });

  it("the command prints the same records as text and as JSON", async () => {
    const report = await cliJson<Report>(["report", "--period", "2024"], data.env);
    const community = report.hotline.by_community[0]!;
    const metric = `hotline.by_community:${community.community}`;
    const json = await cliJson<Explanation>(["explain", "--period", "2024", "--metric", metric, "--json"], data.env);
    expect(json).toMatchObject({ period: "2024", metric, count: community.orders });
    const text = await runCli(["explain", "--period", "2024", "--metric", metric], data.env);
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split("\n");
    expect(lines[0]).toBe(`${metric} 2024: ${community.orders} records`);
    expect(lines.slice(2).map((l) => l.split("\t").slice(0, 2))).toEqual(json.records.map((r) => [r.id, r.msg_id]));
  });

  it.each([
    { args: ["--period", "2024", "--metric", "hotline.ordres"], pattern: /^casepulse: --metric: unknown metric "hotline\.ordres"/ },
    { args: ["--period", "2024", "--metric", "hotline.on_time_close_rate"], pattern: /unknown metric "hotline\.on_time_close_rate"/ },
    { args: ["--period", "2024-13", "--metric", "hotline.orders"], pattern: /^casepulse: --period/ },
  ])("$args.3 → one line, exit 2", async ({ args, pattern }) => {
    const r = await runCli(["explain", ...args], data.env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe("");
  });
});
