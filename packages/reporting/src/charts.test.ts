import { describe, expect, it } from "vitest";
import { pairedBars, partsBar, rankedBars } from "./bar-chart.ts";
import { trendChart } from "./line-chart.ts";

const count = (svg: string, tag: string) => svg.split(`<${tag} `).length - 1;
const widths = (svg: string) => [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));

describe("trendChart: two lines of 12 points", () => {
  const labels = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  it.each([
    { current: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], previous: Array(12).fill(0) as number[] },
    { current: Array(12).fill(0) as number[], previous: Array(12).fill(0) as number[] },
    { current: [150, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 9], previous: [140, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
  ])("current $current", ({ current, previous }) => {
    const svg = trendChart({ title: "工单<趋势>", labels, current: { name: "2024年", values: current }, previous: { name: "2023年", values: previous } });
    expect(count(svg, "polyline")).toBe(2);
    expect(count(svg, "circle")).toBe(24);
    const points = [...svg.matchAll(/points="([^"]+)"/g)].map((m) => m[1]!.split(" ").length);
    expect(points).toStrictEqual([12, 12]);
    expect(svg).toContain("<title>工单&lt;趋势&gt;</title>");
    // Every plotted y lies inside the drawing (no NaN, nothing above the top or below the axis).
    for (const m of svg.matchAll(/cy="([^"]+)"/g)) {
      expect(Number(m[1])).toBeGreaterThanOrEqual(44);
      expect(Number(m[1])).toBeLessThanOrEqual(204);
    }
  });
});

describe("rankedBars: bar lengths in proportion, largest first", () => {
  it.each([
    { values: [100, 50, 25], expected: [270, 135, 67.5] }, // top 100 over 270 px
    { values: [155, 31], expected: [209.3, 41.9] }, // top 200
    { values: [0], expected: [0] },
  ])("$values", ({ values, expected }) => {
    const svg = rankedBars("类别", values.map((value, i) => ({ label: `类别${i}`, value })));
    expect(widths(svg)).toStrictEqual(expected);
  });

  it("an empty ranking says so", () => {
    expect(rankedBars("案由", [])).toContain("（无）");
  });
});

describe("pairedBars: a pair of bars per group with its note", () => {
  it.each([
    { groups: [{ label: "行政复议", current: 14, previous: 8, note: "同比上升75%" }], rects: 2 },
    {
      groups: [
        { label: "行政复议", current: 14, previous: 8, note: "同比上升75%" },
        { label: "行政诉讼", current: 10, previous: 6, note: "同比上升67%" },
      ],
      rects: 4,
    },
  ])("$rects bars", ({ groups, rects }) => {
    const svg = pairedBars("同比", { current: "2024年", previous: "上年同期" }, groups);
    expect(count(svg, "rect")).toBe(rects);
    for (const g of groups) expect(svg).toContain(`>${g.note}</text>`);
  });
});

describe("partsBar: the parts fill the width in proportion", () => {
  it.each([
    { values: [6, 2, 2], expected: [276, 92, 92] },
    { values: [1, 0, 0], expected: [460, 0, 0] },
    { values: [0, 0, 0], expected: [460, 0, 0, 0] }, // an empty grey bar, then three empty parts
  ])("$values", ({ values, expected }) => {
    const parts = values.map((value, i) => ({ label: `部分${i}`, value, color: "#000" }));
    const w = widths(partsBar("结果", parts));
    expect(w.slice(0, expected.length)).toStrictEqual(expected);
  });
});
