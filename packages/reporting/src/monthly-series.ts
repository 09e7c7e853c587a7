// Monthly counts for the trend charts: 24 Shanghai months ending with the period's last month,
// so the last 12 are the year (or the 12 months ending with the month) and the first 12 the same
// months a year earlier. Counted and grouped in ClickHouse, one query per feed, with the very
// conditions of the figures: the window is passed as the start/end parameters they read.
import { chTime, type Store } from "@casepulse/store";
import { countColumns, HOTLINE_ORDER_COUNTS, LITIGATION_COUNTS, LITIGATION_FILED_IN_P, MEDIATION_COUNTS } from "./figure-conditions.ts";
import { monthStart, type Period } from "./period.ts";
import { scopeParams, type ScopeOptions } from "./sql-params.ts";

export interface MonthlySeries {
  /** 24 months as YYYY-MM, oldest first. */
  months: string[];
  /** Orders registered per month (hotline.orders). */
  hotline: number[];
  /** Cases registered per month (mediation.registered). */
  mediation: number[];
  /** Cases filed per month (litigation.reconsideration.filed, litigation.litigation.filed). */
  reconsideration: number[];
  litigation: number[];
}

export const SERIES_MONTHS = 24;

/** The window's months and bounds (UTC ms): 24 months ending with the period's last month. */
export function seriesWindow(period: Period): { months: string[]; start: number; end: number } {
  const lastMonth = period.month ?? 12;
  const months: string[] = [];
  for (let i = SERIES_MONTHS - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(period.year, lastMonth - 1 - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  return { months, start: monthStart(period.year, lastMonth + 1 - SERIES_MONTHS), end: period.end };
}

type MonthRow = Record<string, number | string>;

async function byMonth(store: Store, timeColumn: string, view: string, counts: Record<string, string>, where: string, params: object): Promise<MonthRow[]> {
  return store.query<MonthRow>(
    `SELECT formatDateTime(toTimeZone(${timeColumn}, 'Asia/Shanghai'), '%Y-%m') AS month, ${countColumns(counts)}
     FROM ${store.database}.${view}
     WHERE ${where}
     GROUP BY month`,
    params as Record<string, unknown>,
  );
}

/** Fills the window's months from the grouped rows (a month without rows is 0). */
export function alignMonths(months: readonly string[], rows: readonly MonthRow[], column: string): number[] {
  const found = new Map(rows.map((r) => [String(r.month), Number(r[column])]));
  return months.map((m) => found.get(m) ?? 0);
}

/** `scope`: the report's street (REPORT.md "Streets"), whose months these are; every street's by default. */
export async function monthlySeries(store: Store, period: Period, scope: ScopeOptions = {}): Promise<MonthlySeries> {
  const w = seriesWindow(period);
  const params = { start: chTime(w.start), end: chTime(w.end), ...scopeParams(scope) };
  const orders = HOTLINE_ORDER_COUNTS.orders;
  const registered = MEDIATION_COUNTS.registered;
  const hotline = await byMonth(store, "registered_at", "hotline_orders", { n: orders }, orders, params);
  const mediation = await byMonth(store, "registered_at", "mediation_cases", { n: registered }, registered, params);
  const litigation = await byMonth(
    store,
    "filed_at",
    "litigation_cases",
    { rc: LITIGATION_COUNTS.rc_filed, lt: LITIGATION_COUNTS.lt_filed },
    LITIGATION_FILED_IN_P,
    params,
  );
  return {
    months: w.months,
    hotline: alignMonths(w.months, hotline, "n"),
    mediation: alignMonths(w.months, mediation, "n"),
    reconsideration: alignMonths(w.months, litigation, "rc"),
    litigation: alignMonths(w.months, litigation, "lt"),
  };
}
