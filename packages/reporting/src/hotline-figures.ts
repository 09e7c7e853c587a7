// hotline.* of REPORT.md, computed in ClickHouse over the current state of each order.
import type { Store } from "@casepulse/store";
import { rate, yoy, type HotlineBlock } from "./report-types.ts";
import { countColumns, HOTLINE_ORDER_COUNTS, HOTLINE_ORDERS_IN_P, hotlineRegisteredIn } from "./figure-conditions.ts";
import { overdueFigures } from "./hotline-backlog.ts";
import { CLOSE_DURATION, HOTLINE_PROCESS_COUNTS } from "./hotline-conditions.ts";
import { repeatCallerFigures, unitAndVisitFigures, type StreetHotline } from "./hotline-unit-figures.ts";
import { within, type PeriodParams } from "./sql-params.ts";

export interface CategoryCount {
  category: string;
  /** Orders registered in the month. */
  orders: number;
  /** Orders registered in the three months before it. */
  base_orders: number;
}

/**
 * The median in hours, rounded half up to 0.01 h, from the two middle values in milliseconds
 * (equal for an odd count): in integers, since their mean is a multiple of 0.5 ms and a float
 * division could put a tie at 0.005 h on either side. 0.01 h is 36,000 ms.
 */
export function medianHours(count: number, lowMs: number, highMs: number): number | null {
  if (count === 0) return null;
  return Math.floor((lowMs + highMs + 36_000) / 72_000) / 100;
}

/** The hotline block, and each street's hotline figures of the streets table (from the same passes). */
export async function hotlineFigures(store: Store, params: PeriodParams): Promise<{ hotline: HotlineBlock; streets: StreetHotline[] }> {
  const db = store.database;
  const [main] = await store.query<Record<string, number>>(
    `SELECT ${countColumns({ ...HOTLINE_ORDER_COUNTS, ...HOTLINE_PROCESS_COUNTS })},
       countIf(${CLOSE_DURATION.condition}) AS close_count,
       quantileExactLowIf(0.5)(${CLOSE_DURATION.millis}, ${CLOSE_DURATION.condition}) AS close_low_ms,
       quantileExactHighIf(0.5)(${CLOSE_DURATION.millis}, ${CLOSE_DURATION.condition}) AS close_high_ms
     FROM ${db}.hotline_orders`,
    params,
  );
  const units = await unitAndVisitFigures(store, params);
  const grouped = (column: "category" | "community") =>
    store.query<Record<string, string | number>>(
      `SELECT ${column}, count() AS orders FROM ${db}.hotline_orders
       WHERE ${HOTLINE_ORDERS_IN_P} GROUP BY ${column} ORDER BY orders DESC, ${column} ASC`,
      params,
    );
  const byCategory = await grouped("category");
  const byCommunity = await grouped("community");
  const callers = await repeatCallerFigures(store, params);
  const overdue = await overdueFigures(store, params);
  const f = main!;
  const orders = f.orders!;
  const hotline: HotlineBlock = {
    orders,
    repeat_orders: f.repeat_orders!,
    closed: f.closed!,
    closed_on_time: f.closed_on_time!,
    on_time_close_rate: rate(f.closed_on_time!, f.closed!),
    visited: units.visited,
    satisfied: units.satisfied,
    satisfaction_rate: rate(units.satisfied, units.visited),
    orders_prev: f.orders_prev!,
    yoy: yoy(orders, f.orders_prev!),
    by_category: byCategory.map((r) => ({ category: String(r.category), orders: Number(r.orders) })),
    by_community: byCommunity.map((r) => ({ community: String(r.community), orders: Number(r.orders) })),
    returned: f.returned!,
    return_rate: rate(f.returned!, orders),
    reopened: f.reopened!,
    reopen_rate: rate(f.reopened!, orders),
    accepted_in_time: f.accepted_in_time!,
    acceptance_rate: rate(f.accepted_in_time!, orders),
    close_hours_median: medianHours(Number(f.close_count), Number(f.close_low_ms), Number(f.close_high_ms)),
    ...overdue,
    by_unit: units.by_unit,
    ...callers,
  };
  return { hotline, streets: units.streets };
}

/** Orders per category in a month and in the three months before it (the category_spike rule). */
export async function categoryMonthCounts(store: Store, params: PeriodParams): Promise<CategoryCount[]> {
  return store.query<CategoryCount>(
    `SELECT category,
            countIf(${within("registered_at")}) AS orders,
            countIf(${within("registered_at", "spike_start", "start")}) AS base_orders
     FROM ${store.database}.hotline_orders
     WHERE ${hotlineRegisteredIn("spike_start", "end")}
     GROUP BY category
     ORDER BY category`,
    params,
  );
}
