// The reporter service on real Redis: its monthly schedule (08:00 Asia/Shanghai on the 1st), an
// on-demand report stored in ClickHouse and written as files, and its alerts posted to a webhook.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisConnection } from "@casepulse/queues";
import { openStore } from "@casepulse/store";
import { runCli } from "./support/cli.ts";
import { reportDifferences } from "./support/compare.ts";
import { testPipeline } from "./support/pipeline.ts";
import { ensureServices, type Services } from "./support/services.ts";
import { webhookReceiver } from "./support/webhook-receiver.ts";
import { FEEDS } from "@casepulse/feeds";

let services: Services;
beforeAll(async () => {
  services = await ensureServices();
});
afterAll(async () => services?.stop());

describe("reporter service", () => {
  it("schedules the monthly report, makes one on demand, stores it, writes files, posts alerts", async () => {
    const hook = await webhookReceiver();
    const p = testPipeline(services, "reporter");
    try {
      Object.assign(p.env, { ALERT_WEBHOOK_URL: hook.url, ALERT_WEBHOOK_KIND: "wecom" });
      const feeds = join(p.work, "feeds");
      expect((await runCli(["generate", "--out", feeds, "--seed", "5", "--scale", "0.1"], {})).code).toBe(0);
      for (const feed of FEEDS) {
        expect((await runCli(["ingest", "--source", feed, "--file", join(feeds, `${feed}.jsonl`)], p.env)).code).toBe(0);
      }
      const expected = JSON.parse(readFileSync(join(feeds, "expected", "2024.json"), "utf8")) as { alerts: { message: string }[] };
      expect(expected.alerts.length).toBeGreaterThan(0);

      const run = p.start(["--roles", "reporter"]);
      await run.httpPort;
      const queue = new Queue(`${p.env.CASEPULSE_PREFIX}-reports`, { connection: redisConnection(services.redisUrl) });
      const [scheduler] = await queue.getJobSchedulers();
      await queue.close();
      expect(scheduler).toMatchObject({ key: "monthly-report", pattern: "0 8 1 * *", tz: "Asia/Shanghai" });
      // 08:00 in Shanghai is 00:00 UTC, on the 1st of a month.
      const next = new Date(Number(scheduler!.next));
      expect([next.getUTCDate(), next.getUTCHours(), next.getUTCMinutes()]).toEqual([1, 0, 0]);

      expect((await runCli(["request-report", "--period", "2024"], p.env)).code).toBe(0);
      const file = join(p.env.CASEPULSE_REPORTS_DIR!, "casepulse-2024.json");
      for (let i = 0; i < 120 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 500));
      expect(reportDifferences(JSON.parse(readFileSync(file, "utf8")), expected)).toEqual([]);
      expect(existsSync(file.replace(/json$/, "md"))).toBe(true);
      expect(readFileSync(file.replace(/json$/, "html"), "utf8")).toMatch(/^<!doctype html>/);
      for (let i = 0; i < 40 && hook.bodies.length === 0; i++) await new Promise((r) => setTimeout(r, 250));
      const posted = hook.bodies[0] as { msgtype: string; markdown: { content: string } };
      expect(posted.msgtype).toBe("markdown");
      for (const alert of expected.alerts) expect(posted.markdown.content).toContain(alert.message);

      // What Prometheus reads (infra/prometheus/alerts.yml): the report counted, the schedule last
      // due at the start of this month (08:00 Shanghai on the 1st is 00:00 UTC), and no scheduled
      // report yet, so the reporter's start stands for the last one.
      const metrics = await (await fetch(`http://127.0.0.1:${await run.httpPort}/metrics`)).text();
      const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(metrics)?.[1]);
      expect(metrics).toMatch(/^casepulse_reports_made_total\{trigger="on_demand"\} 1$/m);
      const now = new Date();
      expect(gauge("casepulse_report_due_timestamp_seconds")).toBe(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) / 1000);
      expect(gauge("casepulse_report_last_scheduled_timestamp_seconds")).toBeGreaterThan(gauge("casepulse_report_due_timestamp_seconds"));
      expect(gauge("casepulse_alert_webhook_failures_total")).toBe(0);

      run.child.kill("SIGTERM");
      expect((await run.exit).code).toBe(0);
      const store = await openStore({ dataDir: p.env.CASEPULSE_DATA!, database: p.env.CASEPULSE_DB! });
      try {
        const rows = await store.query<{ period: string; trigger: string; report: string }>(
          `SELECT period, trigger, report FROM ${store.database}.reports`,
        );
        expect(rows.map((r) => [r.period, r.trigger])).toEqual([["2024", "on_demand"]]);
        expect(reportDifferences(JSON.parse(rows[0]!.report), expected)).toEqual([]);
        // The requested report is also the period's published one (its own `published` is null: the first).
        const published = await store.query<{ period: string; street: string; report: string }>(
          `SELECT period, street, report FROM ${store.database}.published_reports`,
        );
        expect(published.map((r) => [r.period, r.street])).toEqual([["2024", ""]]);
        expect(reportDifferences(JSON.parse(published[0]!.report), expected)).toEqual([]);
      } finally {
        await store.close();
      }
    } finally {
      await hook.close();
      await p.cleanup();
    }
  });
});
