// Chinese alert messages. docs/semantics.md fixes three of them verbatim (yoy_increase,
// new_cause, lost_case), which we follow to the letter. For the others (and the metric names in
// yoy_increase) we use the reporter's wording, so that a full comparison of alerts is meaningful.

/** Display names of the yoy_increase metrics; 行政复议案件 is REPORT.md's own example. */
export const YOY_METRIC_NAMES: Record<string, string> = {
  "hotline.orders": "12345热线工单",
  "mediation.registered": "调解受理案件",
  "litigation.reconsideration.filed": "行政复议案件",
  "litigation.litigation.filed": "行政诉讼案件",
};

/**
 * numerator / denominator as a percent rounded half up to an integer, computed in integers:
 * in floating point 3/40 × 100 is 7.4999… and would round down.
 */
export function roundedPercent(numerator: number, denominator: number): number {
  return Math.floor((200 * numerator + denominator) / (2 * denominator));
}

export function yoyMessage(metric: string, current: number, previous: number): string {
  return `${YOY_METRIC_NAMES[metric] ?? metric}同比上升${roundedPercent(current - previous, previous)}%`;
}

export function newCauseMessage(cause: string): string {
  return `新增案由：${cause}`;
}

export function lostCaseMessage(lost: number): string {
  return `本期行政复议、诉讼败诉案件${lost}件`;
}

/** Items received in the period and replied late or still unanswered past their deadline. */
export function supervisionLateMessage(late: number): string {
  return `本期交办的建议提案及司法、检察建议逾期答复${late}件`;
}

/** A rate as a percent cut (not rounded) to one decimal, in integers: 199/200 → "99.5". */
export function truncatedPercent(part: number, whole: number): string {
  return (Math.floor((1000 * part) / whole) / 10).toFixed(1).replace(/\.0$/, "");
}

export function headAppearanceMessage(hearings: number, appeared: number): string {
  return `行政机关负责人出庭应诉率${truncatedPercent(appeared, hearings)}%（${appeared}/${hearings}），未做到应出尽出`;
}

/** The three-month mean is a multiple of 1/3, so one decimal never hits a rounding tie. */
export function categorySpikeMessage(category: string, orders: number, previousThreeMonths: number): string {
  return `${category}类工单本月${orders}件，前三个月月均${(previousThreeMonths / 3).toFixed(1)}件`;
}

export function slaMessage(threshold: number, closed: number, onTime: number): string {
  return `12345热线工单${onTimeCloseBelow(threshold, closed, onTime)}`;
}

/** e.g. 蛇口街道执法队按时办结率72.7%，低于80%: the rate and threshold written as in slaMessage */
export function unitSlaMessage(unit: string, threshold: number, closed: number, onTime: number): string {
  return `${unit}${onTimeCloseBelow(threshold, closed, onTime)}`;
}

function onTimeCloseBelow(threshold: number, closed: number, onTime: number): string {
  return `按时办结率${truncatedPercent(onTime, closed)}%，低于${Math.round(threshold * 100)}%`;
}

/** Orders open past their deadline at the end of the period. */
export function overdueOpenMessage(overdue: number): string {
  return `超期未办结工单${overdue}件`;
}
