// The two timestamp forms of FEEDS.md: ISO-8601 with an offset, or local Asia/Shanghai time.
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/;
const LOCAL_SHANGHAI = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** Shanghai has kept UTC+8 without daylight saving since 1991. */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
/** What ClickHouse DateTime64 can hold (checked on the UTC instant); outside is not usable. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2299;
const MIN_MS = Date.UTC(MIN_YEAR, 0, 1);
const MAX_MS = Date.UTC(MAX_YEAR + 1, 0, 1);

function inRange(ms: number | null): number | null {
  return ms !== null && ms >= MIN_MS && ms < MAX_MS ? ms : null;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

function utcMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number | null {
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return null;
  // Date.UTC would roll 2024-02-30 over into March: impossible calendar dates are refused first.
  if (d < 1 || d > (mo === 2 && isLeap(y) ? 29 : MONTH_DAYS[mo - 1]!)) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

function offsetMs(offset: string): number | null {
  if (offset === "Z") return 0;
  const sign = offset.startsWith("-") ? -1 : 1;
  const digits = offset.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 18 || minutes > 59) return null;
  return sign * (hours * 3600_000 + minutes * 60_000);
}

/** Parses a feed timestamp into UTC epoch milliseconds, or null when it is not one. */
export function parseTimestamp(value: string): number | null {
  const iso = ISO_WITH_OFFSET.exec(value);
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, off] = iso;
    const ms = frac ? Number(frac.padEnd(3, "0").slice(0, 3)) : 0;
    const local = utcMs(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
    const shift = offsetMs(off!);
    return local === null || shift === null ? null : inRange(local - shift);
  }
  const loc = LOCAL_SHANGHAI.exec(value);
  if (loc) {
    const [, y, mo, d, h, mi, s] = loc;
    const local = utcMs(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), 0);
    return local === null ? null : inRange(local - SHANGHAI_OFFSET_MS);
  }
  return null;
}
