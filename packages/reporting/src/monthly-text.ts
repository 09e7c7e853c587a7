// The concise monthly report: the month's figures, its alerts, data quality.
import { streetAlertBlocks, streetsSection, textNames, type TextOptions } from "./district-text.ts";
import { leagueSentence, overdueBlocks, processSentence, unitTable } from "./hotline-process-text.ts";
import { changePhrase, periodName, ratePercent, sectionNumber, yuan } from "./prose.ts";
import { qualitySection, rankedTableOrNone, tableOrNone, type ReportDocument } from "./report-document.ts";
import type { Report } from "./report-types.ts";
import { revisionsSections } from "./revisions-text.ts";
import { supervisionMonthlySection } from "./supervision-text.ts";

/** `text`: the deployment's name and, for a district's report, each street's own report (district-text.ts). */
export function monthlyDocument(r: Report, text: TextOptions = {}): ReportDocument {
  const h = r.hotline;
  const m = r.mediation;
  const l = r.litigation;
  const rc = l.reconsideration;
  const lt = l.litigation;
  const league = leagueSentence(h);
  const { name } = textNames(r, text);
  const streets = streetsSection(r, `${sectionNumber(4)}各街道情况`);
  const next = (i: number) => sectionNumber(4 + streets.length + i);
  return {
    title: `${name}法治政府建设数据月报（${periodName(r.period)}）`,
    note: "数据来源：12345热线工单、矛盾纠纷调解、行政复议与行政诉讼案件、建议提案和司法检察建议办理系统，按北京时间统计。",
    sections: [
      ...revisionsSections(r),
      {
        topic: "hotline",
        title: "一、12345热线",
        blocks: [
          {
            kind: "list",
            items: [
              `受理工单${h.orders}件（上年同期${h.orders_prev}件，${changePhrase(h.orders, h.orders_prev)}），其中重复件${h.repeat_orders}件。`,
              `办结${h.closed}件，按时办结${h.closed_on_time}件，按时办结率${ratePercent(h.closed_on_time, h.closed)}。`,
              `回访${h.visited}件，满意及基本满意${h.satisfied}件，满意率${ratePercent(h.satisfied, h.visited)}。`,
              processSentence(h),
              ...(league ? [league] : []),
            ],
          },
          { kind: "heading", text: "诉求类别" },
          rankedTableOrNone(["类别", "工单数"], h.by_category.map((c) => [c.category, c.orders])),
          { kind: "heading", text: "所属社区" },
          rankedTableOrNone(["社区", "工单数"], h.by_community.map((c) => [c.community, c.orders])),
          { kind: "heading", text: "承办单位办理情况" },
          unitTable(h),
          { kind: "heading", text: "超期未办结工单" },
          ...overdueBlocks(h, "月末"),
        ],
      },
      {
        topic: "mediation",
        title: "二、矛盾纠纷化解",
        blocks: [
          {
            kind: "list",
            items: [
              `受理调解案件${m.registered}件（上年同期${m.registered_prev}件，${changePhrase(m.registered, m.registered_prev)}），涉及金额${yuan(m.amount_yuan)}元。`,
              `结案${m.closed}件，其中调解成功${m.succeeded}件、调解失败${m.failed}件，调解成功率${ratePercent(m.succeeded, m.succeeded + m.failed)}。`,
              `12345热线工单转入${m.referred}件，其中调解成功${m.referred_succeeded}件。`,
            ],
          },
          tableOrNone(["调解类型", "受理数"], Object.entries(m.by_kind)),
        ],
      },
      {
        topic: "litigation",
        title: "三、行政复议与行政诉讼",
        blocks: [
          {
            kind: "list",
            items: [
              `行政复议案件${rc.filed}件（上年同期${rc.filed_prev}件，${changePhrase(rc.filed, rc.filed_prev)}）；行政诉讼案件${lt.filed}件（上年同期${lt.filed_prev}件，${changePhrase(lt.filed, lt.filed_prev)}）。`,
              `审结${l.decided}件，败诉${l.lost}件，败诉率${ratePercent(l.lost, l.decided)}；其中行政复议审结${rc.decided}件，纠错${rc.corrected}件，纠错率${ratePercent(rc.corrected, rc.decided)}；行政诉讼审结${lt.decided}件，败诉${lt.lost}件，败诉率${ratePercent(lt.lost, lt.decided)}，调撤${lt.withdrawn_or_settled}件，调撤率${ratePercent(lt.withdrawn_or_settled, lt.decided)}。`,
              `开庭${l.hearings}次，行政机关负责人出庭${l.head_appeared}次，出庭率${ratePercent(l.head_appeared, l.hearings)}。`,
              `新增案由：${l.new_causes.length ? l.new_causes.join("、") : "无"}。`,
            ],
          },
          rankedTableOrNone(["案由", "收案数"], l.causes.map((c) => [c.cause, c.filed])),
        ],
      },
      supervisionMonthlySection(r, "四、建议提案和司法、检察建议办理"),
      ...streets,
      {
        topic: "alerts",
        title: `${next(0)}预警`,
        blocks: [
          r.alerts.length ? { kind: "alerts", items: r.alerts.map((a) => a.message) } : { kind: "paragraph", text: "本期无预警。" },
          ...streetAlertBlocks(r, text, "本期无预警。"),
        ],
      },
      qualitySection(`${next(1)}数据质量`, r),
    ],
  };
}
