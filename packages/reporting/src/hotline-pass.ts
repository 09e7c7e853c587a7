// One pass over the order state for every hotline count it can give: the whole period's (orders,
// closings, the process figures, the visits and the backlog its state judges) and the same counts
// per category, community, unit and street (grouping sets), so the state is read once instead of
// once per list; and one more over the few orders the median and the backlog's earliest deadlines
// need, which would cost most of the pass if every list computed them too. Each count is the
// condition its figure and `casepulse explain` share.
import type { Store } from "@casepulse/store";
import { countColumns, HOTLINE_ORDER_COUNTS, hotlineRegisteredIn, STREET_OF } from "./figure-conditions.ts";
import { BACKLOG_BY_STATE, CLOSE_DURATION, HOTLINE_PROCESS_COUNTS, OVERDUE_LIST_LENGTH } from "./hotline-conditions.ts";
import type { PeriodParams } from "./sql-params.ts";
import { VISIT_BY_STATE } from "./visit-conditions.ts";

/** The lists grouped in the pass, by the column that names their entries. */
export const GROUPED = ["category", "community", "unit", "street_key"] as const;
export type Grouping = (typeof GROUPED)[number] | "all";

/** A backlog entry as the state gives it: [deadline, order_id]. */
export type BacklogEntry = [string, string];

export interface PassRow {
  grouping_set: Grouping;
  category: string | null;
  community: string | null;
  unit: string | null;
  street_key: string | null;
  /** Every count of COUNTS below, by name. */
  [count: string]: number | string | null;
}

const COUNTS = {
  ...HOTLINE_ORDER_COUNTS,
  ...HOTLINE_PROCESS_COUNTS,
  visited: VISIT_BY_STATE.visited,
  satisfied: VISIT_BY_STATE.satisfied,
  backlog: BACKLOG_BY_STATE,
  // The three months before a monthly period, for category_spike.
  base_orders: hotlineRegisteredIn("spike_start", "start"),
} as const;

/**
 * The orders any count above can count (each count's condition implies this one): the others are
 * read but not aggregated, which over a store of years is most of them.
 */
const COUNTED = [
  HOTLINE_ORDER_COUNTS.orders_prev,
  hotlineRegisteredIn("spike_start", "end"),
  HOTLINE_ORDER_COUNTS.closed,
  VISIT_BY_STATE.visited,
  BACKLOG_BY_STATE,
]
  .map((c) => `(${c})`)
  .join(" OR ");

const GROUPING_NAME = `multiIf(${GROUPED.map((c) => `GROUPING(${c}) = 0, '${c}'`).join(", ")}, 'all')`;

export async function hotlinePass(store: Store, params: PeriodParams): Promise<PassRow[]> {
  // An entry of a list without orders, closings or visits in P is no entry.
  return store.query<PassRow>(
    `SELECT ${GROUPING_NAME} AS grouping_set, category, community, unit, ${STREET_OF} AS street_key,
       ${countColumns(COUNTS)}
     FROM ${store.database}.hotline_orders
     WHERE ${COUNTED}
     GROUP BY GROUPING SETS ((), (category), (community), (unit), (street_key))
     HAVING grouping_set = 'all' OR orders > 0 OR closed > 0 OR visited > 0
     SETTINGS group_by_use_nulls = 1`,
    params,
  );
}

export interface PeriodWide {
  close_count: number;
  close_low_ms: number;
  close_high_ms: number;
  /** The backlog its state judges, earliest deadline first (ties by order_id), at most OVERDUE_LIST_LENGTH. */
  backlog_first: BacklogEntry[];
}

/** The median's middle values and the backlog's earliest deadlines, over the orders that have them only. */
export async function periodWide(store: Store, params: PeriodParams): Promise<PeriodWide> {
  const [row] = await store.query<PeriodWide>(
    `SELECT countIf(${CLOSE_DURATION.condition}) AS close_count,
       quantileExactLowIf(0.5)(${CLOSE_DURATION.millis}, ${CLOSE_DURATION.condition}) AS close_low_ms,
       quantileExactHighIf(0.5)(${CLOSE_DURATION.millis}, ${CLOSE_DURATION.condition}) AS close_high_ms,
       groupArraySortedIf(${OVERDUE_LIST_LENGTH})((deadline, order_id), ${BACKLOG_BY_STATE}) AS backlog_first
     FROM ${store.database}.hotline_orders
     WHERE (${CLOSE_DURATION.condition}) OR (${BACKLOG_BY_STATE})`,
    params,
  );
  return row!;
}

/** The pass's rows of one list (or its one row of the whole period, `all`). */
export const rowsOf = (rows: readonly PassRow[], grouping: Grouping) => rows.filter((r) => r.grouping_set === grouping);

/** A count of a row as a number. */
export const n = (row: PassRow | undefined, count: keyof typeof COUNTS) => Number(row?.[count] ?? 0);
