// A report period: a calendar year or month in Asia/Shanghai time, as half-open UTC intervals.
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export interface Interval {
  start: number;
  end: number;
}

export interface Period extends Interval {
  label: string;
  kind: "year" | "month";
  year: number;
  /** 1-12 for a month, null for a year. */
  month: number | null;
  /** The same months one year earlier. */
  prev: Interval;
  /** The 12 months before the period (for a year: the year before). */
  lookback: Interval;
  /** The three months before a monthly period (category spikes). */
  spikeBase: Interval;
}

/** Start of a Shanghai calendar month as UTC ms; month may run past 12 or below 1. */
export function monthStart(year: number, month: number): number {
  return Date.UTC(year, month - 1, 1) - SHANGHAI_OFFSET_MS;
}

export class PeriodError extends Error {
  override readonly name = "PeriodError";
}

export function parsePeriod(text: string): Period {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(text);
  const year = Number(m?.[1]);
  const month = m?.[2] === undefined ? null : Number(m[2]);
  if (!m || year < 1900 || year > 2299 || (month !== null && (month < 1 || month > 12))) {
    throw new PeriodError(`invalid period ${JSON.stringify(text)}: expected YYYY or YYYY-MM`);
  }
  const first = month ?? 1;
  const months = month === null ? 12 : 1;
  const start = monthStart(year, first);
  return {
    label: text,
    kind: month === null ? "year" : "month",
    year,
    month,
    start,
    end: monthStart(year, first + months),
    prev: { start: monthStart(year - 1, first), end: monthStart(year - 1, first + months) },
    lookback: { start: monthStart(year, first - 12), end: start },
    spikeBase: { start: monthStart(year, first - 3), end: start },
  };
}

/** The calendar month before the one containing `now` (what the monthly schedule reports on). */
export function previousMonth(now: Date): string {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}
