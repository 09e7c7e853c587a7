// The alert rules of REPORT.md with the defaults, ordered by rule (REPORT.md's order) then metric.
import {
  categorySpikeMessage,
  headAppearanceMessage,
  lostCaseMessage,
  newCauseMessage,
  slaMessage,
  supervisionLateMessage,
  yoyMessage,
} from "./alert-messages.ts";
import { compareCodePoints } from "./code-point.ts";
import { categoryCounts } from "./oracle-hotline.ts";
import type { OrderState } from "./oracle-state.ts";
import { monthBefore, type Period } from "./period.ts";
import { ALERT_RULES, type Alert, type Report } from "./report-types.ts";

export interface AlertThresholds {
  yoyIncrease: number;
  yoyMinCount: number;
  spikeMinOrders: number;
  spikeFactor: number;
  sla: number;
}

export const DEFAULT_THRESHOLDS: AlertThresholds = {
  yoyIncrease: 0.5,
  yoyMinCount: 5,
  spikeMinOrders: 10,
  spikeFactor: 2,
  sla: 0.9,
};

type Figures = Omit<Report, "alerts" | "quality" | "period">;

function yoyAlerts(f: Figures, t: AlertThresholds): Alert[] {
  const metrics: [string, number, number, number | null][] = [
    ["hotline.orders", f.hotline.orders, f.hotline.orders_prev, f.hotline.yoy],
    ["mediation.registered", f.mediation.registered, f.mediation.registered_prev, f.mediation.yoy],
    ["litigation.reconsideration.filed", f.litigation.reconsideration.filed, f.litigation.reconsideration.filed_prev, f.litigation.reconsideration.yoy],
    ["litigation.litigation.filed", f.litigation.litigation.filed, f.litigation.litigation.filed_prev, f.litigation.litigation.yoy],
  ];
  return metrics
    .filter(([, now, , y]) => y !== null && y >= t.yoyIncrease && now >= t.yoyMinCount)
    .map(([metric, now, prev, y]) => ({ rule: "yoy_increase", metric, value: y ?? 0, message: yoyMessage(metric, now, prev) }));
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
  return alerts;
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
  const late = f.supervision.late;
  if (late > 0) {
    alerts.push({ rule: "supervision_late", metric: "supervision.late", value: late, message: supervisionLateMessage(late) });
  }
  // Stable sort: new_cause alerts share one metric and keep new_causes' (name) order.
  const rank = (a: Alert) => ALERT_RULES.indexOf(a.rule);
  return alerts.sort((a, b) => rank(a) - rank(b) || compareCodePoints(a.metric, b.metric));
}
