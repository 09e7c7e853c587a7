// hotline.* of REPORT.md, computed in ClickHouse over the current state of each order (hotline-pass.ts).
import type { Store } from "@casepulse/store";
import { rate, yoy, type HotlineBlock } from "./report-types.ts";
import { overdueFigures } from "./hotline-backlog.ts";
import { hotlinePass, n, periodWide, rowsOf, type PassRow } from "./hotline-pass.ts";
import { repeatCallerFigures, unitAndVisitFigures, type StreetHotline } from "./hotline-unit-figures.ts";
import type { PeriodParams } from "./sql-params.ts";
import { compareCodePoints } from "./street-figures.ts";

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


/** A list's entries of the orders of P: largest first, ties by name. */
function ranked(pass: readonly PassRow[], column: "category" | "community"): { name: string; orders: number }[] {
  return rowsOf(pass, column)
    .filter((r) => r[column] !== null && n(r, "orders") > 0)
    .map((r) => ({ name: String(r[column]), orders: n(r, "orders") }))
    .sort((a, b) => b.orders - a.orders || compareCodePoints(a.name, b.name));
}

/**
 * The hotline block; each street's hotline figures of the streets table and each category's
 * orders in P and in the three months before (the category_spike rule), from the same passes.
 */
export async function hotlineFigures(
  store: Store,
  params: PeriodParams,
): Promise<{ hotline: HotlineBlock; streets: StreetHotline[]; categories: CategoryCount[] }> {
  const pass = await hotlinePass(store, params);
  const wide = await periodWide(store, params);
  const units = await unitAndVisitFigures(store, params, pass);
  const callers = await repeatCallerFigures(store, params);
  const overdue = await overdueFigures(store, params, pass, wide);
  const [all] = rowsOf(pass, "all");
  const orders = n(all, "orders");
  const count = (name: Parameters<typeof n>[1]) => n(all, name);
  const hotline: HotlineBlock = {
    orders,
    repeat_orders: count("repeat_orders"),
    closed: count("closed"),
    closed_on_time: count("closed_on_time"),
    on_time_close_rate: rate(count("closed_on_time"), count("closed")),
    visited: units.visited,
    satisfied: units.satisfied,
    satisfaction_rate: rate(units.satisfied, units.visited),
    orders_prev: count("orders_prev"),
    yoy: yoy(orders, count("orders_prev")),
    by_category: ranked(pass, "category").map((c) => ({ category: c.name, orders: c.orders })),
    by_community: ranked(pass, "community").map((c) => ({ community: c.name, orders: c.orders })),
    returned: count("returned"),
    return_rate: rate(count("returned"), orders),
    reopened: count("reopened"),
    reopen_rate: rate(count("reopened"), orders),
    accepted_in_time: count("accepted_in_time"),
    acceptance_rate: rate(count("accepted_in_time"), orders),
    close_hours_median: medianHours(Number(wide.close_count), Number(wide.close_low_ms), Number(wide.close_high_ms)),
    ...overdue,
    by_unit: units.by_unit,
    ...callers,
  };
  const categories = rowsOf(pass, "category")
    .filter((r) => r.category !== null)
    .map((r) => ({ category: String(r.category), orders: n(r, "orders"), base_orders: n(r, "base_orders") }));
  return { hotline, streets: units.streets, categories };
}
