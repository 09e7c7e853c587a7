// mediation.* of REPORT.md over the latest snapshot of each case.
import type { Store } from "@casepulse/store";
import { rate, yoy, type MediationBlock } from "./report-types.ts";
import { within, type PeriodParams } from "./sql-params.ts";

export async function mediationFigures(store: Store, params: PeriodParams): Promise<MediationBlock> {
  const inP = within("registered_at");
  const closedInP = `status IN ('调解成功', '调解失败', '终止') AND ${within("closed_at")}`;
  const [f] = await store.query<Record<string, number>>(
    `SELECT
       countIf(${inP}) AS registered,
       countIf(${closedInP}) AS closed,
       countIf(${closedInP} AND status = '调解成功') AS succeeded,
       countIf(${closedInP} AND status = '调解失败') AS failed,
       countIf(${inP} AND kind = '人民调解') AS k_people,
       countIf(${inP} AND kind = '诉前调解') AS k_prelitigation,
       countIf(${inP} AND kind = '行政调解') AS k_administrative,
       countIf(${inP} AND kind = '司法调解') AS k_judicial,
       toFloat64(sumIf(ifNull(amount_yuan, toDecimal128(0, 6)), ${inP})) AS amount_yuan,
       countIf(${within("registered_at", "prev_start", "prev_end")}) AS registered_prev
     FROM ${store.database}.mediation_cases`,
    params,
  );
  const r = f!;
  return {
    registered: r.registered!,
    closed: r.closed!,
    succeeded: r.succeeded!,
    failed: r.failed!,
    success_rate: rate(r.succeeded!, r.succeeded! + r.failed!),
    by_kind: { 人民调解: r.k_people!, 诉前调解: r.k_prelitigation!, 行政调解: r.k_administrative!, 司法调解: r.k_judicial! },
    amount_yuan: r.amount_yuan!,
    registered_prev: r.registered_prev!,
    yoy: yoy(r.registered!, r.registered_prev!),
  };
}
