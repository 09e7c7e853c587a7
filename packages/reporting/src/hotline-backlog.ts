// hotline.overdue_open and overdue_list of REPORT.md: the backlog as it stood at the end of P.
import type { Store } from "@casepulse/store";
import { OVERDUE_LIST_LENGTH, overdueOrders } from "./hotline-conditions.ts";
import type { OverdueOrder } from "./report-types.ts";
import type { PeriodParams } from "./sql-params.ts";

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

interface OverdueRow {
  order_id: string;
  deadline_utc: string;
  community: string | null;
  category: string | null;
  unit: string | null;
  total: number;
}

export async function overdueFigures(store: Store, params: PeriodParams): Promise<{ overdue_open: number; overdue_list: OverdueOrder[] }> {
  // The count over every row is taken before the LIMIT: one query gives both.
  const rows = await store.query<OverdueRow>(
    `SELECT order_id, toString(deadline) AS deadline_utc, community, category, unit, count() OVER () AS total
     FROM (${overdueOrders(store.database)})
     ORDER BY deadline ASC, order_id ASC
     LIMIT ${OVERDUE_LIST_LENGTH}`,
    params,
  );
  const end = utcMs(params.end);
  return {
    overdue_open: rows.length === 0 ? 0 : Number(rows[0]!.total),
    overdue_list: rows.map((r) => {
      const deadline = utcMs(r.deadline_utc);
      return {
        order_id: r.order_id,
        deadline: shanghaiIso(deadline),
        overdue_days: Math.floor((end - deadline) / DAY_MS),
        community: r.community,
        category: r.category,
        unit: r.unit,
      };
    }),
  };
}
