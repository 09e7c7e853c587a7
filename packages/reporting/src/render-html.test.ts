import { describe, expect, it } from "vitest";
import type { MonthlySeries } from "./monthly-series.ts";
import { renderHtml } from "./render-html.ts";
import { fixtureReport, type FixtureCounts } from "./report-fixture.ts";

const series: MonthlySeries = {
  months: Array.from({ length: 24 }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`),
  hotline: Array.from({ length: 24 }, (_, i) => 90 + i),
  mediation: Array(24).fill(1) as number[],
  reconsideration: Array(24).fill(0) as number[],
  litigation: Array(24).fill(2) as number[],
};
const svgs = (html: string) => html.split("<svg ").length - 1;

describe("renderHtml: one self-contained page", () => {
  it.each([{ period: "2024" }, { period: "2024-03" }])("$period needs nothing from the network", ({ period }) => {
    const html = renderHtml(fixtureReport({ period }), series);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|@font-face/i);
    // The only address in the page is the SVG namespace, which is never fetched.
    expect(html.match(/https?:\/\/[^"]+/g)?.filter((u) => u !== "http://www.w3.org/2000/svg") ?? []).toStrictEqual([]);
    expect(html).toContain("@page{size:A4");
    expect(html).toContain("section.sec{break-before:page}");
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
  });

  it.each([
    // 4 monthly trends, 2 rankings + communities, the handling of orders, outcomes, kinds, year on year, causes, reply results, supervision kinds
    { withSeries: true, charts: 13 },
    { withSeries: false, charts: 9 },
  ])("series given: $withSeries → $charts charts", ({ withSeries, charts }) => {
    expect(svgs(renderHtml(fixtureReport(), withSeries ? series : undefined))).toBe(charts);
  });

  it("the trend chart plots the last 12 months against the 12 before", () => {
    const html = renderHtml(fixtureReport(), series);
    // hotline: 2024 is 102…113, 2023 is 90…101; the current line is drawn last.
    expect(html).toContain("<title>12月：113</title>");
    expect(html).toContain("<title>1月：90</title>");
  });

  it.each<{ counts: FixtureCounts; alerts: number; red: string[] }>([
    { counts: {}, alerts: 0, red: [] },
    { counts: { rc: [14, 8] }, alerts: 1, red: ["litigation.reconsideration.filed"] },
    { counts: { hearings: 9, headAppeared: 5, closed: 200, closedOnTime: 179 }, alerts: 2, red: ["litigation.head_appearance_rate", "hotline.on_time_close_rate"] },
    { counts: { late: 3 }, alerts: 1, red: ["supervision.late"] },
  ])("alerts are highlighted: $alerts", ({ counts, alerts, red }) => {
    const html = renderHtml(fixtureReport(counts), series);
    expect(html.split("<li data-rule=").length - 1).toBe(alerts);
    const redCards = [...html.matchAll(/class="card alert" data-metric="([^"]+)"/g)].map((m) => m[1]);
    expect(redCards.sort()).toStrictEqual([...red].sort());
    expect(html.includes("本期无预警。")).toBe(alerts === 0);
  });

  it("names from the feeds are escaped", () => {
    const r = fixtureReport();
    r.hotline.by_category = [{ category: "<script>alert(1)</script>/x", orders: 3 }];
    const html = renderHtml(r, series);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;/x");
  });
});
