import { describe, expect, it } from "vitest";
import { rate, yoy } from "./report-types.ts";

describe("rate: a fraction, null when the denominator is 0", () => {
  it.each([
    { part: 0, whole: 0, expected: null },
    { part: 5, whole: 0, expected: null },
    { part: 0, whole: 4, expected: 0 },
    { part: 3, whole: 4, expected: 0.75 },
    { part: 4, whole: 4, expected: 1 },
    { part: 1, whole: 8, expected: 0.125 },
  ])("rate($part, $whole) = $expected", ({ part, whole, expected }) => {
    expect(rate(part, whole)).toBe(expected);
  });
});

describe("yoy: (current − previous) / previous, null when previous is 0", () => {
  it.each([
    { current: 0, previous: 0, expected: null },
    { current: 7, previous: 0, expected: null },
    { current: 7, previous: 4, expected: 0.75 },
    { current: 4, previous: 4, expected: 0 },
    { current: 2, previous: 4, expected: -0.5 },
    { current: 0, previous: 4, expected: -1 },
    { current: 15, previous: 10, expected: 0.5 },
    { current: 30, previous: 10, expected: 2 },
  ])("yoy($current, $previous) = $expected", ({ current, previous, expected }) => {
    expect(yoy(current, previous)).toBe(expected);
  });
});
