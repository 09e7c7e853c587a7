// The readers' note on revisions: which figures of the published report of this period late
// records and corrections have changed since (published.revisions), in words.
import { hoursText, rateText, yuan } from "./prose.ts";
import type { Section } from "./report-document.ts";
import type { Report, Revision } from "./report-types.ts";

const KINDS = { reconsideration: "行政复议", litigation: "行政诉讼" } as const;

/** The figure names by JSON path below each block. */
const NAMES: Record<string, string> = {
  "hotline.orders": "热线受理工单",
  "hotline.repeat_orders": "热线重复工单",
  "hotline.closed": "热线办结工单",
  "hotline.closed_on_time": "热线按时办结工单",
  "hotline.on_time_close_rate": "热线按时办结率",
  "hotline.visited": "热线回访工单",
  "hotline.satisfied": "热线满意及基本满意工单",
  "hotline.satisfaction_rate": "热线满意率",
  "hotline.orders_prev": "热线上年同期受理工单",
  "hotline.yoy": "热线受理工单同比",
  "hotline.returned": "热线退回工单",
  "hotline.return_rate": "热线退回率",
  "hotline.reopened": "热线重启工单",
  "hotline.reopen_rate": "热线重启率",
  "hotline.accepted_in_time": "热线及时签收工单",
  "hotline.acceptance_rate": "热线及时签收率",
  "hotline.close_hours_median": "热线办结用时中位数（小时）",
  "hotline.overdue_open": "热线超期未办结工单",
  "hotline.repeat_callers": "热线重复来电人",
  "hotline.repeat_caller_orders": "热线重复来电工单",
  "mediation.registered": "调解受理案件",
  "mediation.closed": "调解结案",
  "mediation.succeeded": "调解成功案件",
  "mediation.failed": "调解失败案件",
  "mediation.success_rate": "调解成功率",
  "mediation.amount_yuan": "调解涉及金额（元）",
  "mediation.registered_prev": "调解上年同期受理案件",
  "mediation.yoy": "调解受理案件同比",
  "mediation.referred": "热线转入调解案件",
  "mediation.referred_succeeded": "热线转入调解成功案件",
  "litigation.decided": "行政复议、诉讼审结案件",
  "litigation.lost": "行政复议、诉讼败诉案件",
  "litigation.loss_rate": "行政复议、诉讼败诉率",
  "litigation.hearings": "开庭审理",
  "litigation.head_appeared": "负责人出庭应诉",
  "litigation.head_appearance_rate": "负责人出庭应诉率",
  "supervision.received": "建议提案交办",
  "supervision.replied": "建议提案已答复",
  "supervision.replied_on_time": "建议提案按时答复",
  "supervision.on_time_reply_rate": "建议提案按时答复率",
  "supervision.late": "建议提案逾期答复",
};

/** Inside litigation.reconsideration and litigation.litigation, after the kind's name. */
const KIND_FIGURES: Record<string, string> = {
  filed: "收案",
  filed_prev: "上年同期收案",
  yoy: "收案同比",
  decided: "审结",
  corrected: "纠错",
  correction_rate: "纠错率",
  lost: "败诉",
  loss_rate: "败诉率",
  withdrawn_or_settled: "撤诉、和解",
  withdrawal_rate: "调撤率",
};

export function figureName(metric: string): string {
  const [block, key = "", inner] = metric.split(".");
  if (block === "mediation" && key === "by_kind" && inner) return `${inner}受理案件`;
  if (block === "litigation" && (key === "reconsideration" || key === "litigation") && inner && KIND_FIGURES[inner]) {
    return `${KINDS[key]}${KIND_FIGURES[inner]}`;
  }
  return NAMES[metric] ?? metric;
}

function valueText(metric: string, value: number | null): string {
  if (value === null) return "—";
  if (/(_rate|\.yoy)$/.test(metric)) return rateText(value);
  if (metric === "hotline.close_hours_median") return hoursText(value);
  if (metric === "mediation.amount_yuan") return yuan(value);
  return String(value);
}

export const revisionLine = (r: Revision) => `${figureName(r.metric)}由${valueText(r.metric, r.published)}修订为${valueText(r.metric, r.now)}`;

/** 3月 for a month, 2024年 for a year: how the note names the published report. */
const reportName = (period: string) => {
  const [year, month] = period.split("-");
  return month ? `${Number(month)}月` : `${year}年`;
};

/** The note, first in the report, when the published report of the period has been revised; none otherwise. */
export function revisionsSections(r: Report): Section[] {
  if (r.published === null || r.published.revisions.length === 0) return [];
  return [{
    topic: "revisions",
    title: "数据修订说明",
    blocks: [
      { kind: "paragraph", text: `自${reportName(r.period)}报告发布以来，以下数据有修订（迟到记录和更正所致）：` },
      { kind: "list", items: r.published.revisions.map(revisionLine) },
    ],
  }];
}
