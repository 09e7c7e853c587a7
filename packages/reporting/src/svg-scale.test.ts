import { describe, expect, it } from "vitest";
import { niceMax, px, ticks } from "./svg-scale.ts";

describe("niceMax: 1, 2, 2.5 or 5 × 10^k at or above the maximum", () => {
  it.each([
    { max: 0, top: 1 },
    { max: 1, top: 1 },
    { max: 3, top: 5 },
    { max: 10, top: 10 },
    { max: 11, top: 20 },
    { max: 21, top: 25 },
    { max: 26, top: 50 },
    { max: 155, top: 200 },
    { max: 1321, top: 2000 },
    { max: 2600, top: 5000 },
  ])("$max → $top", ({ max, top }) => {
    expect(niceMax(max)).toBe(top);
  });
});

describe("ticks: whole, equal steps from 0 to the top", () => {
  it.each([
    { top: 1, values: [0, 1] },
    { top: 2, values: [0, 1, 2] },
    { top: 5, values: [0, 1, 2, 3, 4, 5] },
    { top: 10, values: [0, 2, 4, 6, 8, 10] },
    { top: 20, values: [0, 5, 10, 15, 20] },
    { top: 25, values: [0, 5, 10, 15, 20, 25] },
    { top: 200, values: [0, 50, 100, 150, 200] },
  ])("$top → $values", ({ top, values }) => {
    expect(ticks(top)).toStrictEqual(values);
  });
});

describe("px: one decimal at most", () => {
  it.each([
    { x: 10, text: "10" },
    { x: 1 / 3, text: "0.3" },
    { x: 99.95, text: "100" },
    { x: 12.34, text: "12.3" },
  ])("$x → $text", ({ x, text }) => {
    expect(px(x)).toBe(text);
  });
});
