import { describe, expect, it } from "vitest";
import { parseAmount, decimalToString } from "./decimal.ts";
import { tryParseTimestamp } from "./timestamp.ts";

describe("timestamps → UTC ms", () => {
  it.each([
    ["2024-03-31T17:30:00Z", "2024-03-31T17:30:00.000Z"],
    ["2024-04-01T01:30:00+08:00", "2024-03-31T17:30:00.000Z"],
    ["2024-04-01T01:30:00+0800", "2024-03-31T17:30:00.000Z"],
    ["2024-04-01T01:30:00+08", "2024-03-31T17:30:00.000Z"],
    ["2024-04-01T01:30+08:00", "2024-03-31T17:30:00.000Z"],
    ["2024-04-01 01:30:00", "2024-03-31T17:30:00.000Z"],
    ["2024-03-31T15:59:59.9999Z", "2024-03-31T15:59:59.999Z"],
    ["2024-03-31T12:00:00-05:30", "2024-03-31T17:30:00.000Z"],
    ["2024-02-29 12:00:00", "2024-02-29T04:00:00.000Z"],
  ])("%s = %s", (text, iso) => {
    expect(tryParseTimestamp(text)).toBe(Date.parse(iso));
  });

  it.each(["2024-02-30 10:00:00", "2023-02-29 10:00:00", "2024-13-01T00:00:00Z", "2024-03-01 24:00:00", "garbage", "2024/03/01 10:00:00", "2024-03-01T10:00:00", "2024-03-01 10:00", "1899-12-31T23:00:00Z", "2300-01-01 00:00:00", ""])(
    "%j is not a timestamp",
    (text) => {
      expect(tryParseTimestamp(text)).toBeNull();
    },
  );
});

describe("amounts → exact decimals", () => {
  it.each<[number | string, string]>([
    ["12,500.00", "12500.00"],
    ["1,234,567.5", "1234567.5"],
    ["12500", "12500"],
    [3250.5, "3250.5"],
    [0.1, "0.1"],
    [1e21, "1000000000000000000000"],
  ])("%j = %s", (value, exact) => {
    expect(decimalToString(parseAmount(value))).toBe(exact);
  });

  it.each<number | string>([-1, "-1,200.00", "12,50.00", "1 200", "一万元"])("%j is rejected", (value) => {
    expect(() => parseAmount(value)).toThrow();
  });
});
