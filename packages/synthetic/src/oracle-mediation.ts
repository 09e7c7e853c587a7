// mediation.* figures of REPORT.md for one period.
import { addDecimals, decimalToNumber, ZERO } from "./decimal.ts";
import { MEDIATION_KINDS, type MediationKind } from "./feed-types.ts";
import type { MediationState } from "./oracle-state.ts";
import { within, yearBefore, type Period } from "./period.ts";
import { rate, yoy } from "./rates.ts";
import type { MediationFigures } from "./report-types.ts";

const CLOSED_STATUSES = new Set(["调解成功", "调解失败", "终止"]);

export function mediationFigures(cases: MediationState[], p: Period): MediationFigures {
  const registered = cases.filter((c) => within(c.registeredAt, p));
  const prev = cases.filter((c) => within(c.registeredAt, yearBefore(p))).length;
  const closed = cases.filter((c) => CLOSED_STATUSES.has(c.status) && within(c.closedAt, p));
  const succeeded = closed.filter((c) => c.status === "调解成功").length;
  const failed = closed.filter((c) => c.status === "调解失败").length;
  const byKind = Object.fromEntries(MEDIATION_KINDS.map((k) => [k, 0])) as Record<MediationKind, number>;
  for (const c of registered) byKind[c.kind]++;
  const amount = registered.reduce((sum, c) => (c.amount === null ? sum : addDecimals(sum, c.amount)), ZERO);
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
  };
}
