// A period is a Shanghai calendar month or year, as the half-open UTC interval [start, end).
import { SHANGHAI_OFFSET_MS } from "./timestamp.ts";

export interface Interval {
  start: number;
  end: number;
}

export interface Period extends Interval {
  label: string;
  year: number;
  /** 1–12 for a month period, null for a year. */
  month: number | null;
}

/** Start of a Shanghai month; month0 may run outside 0–11 (Date.UTC carries it into the year). */
export function shanghaiMonthStart(year: number, month0: number): number {
  return Date.UTC(year, month0, 1) - SHANGHAI_OFFSET_MS;
}

export function parsePeriod(label: string): Period {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(label);
  const month = m?.[2] === undefined ? null : Number(m[2]);
  if (!m || (month !== null && (month < 1 || month > 12))) throw new Error(`bad period ${label}`);
  const year = Number(m[1]);
  if (month === null) {
    return { label, year, month, start: shanghaiMonthStart(year, 0), end: shanghaiMonthStart(year + 1, 0) };
  }
  return { label, year, month, start: shanghaiMonthStart(year, month - 1), end: shanghaiMonthStart(year, month) };
}

/** The same months one year earlier. */
export function yearBefore(p: Period): Interval {
  return p.month === null
    ? { start: shanghaiMonthStart(p.year - 1, 0), end: shanghaiMonthStart(p.year, 0) }
    : { start: shanghaiMonthStart(p.year - 1, p.month - 1), end: shanghaiMonthStart(p.year - 1, p.month) };
}

/** [start − 12 months, start): for a year period this is exactly the year before. */
export function twelveMonthsBefore(p: Period): Interval {
  const month0 = p.month === null ? 0 : p.month - 1;
  return { start: shanghaiMonthStart(p.year, month0 - 12), end: p.start };
}

/** The k-th calendar month before a month period (k = 1 is the previous month). */
export function monthBefore(p: Period, k: number): Interval {
  if (p.month === null) throw new Error("monthBefore needs a month period");
  return { start: shanghaiMonthStart(p.year, p.month - 1 - k), end: shanghaiMonthStart(p.year, p.month - k) };
}

export function within(ms: number | null | undefined, i: Interval): boolean {
  return ms != null && ms >= i.start && ms < i.end;
}

/** "2023", "2024", then every month of both years: the periods we publish expected figures for. */
export function periodsOf(years: readonly number[]): string[] {
  const out = years.map(String);
  for (const y of years) for (let m = 1; m <= 12; m++) out.push(`${y}-${String(m).padStart(2, "0")}`);
  return out;
}
