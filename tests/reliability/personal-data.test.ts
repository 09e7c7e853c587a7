// Personal data: after a stream run at LOG_LEVEL=debug, none of the input's caller_phone or content
// values (nor the phone as bare digits, nor a cut-off copy of a text) is in any String column of
// any ClickHouse table, in any log line, or in any report format. And in production the pipeline
// refuses to start without its own CASEPULSE_PII_KEY.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.ts";
import { produceAll } from "../support/pipeline.ts";
import { ensureServices, type Services } from "../support/services.ts";
import { DEV_PII_KEY } from "@casepulse/config";
import { record } from "./support/figures.ts";
import { needleIndex, personalNeedles } from "./support/needle-index.ts";
import { waitFor } from "./support/processes.ts";
import { PROFILE } from "./support/profile.ts";
import { storeFacts } from "./support/store-facts.ts";
import { generatedRun, type GeneratedRun } from "./support/stream-run.ts";

let services: Services;
beforeAll(async () => {
  services = await ensureServices();
});
afterAll(async () => services?.stop());

/** Every JSON object line of a feed file (malformed lines too: their personal data counts as well). */
function feedObjects(path: string): Record<string, unknown>[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .flatMap((line) => {
      try {
        const v: unknown = JSON.parse(line);
        return v && typeof v === "object" && !Array.isArray(v) ? [v as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
}

describe("personal data", () => {
  it("no caller_phone or content value in any ClickHouse String column, log line or report (json, md, html)", async ({ task }) => {
    let run: GeneratedRun | undefined;
    try {
      run = await generatedRun(services, "pii", { seed: 404, scale: PROFILE.scale, env: { LOG_LEVEL: "debug" } });
      const p = run.pipeline;
      const hotline = feedObjects(join(run.feedsDir, "hotline.jsonl"));
      const { needles, phones, contents } = personalNeedles(hotline);
      const index = needleIndex(needles);
      // A value the store must hold in clear: finding it proves the scan reaches the rows.
      const canary = String(hotline.find((r) => typeof r.order_id === "string" && r.order_id.length >= 6)!.order_id);

      await produceAll(p.env, run.feedsDir);
      const proc = run.start();
      await proc.httpPort;
      await p.waitDrained();
      // The reporter stores a report in ClickHouse and writes its three files, like every month.
      const asked = await runCli(["request-report", "--period", "2024"], p.env);
      expect(asked.code, asked.stderr).toBe(0);
      const reportsDir = p.env.CASEPULSE_REPORTS_DIR!;
      await waitFor("the reporter's files", async () => existsSync(join(reportsDir, "casepulse-2024.html")), 120_000);
      const metrics = await (await fetch(`http://127.0.0.1:${await proc.httpPort}/metrics`)).text();
      proc.child.kill("SIGTERM");
      const exit = await proc.exit;
      expect(exit.code).toBe(0);

      const facts = await storeFacts(p.env, { dir: p.work, values: [...needles, canary] });
      const storeLeaks = facts.scan!.leaks.filter((l) => l.needle !== canary);
      const canarySeen = facts.scan!.leaks.some((l) => l.needle === canary && l.table === "hotline_events");

      const texts: { where: string; text: string }[] = [
        { where: "pipeline stderr (LOG_LEVEL=debug)", text: exit.stderr },
        { where: "pipeline stdout", text: exit.stdout },
        { where: "/metrics", text: metrics },
      ];
      for (const period of run.periods) {
        for (const format of ["json", "md", "html"]) {
          const r = await runCli(["report", "--period", period, "--format", format], p.env);
          expect(r.code, r.stderr).toBe(0);
          texts.push({ where: `report ${period} ${format}`, text: r.stdout + r.stderr });
        }
      }
      for (const f of readdirSync(reportsDir)) texts.push({ where: `reporter file ${f}`, text: readFileSync(join(reportsDir, f), "utf8") });
      const dlq = await runCli(["dlq", "list", "--json", "--limit", "100000"], p.env);
      texts.push({ where: "dlq list", text: dlq.stdout });
      const textLeaks = texts.flatMap(({ where, text }) => index.find(text).map((needle) => `${where}: ${needle}`));

      record(task, {
        area: "personal data",
        scenario: "scan of ClickHouse, logs, reports",
        figures: {
          "phones / texts in input": `${phones}/${contents}`,
          needles: index.size,
          "tables / String columns scanned": `${facts.scan!.tables}/${facts.scan!.columns}`,
          "distinct values scanned": facts.scan!.values,
          "log lines scanned": exit.stderr.split("\n").length,
          "report renderings scanned": run.periods.length * 3 + readdirSync(reportsDir).length,
          leaks: storeLeaks.length + textLeaks.length,
        },
      });
      expect(phones).toBeGreaterThan(100);
      expect(contents).toBeGreaterThan(100);
      expect(canarySeen, "the scan found a value the store holds in clear").toBe(true);
      expect(facts.scan!.tables).toBeGreaterThanOrEqual(7);
      expect(storeLeaks).toEqual([]);
      expect(textLeaks).toEqual([]);
    } finally {
      await run?.cleanup();
    }
  });

  it.each([
    { name: "unset", key: undefined },
    { name: "the built-in development key", key: DEV_PII_KEY },
  ])("NODE_ENV=production with CASEPULSE_PII_KEY $name: start refuses, one line naming CASEPULSE_PII_KEY", async ({ name, key }) => {
    const env: Record<string, string> = { NODE_ENV: "production", CASEPULSE_DATA: "/nonexistent/never-opened", KAFKA_BROKERS: "127.0.0.1:1" };
    const childEnv = { ...env, ...(key ? { CASEPULSE_PII_KEY: key } : {}) };
    // The CLI inherits the test's environment: make sure no key leaks in from there.
    const saved = process.env.CASEPULSE_PII_KEY;
    delete process.env.CASEPULSE_PII_KEY;
    try {
      const r = await runCli(["start"], childEnv);
      const lines = r.stderr.trimEnd().split("\n");
      expect(r.code).not.toBe(0);
      expect(r.code).toBe(2);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("CASEPULSE_PII_KEY");
      if (key) expect(r.stderr).not.toContain(key);
      expect(name.length).toBeGreaterThan(0);
    } finally {
      if (saved !== undefined) process.env.CASEPULSE_PII_KEY = saved;
    }
  });
});
