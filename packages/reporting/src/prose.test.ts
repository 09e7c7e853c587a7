import { describe, expect, it } from "vitest";
import { changePhrase, pairedChange, periodName, pointNumber, ratePercent, topList, yuan } from "./prose.ts";

describe("changePhrase: integer percentages, rounded half up", () => {
  it.each([
    { current: 14, prev: 8, text: "同比上升75%" },
    { current: 13, prev: 8, text: "同比上升63%" }, // 62.5% rounds up
    { current: 10, prev: 6, text: "同比上升67%" },
    { current: 6, prev: 8, text: "同比下降25%" },
    { current: 0, prev: 4, text: "同比下降100%" },
    { current: 1321, prev: 1245, text: "同比上升6%" },
    { current: 5, prev: 5, text: "与上年同期持平" },
    { current: 0, prev: 0, text: "与上年同期持平" },
    { current: 3, prev: 0, text: "上年同期为0" },
  ])("$current vs $prev → $text", ({ current, prev, text }) => {
    expect(changePhrase(current, prev)).toBe(text);
  });
});

describe("pairedChange: the annual report's '分别同比上升75%、63%'", () => {
  const rc = (current: number, prev: number) => ({ name: "行政复议案件", current, prev });
  const lt = (current: number, prev: number) => ({ name: "行政诉讼案件", current, prev });
  it.each([
    { items: [rc(14, 8), lt(13, 8)], text: "分别同比上升75%、63%" },
    { items: [rc(4, 8), lt(3, 6)], text: "分别同比下降50%、50%" },
    { items: [rc(14, 8), lt(3, 6)], text: "行政复议案件同比上升75%，行政诉讼案件同比下降50%" },
    { items: [rc(14, 0), lt(13, 8)], text: "行政复议案件上年同期为0，行政诉讼案件同比上升63%" },
    { items: [rc(8, 8), lt(13, 8)], text: "行政复议案件与上年同期持平，行政诉讼案件同比上升63%" },
    { items: [rc(14, 8)], text: "行政复议案件同比上升75%" },
  ])("$text", ({ items, text }) => {
    expect(pairedChange(items)).toBe(text);
  });
});

describe("ratePercent: cut to one decimal, — without a denominator", () => {
  it.each([
    { part: 5, whole: 9, text: "55.5%" },
    { part: 199, whole: 200, text: "99.5%" },
    { part: 8999, whole: 10000, text: "89.9%" },
    { part: 3, whole: 3, text: "100%" },
    { part: 0, whole: 4, text: "0%" },
    { part: 0, whole: 0, text: "—" },
  ])("$part/$whole → $text", ({ part, whole, text }) => {
    expect(ratePercent(part, whole)).toBe(text);
  });
});

describe("small formatters", () => {
  it.each([
    { period: "2024", text: "2024年" },
    { period: "2024-03", text: "2024年3月" },
    { period: "2023-12", text: "2023年12月" },
  ])("periodName($period) = $text", ({ period, text }) => {
    expect(periodName(period)).toBe(text);
  });

  it.each([
    { n: 2, text: "甲（3件）、乙（2件）" },
    { n: 5, text: "甲（3件）、乙（2件）、丙（1件）" },
    { n: 0, text: "" },
  ])("topList(n=$n) = $text", ({ n, text }) => {
    const rows = [
      { name: "甲", count: 3 },
      { name: "乙", count: 2 },
      { name: "丙", count: 1 },
    ];
    expect(topList(rows, n)).toBe(text);
  });

  it.each([
    { x: 1330799.34, text: "1,330,799.34" },
    { x: 0, text: "0.00" },
    { x: 12.5, text: "12.50" },
  ])("yuan($x) = $text", ({ x, text }) => {
    expect(yuan(x)).toBe(text);
  });
});

describe("pointNumber", () => {
  it.each([
    { index: 0, text: "（一）" },
    { index: 4, text: "（五）" },
    { index: 9, text: "（十）" },
    { index: 10, text: "（11）" },
  ])("$index → $text", ({ index, text }) => {
    expect(pointNumber(index)).toBe(text);
  });
});
