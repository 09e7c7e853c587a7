import { describe, expect, it } from "vitest";
import { parseTimestamp } from "./timestamp.ts";

// Expected instants are written out by hand as UTC ISO strings (FEEDS.md, docs/semantics.md).
const iso = (value: string) => {
  const ms = parseTimestamp(value);
  return ms === null ? null : new Date(ms).toISOString();
};

describe("parseTimestamp: ISO-8601 with an offset", () => {
  it.each([
    { input: "2024-03-31T17:30:00Z", utc: "2024-03-31T17:30:00.000Z" },
    { input: "2024-04-01T01:30:00+08:00", utc: "2024-03-31T17:30:00.000Z" },
    { input: "2024-04-01T01:30:00+0800", utc: "2024-03-31T17:30:00.000Z" },
    { input: "2024-04-01T01:30:00+08", utc: "2024-03-31T17:30:00.000Z" },
    { input: "2024-03-31T12:30:00-05:00", utc: "2024-03-31T17:30:00.000Z" },
    { input: "2024-03-31T12:30:00-0500", utc: "2024-03-31T17:30:00.000Z" },
    { input: "2024-03-31T23:00:00+05:30", utc: "2024-03-31T17:30:00.000Z" },
    { input: "2024-03-31T17:30Z", utc: "2024-03-31T17:30:00.000Z" },
    { input: "2024-04-01T01:30+08:00", utc: "2024-03-31T17:30:00.000Z" },
    { input: "2024-03-31T17:30:00.5Z", utc: "2024-03-31T17:30:00.500Z" },
    { input: "2024-03-31T17:30:00.12Z", utc: "2024-03-31T17:30:00.120Z" },
    { input: "2024-03-31T17:30:00.123Z", utc: "2024-03-31T17:30:00.123Z" },
    { input: "2024-03-31T17:30:00.123456Z", utc: "2024-03-31T17:30:00.123Z" },
    { input: "2024-04-01T01:30:00.250+08:00", utc: "2024-03-31T17:30:00.250Z" },
    { input: "2024-02-29T12:00:00Z", utc: "2024-02-29T12:00:00.000Z" },
    { input: "2000-02-29T00:00:00+08:00", utc: "2000-02-28T16:00:00.000Z" },
    { input: "2024-12-31T23:59:59Z", utc: "2024-12-31T23:59:59.000Z" },
    { input: "1900-06-01T00:00:00Z", utc: "1900-06-01T00:00:00.000Z" },
    { input: "2299-06-01T00:00:00Z", utc: "2299-06-01T00:00:00.000Z" },
  ])("$input → $utc", ({ input, utc }) => {
    expect(iso(input)).toBe(utc);
  });
});

describe("parseTimestamp: local form YYYY-MM-DD HH:mm:ss is Asia/Shanghai (UTC+8)", () => {
  it.each([
    { input: "2024-04-01 01:30:00", utc: "2024-03-31T17:30:00.000Z" },
    { input: "2024-04-01 00:00:00", utc: "2024-03-31T16:00:00.000Z" },
    { input: "2024-03-31 23:59:59", utc: "2024-03-31T15:59:59.000Z" },
    { input: "2024-01-01 00:00:00", utc: "2023-12-31T16:00:00.000Z" },
    { input: "2024-01-01 07:59:59", utc: "2023-12-31T23:59:59.000Z" },
    { input: "2024-01-01 08:00:00", utc: "2024-01-01T00:00:00.000Z" },
    { input: "2024-03-01 00:00:00", utc: "2024-02-29T16:00:00.000Z" },
    { input: "2024-02-29 23:59:59", utc: "2024-02-29T15:59:59.000Z" },
    { input: "2024-07-15 12:00:00", utc: "2024-07-15T04:00:00.000Z" },
  ])("$input → $utc", ({ input, utc }) => {
    expect(iso(input)).toBe(utc);
  });
});

describe("parseTimestamp: UTC instants near Shanghai month and year ends", () => {
  // Shanghai time = UTC + 8h; the expected Shanghai wall time is written out by hand.
  const shanghai = (value: string) => {
    const ms = parseTimestamp(value);
    return ms === null ? null : new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
  };
  it.each([
    { input: "2024-03-31T17:30:00Z", local: "2024-04-01 01:30" },
    { input: "2024-03-31T15:59:00Z", local: "2024-03-31 23:59" },
    { input: "2024-03-31T16:00:00Z", local: "2024-04-01 00:00" },
    { input: "2023-12-31T16:00:00Z", local: "2024-01-01 00:00" },
    { input: "2023-12-31T15:59:00Z", local: "2023-12-31 23:59" },
    { input: "2024-02-29T16:30:00Z", local: "2024-03-01 00:30" },
    { input: "2024-12-31T20:00:00Z", local: "2025-01-01 04:00" },
  ])("$input is $local in Shanghai", ({ input, local }) => {
    expect(shanghai(input)).toBe(local);
  });
});

describe("parseTimestamp: rejects what is not a timestamp", () => {
  it.each([
    { why: "Feb 30", input: "2024-02-30T00:00:00Z" },
    { why: "Feb 29 in a common year", input: "2023-02-29T00:00:00Z" },
    { why: "Feb 29 in 1900 (not a leap year)", input: "1900-02-29 00:00:00" },
    { why: "Feb 29 in 2100 (not a leap year)", input: "2100-02-29T00:00:00Z" },
    { why: "April 31", input: "2024-04-31 10:00:00" },
    { why: "day 00", input: "2024-04-00 10:00:00" },
    { why: "Feb 30, local form", input: "2024-02-30 12:00:00" },
    { why: "Feb 29 2023, local form", input: "2023-02-29 12:00:00" },
    { why: "24:00:00, ISO", input: "2024-03-31T24:00:00Z" },
    { why: "24:00:00, local", input: "2024-03-31 24:00:00" },
    { why: "minute 60", input: "2024-03-31T10:60:00Z" },
    { why: "second 60", input: "2024-03-31T10:00:60Z" },
    { why: "month 13", input: "2024-13-01T00:00:00Z" },
    { why: "month 13, local", input: "2024-13-01 00:00:00" },
    { why: "month 00", input: "2024-00-10 00:00:00" },
    { why: "ISO form without an offset", input: "2024-03-31T17:30:00" },
    { why: "ISO form without an offset, with fraction", input: "2024-03-31T17:30:00.123" },
    { why: "local form with T", input: "2024-04-01T01:30:00" },
    { why: "local form without seconds", input: "2024-04-01 01:30" },
    { why: "local form with an offset", input: "2024-04-01 01:30:00+08:00" },
    { why: "date only", input: "2024-04-01" },
    { why: "slashes", input: "2024/04/01 01:30:00" },
    { why: "garbage", input: "yesterday" },
    { why: "empty", input: "" },
    { why: "epoch number as text", input: "1711906200000" },
    { why: "single-digit month", input: "2024-4-01 01:30:00" },
    { why: "year 10000", input: "10000-01-01T00:00:00Z" },
    { why: "year 10000, local", input: "10000-01-01 00:00:00" },
    { why: "year 0999", input: "0999-01-01T00:00:00Z" },
    { why: "year 0999, local", input: "0999-01-01 00:00:00" },
    { why: "year 1899", input: "1899-12-31 12:00:00" },
    { why: "year 2300", input: "2300-01-01T12:00:00Z" },
    { why: "offset minutes 60", input: "2024-03-31T17:30:00+08:60" },
    { why: "leading space", input: " 2024-03-31T17:30:00Z" },
    { why: "trailing text", input: "2024-03-31T17:30:00Z junk" },
  ])("$why: $input", ({ input }) => {
    expect(parseTimestamp(input)).toBeNull();
  });
});
