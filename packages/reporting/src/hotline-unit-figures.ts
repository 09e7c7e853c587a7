// hotline.by_unit, the visits of P (visited, satisfied), each street's hotline figures of the
// streets table, and the repeat callers of REPORT.md.
import type { Store } from "@casepulse/store";
import { countColumns, HOTLINE_VISIT_COUNTS, STREET_OF } from "./figure-conditions.ts";
import { CALLER_ORDERS_IN_P, REPEAT_CALLER_MIN_ORDERS, repeatCallers } from "./hotline-conditions.ts";
import { n, rowsOf, type PassRow } from "./hotline-pass.ts";
import { rate, type UnitEntry } from "./report-types.ts";
import type { PeriodParams } from "./sql-params.ts";
import { compareCodePoints } from "./street-figures.ts";
import { visitedAcrossEnd, visitsByEvents } from "./visit-conditions.ts";

/** A street's counts among the orders, closings and visits of P (the streets table's hotline figures). */
export interface StreetHotline {
  street: string;
  orders: number;
  closed: number;
  closed_on_time: number;
  visited: number;
  satisfied: number;
}

type Counts = Omit<StreetHotline, "street">;


interface VisitRow {
  grouping_set: "all" | "unit" | "street_key";
  unit: string | null;
  street_key: string | null;
  visited: number;
  satisfied: number;
}

/**
 * The visits of P that the state cannot judge (orders visited before the end of P and after it),
 * counted from their events and grouped like the pass: in all, by unit and by street. Few orders,
 * so the join to their units is small.
 */
async function visitsAcrossEnd(store: Store, params: PeriodParams): Promise<VisitRow[]> {
  const db = store.database;
  return store.query<VisitRow>(
    `SELECT multiIf(GROUPING(unit) = 0, 'unit', GROUPING(street_key) = 0, 'street_key', 'all') AS grouping_set, unit, street_key,
       ${countColumns(HOTLINE_VISIT_COUNTS)}
     FROM (${visitsByEvents(db)}) AS v
     INNER JOIN (SELECT order_id, unit, street, ${STREET_OF} AS street_key FROM ${db}.hotline_orders WHERE order_id IN (${visitedAcrossEnd(db)})) AS o
       ON o.order_id = v.order_id
     GROUP BY GROUPING SETS ((), (unit), (street_key))
     SETTINGS group_by_use_nulls = 1`,
    params,
  );
}

/** Each entry's counts: the pass's, and the visits of P its events add. */
function merged(pass: readonly PassRow[], visits: readonly VisitRow[], key: "unit" | "street_key"): Map<string, Counts> {
  const out = new Map<string, Counts>();
  const entry = (name: string) => out.get(name) ?? out.set(name, { orders: 0, closed: 0, closed_on_time: 0, visited: 0, satisfied: 0 }).get(name)!;
  for (const r of rowsOf(pass, key)) {
    if (r[key] === null) continue;
    const c = entry(r[key]);
    c.orders += n(r, "orders");
    c.closed += n(r, "closed");
    c.closed_on_time += n(r, "closed_on_time");
    c.visited += n(r, "visited");
    c.satisfied += n(r, "satisfied");
  }
  for (const v of visits.filter((v) => v.grouping_set === key && v[key] !== null)) {
    const c = entry(v[key]!);
    c.visited += Number(v.visited);
    c.satisfied += Number(v.satisfied);
  }
  return out;
}

/**
 * The visits of P (the pass's, and the ones read from events), by_unit, and each street's counts.
 * A unit enters when it has an order, a closing or a visit in P (REPORT.md: all of them 0 is left
 * out); largest `orders` first, then largest `closed`, ties by name. Orders without a unit count in
 * the totals only.
 */
export async function unitAndVisitFigures(
  store: Store,
  params: PeriodParams,
  pass: readonly PassRow[],
): Promise<{ visited: number; satisfied: number; by_unit: UnitEntry[]; streets: StreetHotline[] }> {
  const visits = await visitsAcrossEnd(store, params);
  const [all] = rowsOf(pass, "all");
  const extra = visits.find((v) => v.grouping_set === "all");
  const by_unit = [...merged(pass, visits, "unit")]
    .filter(([, c]) => c.orders + c.closed + c.visited > 0)
    .sort(([a, x], [b, y]) => y.orders - x.orders || y.closed - x.closed || compareCodePoints(a, b))
    .map(([unit, c]) => ({
      unit,
      orders: c.orders,
      closed: c.closed,
      closed_on_time: c.closed_on_time,
      on_time_close_rate: rate(c.closed_on_time, c.closed),
      satisfaction_rate: rate(c.satisfied, c.visited),
    }));
  const counted = merged(pass, visits, "street_key");
  // The streets table lists every street any stored order belongs to, also one with nothing in P.
  if (params.street === "") {
    const held = await store.query<{ street_key: string }>(`SELECT DISTINCT ${STREET_OF} AS street_key FROM ${store.database}.hotline_orders`, params);
    for (const { street_key } of held) if (!counted.has(street_key)) counted.set(street_key, { orders: 0, closed: 0, closed_on_time: 0, visited: 0, satisfied: 0 });
  }
  const streets = [...counted].map(([street, c]) => ({ street, ...c }));
  return {
    visited: n(all, "visited") + Number(extra?.visited ?? 0),
    satisfied: n(all, "satisfied") + Number(extra?.satisfied ?? 0),
    by_unit,
    streets,
  };
}

/**
 * Callers are grouped by a 64-bit fingerprint of their HMAC: grouping a million 64-character keys
 * was most of the query. Two callers sharing a fingerprint can change the figure only in a group
 * of 3 or more orders, so those few groups are checked for a second HMAC; should one have it, the
 * count is made again by the HMAC itself, and the figure never depends on the shortcut.
 */
export async function repeatCallerFigures(store: Store, params: PeriodParams): Promise<{ repeat_callers: number; repeat_caller_orders: number }> {
  const db = store.database;
  const fingerprints = `SELECT cityHash64(caller_hash) AS fingerprint, count() AS orders FROM ${db}.hotline_orders
     WHERE ${CALLER_ORDERS_IN_P} GROUP BY fingerprint HAVING orders >= ${REPEAT_CALLER_MIN_ORDERS}`;
  const [fast] = await store.query<{ callers: number; orders: number; collisions: number }>(
    `SELECT count() AS callers, sum(orders) AS orders, countIf(hashes > 1) AS collisions FROM (
       SELECT cityHash64(caller_hash) AS fingerprint, count() AS orders, uniqExact(caller_hash) AS hashes
       FROM ${db}.hotline_orders
       WHERE ${CALLER_ORDERS_IN_P} AND cityHash64(caller_hash) IN (SELECT fingerprint FROM (${fingerprints}))
       GROUP BY fingerprint
     )`,
    params,
  );
  if (Number(fast!.collisions) === 0) return { repeat_callers: Number(fast!.callers), repeat_caller_orders: Number(fast!.orders) };
  const [exact] = await store.query<{ callers: number; orders: number }>(`SELECT count() AS callers, sum(orders) AS orders FROM (${repeatCallers(db)})`, params);
  return { repeat_callers: Number(exact!.callers), repeat_caller_orders: Number(exact!.orders) };
}
