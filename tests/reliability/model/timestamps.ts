// Timestamps with a known verdict: valid ones made from a known instant in one of the written
// forms semantics.md allows (so the parsed instant can be checked too), invalid ones from the
// ways a timestamp goes wrong (impossible dates, out-of-range years, malformed text).
import fc from "fast-check";
import type { ValueClass } from "./feed-spec.ts";

export interface TimestampCase {
  value: string;
  cls: ValueClass;
  label: string;
  /** The UTC instant a valid timestamp stands for. */
  ms?: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
/** Written fields of the instant `ms` shifted by `offsetMin` minutes (the clock reading there). */
function fields(ms: number, offsetMin: number) {
  const d = new Date(ms + offsetMin * 60_000);
  return {
    date: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    hm: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    s: pad(d.getUTCSeconds()),
    msPart: d.getUTCMilliseconds(),
  };
}

function offsetText(min: number, style: "colon" | "compact" | "hours"): string {
  const sign = min < 0 ? "-" : "+";
  const a = Math.abs(min);
  const [h, m] = [pad(Math.floor(a / 60)), pad(a % 60)];
  return style === "colon" ? `${sign}${h}:${m}` : style === "compact" ? `${sign}${h}${m}` : `${sign}${h}`;
}

// Instants well inside 1900-2299 so that any allowed offset keeps the written year in range too.
const instant = fc.integer({ min: Date.UTC(1900, 0, 2), max: Date.UTC(2299, 11, 30) });

const validTimestamp: fc.Arbitrary<TimestampCase> = fc.oneof(
  // ISO with Z, with or without seconds, with a fraction of 1-9 digits.
  fc.tuple(instant, fc.constantFrom("hm", "s", "frac"), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 999_999 })).map(([t, form, digits, extra]) => {
    const ms = form === "hm" ? t - (t % 60_000) : form === "s" ? t - (t % 1000) : t;
    const f = fields(ms, 0);
    const frac = `${pad(f.msPart, 3)}${pad(extra, 6)}`.slice(0, digits);
    const whole = form === "frac" ? ms - f.msPart + Number(frac.padEnd(3, "0").slice(0, 3)) : ms;
    const text = form === "hm" ? `${f.date}T${f.hm}Z` : form === "s" ? `${f.date}T${f.hm}:${f.s}Z` : `${f.date}T${f.hm}:${f.s}.${frac}Z`;
    return { value: text, cls: "valid" as const, label: `iso-z-${form}`, ms: whole };
  }),
  // ISO with an offset in each of its three written forms.
  fc.tuple(instant, fc.integer({ min: -18 * 60, max: 18 * 60 }), fc.constantFrom("colon", "compact", "hours") as fc.Arbitrary<"colon" | "compact" | "hours">).map(([t, off, style]) => {
    const offset = style === "hours" ? off - (off % 60) : off;
    const ms = t - (t % 1000);
    const f = fields(ms, offset);
    return { value: `${f.date}T${f.hm}:${f.s}${offsetText(offset, style)}`, cls: "valid" as const, label: `iso-offset-${style}`, ms };
  }),
  // The local Shanghai form.
  instant.map((t) => {
    const ms = t - (t % 1000);
    const f = fields(ms, 8 * 60);
    return { value: `${f.date} ${f.hm}:${f.s}`, cls: "valid" as const, label: "local", ms };
  }),
  // The edges of the range, computed by hand.
  fc.constantFrom(
    { value: "1900-01-01T00:00:00Z", cls: "valid" as const, label: "edge-min", ms: Date.UTC(1900, 0, 1) },
    { value: "2299-12-31T23:59:59.999Z", cls: "valid" as const, label: "edge-max", ms: Date.UTC(2299, 11, 31, 23, 59, 59, 999) },
    { value: "1900-01-01 08:00:00", cls: "valid" as const, label: "edge-min-local", ms: Date.UTC(1900, 0, 1) },
    { value: "2024-02-29 12:00:00", cls: "valid" as const, label: "leap-day", ms: Date.UTC(2024, 1, 29, 4) },
  ),
);

const invalidTimestamp: fc.Arbitrary<TimestampCase> = fc
  .constantFrom(
    // calendar-impossible dates and times
    "2023-02-29 10:00:00", "2024-02-30 10:00:00", "2024-04-31T10:00:00Z", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z",
    "2024-01-00 10:00:00", "2024-01-32 10:00:00", "2024-03-01 24:00:00", "2024-03-01T23:60:00Z", "2024-03-01T23:59:60Z", "2100-02-29T00:00:00Z",
    // years outside 1900-2299, as written or once in UTC
    "1899-12-31T23:59:59Z", "2300-01-01T00:00:00Z", "9999-12-31T00:00:00Z", "0000-01-01T00:00:00Z",
    "2299-12-31T23:30:00-01:00", "1900-01-01T00:30:00+01:00", "1900-01-01 07:59:59", "2300-01-01T07:00:00+08:00", "2300-01-01 06:00:00",
    // not one of the written forms
    "2024/03/01 10:00:00", "2024-03-01T10:00:00", "2024-03-01 10:00", "2024-3-1 10:00:00", "20240301T100000Z", "2024-03-01t10:00:00z",
    "2024-03-01T10:00:00+8", "2024-03-01T10:00:00+08:0", "2024-03-01T10:00:00+19:00", "2024-03-01T10:00:00+08:60", "2024-03-01T10:00:00.Z",
    "2024-03-01T10:00:00.1234567890Z", " 2024-03-01 10:00:00", "2024-03-01 10:00:00 ", "2024-03-01  10:00:00", "昨天下午三点", "1711929600",
    "2024-03-01T10:00:00Z; DROP TABLE x", "", "   ",
  )
  .map((value) => ({ value, cls: "invalid" as const, label: "bad-timestamp" }));

export const timestampValue = fc.oneof({ weight: 3, arbitrary: validTimestamp }, { weight: 2, arbitrary: invalidTimestamp });
export const validTimestampValue = validTimestamp;
