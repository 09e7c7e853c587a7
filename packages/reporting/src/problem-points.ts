// Candidate points for the annual report's "存在问题和不足", one per kind of alert that fired,
// worded like the report itself and carrying the figures. The authors keep, edit or drop them.
import { changePhrase, pairedChange, ratePercent } from "./prose.ts";
import type { Alert, Report } from "./report-types.ts";

const FILED_NAMES = {
  "litigation.reconsideration.filed": "行政复议",
  "litigation.litigation.filed": "行政诉讼",
} as const;

function litigationPoint(r: Report, alerts: readonly Alert[], subject: string): string | null {
  const rising = alerts
    .filter((a) => a.rule === "yoy_increase" && a.metric in FILED_NAMES)
    .map((a) => a.metric as keyof typeof FILED_NAMES)
    // The report's own order: reconsideration first.
    .sort((a, b) => (a < b ? 1 : -1));
  const fresh = r.litigation.new_causes;
  if (rising.length === 0 && fresh.length === 0) return null;
  const sentences: string[] = [];
  if (rising.length > 0) {
    const counts = rising.map((metric) => {
      const b = metric === "litigation.reconsideration.filed" ? r.litigation.reconsideration : r.litigation.litigation;
      return { name: FILED_NAMES[metric], current: b.filed, prev: b.filed_prev };
    });
    const change = counts.length > 1 ? pairedChange(counts) : changePhrase(counts[0]!.current, counts[0]!.prev);
    sentences.push(`今年以来，涉${subject}${counts.map((c) => c.name).join("、")}案件数量大幅上升，${change}。`);
  }
  if (fresh.length > 0) {
    sentences.push(`${rising.length > 0 ? "此外，" : ""}今年出现${fresh.join("、")}等新的涉诉案由，给${subject}的行政应诉工作带来更大的挑战。`);
  }
  return `依法行政能力水平有待提升。${sentences.join("")}需要进一步规范行政行为，加强法律风险研判，从源头上减少涉行政复议、涉行政诉讼案件。`;
}

function pointsByRule(r: Report, alerts: readonly Alert[], subject: string): (string | null)[] {
  const h = r.hotline;
  const m = r.mediation;
  const l = r.litigation;
  const s = r.supervision;
  const unitSla = alerts.filter((a) => a.rule === "unit_sla");
  const fired = (rule: Alert["rule"], metric?: string) => alerts.some((a) => a.rule === rule && (metric === undefined || a.metric === metric));
  return [
    litigationPoint(r, alerts, subject),
    fired("lost_case")
      ? `行政应诉质量有待提高。本年审结行政复议、诉讼案件${l.decided}件，其中败诉${l.lost}件，败诉率${ratePercent(l.lost, l.decided)}，需加强对应诉部门的工作指导，严格审核答辩材料和证据。`
      : null,
    fired("head_appearance")
      ? `行政机关负责人出庭应诉有待加强。本年开庭审理${l.hearings}次，负责人出庭应诉${l.head_appeared}次，出庭应诉率${ratePercent(l.head_appeared, l.hearings)}，未做到“应出尽出”。`
      : null,
    fired("yoy_increase", "mediation.registered")
      ? `矛盾纠纷化解力度还需加大。本年受理调解案件${m.registered}件，${changePhrase(m.registered, m.registered_prev)}，基层矛盾纠纷化解工作压力增大。`
      : null,
    fired("yoy_increase", "hotline.orders")
      ? `群众诉求量明显增加。本年受理12345热线工单${h.orders}件，${changePhrase(h.orders, h.orders_prev)}，需加强诉求源头治理。`
      : null,
    fired("sla")
      ? `12345热线办理时效有待提升。本年办结工单${h.closed}件，按时办结${h.closed_on_time}件，按时办结率${ratePercent(h.closed_on_time, h.closed)}，低于考核要求。`
      : null,
    unitSla.length
      ? `部分承办单位办理时效有待提升。${unitSla.map((a) => a.message).join("；")}，需加强对承办单位的督办考核。`
      : null,
    fired("overdue_open")
      ? `工单积压需要关注。截至年末，超期未办结工单${h.overdue_open}件，需逐件督办、限期办结。`
      : null,
    fired("supervision_late")
      ? `建议提案和司法、检察建议办理时效有待提升。本年交办${s.received}件，按时答复${s.replied_on_time}件，按时答复率${ratePercent(s.replied_on_time, s.received)}，逾期${s.late}件，需加强办理进度跟踪督办，确保按期答复。`
      : null,
    ...alerts.filter((a) => a.rule === "category_spike").map((a) => `部分类别诉求短期激增。${a.message}。`),
  ];
}

/** `subject`: who the points speak of (街道, or a district's name: district-text.ts textNames). */
export function problemPoints(r: Report, subject = "街道"): string[] {
  return pointsByRule(r, r.alerts, subject).filter((p): p is string => p !== null);
}
