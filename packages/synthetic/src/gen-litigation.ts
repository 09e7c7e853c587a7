// Reconsideration and litigation case snapshots (filed → hearing → decided → closed, or
// withdrawn), with the second year's rise (reconsideration ~+75%, litigation ~+63%) driven by
// causes the first year never saw, head (non-)appearance, lost cases and corrected hearing dates.
import type { Emitted } from "./arrival.ts";
import { officeInstant } from "./calendar.ts";
import type { LitigationKind, LitigationKindValue, LitigationSnapshot, Outcome } from "./feed-types.ts";
import type { IdFactory } from "./ids.ts";
import type { Rng } from "./rng.ts";
import { DAY_MS, HOUR_MS, duration, formatTimestamp, shanghaiParts, shanghaiTime, type FormWeights } from "./time-format.ts";
import { BASE_CAUSES, NEW_CAUSES } from "./vocab.ts";

export const RECONSIDERATION_PER_YEAR = 40;
export const LITIGATION_PER_YEAR = 30;
const GROWTH: Record<LitigationKind, number> = { reconsideration: 1.75, litigation: 1.63 };
const FORMS: FormWeights = [["offset", 45], ["utc", 35], ["local", 20]];
const SYNONYM: Record<LitigationKind, LitigationKindValue> = { reconsideration: "行政复议", litigation: "行政诉讼" };
const OUTCOME_WEIGHTS: Record<LitigationKind, readonly (readonly [Outcome, number])[]> = {
  reconsideration: [["upheld", 45], ["dismissed", 15], ["revoked", 10], ["confirmed_illegal", 6], ["ordered_to_perform", 5], ["settled", 8], ["withdrawn", 11]],
  litigation: [["upheld", 40], ["dismissed", 25], ["revoked", 8], ["confirmed_illegal", 6], ["ordered_to_perform", 4], ["settled", 7], ["withdrawn", 10]],
};

type State = Omit<LitigationSnapshot, "msg_id" | "updated_at" | "kind" | "case_id" | "cause" | "filed_at">;

/** Cases per year: the first year's count, then compound growth, so yoy alerts fire every later year. */
export function casesPerYear(kind: LitigationKind, yearIndex: number, scale: number): number {
  const base = Math.max(1, Math.round((kind === "reconsideration" ? RECONSIDERATION_PER_YEAR : LITIGATION_PER_YEAR) * scale));
  return Math.round(base * GROWTH[kind] ** yearIndex);
}

function caseSnapshots(rng: Rng, ids: IdFactory, kind: LitigationKind, filed: number, caseId: string, cause: string): Emitted<LitigationSnapshot>[] {
  const out: Emitted<LitigationSnapshot>[] = [];
  const filedAt = formatTimestamp(filed, rng.weighted(FORMS));
  const state: State = { status: "filed" };
  const snapshot = (at: number, patch: Partial<State>): void => {
    Object.assign(state, patch);
    const k = rng.chance(0.2) ? SYNONYM[kind] : kind; // the synonym varies even within one case
    const updated = formatTimestamp(at, rng.weighted(FORMS));
    const record: LitigationSnapshot = { msg_id: ids.msgId(), case_id: caseId, kind: k, cause, filed_at: filedAt, updated_at: updated, ...state };
    out.push(rng.chance(0.02) ? { record, at, extra: { court: "深圳市南山区人民法院", judge: "审判员" } } : { record, at });
  };
  let t = filed + duration(rng, HOUR_MS, 2 * DAY_MS);
  snapshot(t, {});
  const outcome = rng.weighted(OUTCOME_WEIGHTS[kind]);
  // Litigation goes to a hearing unless withdrawn early; reconsideration rarely holds one (听证).
  const heard = kind === "litigation" ? !(outcome === "withdrawn" && rng.chance(0.6)) : rng.chance(0.05);
  if (heard) {
    const day = shanghaiParts(t + rng.int(30, 90) * DAY_MS);
    const hearing = shanghaiTime(day.year, day.month0, day.day, rng.pick([9, 14]), 30);
    const appeared = rng.chance(0.8);
    t = hearing + duration(rng, HOUR_MS, 2 * DAY_MS);
    snapshot(t, { status: "hearing", hearing_at: formatTimestamp(hearing, rng.weighted(FORMS)), head_appeared: appeared });
    if (rng.chance(0.05)) {
      // The clerk fixes a mistyped hearing date; the correction can move it to another month.
      const fixed = hearing + rng.int(-10, 10) * DAY_MS;
      snapshot((t += duration(rng, DAY_MS, 5 * DAY_MS)), { hearing_at: formatTimestamp(fixed, rng.weighted(FORMS)) });
    }
  }
  const decided = t + rng.int(15, 60) * DAY_MS;
  const decidedAt = formatTimestamp(decided, rng.weighted(FORMS));
  t = decided + duration(rng, HOUR_MS, 3 * DAY_MS);
  if (outcome === "withdrawn") {
    snapshot(t, { status: "withdrawn", outcome, decided_at: decidedAt });
    return out;
  }
  snapshot(t, { status: "decided", outcome, decided_at: decidedAt });
  if (rng.chance(0.6)) snapshot(t + duration(rng, DAY_MS, 20 * DAY_MS), { status: "closed" });
  return out;
}

export function generateLitigation(rng: Rng, ids: IdFactory, years: [number, number], scale: number, cutoff: number): Emitted<LitigationSnapshot>[] {
  const out: Emitted<LitigationSnapshot>[] = [];
  for (let yi = 0; yi <= years[1] - years[0]; yi++) {
    const year = years[0] + yi;
    const causes = yi === 0 ? BASE_CAUSES : [...BASE_CAUSES, ...NEW_CAUSES];
    for (const kind of ["reconsideration", "litigation"] as const) {
      const n = casesPerYear(kind, yi, scale);
      const filings = Array.from({ length: n }, () => officeInstant(rng, year, rng.int(0, 11))).sort((a, b) => a - b);
      // Case numbers run with filing order; the agency sees only some of the court's numbers.
      let number = kind === "reconsideration" ? rng.int(1, 5) : rng.int(20, 80);
      // Whatever the scale, the first year has every base cause and each later year every new
      // one, so that a later year's new_causes are exactly NEW_CAUSES.
      const forced = new Map<number, string>();
      if (kind === "reconsideration") {
        const slots = rng.shuffle(filings.map((_, i) => i));
        (yi === 0 ? BASE_CAUSES : NEW_CAUSES).forEach(([cause], j) => slots[j] !== undefined && forced.set(slots[j], cause));
      }
      filings.forEach((filed, i) => {
        const cause = forced.get(i) ?? rng.weighted(causes);
        const caseId = kind === "reconsideration" ? `深南复〔${year}〕${number}号` : `(${year})粤0305行初${number}号`;
        number += kind === "reconsideration" ? rng.int(1, 3) : rng.int(1, 40);
        out.push(...caseSnapshots(rng, ids, kind, filed, caseId, cause));
      });
    }
  }
  return out.filter((e) => e.at < cutoff);
}
