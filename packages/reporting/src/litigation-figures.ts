// litigation.* of REPORT.md over the latest snapshot of each case.
import type { Store } from "@casepulse/store";
import { rate, yoy, type LitigationBlock } from "./report-types.ts";
import { countColumns, LITIGATION_COUNTS, LITIGATION_FILED_IN_P, newCauseCondition } from "./figure-conditions.ts";
import type { PeriodParams } from "./sql-params.ts";

export async function litigationFigures(store: Store, params: PeriodParams): Promise<LitigationBlock> {
  const cases = `${store.database}.litigation_cases`;
  const [f] = await store.query<Record<string, number>>(`SELECT ${countColumns(LITIGATION_COUNTS)} FROM ${cases}`, params);
  const causes = await store.query<{ cause: string; filed: number }>(
    `SELECT cause, count() AS filed FROM ${cases} WHERE ${LITIGATION_FILED_IN_P}
     GROUP BY cause ORDER BY filed DESC, cause ASC`,
    params,
  );
  const fresh = await store.query<{ cause: string }>(
    `SELECT DISTINCT cause FROM ${cases} WHERE ${newCauseCondition(cases)} ORDER BY cause ASC`,
    params,
  );
  const r = f!;
  return {
    reconsideration: {
      filed: r.rc_filed!,
      filed_prev: r.rc_prev!,
      yoy: yoy(r.rc_filed!, r.rc_prev!),
      decided: r.rc_decided!,
      corrected: r.rc_corrected!,
      correction_rate: rate(r.rc_corrected!, r.rc_decided!),
    },
    litigation: {
      filed: r.lt_filed!,
      filed_prev: r.lt_prev!,
      yoy: yoy(r.lt_filed!, r.lt_prev!),
      decided: r.lt_decided!,
      lost: r.lt_lost!,
      loss_rate: rate(r.lt_lost!, r.lt_decided!),
      withdrawn_or_settled: r.lt_withdrawn!,
      withdrawal_rate: rate(r.lt_withdrawn!, r.lt_decided!),
    },
    decided: r.decided!,
    lost: r.lost!,
    loss_rate: rate(r.lost!, r.decided!),
    hearings: r.hearings!,
    head_appeared: r.head_appeared!,
    head_appearance_rate: rate(r.head_appeared!, r.hearings!),
    causes: causes.map((c) => ({ cause: c.cause, filed: Number(c.filed) })),
    new_causes: fresh.map((c) => c.cause),
  };
}
