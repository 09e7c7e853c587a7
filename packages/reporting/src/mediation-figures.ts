// mediation.* of REPORT.md over the latest snapshot of each case.
import type { Store } from "@casepulse/store";
import { rate, yoy, type MediationBlock } from "./report-types.ts";
import { countColumns, MEDIATION_COUNTS, MEDIATION_KINDS, MEDIATION_REGISTERED_IN_P, mediationKindCondition } from "./figure-conditions.ts";
import type { PeriodParams } from "./sql-params.ts";

export async function mediationFigures(store: Store, params: PeriodParams): Promise<MediationBlock> {
  const kinds = Object.fromEntries(MEDIATION_KINDS.map((kind, i) => [`kind_${i}`, mediationKindCondition(kind)]));
  const [f] = await store.query<Record<string, number>>(
    `SELECT
       ${countColumns({ ...MEDIATION_COUNTS, ...kinds })},
       toFloat64(sumIf(ifNull(amount_yuan, toDecimal128(0, 6)), ${MEDIATION_REGISTERED_IN_P})) AS amount_yuan
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
    by_kind: { 人民调解: r.kind_0!, 诉前调解: r.kind_1!, 行政调解: r.kind_2!, 司法调解: r.kind_3! },
    amount_yuan: r.amount_yuan!,
    registered_prev: r.registered_prev!,
    yoy: yoy(r.registered!, r.registered_prev!),
  };
}
