// hotline.by_unit, the visits of P (visited, satisfied), each street's hotline figures of the
// streets table, and the repeat callers of REPORT.md.
import type { Store } from "@casepulse/store";
import { countColumns, HOTLINE_VISIT_COUNTS, hotlineVisitsInP, STREET_OF } from "./figure-conditions.ts";
import { repeatCallers, UNIT_COUNTS } from "./hotline-conditions.ts";
import { rate, type UnitEntry } from "./report-types.ts";
import type { PeriodParams } from "./sql-params.ts";

/** A street's counts among the orders, closings and visits of P (the streets table's hotline figures). */
export interface StreetHotline {
  street: string;
  orders: number;
  closed: number;
  closed_on_time: number;
  visited: number;
  satisfied: number;
}

interface GroupRow extends Omit<StreetHotline, "street"> {
  unit: string | null;
  /** NULL on the rows grouped by unit (group_by_use_nulls), the street on those grouped by street. */
  street_key: string | null;
}

const COUNTS = ["orders", "closed", "closed_on_time", "visited", "satisfied"] as const;
const counted = (r: GroupRow) => Object.fromEntries(COUNTS.map((k) => [k, Number(r[k])])) as Omit<StreetHotline, "street">;

/**
 * One pass over the orders, each with its visit of P if it has one, grouped twice: by unit (the
 * units' counts, and the visits of every order, those without a unit too, for hotline.visited and
 * satisfied) and by street (each street's figures for the streets table, in the same pass). A visit
 * is counted by the very conditions of HOTLINE_VISIT_COUNTS.
 */
export async function unitAndVisitFigures(
  store: Store,
  params: PeriodParams,
): Promise<{ visited: number; satisfied: number; by_unit: UnitEntry[]; streets: StreetHotline[] }> {
  const db = store.database;
  const visitCounts = Object.fromEntries(Object.entries(HOTLINE_VISIT_COUNTS).map(([name, condition]) => [name, `visit_row = 1 AND ${condition}`]));
  const rows = await store.query<GroupRow>(
    `SELECT unit, ${STREET_OF} AS street_key, ${countColumns({ ...UNIT_COUNTS, ...visitCounts })}
     FROM ${db}.hotline_orders AS o
     LEFT JOIN (SELECT *, 1 AS visit_row FROM (${hotlineVisitsInP(db)})) AS v ON v.order_id = o.order_id
     GROUP BY GROUPING SETS ((unit), (street_key))
     ORDER BY orders DESC, closed DESC, unit ASC
     SETTINGS group_by_use_nulls = 1`,
    params,
  );
  const units = rows.filter((r) => r.street_key === null);
  const sum = (key: "visited" | "satisfied") => units.reduce((n, r) => n + Number(r[key]), 0);
  // A unit enters when it has an order, a closing or a visit in P (REPORT.md: all of them 0 is left out).
  const by_unit = units
    .filter((r): r is GroupRow & { unit: string } => r.unit !== null && Number(r.orders) + Number(r.closed) + Number(r.visited) > 0)
    .map((r) => ({
      unit: r.unit,
      orders: Number(r.orders),
      closed: Number(r.closed),
      closed_on_time: Number(r.closed_on_time),
      on_time_close_rate: rate(Number(r.closed_on_time), Number(r.closed)),
      satisfaction_rate: rate(Number(r.satisfied), Number(r.visited)),
    }));
  const streets = rows.filter((r): r is GroupRow & { street_key: string } => r.street_key !== null).map((r) => ({ street: r.street_key, ...counted(r) }));
  return { visited: sum("visited"), satisfied: sum("satisfied"), by_unit, streets };
}

export async function repeatCallerFigures(store: Store, params: PeriodParams): Promise<{ repeat_callers: number; repeat_caller_orders: number }> {
  const [r] = await store.query<{ callers: number; orders: number }>(
    `SELECT count() AS callers, sum(orders) AS orders FROM (${repeatCallers(store.database)})`,
    params,
  );
  return { repeat_callers: Number(r!.callers), repeat_caller_orders: Number(r!.orders) };
}
