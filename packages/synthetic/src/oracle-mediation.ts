// mediation.* figures of REPORT.md for one period.
import { byCountThenName } from "./code-point.ts";
import { addDecimals, decimalToNumber, ZERO } from "./decimal.ts";
import { MEDIATION_KINDS, type MediationKind } from "./feed-types.ts";
import type { MediationState } from "./oracle-state.ts";
import { within, yearBefore, type Period } from "./period.ts";
import { rate, yoy } from "./rates.ts";
import type { DisputeTypeFigures, MediationFigures } from "./report-types.ts";

const CLOSED_STATUSES = new Set(["调解成功", "调解失败", "终止"]);

/** Cases registered in P by their dispute_type: largest first, ties by name. */
function byDisputeType(registered: MediationState[]): DisputeTypeFigures[] {
  const groups = new Map<string, DisputeTypeFigures>();
  for (const c of registered) {
    const g = groups.get(c.disputeType) ?? { dispute_type: c.disputeType, registered: 0, succeeded: 0 };
    g.registered++;
    if (c.status === "调解成功") g.succeeded++;
    groups.set(c.disputeType, g);
  }
  return [...groups.values()].sort(byCountThenName((g) => g.registered, (g) => g.dispute_type));
}

/**
 * heldOrders: the order_ids of every hotline order the data holds (at least one stored event,
 * whether or not it was registered); a referral to any other id is not counted as referred.
 */
export function mediationFigures(cases: MediationState[], p: Period, heldOrders: ReadonlySet<string>): MediationFigures {
  const registered = cases.filter((c) => within(c.registeredAt, p));
  const prev = cases.filter((c) => within(c.registeredAt, yearBefore(p))).length;
  const closed = cases.filter((c) => CLOSED_STATUSES.has(c.status) && within(c.closedAt, p));
  const succeeded = closed.filter((c) => c.status === "调解成功").length;
  const failed = closed.filter((c) => c.status === "调解失败").length;
  const byKind = Object.fromEntries(MEDIATION_KINDS.map((k) => [k, 0])) as Record<MediationKind, number>;
  for (const c of registered) byKind[c.kind]++;
  const amount = registered.reduce((sum, c) => (c.amount === null ? sum : addDecimals(sum, c.amount)), ZERO);
  const referred = registered.filter((c) => c.referralOrderId !== null && heldOrders.has(c.referralOrderId));
  return {
    registered: registered.length,
    closed: closed.length,
    succeeded,
    failed,
    success_rate: rate(succeeded, succeeded + failed),
    by_kind: byKind,
    amount_yuan: decimalToNumber(amount),
    registered_prev: prev,
    yoy: yoy(registered.length, prev),
    referred: referred.length,
    referred_succeeded: referred.filter((c) => c.status === "调解成功").length,
    by_dispute_type: byDisputeType(registered),
  };
}
