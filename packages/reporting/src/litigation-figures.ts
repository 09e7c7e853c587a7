// litigation.* of REPORT.md over the latest snapshot of each case.
import type { Store } from "@casepulse/store";
import { rate, yoy, type LitigationBlock } from "./report-types.ts";
import { within, type PeriodParams } from "./sql-params.ts";

const LOST = "('revoked', 'confirmed_illegal', 'ordered_to_perform')";

export async function litigationFigures(store: Store, params: PeriodParams): Promise<LitigationBlock> {
  const cases = `${store.database}.litigation_cases`;
  const filedInP = within("filed_at");
  const filedPrev = within("filed_at", "prev_start", "prev_end");
  const [f] = await store.query<Record<string, number>>(
    `SELECT
       countIf(kind = 'reconsideration' AND ${filedInP}) AS rc_filed,
       countIf(kind = 'reconsideration' AND ${filedPrev}) AS rc_prev,
       countIf(kind = 'litigation' AND ${filedInP}) AS lt_filed,
       countIf(kind = 'litigation' AND ${filedPrev}) AS lt_prev,
       countIf(${within("decided_at")}) AS decided,
       countIf(${within("decided_at")} AND outcome IN ${LOST}) AS lost,
       countIf(${within("hearing_at")}) AS hearings,
       countIf(${within("hearing_at")} AND head_appeared) AS head_appeared
     FROM ${cases}`,
    params,
  );
  const causes = await store.query<{ cause: string; filed: number }>(
    `SELECT cause, count() AS filed FROM ${cases} WHERE ${filedInP}
     GROUP BY cause ORDER BY filed DESC, cause ASC`,
    params,
  );
  const fresh = await store.query<{ cause: string }>(
    `SELECT DISTINCT cause FROM ${cases}
     WHERE ${filedInP}
       AND cause NOT IN (SELECT cause FROM ${cases} WHERE ${within("filed_at", "lookback_start", "start")})
     ORDER BY cause ASC`,
    params,
  );
  const r = f!;
  return {
    reconsideration: { filed: r.rc_filed!, filed_prev: r.rc_prev!, yoy: yoy(r.rc_filed!, r.rc_prev!) },
    litigation: { filed: r.lt_filed!, filed_prev: r.lt_prev!, yoy: yoy(r.lt_filed!, r.lt_prev!) },
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
