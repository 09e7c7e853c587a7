// The annual report's data sections, in the order and wording of the sub-district's
// 法治政府建设年度报告: each sentence carries its figures, percentages from the integer counts.
import { streetAlertBlocks, streetsSection, textNames, type TextOptions } from "./district-text.ts";
import { leagueSentence, overdueBlocks, processSentence, unitTable } from "./hotline-process-text.ts";
import { problemPoints } from "./problem-points.ts";
import { changePhrase, pairedChange, periodName, ratePercent, sectionNumber, topList, yuan } from "./prose.ts";
import { numbered, qualitySection, rankedTableOrNone, tableOrNone, type ReportDocument, type Section } from "./report-document.ts";
import type { LitigationBlock, Report } from "./report-types.ts";
import { revisionsSections } from "./revisions-text.ts";
import { supervisionAnnualSection } from "./supervision-text.ts";

function hotlineSection(r: Report, subject: string): Section {
  const h = r.hotline;
  const year = periodName(r.period);
  const categories = topList(h.by_category.map((c) => ({ name: c.category, count: c.orders })), 5);
  const communities = topList(h.by_community.map((c) => ({ name: c.community, count: c.orders })), 3);
  const league = leagueSentence(h);
  return {
    topic: "hotline",
    title: "一、12345热线诉求办理情况",
    blocks: [
      ...numbered([
        `受理情况。${year}，${subject}受理工单${h.orders}件，${changePhrase(h.orders, h.orders_prev)}（上年${h.orders_prev}件），其中重复诉求${h.repeat_orders}件，占${ratePercent(h.repeat_orders, h.orders)}。`,
        `办结情况。办结工单${h.closed}件，其中按时办结${h.closed_on_time}件，按时办结率${ratePercent(h.closed_on_time, h.closed)}。`,
        `群众满意度。回访工单${h.visited}件，满意及基本满意${h.satisfied}件，满意率${ratePercent(h.satisfied, h.visited)}。`,
        categories ? `诉求分布。群众诉求主要集中在${categories}等类别；工单量居前的社区为${communities}。` : "诉求分布。本年无登记工单。",
        `办理过程。${processSentence(h)}`,
        ...(league ? [`承办单位。${league}`] : []),
      ]),
      { kind: "heading", text: "诉求类别" },
      rankedTableOrNone(["类别", "工单数"], h.by_category.map((c) => [c.category, c.orders])),
      { kind: "heading", text: "所属社区" },
      rankedTableOrNone(["社区", "工单数"], h.by_community.map((c) => [c.community, c.orders])),
      { kind: "heading", text: "承办单位办理情况" },
      unitTable(h),
      { kind: "heading", text: "超期未办结工单" },
      ...overdueBlocks(h, "年末"),
    ],
  };
}

function mediationSection(r: Report): Section {
  const m = r.mediation;
  const kinds = Object.entries(m.by_kind).map(([kind, n]) => `${kind}${n}件`).join("、");
  const ended = m.closed - m.succeeded - m.failed;
  return {
    topic: "mediation",
    title: "二、矛盾纠纷化解",
    blocks: [
      ...numbered([
        `受理情况。全年受理矛盾纠纷调解案件${m.registered}件，${changePhrase(m.registered, m.registered_prev)}（上年${m.registered_prev}件），其中${kinds}，涉及金额${yuan(m.amount_yuan)}元。`,
        `化解成效。结案${m.closed}件，其中调解成功${m.succeeded}件、调解失败${m.failed}件、终止${ended}件，调解成功率${ratePercent(m.succeeded, m.succeeded + m.failed)}。`,
        `诉调对接。受理由12345热线工单转入的调解案件${m.referred}件，其中调解成功${m.referred_succeeded}件。`,
      ]),
      tableOrNone(["调解类型", "受理数"], Object.entries(m.by_kind)),
      { kind: "heading", text: "纠纷类型" },
      tableOrNone(["纠纷类型", "受理数", "调解成功"], m.by_dispute_type.map((d) => [d.dispute_type, d.registered, d.succeeded])),
    ],
  };
}

function litigationSection(r: Report, subject: string): Section {
  const l = r.litigation;
  const rc = l.reconsideration;
  const lt = l.litigation;
  const filed = pairedChange([
    { name: "行政复议案件", current: rc.filed, prev: rc.filed_prev },
    { name: "行政诉讼案件", current: lt.filed, prev: lt.filed_prev },
  ]);
  const causes = topList(l.causes.map((c) => ({ name: c.cause, count: c.filed })), 3);
  const fresh = l.new_causes.length ? `今年出现${l.new_causes.join("、")}等新的涉诉案由。` : "无新的涉诉案由。";
  const decided = decidedSentence(l);
  const appearance =
    l.hearings === 0
      ? "本年无开庭审理案件。"
      : `开庭审理${l.hearings}次，行政机关负责人出庭应诉${l.head_appeared}次，出庭应诉率${ratePercent(l.head_appeared, l.hearings)}，${l.head_appeared === l.hearings ? "做到" : "未做到"}“应出尽出”。`;
  return {
    topic: "litigation",
    title: "三、行政复议与行政诉讼",
    blocks: [
      ...numbered([
        `收案情况。涉${subject}行政复议、行政诉讼案件分别为${rc.filed}件、${lt.filed}件（上年分别为${rc.filed_prev}件、${lt.filed_prev}件），${filed.startsWith("分别") ? `数量${filed}` : filed}。`,
        `案由分布。${causes ? `案由主要为${causes}；` : ""}${fresh}`,
        `审结情况。${decided}`,
        `负责人出庭应诉。${appearance}`,
      ]),
      rankedTableOrNone(["案由", "收案数"], l.causes.map((c) => [c.cause, c.filed])),
    ],
  };
}

/** 审结情况: each kind's rate as the rule-of-law report names it (行政复议纠错率, 行政诉讼败诉率, 调撤率), then both together. */
export function decidedSentence(l: LitigationBlock): string {
  if (l.decided === 0) return "本年无审结案件。";
  const { reconsideration: rc, litigation: lt } = l;
  const kinds = [
    ...(rc.decided > 0 ? [`审结行政复议案件${rc.decided}件，其中纠错${rc.corrected}件，行政复议纠错率${ratePercent(rc.corrected, rc.decided)}`] : []),
    ...(lt.decided > 0
      ? [`审结行政诉讼案件${lt.decided}件，其中败诉${lt.lost}件，行政诉讼败诉率${ratePercent(lt.lost, lt.decided)}，撤诉、和解${lt.withdrawn_or_settled}件，调撤率${ratePercent(lt.withdrawn_or_settled, lt.decided)}`]
      : []),
  ];
  const total = l.lost === 0 ? `合计审结案件${l.decided}件，无败诉案件。` : `合计审结案件${l.decided}件，其中败诉${l.lost}件，败诉率${ratePercent(l.lost, l.decided)}。`;
  return `${kinds.length ? `${kinds.join("；")}。` : ""}${total}`;
}

function problemsSection(r: Report, title: string, subject: string, text: TextOptions): Section {
  const points = problemPoints(r, subject);
  return {
    topic: "alerts",
    title,
    blocks: [
      { kind: "heading", text: "预警" },
      r.alerts.length ? { kind: "alerts", items: r.alerts.map((a) => a.message) } : { kind: "paragraph", text: "本年度未触发预警。" },
      ...streetAlertBlocks(r, text, "本年度未触发预警。"),
      { kind: "heading", text: "存在问题和不足（依据预警生成的候选要点，供撰写时取舍）" },
      ...(points.length ? numbered(points) : [{ kind: "paragraph" as const, text: "本年度未触发预警，暂无数据反映的问题。" }]),
    ],
  };
}

/** `text`: the deployment's name and, for a district's report, each street's own report (district-text.ts). */
export function annualDocument(r: Report, text: TextOptions = {}): ReportDocument {
  const { name, subject } = textNames(r, text);
  // Sections 一 to 四 are the figures; a district's comparison of its streets comes next.
  const streets = streetsSection(r, `${sectionNumber(4)}各街道情况`);
  const next = (i: number) => sectionNumber(4 + streets.length + i);
  return {
    title: `${name}${periodName(r.period)}法治政府建设数据报告`,
    note: "数据来源：12345热线工单、矛盾纠纷调解、行政复议与行政诉讼案件、建议提案和司法检察建议办理系统，按北京时间统计；与上年同期比较。",
    sections: [
      ...revisionsSections(r),
      hotlineSection(r, subject),
      mediationSection(r),
      litigationSection(r, subject),
      supervisionAnnualSection(r, "四、自觉接受人大、政协和司法、检察机关监督", subject),
      ...streets,
      problemsSection(r, `${next(0)}预警及存在问题和不足`, subject, text),
      qualitySection(`${next(1)}数据质量`, r),
    ],
  };
}
