import { describe, expect, it } from "vitest";
import { alignMonths, seriesWindow } from "./monthly-series.ts";
import { parsePeriod } from "./period.ts";

const iso = (ms: number) => new Date(ms).toISOString();

describe("seriesWindow: 24 Shanghai months ending with the period's last month", () => {
  it.each([
    { period: "2024", first: "2023-01", last: "2024-12", start: "2022-12-31T16:00:00.000Z", end: "2024-12-31T16:00:00.000Z" },
    { period: "2024-03", first: "2022-04", last: "2024-03", start: "2022-03-31T16:00:00.000Z", end: "2024-03-31T16:00:00.000Z" },
    { period: "2024-12", first: "2023-01", last: "2024-12", start: "2022-12-31T16:00:00.000Z", end: "2024-12-31T16:00:00.000Z" },
    { period: "2024-01", first: "2022-02", last: "2024-01", start: "2022-01-31T16:00:00.000Z", end: "2024-01-31T16:00:00.000Z" },
  ])("$period: $first … $last", ({ period, first, last, start, end }) => {
    const w = seriesWindow(parsePeriod(period));
    expect(w.months).toHaveLength(24);
    expect([w.months[0], w.months[23]]).toStrictEqual([first, last]);
    expect([iso(w.start), iso(w.end)]).toStrictEqual([start, end]);
    // Every month follows the one before: no gap, no repeat across a year end.
    const next = (m: string) => {
      const [y, mo] = m.split("-").map(Number);
      return mo === 12 ? `${y! + 1}-01` : `${y}-${String(mo! + 1).padStart(2, "0")}`;
    };
    w.months.slice(1).forEach((m, i) => expect(m).toBe(next(w.months[i]!)));
  });
});

describe("alignMonths: grouped rows onto the window, missing months as 0", () => {
  const months = ["2024-01", "2024-02", "2024-03"];
  it.each([
    { rows: [], expected: [0, 0, 0] },
    { rows: [{ month: "2024-02", n: 5 }], expected: [0, 5, 0] },
    { rows: [{ month: "2024-03", n: 1 }, { month: "2024-01", n: 2 }], expected: [2, 0, 1] },
    { rows: [{ month: "2023-12", n: 9 }, { month: "2024-01", n: 2 }], expected: [2, 0, 0] },
  ])("$rows → $expected", ({ rows, expected }) => {
    expect(alignMonths(months, rows, "n")).toStrictEqual(expected);
  });
});
