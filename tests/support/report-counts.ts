// Every count of a report by the name `casepulse explain` takes (its JSON path), with the figure.
import type { Report } from "@casepulse/reporting";
import { processCounts } from "./process-counts.ts";
import { supervisionCounts } from "./supervision-counts.ts";

export function reportCounts(r: Report): [string, number][] {
  const h = r.hotline;
  const m = r.mediation;
  const l = r.litigation;
  const newCauseCases = l.causes.filter((c) => l.new_causes.includes(c.cause)).reduce((s, c) => s + c.filed, 0);
  return [
    ["hotline.orders", h.orders],
    ["hotline.repeat_orders", h.repeat_orders],
    ["hotline.closed", h.closed],
    ["hotline.closed_on_time", h.closed_on_time],
    ["hotline.visited", h.visited],
    ["hotline.satisfied", h.satisfied],
    ["hotline.orders_prev", h.orders_prev],
    ...h.by_category.map((c): [string, number] => [`hotline.by_category:${c.category}`, c.orders]),
    ...h.by_community.map((c): [string, number] => [`hotline.by_community:${c.community}`, c.orders]),
    ["mediation.registered", m.registered],
    ["mediation.closed", m.closed],
    ["mediation.succeeded", m.succeeded],
    ["mediation.failed", m.failed],
    ["mediation.registered_prev", m.registered_prev],
    ...Object.entries(m.by_kind).map(([kind, n]): [string, number] => [`mediation.by_kind.${kind}`, n]),
    ["litigation.reconsideration.filed", l.reconsideration.filed],
    ["litigation.reconsideration.filed_prev", l.reconsideration.filed_prev],
    ["litigation.litigation.filed", l.litigation.filed],
    ["litigation.litigation.filed_prev", l.litigation.filed_prev],
    ["litigation.decided", l.decided],
    ["litigation.lost", l.lost],
    ["litigation.hearings", l.hearings],
    ["litigation.head_appeared", l.head_appeared],
    ...l.causes.map((c): [string, number] => [`litigation.causes:${c.cause}`, c.filed]),
    ["litigation.new_causes", newCauseCases],
    ...supervisionCounts(r.supervision),
    ...processCounts(r),
    ["quality.accepted", r.quality.accepted],
    ["quality.rejected", r.quality.rejected],
  ];
}
