// The file path end to end: generated feeds → `casepulse ingest` → embedded ClickHouse →
// `casepulse report --format json`, every figure against the generator's independent reference.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliJson, runCli } from "./support/cli.ts";
import { reportDifferences, withoutQuality } from "./support/compare.ts";
import { FEEDS } from "@casepulse/feeds";

const work = mkdtempSync(join(tmpdir(), "casepulse-file-"));
const env = { CASEPULSE_DATA: join(work, "data"), CASEPULSE_DB: "e2e_file", NODE_ENV: "test" };
const feedsDir = join(work, "feeds");
const expected = (period: string) => JSON.parse(readFileSync(join(feedsDir, "expected", `${period}.json`), "utf8"));
/** Every caller_phone and content value of a feed file, as written upstream. */
function personalValues(path: string): string[] {
  const values = new Set<string>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    try {
      const record = JSON.parse(line) as Record<string, unknown>;
      for (const key of ["caller_phone", "content"]) {
        const v = record[key];
        if (typeof v === "string" && v.length >= 6) values.add(v);
      }
    } catch {
      // not JSON: nothing to collect
    }
  }
  return [...values];
}

const PERIODS = ["2023", "2024", "2023-12", "2024-01", "2024-03", "2024-04", "2024-05", "2024-07", "2024-09", "2024-12"];

describe("file path: generate → ingest → report", () => {
  beforeAll(async () => {
    const gen = await runCli(["generate", "--out", feedsDir, "--seed", "20241231", "--scale", "0.5"], env);
    expect(gen.code, gen.stderr).toBe(0);
    for (const feed of FEEDS) {
      const r = await cliJson<{ received: number; accepted: number; duplicates: number; rejected: number }>(
        ["ingest", "--source", feed, "--file", join(feedsDir, `${feed}.jsonl`), "--json"],
        env,
      );
      const manifest = JSON.parse(readFileSync(join(feedsDir, "expected", "manifest.json"), "utf8"));
      expect(r.received).toBe(manifest.files[feed].lines);
      expect(r.rejected).toBe(manifest.files[feed].rejected);
    }
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each(PERIODS)("report %s equals the reference figures", async (period) => {
    const report = await cliJson<object>(["report", "--period", period, "--format", "json"], env);
    expect(reportDifferences(report, expected(period))).toEqual([]);
  });

  it("a second ingest of the same files changes no figure; quality counts the second reading", async () => {
    const before = await cliJson<{ quality: { received: number; accepted: number; duplicates: number; rejected: number } }>(
      ["report", "--period", "2024"],
      env,
    );
    for (const feed of FEEDS) {
      const r = await cliJson<{ accepted: number }>(["ingest", "--source", feed, "--file", join(feedsDir, `${feed}.jsonl`), "--json"], env);
      expect(r.accepted).toBe(0);
    }
    const after = await cliJson<typeof before>(["report", "--period", "2024"], env);
    expect(reportDifferences(withoutQuality(after), withoutQuality(before))).toEqual([]);
    const q = expected("2024").quality;
    expect(after.quality).toEqual({
      received: 2 * q.received,
      accepted: q.accepted,
      duplicates: 2 * q.received - 2 * q.rejected - q.accepted,
      rejected: 2 * q.rejected,
    });
  });

  it("markdown and html renderings carry the same figures", async () => {
    const report = expected("2024");
    const md = await runCli(["report", "--period", "2024", "--format", "md"], env);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(`受理工单${report.hotline.orders}件`);
    const html = await runCli(["report", "--period", "2024", "--format", "html"], env);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).toContain(`受理工单${report.hotline.orders}件`);
  });

  it("rejected records are listed with reasons and never show a phone number in clear", async () => {
    const r = await runCli(["dlq", "list", "--json", "--limit", "100000"], env);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { reason: string; preview: string | null });
    expect(rows.length).toBe(2 * expected("2024").quality.rejected);
    expect(rows.every((row) => row.reason.length > 0)).toBe(true);
    const personal = personalValues(join(feedsDir, "hotline.jsonl"));
    expect(personal.length).toBeGreaterThan(100);
    expect(personal.filter((value) => r.stdout.includes(value))).toEqual([]);
  });

  it("bad arguments give one line naming them and a non-zero exit", async () => {
    const cases = [
      [["report", "--period", "2024-13"], /--period/],
      [["ingest", "--source", "hotline", "--file", join(work, "missing.jsonl")], /--file/],
      [["ingest", "--source", "weibo", "--file", "x"], /--source/],
    ] as const;
    for (const [args, pattern] of cases) {
      const r = await runCli([...args], env);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(pattern);
    }
  });
});
