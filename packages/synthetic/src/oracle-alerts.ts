// The alert rules of REPORT.md with the defaults, ordered by rule (REPORT.md's order), then by
// metric; new_cause alerts (one metric) in new_causes' order and unit_sla alerts in by_unit's.
import {
  categorySpikeMessage,
  headAppearanceMessage,
  lostCaseMessage,
  newCauseMessage,
  overdueOpenMessage,
  slaMessage,
  supervisionLateMessage,
  unitSlaMessage,
  yoyMessage,
} from "./alert-messages.ts";
import { compareCodePoints } from "./code-point.ts";
import { categoryCounts } from "./oracle-hotline.ts";
import type { OrderState } from "./oracle-state.ts";
import { monthBefore, type Period } from "./period.ts";
import { ALERT_RULES, type Alert, type Figures } from "./report-types.ts";

export interface AlertThresholds {
  yoyIncrease: number;
  yoyMinCount: number;
  spikeMinOrders: number;
  spikeFactor: number;
  sla: number;
  unitSla: number;
  unitSlaMinClosed: number;
}

export const DEFAULT_THRESHOLDS: AlertThresholds = {
  yoyIncrease: 0.5,
  yoyMinCount: 5,
  spikeMinOrders: 10,
  spikeFactor: 2,
  sla: 0.9,
  unitSla: 0.8,
  unitSlaMinClosed: 10,
};

const byMetric = (a: Alert, b: Alert) => compareCodePoints(a.metric, b.metric);

function yoyAlerts(f: Figures, t: AlertThresholds): Alert[] {
  const metrics: [string, number, number, number | null][] = [
    ["hotline.orders", f.hotline.orders, f.hotline.orders_prev, f.hotline.yoy],
    ["mediation.registered", f.mediation.registered, f.mediation.registered_prev, f.mediation.yoy],
    ["litigation.reconsideration.filed", f.litigation.reconsideration.filed, f.litigation.reconsideration.filed_prev, f.litigation.reconsideration.yoy],
    ["litigation.litigation.filed", f.litigation.litigation.filed, f.litigation.litigation.filed_prev, f.litigation.litigation.yoy],
  ];
  return metrics
    .filter(([, now, , y]) => y !== null && y >= t.yoyIncrease && now >= t.yoyMinCount)
    .map(([metric, now, prev, y]): Alert => ({ rule: "yoy_increase", metric, value: y ?? 0, message: yoyMessage(metric, now, prev) }))
    .sort(byMetric);
}

function spikeAlerts(orders: OrderState[], p: Period, t: AlertThresholds): Alert[] {
  if (p.month === null) return [];
  const now = categoryCounts(orders, p);
  const before = [1, 2, 3].map((k) => categoryCounts(orders, monthBefore(p, k)));
  const alerts: Alert[] = [];
  for (const [category, n] of now) {
    // Months without orders of the category count as 0 in the mean (docs/semantics.md).
    const sum = before.reduce((s, m) => s + (m.get(category) ?? 0), 0);
    // n >= factor × sum / 3, kept in integers to avoid a float edge at exact equality.
    if (n >= t.spikeMinOrders && 3 * n >= t.spikeFactor * sum) {
      alerts.push({
        rule: "category_spike",
        metric: `hotline.by_category:${category}`,
        value: n,
        message: categorySpikeMessage(category, n, sum),
      });
    }
  }
  return alerts.sort(byMetric);
}

function unitSlaAlerts(f: Figures, t: AlertThresholds): Alert[] {
  return f.hotline.by_unit
    .filter((u) => u.closed >= t.unitSlaMinClosed && u.on_time_close_rate !== null && u.on_time_close_rate < t.unitSla)
    .map((u) => ({
      rule: "unit_sla",
      metric: `hotline.by_unit:${u.unit}`,
      value: u.on_time_close_rate ?? 0,
      message: unitSlaMessage(u.unit, t.unitSla, u.closed, u.closed_on_time),
    }));
}

export function computeAlerts(f: Figures, orders: OrderState[], p: Period, t = DEFAULT_THRESHOLDS): Alert[] {
  const lit = f.litigation;
  const counts = new Map(lit.causes.map((c) => [c.cause, c.filed]));
  const alerts: Alert[] = [
    ...yoyAlerts(f, t),
    ...lit.new_causes.map((cause): Alert => ({
      rule: "new_cause",
      metric: "litigation.new_causes",
      value: counts.get(cause) ?? 0,
      message: newCauseMessage(cause),
    })),
  ];
  if (lit.lost > 0) {
    alerts.push({ rule: "lost_case", metric: "litigation.lost", value: lit.lost, message: lostCaseMessage(lit.lost) });
  }
  if (lit.head_appearance_rate !== null && lit.head_appearance_rate < 1) {
    alerts.push({
      rule: "head_appearance",
      metric: "litigation.head_appearance_rate",
      value: lit.head_appearance_rate,
      message: headAppearanceMessage(lit.hearings, lit.head_appeared),
    });
  }
  alerts.push(...spikeAlerts(orders, p, t));
  const h = f.hotline;
  if (h.on_time_close_rate !== null && h.on_time_close_rate < t.sla) {
    alerts.push({
      rule: "sla",
      metric: "hotline.on_time_close_rate",
      value: h.on_time_close_rate,
      message: slaMessage(t.sla, h.closed, h.closed_on_time),
    });
  }
  alerts.push(...unitSlaAlerts(f, t));
  if (h.overdue_open > 0) {
    alerts.push({ rule: "overdue_open", metric: "hotline.overdue_open", value: h.overdue_open, message: overdueOpenMessage(h.overdue_open) });
  }
  const late = f.supervision.late;
  if (late > 0) {
    alerts.push({ rule: "supervision_late", metric: "supervision.late", value: late, message: supervisionLateMessage(late) });
  }
  // Each rule's alerts are in their order already; a stable sort by rule keeps it.
  const rank = (a: Alert) => ALERT_RULES.indexOf(a.rule);
  return alerts.sort((a, b) => rank(a) - rank(b));
}
