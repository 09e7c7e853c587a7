// mediation.* of REPORT.md over the latest snapshot of each case.
import type { Store } from "@casepulse/store";
import { rate, yoy, type MediationBlock } from "./report-types.ts";
import {
  countColumns,
  DISPUTE_TYPE_COUNTS,
  MEDIATION_COUNTS,
  MEDIATION_KINDS,
  MEDIATION_REGISTERED_IN_P,
  mediationKindCondition,
  mediationReferralCounts,
} from "./figure-conditions.ts";
import type { PeriodParams } from "./sql-params.ts";

export async function mediationFigures(store: Store, params: PeriodParams): Promise<MediationBlock> {
  const cases = `${store.database}.mediation_cases`;
  const kinds = Object.fromEntries(MEDIATION_KINDS.map((kind, i) => [`kind_${i}`, mediationKindCondition(kind)]));
  const [f] = await store.query<Record<string, number>>(
    `SELECT
       ${countColumns({ ...MEDIATION_COUNTS, ...kinds, ...mediationReferralCounts(store.database) })},
       toFloat64(sumIf(ifNull(amount_yuan, toDecimal128(0, 6)), ${MEDIATION_REGISTERED_IN_P})) AS amount_yuan
     FROM ${cases}`,
    params,
  );
  const types = await store.query<{ dispute_type: string; registered: number; succeeded: number }>(
    `SELECT dispute_type, ${countColumns(DISPUTE_TYPE_COUNTS)} FROM ${cases}
     WHERE ${MEDIATION_REGISTERED_IN_P}
     GROUP BY dispute_type ORDER BY registered DESC, dispute_type ASC`,
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
    referred: r.referred!,
    referred_succeeded: r.referred_succeeded!,
    by_dispute_type: types.map((t) => ({ dispute_type: t.dispute_type, registered: Number(t.registered), succeeded: Number(t.succeeded) })),
  };
}
