// litigation.* figures of REPORT.md for one period.
import { byCountThenName, compareCodePoints } from "./code-point.ts";
import { LOST_OUTCOMES, WITHDRAWN_OR_SETTLED, type LitigationKind } from "./feed-types.ts";
import type { LitigationState } from "./oracle-state.ts";
import { twelveMonthsBefore, within, yearBefore, type Period } from "./period.ts";
import { rate, yoy } from "./rates.ts";
import type { FiledFigures, LitigationFigures, LitigationKindFigures, ReconsiderationFigures } from "./report-types.ts";

const isLost = (c: LitigationState): boolean => c.outcome !== null && LOST_OUTCOMES.includes(c.outcome);

function filed(ofKind: LitigationState[], p: Period): FiledFigures {
  const now = ofKind.filter((c) => within(c.filedAt, p)).length;
  const prev = ofKind.filter((c) => within(c.filedAt, yearBefore(p))).length;
  return { filed: now, filed_prev: prev, yoy: yoy(now, prev) };
}

const ofKind = (cases: LitigationState[], kind: LitigationKind) => cases.filter((c) => c.kind === kind);

/** A reconsideration lost by the agency is one that corrected it (纠错). */
function reconsideration(cases: LitigationState[], p: Period): ReconsiderationFigures {
  const decided = cases.filter((c) => within(c.decidedAt, p));
  const corrected = decided.filter(isLost).length;
  return { ...filed(cases, p), decided: decided.length, corrected, correction_rate: rate(corrected, decided.length) };
}

function litigationKind(cases: LitigationState[], p: Period): LitigationKindFigures {
  const decided = cases.filter((c) => within(c.decidedAt, p));
  const lost = decided.filter(isLost).length;
  const withdrawn = decided.filter((c) => c.outcome !== null && WITHDRAWN_OR_SETTLED.includes(c.outcome)).length;
  return {
    ...filed(cases, p),
    decided: decided.length,
    lost,
    loss_rate: rate(lost, decided.length),
    withdrawn_or_settled: withdrawn,
    withdrawal_rate: rate(withdrawn, decided.length),
  };
}

export function litigationFigures(cases: LitigationState[], p: Period): LitigationFigures {
  const decided = cases.filter((c) => within(c.decidedAt, p));
  const lost = decided.filter(isLost).length;
  const hearings = cases.filter((c) => within(c.hearingAt, p));
  const appeared = hearings.filter((c) => c.headAppeared).length;
  const filedNow = cases.filter((c) => within(c.filedAt, p));
  const causeCounts = new Map<string, number>();
  for (const c of filedNow) causeCounts.set(c.cause, (causeCounts.get(c.cause) ?? 0) + 1);
  const before = twelveMonthsBefore(p);
  const seenBefore = new Set(cases.filter((c) => within(c.filedAt, before)).map((c) => c.cause));
  return {
    reconsideration: reconsideration(ofKind(cases, "reconsideration"), p),
    litigation: litigationKind(ofKind(cases, "litigation"), p),
    decided: decided.length,
    lost,
    loss_rate: rate(lost, decided.length),
    hearings: hearings.length,
    head_appeared: appeared,
    head_appearance_rate: rate(appeared, hearings.length),
    causes: [...causeCounts]
      .map(([cause, n]) => ({ cause, filed: n }))
      .sort(byCountThenName((x) => x.filed, (x) => x.cause)),
    new_causes: [...causeCounts.keys()].filter((c) => !seenBefore.has(c)).sort(compareCodePoints),
  };
}
