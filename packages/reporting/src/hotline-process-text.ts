// The hotline's process figures, the units' league and the backlog at the end of the period, as
// sentences and tables for the annual and monthly texts.
import { DEFAULT_THRESHOLDS } from "./alerts.ts";
import { hoursText, ratePercent, rateText } from "./prose.ts";
import { tableOrNone, type Block } from "./report-document.ts";
import type { HotlineBlock, UnitEntry } from "./report-types.ts";

/** Units are ranked among those that closed at least as many orders as unit_sla asks for. */
export const LEAGUE_MIN_CLOSED = DEFAULT_THRESHOLDS.unitSlaMinClosed;

/** 及时签收…，退回…，重启…，办结用时中位数…. */
export function processSentence(h: HotlineBlock): string {
  const median = h.close_hours_median === null ? "" : `，工单从登记到办结用时中位数为${hoursText(h.close_hours_median)}小时`;
  return `及时签收${h.accepted_in_time}件，及时签收率${ratePercent(h.accepted_in_time, h.orders)}；退回重派${h.returned}件，退回率${ratePercent(h.returned, h.orders)}；办结后重启${h.reopened}件，重启率${ratePercent(h.reopened, h.orders)}${median}。`;
}

type Rated = UnitEntry & { rate: number };

/** The best and the worst of the units with a rate, or null when fewer than two have one. */
function bestAndWorst(units: readonly UnitEntry[], rate: (u: UnitEntry) => number | null): [Rated, Rated] | null {
  // Ties go to by_unit's order (more orders first), so the result never depends on the sort.
  const rated = units.flatMap((u) => {
    const r = rate(u);
    return r === null ? [] : [{ ...u, rate: r }];
  });
  if (rated.length < 2) return null;
  const best = rated.reduce((a, b) => (b.rate > a.rate ? b : a));
  const worst = rated.reduce((a, b) => (b.rate < a.rate ? b : a));
  return best === worst ? null : [best, worst];
}

const onTime = (u: UnitEntry) => ratePercent(u.closed_on_time, u.closed);
const satisfaction = (u: UnitEntry) => (u.satisfaction_rate === null ? "—" : rateText(u.satisfaction_rate));

/** The league of the units that closed at least LEAGUE_MIN_CLOSED orders: best and worst by on-time rate and by satisfaction. */
export function leagueSentence(h: HotlineBlock): string | null {
  const ranked = h.by_unit.filter((u) => u.closed >= LEAGUE_MIN_CLOSED);
  const byOnTime = bestAndWorst(ranked, (u) => u.on_time_close_rate);
  const bySatisfaction = bestAndWorst(ranked, (u) => u.satisfaction_rate);
  if (byOnTime === null && bySatisfaction === null) return null;
  const parts: string[] = [];
  if (byOnTime) parts.push(`按时办结率最高的是${byOnTime[0].unit}（${onTime(byOnTime[0])}），最低的是${byOnTime[1].unit}（${onTime(byOnTime[1])}）`);
  if (bySatisfaction) {
    parts.push(`满意率最高的是${bySatisfaction[0].unit}（${satisfaction(bySatisfaction[0])}），最低的是${bySatisfaction[1].unit}（${satisfaction(bySatisfaction[1])}）`);
  }
  return `在办结${LEAGUE_MIN_CLOSED}件以上的承办单位中，${parts.join("；")}。`;
}

export const unitTable = (h: HotlineBlock): Block =>
  tableOrNone(
    ["承办单位", "受理工单", "办结", "按时办结", "按时办结率", "满意率"],
    h.by_unit.map((u) => [u.unit, u.orders, u.closed, u.closed_on_time, onTime(u), satisfaction(u)]),
  );

/** 截至期末超期未办结…: the count, and the list's orders (the earliest deadlines) when there are any. */
export function overdueBlocks(h: HotlineBlock, end: string): Block[] {
  if (h.overdue_open === 0) return [{ kind: "paragraph", text: `截至${end}，无超期未办结工单。` }];
  const shown = h.overdue_list.length < h.overdue_open ? `，以下为超期最久的${h.overdue_list.length}件` : "";
  return [
    { kind: "paragraph", text: `截至${end}，超期未办结工单${h.overdue_open}件${shown}。` },
    {
      kind: "table",
      head: ["工单编号", "办结时限", "超期天数", "社区", "类别", "承办单位"],
      rows: h.overdue_list.map((o) => [o.order_id, o.deadline.slice(0, 16).replace("T", " "), o.overdue_days, o.community ?? "—", o.category ?? "—", o.unit ?? "—"]),
    },
  ];
}
