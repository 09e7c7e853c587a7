// The annual report's data sections, in the order and wording of the sub-district's
// 法治政府建设年度报告: each sentence carries its figures, percentages from the integer counts.
import { problemPoints } from "./problem-points.ts";
import { changePhrase, pairedChange, periodName, ratePercent, topList, yuan } from "./prose.ts";
import { numbered, qualitySection, tableOrNone, type ReportDocument, type Section } from "./report-document.ts";
import type { Report } from "./report-types.ts";
import { supervisionAnnualSection } from "./supervision-text.ts";

function hotlineSection(r: Report): Section {
  const h = r.hotline;
  const year = periodName(r.period);
  const categories = topList(h.by_category.map((c) => ({ name: c.category, count: c.orders })), 5);
  const communities = topList(h.by_community.map((c) => ({ name: c.community, count: c.orders })), 3);
  return {
    topic: "hotline",
    title: "一、12345热线诉求办理情况",
    blocks: [
      ...numbered([
        `受理情况。${year}，街道受理工单${h.orders}件，${changePhrase(h.orders, h.orders_prev)}（上年${h.orders_prev}件），其中重复诉求${h.repeat_orders}件，占${ratePercent(h.repeat_orders, h.orders)}。`,
        `办结情况。办结工单${h.closed}件，其中按时办结${h.closed_on_time}件，按时办结率${ratePercent(h.closed_on_time, h.closed)}。`,
        `群众满意度。回访工单${h.visited}件，满意及基本满意${h.satisfied}件，满意率${ratePercent(h.satisfied, h.visited)}。`,
        categories ? `诉求分布。群众诉求主要集中在${categories}等类别；工单量居前的社区为${communities}。` : "诉求分布。本年无登记工单。",
      ]),
      { kind: "heading", text: "诉求类别" },
      tableOrNone(["类别", "工单数"], h.by_category.map((c) => [c.category, c.orders])),
      { kind: "heading", text: "所属社区" },
      tableOrNone(["社区", "工单数"], h.by_community.map((c) => [c.community, c.orders])),
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
      ]),
      tableOrNone(["调解类型", "受理数"], Object.entries(m.by_kind)),
    ],
  };
}

function litigationSection(r: Report): Section {
  const l = r.litigation;
  const rc = l.reconsideration;
  const lt = l.litigation;
  const filed = pairedChange([
    { name: "行政复议案件", current: rc.filed, prev: rc.filed_prev },
    { name: "行政诉讼案件", current: lt.filed, prev: lt.filed_prev },
  ]);
  const causes = topList(l.causes.map((c) => ({ name: c.cause, count: c.filed })), 3);
  const fresh = l.new_causes.length ? `今年出现${l.new_causes.join("、")}等新的涉诉案由。` : "无新的涉诉案由。";
  const decided =
    l.decided === 0 ? "本年无审结案件。" : l.lost === 0 ? `审结案件${l.decided}件，无败诉案件。` : `审结案件${l.decided}件，其中败诉${l.lost}件，败诉率${ratePercent(l.lost, l.decided)}。`;
  const appearance =
    l.hearings === 0
      ? "本年无开庭审理案件。"
      : `开庭审理${l.hearings}次，行政机关负责人出庭应诉${l.head_appeared}次，出庭应诉率${ratePercent(l.head_appeared, l.hearings)}，${l.head_appeared === l.hearings ? "做到" : "未做到"}“应出尽出”。`;
  return {
    topic: "litigation",
    title: "三、行政复议与行政诉讼",
    blocks: [
      ...numbered([
        `收案情况。涉街道行政复议、行政诉讼案件分别为${rc.filed}件、${lt.filed}件（上年分别为${rc.filed_prev}件、${lt.filed_prev}件），${filed.startsWith("分别") ? `数量${filed}` : filed}。`,
        `案由分布。${causes ? `案由主要为${causes}；` : ""}${fresh}`,
        `审结情况。${decided}`,
        `负责人出庭应诉。${appearance}`,
      ]),
      tableOrNone(["案由", "收案数"], l.causes.map((c) => [c.cause, c.filed])),
    ],
  };
}

function problemsSection(r: Report): Section {
  const points = problemPoints(r);
  return {
    topic: "alerts",
    title: "五、预警及存在问题和不足",
    blocks: [
      { kind: "heading", text: "预警" },
      r.alerts.length ? { kind: "alerts", items: r.alerts.map((a) => a.message) } : { kind: "paragraph", text: "本年度未触发预警。" },
      { kind: "heading", text: "存在问题和不足（依据预警生成的候选要点，供撰写时取舍）" },
      ...(points.length ? numbered(points) : [{ kind: "paragraph" as const, text: "本年度未触发预警，暂无数据反映的问题。" }]),
    ],
  };
}

export function annualDocument(r: Report): ReportDocument {
  return {
    title: `蛇口街道${periodName(r.period)}法治政府建设数据报告`,
    note: "数据来源：12345热线工单、矛盾纠纷调解、行政复议与行政诉讼案件、建议提案和司法检察建议办理系统，按北京时间统计；与上年同期比较。",
    sections: [
      hotlineSection(r),
      mediationSection(r),
      litigationSection(r),
      supervisionAnnualSection(r, "四、自觉接受人大、政协和司法、检察机关监督"),
      problemsSection(r),
      qualitySection("六、数据质量", r),
    ],
  };
}
