// Big inputs as the reader meets them (issue "Faults users meet", item 6): thousands of ranked
// entries and names of 60 characters. Charts and tables show the first entries and one 其他 row;
// long names end in … with the whole name kept; the JSON report keeps every entry.
import { describe, expect, it } from "vitest";
import { rankedBars } from "./bar-chart.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { renderHtml } from "./render-html.ts";
import { fitLabel, RANKED_SHOWN, topWithOthers } from "./ranked.ts";
import { fixtureReport } from "./report-fixture.ts";

const LONG = `${"南山区蛇口街道湾厦社区".repeat(5)}第一网格`; // 59 characters

describe("fitLabel", () => {
  it.each([
    { text: "湾厦社区", max: 12, out: "湾厦社区" },
    { text: LONG, max: 12, out: `${LONG.slice(0, 11)}…` },
    { text: "Community of Wanxia, Shekou", max: 8, out: "Community of …" },
    { text: "😀".repeat(30), max: 5, out: `${"😀".repeat(8)}…` },
  ])("$text in $max ems → $out", ({ text, max, out }) => {
    expect(fitLabel(text, max)).toBe(out);
  });
});

describe("topWithOthers", () => {
  it.each([
    { rows: 3, shown: 3 },
    { rows: RANKED_SHOWN + 1, shown: RANKED_SHOWN + 1 },
    { rows: RANKED_SHOWN + 2, shown: RANKED_SHOWN + 1 },
    { rows: 5000, shown: RANKED_SHOWN + 1 },
  ])("$rows rows → $shown shown", ({ rows, shown }) => {
    const all = Array.from({ length: rows }, (_, i) => i + 1);
    const out = topWithOthers(all, (count, rest) => -rest.reduce((s, v) => s + v, 0) - count * 0);
    expect(out).toHaveLength(shown);
    // Nothing is lost: the 其他 row carries the sum of what it stands for.
    expect(out.reduce((s, v) => s + Math.abs(v), 0)).toBe((rows * (rows + 1)) / 2);
  });
});

describe("a report with 5,000 categories and a 59-character community", () => {
  const base = fixtureReport();
  const categories = Array.from({ length: 5000 }, (_, i) => ({ category: `类别${String(i).padStart(4, "0")}/子类`, orders: 5000 - i }));
  const report = { ...base, hotline: { ...base.hotline, by_category: categories, by_community: [{ community: LONG, orders: 9 }, ...base.hotline.by_community] } };

  it("the chart shows the first entries and one 其他 bar summing the rest", () => {
    const svg = rankedBars("类别", categories.map((c) => ({ label: c.category, value: c.orders })));
    expect(svg.split("<rect ").length - 1).toBe(RANKED_SHOWN + 1);
    const rest = categories.slice(RANKED_SHOWN).reduce((s, c) => s + c.orders, 0);
    expect(svg).toContain(`<title>其他（${5000 - RANKED_SHOWN}项）：${rest}</title>`);
  });

  it("a long label ends in … and keeps its whole name in the tooltip", () => {
    const svg = rankedBars("社区", [{ label: LONG, value: 9 }]);
    const shown = new RegExp(`<title>${LONG}</title>([^<]+)</text>`).exec(svg)?.[1];
    expect(shown).toMatch(/…$/);
    expect(LONG.startsWith(shown!.slice(0, -1))).toBe(true);
    expect(shown!.length).toBeLessThan(16);
    expect(svg).toContain(`<title>${LONG}：9</title>`);
  });

  it("Markdown and HTML stay page-sized: the first categories, one 其他 row, the long name whole in the table", () => {
    const md = renderMarkdown(report);
    const html = renderHtml(report);
    for (const text of [md, html]) {
      expect(text).toContain("类别0000/子类");
      expect(text).toContain(`类别${String(RANKED_SHOWN - 1).padStart(4, "0")}/子类`);
      expect(text).not.toContain(`类别${String(RANKED_SHOWN).padStart(4, "0")}/子类`);
      expect(text).toContain(`其他（${5000 - RANKED_SHOWN}项）`);
      expect(text).toContain(LONG);
    }
    expect(html.length).toBeLessThan(400_000);
  });
});
