// hotline.* of REPORT.md, computed in ClickHouse over the current state of each order.
import type { Store } from "@casepulse/store";
import { rate, yoy, type HotlineBlock } from "./report-types.ts";
import { countColumns, HOTLINE_ORDER_COUNTS, HOTLINE_ORDERS_IN_P, HOTLINE_VISIT_COUNTS, hotlineVisitsInP } from "./figure-conditions.ts";
import { within, type PeriodParams } from "./sql-params.ts";

export interface CategoryCount {
  category: string;
  /** Orders registered in the month. */
  orders: number;
  /** Orders registered in the three months before it. */
  base_orders: number;
}

export async function hotlineFigures(store: Store, params: PeriodParams): Promise<HotlineBlock> {
  const db = store.database;
  const [main] = await store.query<Record<string, number>>(
    `SELECT ${countColumns(HOTLINE_ORDER_COUNTS)} FROM ${db}.hotline_orders`,
    params,
  );
  const [visits] = await store.query<Record<string, number>>(
    `SELECT ${countColumns(HOTLINE_VISIT_COUNTS)} FROM (${hotlineVisitsInP(db)})`,
    params,
  );
  const grouped = (column: "category" | "community") =>
    store.query<Record<string, string | number>>(
      `SELECT ${column}, count() AS orders FROM ${db}.hotline_orders
       WHERE ${HOTLINE_ORDERS_IN_P} GROUP BY ${column} ORDER BY orders DESC, ${column} ASC`,
      params,
    );
  const [byCategory, byCommunity] = await Promise.all([grouped("category"), grouped("community")]);
  const f = { ...main!, ...visits! };
  return {
    orders: f.orders!,
    repeat_orders: f.repeat_orders!,
    closed: f.closed!,
    closed_on_time: f.closed_on_time!,
    on_time_close_rate: rate(f.closed_on_time!, f.closed!),
    visited: f.visited!,
    satisfied: f.satisfied!,
    satisfaction_rate: rate(f.satisfied!, f.visited!),
    orders_prev: f.orders_prev!,
    yoy: yoy(f.orders!, f.orders_prev!),
    by_category: byCategory.map((r) => ({ category: String(r.category), orders: Number(r.orders) })),
    by_community: byCommunity.map((r) => ({ community: String(r.community), orders: Number(r.orders) })),
  };
}

/** Orders per category in a month and in the three months before it (the category_spike rule). */
export async function categoryMonthCounts(store: Store, params: PeriodParams): Promise<CategoryCount[]> {
  return store.query<CategoryCount>(
    `SELECT category,
            countIf(${within("registered_at")}) AS orders,
            countIf(${within("registered_at", "spike_start", "start")}) AS base_orders
     FROM ${store.database}.hotline_orders
     WHERE registered AND ${within("registered_at", "spike_start", "end")}
     GROUP BY category
     ORDER BY category`,
    params,
  );
}
