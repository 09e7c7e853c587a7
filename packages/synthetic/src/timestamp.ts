// The oracle's own reading of FEEDS.md timestamps (kept apart from @casepulse/feeds on purpose:
// it is the independent check). Every form becomes UTC epoch milliseconds.

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|([+-])(\d{2})(?::?(\d{2}))?)$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function wallClockMs(parts: (string | undefined)[], fraction: string | undefined): number | null {
  const [y, mo, d, h, mi, s] = parts.map((p) => Number(p ?? "0")) as [number, number, number, number, number, number];
  // DateTime64's range; outside it a value is not a usable timestamp (docs/semantics.md).
  if (y < 1900 || y > 2299) return null;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  // Kept to the millisecond: further digits are cut, not rounded.
  const ms = fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, "0"));
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

/** UTC ms for a feed timestamp, or null when it is not a valid one. */
export function tryParseTimestamp(text: string): number | null {
  const iso = ISO.exec(text);
  if (iso) {
    const wall = wallClockMs(iso.slice(1, 7), iso[7]);
    if (wall === null) return null;
    if (iso[8] === "Z") return wall;
    const oh = Number(iso[10]);
    const om = Number(iso[11] ?? "0");
    if (oh > 23 || om > 59) return null;
    const offset = (oh * 60 + om) * 60_000 * (iso[9] === "-" ? -1 : 1);
    return wall - offset;
  }
  const local = LOCAL.exec(text);
  if (local) {
    const wall = wallClockMs(local.slice(1, 7), undefined);
    return wall === null ? null : wall - SHANGHAI_OFFSET_MS;
  }
  return null;
}

/** For truth records, which are valid by construction: a bad one is a bug in the truth. */
export function parseTimestamp(text: string): number {
  const ms = tryParseTimestamp(text);
  if (ms === null) throw new Error(`invalid timestamp in truth: ${JSON.stringify(text)}`);
  return ms;
}
