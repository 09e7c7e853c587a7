import { describe, expect, it } from "vitest";
import { parsePeriod, PeriodError, previousMonth } from "./period.ts";

const iso = (ms: number) => new Date(ms).toISOString();
const span = (i: { start: number; end: number }) => [iso(i.start), iso(i.end)];

// Every bound below is a Shanghai midnight written out by hand as its UTC instant (UTC+8).
describe("parsePeriod: half-open UTC intervals of Shanghai calendar periods", () => {
  it.each([
    {
      text: "2024",
      kind: "year",
      year: 2024,
      month: null,
      range: ["2023-12-31T16:00:00.000Z", "2024-12-31T16:00:00.000Z"],
      prev: ["2022-12-31T16:00:00.000Z", "2023-12-31T16:00:00.000Z"],
      lookback: ["2022-12-31T16:00:00.000Z", "2023-12-31T16:00:00.000Z"],
      spikeBase: ["2023-09-30T16:00:00.000Z", "2023-12-31T16:00:00.000Z"],
    },
    {
      text: "2023",
      kind: "year",
      year: 2023,
      month: null,
      range: ["2022-12-31T16:00:00.000Z", "2023-12-31T16:00:00.000Z"],
      prev: ["2021-12-31T16:00:00.000Z", "2022-12-31T16:00:00.000Z"],
      lookback: ["2021-12-31T16:00:00.000Z", "2022-12-31T16:00:00.000Z"],
      spikeBase: ["2022-09-30T16:00:00.000Z", "2022-12-31T16:00:00.000Z"],
    },
    {
      text: "2024-04",
      kind: "month",
      year: 2024,
      month: 4,
      range: ["2024-03-31T16:00:00.000Z", "2024-04-30T16:00:00.000Z"],
      prev: ["2023-03-31T16:00:00.000Z", "2023-04-30T16:00:00.000Z"],
      lookback: ["2023-03-31T16:00:00.000Z", "2024-03-31T16:00:00.000Z"],
      spikeBase: ["2023-12-31T16:00:00.000Z", "2024-03-31T16:00:00.000Z"],
    },
    {
      text: "2024-01",
      kind: "month",
      year: 2024,
      month: 1,
      range: ["2023-12-31T16:00:00.000Z", "2024-01-31T16:00:00.000Z"],
      prev: ["2022-12-31T16:00:00.000Z", "2023-01-31T16:00:00.000Z"],
      lookback: ["2022-12-31T16:00:00.000Z", "2023-12-31T16:00:00.000Z"],
      spikeBase: ["2023-09-30T16:00:00.000Z", "2023-12-31T16:00:00.000Z"],
    },
    {
      text: "2024-02",
      kind: "month",
      year: 2024,
      month: 2,
      range: ["2024-01-31T16:00:00.000Z", "2024-02-29T16:00:00.000Z"],
      prev: ["2023-01-31T16:00:00.000Z", "2023-02-28T16:00:00.000Z"],
      lookback: ["2023-01-31T16:00:00.000Z", "2024-01-31T16:00:00.000Z"],
      spikeBase: ["2023-10-31T16:00:00.000Z", "2024-01-31T16:00:00.000Z"],
    },
    {
      text: "2024-03",
      kind: "month",
      year: 2024,
      month: 3,
      range: ["2024-02-29T16:00:00.000Z", "2024-03-31T16:00:00.000Z"],
      prev: ["2023-02-28T16:00:00.000Z", "2023-03-31T16:00:00.000Z"],
      lookback: ["2023-02-28T16:00:00.000Z", "2024-02-29T16:00:00.000Z"],
      spikeBase: ["2023-11-30T16:00:00.000Z", "2024-02-29T16:00:00.000Z"],
    },
    {
      text: "2024-12",
      kind: "month",
      year: 2024,
      month: 12,
      range: ["2024-11-30T16:00:00.000Z", "2024-12-31T16:00:00.000Z"],
      prev: ["2023-11-30T16:00:00.000Z", "2023-12-31T16:00:00.000Z"],
      lookback: ["2023-11-30T16:00:00.000Z", "2024-11-30T16:00:00.000Z"],
      spikeBase: ["2024-08-31T16:00:00.000Z", "2024-11-30T16:00:00.000Z"],
    },
  ])("$text", ({ text, kind, year, month, range, prev, lookback, spikeBase }) => {
    const p = parsePeriod(text);
    expect({ label: p.label, kind: p.kind, year: p.year, month: p.month }).toStrictEqual({ label: text, kind, year, month });
    expect(span(p)).toStrictEqual(range);
    expect(span(p.prev)).toStrictEqual(prev);
    expect(span(p.lookback)).toStrictEqual(lookback);
    expect(span(p.spikeBase)).toStrictEqual(spikeBase);
  });
});

describe("parsePeriod: invalid periods throw PeriodError", () => {
  it.each([
    { text: "2024-13" },
    { text: "2024-00" },
    { text: "24" },
    { text: "2024-1" },
    { text: "" },
    { text: "2024-" },
    { text: "2024-04-01" },
    { text: "202404" },
    { text: " 2024" },
    { text: "2024 " },
    { text: "2024/04" },
    { text: "abcd" },
    { text: "20245" },
  ])("$text", ({ text }) => {
    expect(() => parsePeriod(text)).toThrow(PeriodError);
  });
});

describe("previousMonth: the Shanghai month before the one containing now", () => {
  it.each([
    { now: "2024-03-01T00:30:00Z", month: "2024-02" }, // 2024-03-01 08:30 Shanghai
    { now: "2024-01-01T00:00:00Z", month: "2023-12" }, // 2024-01-01 08:00 Shanghai
    { now: "2024-02-29T16:00:00Z", month: "2024-02" }, // 2024-03-01 00:00 Shanghai
    { now: "2024-02-29T15:59:59.999Z", month: "2024-01" }, // 2024-02-29 23:59:59.999 Shanghai
    { now: "2023-12-31T16:00:00Z", month: "2023-12" }, // 2024-01-01 00:00 Shanghai
    { now: "2023-12-31T15:59:00Z", month: "2023-11" }, // 2023-12-31 23:59 Shanghai
    { now: "2024-10-15T04:00:00Z", month: "2024-09" },
  ])("$now → $month", ({ now, month }) => {
    expect(previousMonth(new Date(now))).toBe(month);
  });
});
