// The alert rules of REPORT.md as a pure function of the report's figures.
import type { CategoryCount } from "./hotline-figures.ts";
import { ALERT_RULES, type Alert, type ReportFigures } from "./report-types.ts";

export interface AlertThresholds {
  /** yoy_increase fires at yoy >= this (0.5 = +50%). */
  yoyIncrease: number;
  /** ... and when the period's count is at least this. */
  yoyMinCount: number;
  /** category_spike: the month's orders at least this ... */
  spikeMinOrders: number;
  /** ... and at least this multiple of the mean of the three months before. */
  spikeFactor: number;
  /** sla fires when the on-time close rate is below this. */
  slaRate: number;
  /** unit_sla fires for a unit whose on-time close rate is below this ... */
  unitSlaRate: number;
  /** ... among the units that closed at least this many orders in the period. */
  unitSlaMinClosed: number;
  /** head_appearance fires when the appearance rate is below this. */
  headAppearanceRate: number;
}

export const DEFAULT_THRESHOLDS: AlertThresholds = {
  yoyIncrease: 0.5,
  yoyMinCount: 5,
  spikeMinOrders: 10,
  spikeFactor: 2,
  slaRate: 0.9,
  unitSlaRate: 0.8,
  unitSlaMinClosed: 10,
  headAppearanceRate: 1,
};

/** (part / whole) as a percent rounded half up to an integer, in integers (3/40 is 8%, not 7%). */
export function roundedPercent(part: number, whole: number): number {
  return Math.floor((200 * part + whole) / (2 * whole));
}

/** (part / whole) as a percent cut to one decimal, so 199/200 reads 99.5% and 0.8999 never 90%. */
export function truncatedPercent(part: number, whole: number): string {
  return (Math.floor((1000 * part) / whole) / 10).toFixed(1).replace(/\.0$/, "");
}

export function evaluateAlerts(
  r: ReportFigures,
  spikes: readonly CategoryCount[] | null,
  t: AlertThresholds = DEFAULT_THRESHOLDS,
): Alert[] {
  const alerts: Alert[] = [];
  const yoyMetrics = [
    ["hotline.orders", "12345热线工单", r.hotline.orders, r.hotline.orders_prev, r.hotline.yoy],
    ["mediation.registered", "调解受理案件", r.mediation.registered, r.mediation.registered_prev, r.mediation.yoy],
    ["litigation.reconsideration.filed", "行政复议案件", r.litigation.reconsideration.filed, r.litigation.reconsideration.filed_prev, r.litigation.reconsideration.yoy],
    ["litigation.litigation.filed", "行政诉讼案件", r.litigation.litigation.filed, r.litigation.litigation.filed_prev, r.litigation.litigation.yoy],
  ] as const;
  for (const [metric, name, count, prev, change] of yoyMetrics) {
    if (change !== null && change >= t.yoyIncrease && count >= t.yoyMinCount) {
      alerts.push({ rule: "yoy_increase", metric, value: change, message: `${name}同比上升${roundedPercent(count - prev, prev)}%` });
    }
  }
  for (const cause of r.litigation.new_causes) {
    const filed = r.litigation.causes.find((c) => c.cause === cause)?.filed ?? 0;
    alerts.push({ rule: "new_cause", metric: "litigation.new_causes", value: filed, message: `新增案由：${cause}` });
  }
  if (r.litigation.lost > 0) {
    alerts.push({ rule: "lost_case", metric: "litigation.lost", value: r.litigation.lost, message: `本期行政复议、诉讼败诉案件${r.litigation.lost}件` });
  }
  const appearance = r.litigation.head_appearance_rate;
  if (appearance !== null && appearance < t.headAppearanceRate) {
    alerts.push({
      rule: "head_appearance",
      metric: "litigation.head_appearance_rate",
      value: appearance,
      message: `行政机关负责人出庭应诉率${truncatedPercent(r.litigation.head_appeared, r.litigation.hearings)}%（${r.litigation.head_appeared}/${r.litigation.hearings}），未做到应出尽出`,
    });
  }
  for (const c of spikes ?? []) {
    // orders >= factor x (base / 3), kept in integers so the threshold is exact.
    if (c.orders >= t.spikeMinOrders && c.orders * 3 >= t.spikeFactor * c.base_orders) {
      alerts.push({
        rule: "category_spike",
        metric: `hotline.by_category:${c.category}`,
        value: c.orders,
        message: `${c.category}类工单本月${c.orders}件，前三个月月均${(c.base_orders / 3).toFixed(1)}件`,
      });
    }
  }
  const onTime = r.hotline.on_time_close_rate;
  if (onTime !== null && onTime < t.slaRate) {
    const rate = truncatedPercent(r.hotline.closed_on_time, r.hotline.closed);
    alerts.push({ rule: "sla", metric: "hotline.on_time_close_rate", value: onTime, message: `12345热线工单按时办结率${rate}%，低于${Math.round(t.slaRate * 100)}%` });
  }
  for (const u of r.hotline.by_unit) {
    if (u.on_time_close_rate !== null && u.closed >= t.unitSlaMinClosed && u.on_time_close_rate < t.unitSlaRate) {
      const rate = truncatedPercent(u.closed_on_time, u.closed);
      alerts.push({ rule: "unit_sla", metric: `hotline.by_unit:${u.unit}`, value: u.on_time_close_rate, message: `${u.unit}按时办结率${rate}%，低于${Math.round(t.unitSlaRate * 100)}%` });
    }
  }
  if (r.hotline.overdue_open > 0) {
    alerts.push({ rule: "overdue_open", metric: "hotline.overdue_open", value: r.hotline.overdue_open, message: `超期未办结工单${r.hotline.overdue_open}件` });
  }
  if (r.supervision.late > 0) {
    alerts.push({ rule: "supervision_late", metric: "supervision.late", value: r.supervision.late, message: `本期交办的建议提案及司法、检察建议逾期答复${r.supervision.late}件` });
  }
  // By rule, then by metric name; the sort is stable, so new_cause alerts keep new_causes' order,
  // and unit_sla alerts by_unit's (REPORT.md), which is not by name.
  const rank = (a: Alert) => ALERT_RULES.indexOf(a.rule);
  const byName = (a: Alert, b: Alert) => (a.rule === "unit_sla" ? 0 : a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0);
  return alerts.sort((a, b) => rank(a) - rank(b) || byName(a, b));
}
