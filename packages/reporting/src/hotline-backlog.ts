// hotline.overdue_open and overdue_list of REPORT.md: the backlog as it stood at the end of P. The
// orders their state judges come from the hotline passes (their count and earliest deadlines); the
// orders with events after the end of P are judged here from their events.
import type { Store } from "@casepulse/store";
import { backlogByEvents, OVERDUE_LIST_LENGTH } from "./hotline-conditions.ts";
import { n, rowsOf, type BacklogEntry, type PassRow, type PeriodWide } from "./hotline-pass.ts";
import type { OverdueOrder } from "./report-types.ts";
import type { PeriodParams } from "./sql-params.ts";
import { compareCodePoints } from "./street-figures.ts";

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Shanghai wall time with +08:00, milliseconds only when there are any: 2024-03-25T18:00:00+08:00. */
export function shanghaiIso(ms: number): string {
  const wall = new Date(ms + SHANGHAI_OFFSET_MS).toISOString();
  const millis = wall.slice(20, 23);
  return `${wall.slice(0, 19)}${millis === "000" ? "" : `.${millis}`}+08:00`;
}

/** ClickHouse's text of a DateTime64(3, 'UTC') as epoch milliseconds. */
const utcMs = (text: string) => Date.parse(`${text.replace(" ", "T")}Z`);

interface Overdue {
  deadline: string;
  order_id: string;
  community: string | null;
  category: string | null;
  unit: string | null;
}

/** Earliest deadline first, ties by order_id in code-point (UTF-8 byte) order, as ClickHouse sorts them. */
const earliest = (a: { deadline: string; order_id: string }, b: { deadline: string; order_id: string }) =>
  utcMs(a.deadline) - utcMs(b.deadline) || compareCodePoints(a.order_id, b.order_id);

/** The community, category and unit of orders the state judges, as their state (all their events) gives them. */
async function stateAttributes(store: Store, orderIds: readonly string[]): Promise<Map<string, Omit<Overdue, "deadline">>> {
  if (orderIds.length === 0) return new Map();
  const rows = await store.query<Omit<Overdue, "deadline">>(
    `SELECT order_id, community, category, unit FROM ${store.database}.hotline_orders WHERE order_id IN {ids:Array(String)}`,
    { ids: orderIds },
  );
  return new Map(rows.map((r) => [r.order_id, r]));
}

export async function overdueFigures(
  store: Store,
  params: PeriodParams,
  pass: readonly PassRow[],
  wide: PeriodWide,
): Promise<{ overdue_open: number; overdue_list: OverdueOrder[] }> {
  const [all] = rowsOf(pass, "all");
  // The count over every row is taken before the LIMIT: one query gives both.
  const byEvents = await store.query<Overdue & { total: number }>(
    `SELECT toString(deadline) AS deadline, order_id, community, category, unit, count() OVER () AS total
     FROM (${backlogByEvents(store.database)})
     ORDER BY deadline ASC, order_id ASC
     LIMIT ${OVERDUE_LIST_LENGTH}`,
    params,
  );
  const byState = wide.backlog_first.map(([deadline, order_id]: BacklogEntry) => ({ deadline, order_id, community: null, category: null, unit: null, fromState: true }));
  const first = [...byState, ...byEvents.map((o) => ({ ...o, fromState: false }))].sort(earliest).slice(0, OVERDUE_LIST_LENGTH);
  const attributes = await stateAttributes(store, first.filter((o) => o.fromState).map((o) => o.order_id));
  const end = utcMs(params.end);
  return {
    overdue_open: n(all, "backlog") + (byEvents.length === 0 ? 0 : Number(byEvents[0]!.total)),
    overdue_list: first.map((o) => {
      const deadline = utcMs(o.deadline);
      const a = o.fromState ? attributes.get(o.order_id) : o;
      return { order_id: o.order_id, deadline: shanghaiIso(deadline), overdue_days: Math.floor((end - deadline) / DAY_MS), community: a?.community ?? null, category: a?.category ?? null, unit: a?.unit ?? null };
    }),
  };
}
