// A Chinese Markdown rendering of the report object; every figure comes from the object itself.
import type { FiledBlock, Report } from "./report-types.ts";

const pct = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
const change = (x: number | null) => (x === null ? "无上年同期数据" : x >= 0 ? `同比上升${pct(x)}` : `同比下降${pct(-x)}`);
const yuan = (x: number) => x.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function periodName(period: string): string {
  const [y, m] = period.split("-");
  return m ? `${y}年${Number(m)}月` : `${y}年度`;
}

function table(head: string[], rows: (string | number)[][]): string {
  if (rows.length === 0) return "（无）\n";
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n") + "\n";
}

function filed(name: string, b: FiledBlock): string {
  return `${name}${b.filed}件（上年同期${b.filed_prev}件，${change(b.yoy)}）`;
}

export function renderMarkdown(r: Report): string {
  const h = r.hotline;
  const m = r.mediation;
  const l = r.litigation;
  return [
    `# 蛇口街道法治政府建设数据报告（${periodName(r.period)}）`,
    "",
    "## 一、12345热线",
    "",
    `- 受理工单${h.orders}件（上年同期${h.orders_prev}件，${change(h.yoy)}），其中重复件${h.repeat_orders}件。`,
    `- 办结${h.closed}件，按时办结${h.closed_on_time}件，按时办结率${pct(h.on_time_close_rate)}。`,
    `- 回访${h.visited}件，满意及基本满意${h.satisfied}件，满意率${pct(h.satisfaction_rate)}。`,
    "",
    "### 诉求类别",
    "",
    table(["类别", "工单数"], h.by_category.map((c) => [c.category, c.orders])),
    "### 所属社区",
    "",
    table(["社区", "工单数"], h.by_community.map((c) => [c.community, c.orders])),
    "## 二、矛盾纠纷化解",
    "",
    `- 受理调解案件${m.registered}件（上年同期${m.registered_prev}件，${change(m.yoy)}），涉及金额${yuan(m.amount_yuan)}元。`,
    `- 结案${m.closed}件，其中调解成功${m.succeeded}件、调解失败${m.failed}件，调解成功率${pct(m.success_rate)}。`,
    "",
    table(["调解类型", "受理数"], Object.entries(m.by_kind).map(([k, v]) => [k, v])),
    "## 三、行政复议与行政诉讼",
    "",
    `- ${filed("行政复议案件", l.reconsideration)}；${filed("行政诉讼案件", l.litigation)}。`,
    `- 审结${l.decided}件，败诉${l.lost}件，败诉率${pct(l.loss_rate)}。`,
    `- 开庭${l.hearings}次，行政机关负责人出庭${l.head_appeared}次，出庭率${pct(l.head_appearance_rate)}。`,
    `- 新增案由：${l.new_causes.length ? l.new_causes.join("、") : "无"}。`,
    "",
    table(["案由", "收案数"], l.causes.map((c) => [c.cause, c.filed])),
    "## 四、预警",
    "",
    r.alerts.length ? r.alerts.map((a) => `- ${a.message}`).join("\n") + "\n" : "本期无预警。\n",
    "## 五、数据质量",
    "",
    `累计接收${r.quality.received}条记录：入库${r.quality.accepted}条，重复${r.quality.duplicates}条，拒收${r.quality.rejected}条。`,
    "",
  ].join("\n");
}
