// The counts REPORT.md added for the hotline process, units, callers, referrals, dispute types
// and each kind's decisions, by the name `casepulse explain` takes, with the figure.
import type { Report } from "@casepulse/reporting";

export function processCounts(r: Report): [string, number][] {
  const h = r.hotline;
  const m = r.mediation;
  const { reconsideration: rc, litigation: lt } = r.litigation;
  return [
    ["hotline.returned", h.returned],
    ["hotline.reopened", h.reopened],
    ["hotline.accepted_in_time", h.accepted_in_time],
    ["hotline.overdue_open", h.overdue_open],
    ["hotline.repeat_callers", h.repeat_callers],
    ["hotline.repeat_caller_orders", h.repeat_caller_orders],
    ...h.by_unit.flatMap((u): [string, number][] => [
      [`hotline.by_unit:${u.unit}`, u.orders],
      [`hotline.by_unit:${u.unit}.closed`, u.closed],
      [`hotline.by_unit:${u.unit}.closed_on_time`, u.closed_on_time],
    ]),
    ["mediation.referred", m.referred],
    ["mediation.referred_succeeded", m.referred_succeeded],
    ...m.by_dispute_type.flatMap((d): [string, number][] => [
      [`mediation.by_dispute_type:${d.dispute_type}`, d.registered],
      [`mediation.by_dispute_type:${d.dispute_type}.succeeded`, d.succeeded],
    ]),
    ["litigation.reconsideration.decided", rc.decided],
    ["litigation.reconsideration.corrected", rc.corrected],
    ["litigation.litigation.decided", lt.decided],
    ["litigation.litigation.lost", lt.lost],
    ["litigation.litigation.withdrawn_or_settled", lt.withdrawn_or_settled],
  ];
}
