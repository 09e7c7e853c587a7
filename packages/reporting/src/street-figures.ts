// REPORT.md "Streets": the unscoped report's `streets` table, each street's figures of its own
// scoped report. Not one report per street: one pass per feed grouped by street, with the very
// conditions the scoped reports count (here {street:String} is '', so their scope passes every
// row and the grouping splits them). The hotline's pass is the by_unit pass (hotline-unit-figures.ts).
import type { Store } from "@casepulse/store";
import { countColumns, LITIGATION_COUNTS, MEDIATION_COUNTS, STREET_OF, SUPERVISION_COUNTS } from "./figure-conditions.ts";
import type { StreetHotline } from "./hotline-unit-figures.ts";
import { rate, type StreetEntry } from "./report-types.ts";
import type { PeriodParams } from "./sql-params.ts";

/** UTF-8 byte order is code-point order (REPORT.md: names sort as ClickHouse compares strings). */
export const compareCodePoints = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** Each state view's counts of a street's entry. */
const GROUPED = {
  mediation_cases: { registered: MEDIATION_COUNTS.registered, succeeded: MEDIATION_COUNTS.succeeded, failed: MEDIATION_COUNTS.failed },
  litigation_cases: { rc_filed: LITIGATION_COUNTS.rc_filed, lt_filed: LITIGATION_COUNTS.lt_filed, lost: LITIGATION_COUNTS.lost },
  supervision_items: { received: SUPERVISION_COUNTS.received },
} as const;

type Counts = Record<string, number>;

/** Every street that any stored order, case or item belongs to, in code-point order, with its entry. */
export async function streetTable(store: Store, params: PeriodParams, hotline: readonly StreetHotline[]): Promise<StreetEntry[]> {
  const byStreet = new Map<string, Counts>();
  const add = (street: string, counts: Counts) => byStreet.set(street, { ...byStreet.get(street), ...counts });
  for (const { street, ...counts } of hotline) add(street, counts);
  for (const [view, conditions] of Object.entries(GROUPED)) {
    const rows = await store.query<Record<string, string | number>>(
      `SELECT ${STREET_OF} AS street_key, ${countColumns(conditions)} FROM ${store.database}.${view} GROUP BY street_key`,
      params,
    );
    for (const { street_key, ...counts } of rows) add(String(street_key), Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])));
  }
  return [...byStreet.keys()].sort(compareCodePoints).map((street) => {
    const c = byStreet.get(street)!;
    const n = (key: string) => c[key] ?? 0;
    return {
      street,
      hotline_orders: n("orders"),
      on_time_close_rate: rate(n("closed_on_time"), n("closed")),
      satisfaction_rate: rate(n("satisfied"), n("visited")),
      mediation_registered: n("registered"),
      mediation_success_rate: rate(n("succeeded"), n("succeeded") + n("failed")),
      reconsideration_filed: n("rc_filed"),
      litigation_filed: n("lt_filed"),
      lost: n("lost"),
      supervision_received: n("received"),
    };
  });
}
