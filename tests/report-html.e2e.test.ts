// The HTML report in a real browser (Debian's headless Chromium): it loads with no request
// beyond its own file and no console error, draws its charts from the same counts as the JSON
// report, prints as A4 pages, and leaves a full-page screenshot in docs/report-example.png.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "@casepulse/reporting";
import { cliJson, ROOT, runCli } from "./support/cli.ts";
import { generatedData, type GeneratedData } from "./support/generated-data.ts";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"];

let data: GeneratedData;
let browser: BrowserContext;

interface Loaded {
  page: Page;
  report: Report;
  problems: string[];
}

/** Writes the period's HTML report and opens it, noting every console error, failed or outside request. */
async function open(period: string): Promise<Loaded> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: this test needs Debian's chromium; run infra/scripts/ensure-chromium.sh (apt-get install chromium)`);
  }
  const file = join(data.work, `casepulse-${period}.html`);
  const written = await runCli(["report", "--period", period, "--format", "html", "--out", file], data.env);
  expect(written.code, written.stderr).toBe(0);
  const report = await cliJson<Report>(["report", "--period", period, "--format", "json"], data.env);
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console error: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()} ${r.failure()?.errorText ?? ""}`));
  const url = pathToFileURL(file).href;
  // Anything but the page itself would need the network (or another file): refuse and note it.
  await page.route("**/*", (route) => {
    if (route.request().url() === url) return route.continue();
    problems.push(`outside request: ${route.request().url()}`);
    return route.abort();
  });
  await page.setViewportSize({ width: 1000, height: 1400 });
  await page.goto(url, { waitUntil: "load" });
  return { page, report, problems };
}

/** The values a trend chart plots, by its title: [year before, this period] as 12 numbers each. */
async function trend(page: Page, title: string): Promise<[number[], number[]]> {
  const values = await page.locator(`svg.trend[aria-label="${title}"] circle title`).allTextContents();
  const numbers = values.map((t) => Number(t.split("：")[1]));
  return [numbers.slice(0, 12), numbers.slice(12)];
}
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe("HTML report in headless Chromium", () => {
  beforeAll(async () => {
    data = await generatedData("html", 20240531, 0.2);
    // Without the browser every test fails on its first line (open), saying what to install.
    if (!existsSync(CHROMIUM)) return;
    // An empty profile of our own: no stored state, nothing synced or fetched at start.
    browser = await chromium.launchPersistentContext(mkdtempSync(join(data.work, "profile-")), { executablePath: CHROMIUM, headless: true, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    data?.cleanup();
  });

  it("the annual page: no outside request or error, charts drawn from the report's counts, key figures in the text", async () => {
    const { page, report, problems } = await open("2024");
    expect(problems).toEqual([]);
    const charts = page.locator("svg.chart");
    expect(await charts.count()).toBe(13);
    for (const box of await Promise.all((await charts.all()).map((c) => c.boundingBox()))) expect(box!.width * box!.height).toBeGreaterThan(10_000);

    const h = report.hotline;
    const l = report.litigation;
    const pairs: [string, number, number][] = [
      ["12345热线工单月度趋势", h.orders, h.orders_prev],
      ["调解受理案件月度趋势", report.mediation.registered, report.mediation.registered_prev],
      ["行政复议收案月度趋势", l.reconsideration.filed, l.reconsideration.filed_prev],
      ["行政诉讼收案月度趋势", l.litigation.filed, l.litigation.filed_prev],
    ];
    for (const [title, current, previous] of pairs) {
      const [before, now] = await trend(page, title);
      expect([sum(now), sum(before)], title).toEqual([current, previous]);
    }

    const text = await page.locator("body").innerText();
    expect(text).toContain(`受理工单${h.orders}件`);
    expect(text).toContain(`涉街道行政复议、行政诉讼案件分别为${l.reconsideration.filed}件、${l.litigation.filed}件`);
    expect(text).toContain(`审结案件${l.decided}件`);
    expect(text).toContain(`答复时效。${report.supervision.received === 0 ? "本年无交办事项。" : `合计办理${report.supervision.received}件`}`);
    expect(await page.locator(".card .v").first().innerText()).toBe(`${h.orders}件`);
    expect(report.alerts.length).toBeGreaterThan(0);
    expect(await page.locator(".alert-box li").allInnerTexts()).toEqual(report.alerts.map((a) => a.message));
    expect(await page.locator(".card.alert").count()).toBeGreaterThan(0);

    await page.screenshot({ path: join(ROOT, "docs", "report-example.png"), fullPage: true });
    expect(readFileSync(join(ROOT, "docs", "report-example.png")).subarray(1, 4).toString()).toBe("PNG");
  });

  it("prints on A4, each section from a new page", async () => {
    const { page, problems } = await open("2024");
    await page.emulateMedia({ media: "print" });
    // A string runs in the page: this project's TypeScript has no DOM types.
    const breaks = await page.evaluate<string[]>(`[...document.querySelectorAll("section.sec")].map((e) => getComputedStyle(e).breakBefore)`);
    expect(breaks).toEqual(["page", "page", "page", "page", "page", "page"]);
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
    // Every page is A4 (595.3 × 841.9 points, within a point of rounding); the header and the
    // six sections, each from a new page, make at least seven.
    const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThanOrEqual(7);
    expect(boxes.filter(([w, h]) => Math.abs(w! - 595.3) > 1 || Math.abs(h! - 841.9) > 1)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("a monthly page: the 12 months ending with the month against the year before", async () => {
    const { page, report, problems } = await open("2024-03");
    expect(problems).toEqual([]);
    const labels = await page.locator('svg.trend[aria-label="12345热线工单月度趋势"] text[text-anchor="middle"]').allTextContents();
    expect(labels).toEqual(["4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月", "1月", "2月", "3月"]);
    const [before, now] = await trend(page, "12345热线工单月度趋势");
    expect([now[11], before[11]]).toEqual([report.hotline.orders, report.hotline.orders_prev]);
    expect(await page.locator("h1").innerText()).toBe("蛇口街道法治政府建设数据月报（2024年3月）");
  });
});
