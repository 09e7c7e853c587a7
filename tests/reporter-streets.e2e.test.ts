// The reporter of a district deployment (REPORT.md "Streets") on real Redis: one report made on
// demand gives the district's files and each street's, every one equal to the reference; each
// street's alerts go to its own webhook, the district's to the default one; the district's text
// compares its streets and lists each one's alerts under its name.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEEDS } from "@casepulse/feeds";
import { openStore } from "@casepulse/store";
import { runCli } from "./support/cli.ts";
import { reportDifferences } from "./support/compare.ts";
import { testPipeline } from "./support/pipeline.ts";
import { ensureServices, type Services } from "./support/services.ts";
import { webhookReceiver } from "./support/webhook-receiver.ts";

let services: Services;
beforeAll(async () => {
  services = await ensureServices();
});
afterAll(async () => services?.stop());

type Expected = { alerts: { message: string }[]; scope: { street: string | null } };
const STREETS = ["蛇口街道", "招商街道", "粤海街道"];

async function waitFor(file: string): Promise<void> {
  for (let i = 0; i < 240 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 500));
}

describe("reporter service of a district", () => {
  it("writes the district's files and each street's, posts each street's alerts to its webhook", async () => {
    const [district, zhaoshang] = [await webhookReceiver(), await webhookReceiver()];
    const p = testPipeline(services, "reporterstreets");
    try {
      Object.assign(p.env, {
        ALERT_WEBHOOK_URL: district.url,
        ALERT_WEBHOOK_KIND: "json",
        CASEPULSE_REPORT_STREETS: "all",
        CASEPULSE_STREET_WEBHOOKS: JSON.stringify({ 招商街道: zhaoshang.url }),
        CASEPULSE_ORG_NAME: "南山区",
      });
      const feeds = join(p.work, "feeds");
      expect((await runCli(["generate", "--out", feeds, "--seed", "11", "--scale", "0.1", "--streets", STREETS.join(",")], {})).code).toBe(0);
      for (const feed of FEEDS) expect((await runCli(["ingest", "--source", feed, "--file", join(feeds, `${feed}.jsonl`)], p.env)).code).toBe(0);
      const expected = (street: string | null) =>
        JSON.parse(readFileSync(join(feeds, "expected", street === null ? "2024.json" : join("streets", street, "2024.json")), "utf8")) as Expected;

      const run = p.start(["--roles", "reporter"]);
      await run.httpPort;
      expect((await runCli(["request-report", "--period", "2024"], p.env)).code).toBe(0);
      const dir = p.env.CASEPULSE_REPORTS_DIR!;
      const names = [null, ...[...STREETS].sort()];
      const files = names.map((street) => join(dir, street === null ? "casepulse-2024.json" : `casepulse-2024-${street}.json`));
      for (const file of files) await waitFor(file);
      for (const [i, street] of names.entries()) {
        expect(reportDifferences(JSON.parse(readFileSync(files[i]!, "utf8")), expected(street)), String(street)).toEqual([]);
        expect(readFileSync(files[i]!.replace(/json$/, "html"), "utf8")).toMatch(/^<!doctype html>/);
      }

      // The district's text: its name, the comparison of its streets, each street's alerts under its name.
      const md = readFileSync(files[0]!.replace(/json$/, "md"), "utf8");
      expect(md.split("\n")[0]).toBe("# 南山区2024年法治政府建设数据报告");
      expect(md).toContain("## 五、各街道情况");
      const alerts = md.slice(md.indexOf("### 各街道预警"));
      for (const street of names.slice(1) as string[]) {
        const own = alerts.slice(alerts.indexOf(`### ${street}\n`)).split("\n### ")[0]!;
        for (const a of expected(street).alerts) expect(own, street).toContain(`- ${a.message}`);
      }
      expect(readFileSync(files[1]!.replace(/json$/, "md"), "utf8").split("\n")[0]).toBe(`# ${names[1]}2024年法治政府建设数据报告`);

      // 招商街道's alerts to its robot, the district's to the default one, no other street's anywhere.
      for (let i = 0; i < 60 && (district.bodies.length === 0 || zhaoshang.bodies.length === 0); i++) await new Promise((r) => setTimeout(r, 250));
      await new Promise((r) => setTimeout(r, 1000));
      expect(expected("招商街道").alerts.length).toBeGreaterThan(0);
      expect(zhaoshang.bodies).toEqual([{ period: "2024", street: "招商街道", alerts: expected("招商街道").alerts }]);
      expect(district.bodies).toEqual([{ period: "2024", alerts: expected(null).alerts }]);

      run.child.kill("SIGTERM");
      expect((await run.exit).code).toBe(0);
      const store = await openStore({ dataDir: p.env.CASEPULSE_DATA!, database: p.env.CASEPULSE_DB! });
      try {
        const rows = await store.query<{ street: string }>(`SELECT street FROM ${store.database}.published_reports WHERE period = '2024' ORDER BY street`);
        expect(rows.map((r) => r.street)).toEqual(["", ...[...STREETS].sort()]);
      } finally {
        await store.close();
      }
    } finally {
      await Promise.all([district.close(), zhaoshang.close()]);
      await p.cleanup();
    }
  }, 600_000);
});
