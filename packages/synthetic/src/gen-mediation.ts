// Mediation case snapshots (受理 → 调解中 → 调解成功/调解失败/终止), each a full state, with later
// corrections (kind, dispute type, amount, registration date) and the odd same-instant pair.
import { formatAmount } from "./amount-format.ts";
import type { Emitted } from "./arrival.ts";
import { registerDate } from "./calendar.ts";
import type { MediationKind, MediationSnapshot, MediationStatus } from "./feed-types.ts";
import type { HotlineOrderInfo } from "./gen-hotline.ts";
import type { IdFactory } from "./ids.ts";
import type { Rng } from "./rng.ts";
import { DAY_MS, HOUR_MS, duration, formatTimestamp, shanghaiParts, type FormWeights } from "./time-format.ts";
import { COMMUNITIES, DISPUTE_TYPES, MEDIATION_KIND_WEIGHTS } from "./vocab.ts";

export const MEDIATION_CASES_PER_YEAR = 400;
const GROWTH = 1.1;
const FORMS: FormWeights = [["local", 70], ["utc", 10], ["offset", 15], ["offset-no-seconds", 5]];
const CASE_PREFIX: Record<MediationKind, (year: number, n: number) => string> = {
  人民调解: (y, n) => `蛇人调〔${y}〕${n}号`,
  诉前调解: (y, n) => `(${y})粤0305民诉前调${n}号`,
  行政调解: (y, n) => `蛇行调〔${y}〕${n}号`,
  司法调解: (y, n) => `(${y})粤0305民调确${n}号`,
};

type State = Omit<MediationSnapshot, "msg_id" | "updated_at" | "case_id">;

function amountFen(rng: Rng, typical: number): number | null {
  if (typical === 0) return rng.chance(0.15) ? rng.int(5, 200) * 10_000 : null;
  if (!rng.chance(0.75)) return null;
  const fen = Math.round(typical * 100 * (0.1 + 2 * rng.float()));
  return rng.chance(0.6) ? Math.round(fen / 10_000) * 10_000 : fen; // often whole hundreds
}

/**
 * The 12345 order a case came from: mostly one of the feed's orders of the same community, some
 * an order the hotline export does not hold (kept on the mediation register only, or mistyped),
 * which REPORT.md's mediation.referred does not count. `x` is a stream of its own so that adding
 * those left the other draws as they were.
 */
function referral(rng: Rng, x: Rng, orders: HotlineOrderInfo[], community: string | null, at: number): string | null {
  if (community === null || !rng.chance(0.2)) return null;
  const near = orders.filter((o) => o.community === community && o.registeredAt < at && o.registeredAt > at - 30 * DAY_MS);
  const held = near.length > 0 ? rng.pick(near).orderId : null;
  return x.chance(0.2) ? unheldOrderId(x, at) : held;
}

/** Shaped like the feed's 工单编号 (SZ + yymmdd + sequence) with a sequence no day of the feed reaches. */
function unheldOrderId(x: Rng, at: number): string {
  const day = shanghaiParts(at - x.int(1, 20) * DAY_MS);
  const ymd = [day.year % 100, day.month0 + 1, day.day].map((n) => String(n).padStart(2, "0")).join("");
  return `SZ${ymd}${x.int(90_000, 99_999)}`;
}

function caseSnapshots(rng: Rng, x: Rng, ids: IdFactory, year: number, month0: number, orders: HotlineOrderInfo[]): Emitted<MediationSnapshot>[] {
  const kind = rng.weighted(MEDIATION_KIND_WEIGHTS);
  const [disputeType, , typical] = rng.weighted(DISPUTE_TYPES.map((d) => [d, d[1]] as const));
  const registered = registerDate(rng, year, month0);
  const community = rng.chance(0.9) ? rng.weighted(COMMUNITIES) : null;
  const fen = amountFen(rng, typical);
  const caseId = CASE_PREFIX[kind](year, ids.next(`mediation:${kind}:${year}`));
  const state: State = {
    registered_at: formatTimestamp(registered, rng.weighted(FORMS)),
    kind,
    dispute_type: disputeType,
    status: "受理",
  };
  if (community !== null) state.community = community;
  else if (rng.chance(0.3)) state.community = null;
  if (rng.chance(0.85)) state.parties = rng.chance(0.9) ? rng.int(2, 4) : rng.int(5, 12);
  const ref = referral(rng, x, orders, community, registered);
  if (ref !== null) state.referral_order_id = ref;
  const stableFormat = rng.chance(0.8) && fen !== null ? formatAmount(rng, fen) : null;
  const out: Emitted<MediationSnapshot>[] = [];
  const snapshot = (at: number, patch: Partial<State>): void => {
    Object.assign(state, patch);
    const updated = formatTimestamp(at, rng.weighted(FORMS));
    const record: MediationSnapshot = { msg_id: ids.msgId(), case_id: caseId, updated_at: updated, ...state };
    if (fen !== null && state.amount_yuan === undefined) record.amount_yuan = stableFormat ?? formatAmount(rng, fen);
    out.push(rng.chance(0.01) ? { record, at, extra: { register_version: "v3.2", handler: "蛇口街道人民调解委员会" } } : { record, at });
  };
  let t = registered + duration(rng, 0, 2 * DAY_MS);
  snapshot(t, {});
  if (rng.chance(0.8)) snapshot((t += duration(rng, DAY_MS, 10 * DAY_MS)), { status: "调解中" });
  if (rng.chance(0.08)) return out; // still open
  const status = rng.weighted<MediationStatus>([["调解成功", 65], ["调解失败", 22], ["终止", 13]]);
  // A same-instant pair: only the greater msg_id says whether the case is closed.
  const closing = rng.chance(0.01) ? t : (t += duration(rng, DAY_MS, 30 * DAY_MS));
  const closedAt = Math.max(registered, closing - duration(rng, 0, 2 * HOUR_MS));
  snapshot(closing, { status, closed_at: formatTimestamp(closedAt, rng.weighted(FORMS)) });
  if (rng.chance(0.06)) {
    const fix = rng.pick(["kind", "dispute", "amount", "registered"] as const);
    const later = t + duration(rng, DAY_MS, 20 * DAY_MS);
    if (fix === "kind") snapshot(later, { kind: rng.weighted(MEDIATION_KIND_WEIGHTS) });
    else if (fix === "dispute") snapshot(later, { dispute_type: rng.weighted(DISPUTE_TYPES.map((d) => [d[0], d[1]] as const)) });
    else if (fix === "amount") snapshot(later, { amount_yuan: formatAmount(rng, rng.int(1, 500) * 10_000) });
    else snapshot(later, { registered_at: formatTimestamp(registered + rng.int(-3, 3) * DAY_MS, rng.weighted(FORMS)) });
  }
  return out;
}

export function generateMediation(
  rng: Rng,
  ids: IdFactory,
  years: [number, number],
  scale: number,
  cutoff: number,
  orders: HotlineOrderInfo[],
): Emitted<MediationSnapshot>[] {
  const out: Emitted<MediationSnapshot>[] = [];
  const x = rng.fork("referrals");
  for (let yi = 0; yi <= years[1] - years[0]; yi++) {
    const perMonth = (MEDIATION_CASES_PER_YEAR * scale * GROWTH ** yi) / 12;
    for (let month0 = 0; month0 < 12; month0++) {
      const n = Math.round(perMonth * (0.8 + 0.4 * rng.float()));
      for (let i = 0; i < n; i++) out.push(...caseSnapshots(rng, x, ids, years[0] + yi, month0, orders));
    }
  }
  return out.filter((e) => e.at < cutoff);
}
