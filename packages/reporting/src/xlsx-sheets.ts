// The report as a workbook's sheets: one per section, each a column of tables (a title, a header
// row, the rows). Every figure is a value of its own kind, so the writer can store numbers as
// numbers and rates as fractions shown in percent. A table of figures carries each figure's JSON
// path (字段), the name `explain --metric` and published.revisions use.
import { reportDocument } from "./report-text.ts";
import type { AlertRule, Report } from "./report-types.ts";
import { figurePaths } from "./revisions.ts";
import { figureName } from "./revisions-text.ts";
import { entryName } from "./supervision-text.ts";

/** How a value is stored and shown: rates as fractions in percent, times as Shanghai wall time. */
export type CellKind = "text" | "count" | "rate" | "amount" | "hours" | "time";
export type CellValue = string | number | null;

export interface Column {
  header: string;
  /** `figure`: the kind of the row's figure (Table.figureKinds), for a column of several kinds. */
  kind: CellKind | "figure";
}

export interface Table {
  title: string;
  columns: Column[];
  /** Each row's values in the columns' order. */
  rows: CellValue[][];
  /** Per row, the kind of its `figure` columns. */
  figureKinds?: CellKind[];
}

export interface Sheet {
  name: string;
  tables: Table[];
}

/** REPORT.md names its rates `*_rate` and its year-on-year changes `yoy`; both are fractions. */
export function figureKind(path: string): CellKind {
  if (/(_rate|(^|\.)yoy)$/.test(path)) return "rate";
  if (path === "hotline.close_hours_median") return "hours";
  if (path === "mediation.amount_yuan") return "amount";
  return "count";
}

const col = (header: string, kind: Column["kind"] = "text"): Column => ({ header, kind });
const FIGURE_COLUMNS = [col("指标"), col("数值", "figure"), col("字段")];

/** The figures of these paths as a table of (name, value, path). */
function figureTable(title: string, figures: [string, number | null][], name: (path: string) => string = figureName): Table {
  return {
    title,
    columns: FIGURE_COLUMNS,
    rows: figures.map(([path, value]) => [name(path), value, path]),
    figureKinds: figures.map(([path]) => figureKind(path)),
  };
}

/** The numbers directly under a block and in its objects of fixed keys, as revisions compares them. */
const blockFigures = (r: Report, block: string) => [...figurePaths(r)].filter(([path]) => path.startsWith(`${block}.`));

const ALERT_RULE_NAMES: Record<AlertRule, { name: string; value: CellKind }> = {
  yoy_increase: { name: "同比上升", value: "rate" },
  new_cause: { name: "新增案由", value: "count" },
  lost_case: { name: "败诉案件", value: "count" },
  head_appearance: { name: "负责人出庭应诉", value: "rate" },
  category_spike: { name: "类别工单激增", value: "count" },
  sla: { name: "按时办结率", value: "rate" },
  unit_sla: { name: "承办单位按时办结率", value: "rate" },
  overdue_open: { name: "超期未办结", value: "count" },
  supervision_late: { name: "建议提案逾期答复", value: "count" },
};

const QUALITY_NAMES: Record<keyof Report["quality"], string> = { received: "累计接收记录", accepted: "入库", duplicates: "重复", rejected: "拒收" };

function keyFigures(r: Report): Sheet {
  const doc = reportDocument(r);
  const quality = Object.entries(r.quality).map(([k, v]) => [`quality.${k}`, v] as [string, number]);
  return {
    name: "主要指标",
    tables: [
      {
        title: doc.title,
        columns: [col("项目"), col("内容")],
        rows: [["报告期", r.period], ["发布时间", r.published?.at ?? "尚未发布"], ["说明", doc.note], ["比率", "空白表示分母为0，无可计算的比率"]],
      },
      figureTable("12345热线", blockFigures(r, "hotline")),
      figureTable("矛盾纠纷调解", blockFigures(r, "mediation")),
      figureTable("行政复议和行政诉讼", blockFigures(r, "litigation")),
      figureTable("建议提案、司法建议", blockFigures(r, "supervision")),
      figureTable("数据质量（累计，不分报告期）", quality, (path) => QUALITY_NAMES[path.slice("quality.".length) as keyof Report["quality"]]),
    ],
  };
}

const ranked = <T>(items: readonly T[], cells: (item: T) => CellValue[]) => items.map((item, i) => [i + 1, ...cells(item)]);

function rankings(r: Report): Sheet {
  const h = r.hotline;
  return {
    name: "热线排行",
    tables: [
      { title: "按诉求类别", columns: [col("名次", "count"), col("类别"), col("工单数", "count")], rows: ranked(h.by_category, (c) => [c.category, c.orders]) },
      { title: "按社区", columns: [col("名次", "count"), col("社区"), col("工单数", "count")], rows: ranked(h.by_community, (c) => [c.community, c.orders]) },
    ],
  };
}

function units(r: Report): Sheet {
  const columns = [col("承办单位"), col("受理工单", "count"), col("办结", "count"), col("按时办结", "count"), col("按时办结率", "rate"), col("满意率", "rate")];
  const rows = r.hotline.by_unit.map((u) => [u.unit, u.orders, u.closed, u.closed_on_time, u.on_time_close_rate, u.satisfaction_rate]);
  return { name: "承办单位", tables: [{ title: "承办单位办理情况", columns, rows }] };
}

function backlog(r: Report): Sheet {
  const h = r.hotline;
  const columns = [col("工单编号"), col("办结时限", "time"), col("超期天数", "count"), col("社区"), col("类别"), col("承办单位")];
  const rows = h.overdue_list.map((o) => [o.order_id, o.deadline, o.overdue_days, o.community, o.category, o.unit]);
  return {
    name: "超期未办结",
    tables: [figureTable("期末超期未办结", [["hotline.overdue_open", h.overdue_open]]), { title: "超期最久的工单（办结时限最早的在前）", columns, rows }],
  };
}

function mediation(r: Report): Sheet {
  const m = r.mediation;
  return {
    name: "矛盾调解",
    tables: [
      figureTable("调解案件", blockFigures(r, "mediation")),
      { title: "按纠纷类型", columns: [col("纠纷类型"), col("受理数", "count"), col("调解成功", "count")], rows: m.by_dispute_type.map((d) => [d.dispute_type, d.registered, d.succeeded]) },
    ],
  };
}

function litigation(r: Report): Sheet {
  const l = r.litigation;
  return {
    name: "复议诉讼",
    tables: [
      figureTable("行政复议和行政诉讼", blockFigures(r, "litigation")),
      { title: "按案由（收案）", columns: [col("案由"), col("收案数", "count")], rows: l.causes.map((c) => [c.cause, c.filed]) },
      { title: "新增案由", columns: [col("案由")], rows: l.new_causes.map((c) => [c]) },
    ],
  };
}

function supervision(r: Report): Sheet {
  const columns = [col("类别"), col("种类"), col("级别"), col("交办数", "count"), col("已答复", "count"), col("按时答复", "count")];
  const rows = r.supervision.by_kind.map((e) => [entryName(e), e.kind, e.level, e.received, e.replied, e.replied_on_time]);
  return { name: "建议提案", tables: [figureTable("建议提案、司法建议", blockFigures(r, "supervision")), { title: "按类别和级别", columns, rows }] };
}

function alerts(r: Report): Sheet {
  const columns = [col("规则"), col("规则代码"), col("指标"), col("数值", "figure"), col("预警内容")];
  return {
    name: "预警",
    tables: [{
      title: "本期预警",
      columns,
      rows: r.alerts.map((a) => [ALERT_RULE_NAMES[a.rule].name, a.rule, a.metric, a.value, a.message]),
      figureKinds: r.alerts.map((a) => ALERT_RULE_NAMES[a.rule].value),
    }],
  };
}

function revisionSheet(r: Report): Sheet {
  const list = r.published?.revisions ?? [];
  const columns = [col("指标"), col("发布时", "figure"), col("现在", "figure"), col("字段")];
  return {
    name: "数据修订",
    tables: [
      { title: "发布", columns: [col("项目"), col("内容")], rows: [["发布时间", r.published?.at ?? "本期报告尚未发布"], ["修订项数", list.length]] },
      {
        title: "自发布以来修订的数据（迟到记录和更正所致）",
        columns,
        rows: list.map((v) => [figureName(v.metric), v.published, v.now, v.metric]),
        figureKinds: list.map((v) => figureKind(v.metric)),
      },
    ],
  };
}

export function reportSheets(r: Report): Sheet[] {
  return [keyFigures(r), rankings(r), units(r), backlog(r), mediation(r), litigation(r), supervision(r), alerts(r), revisionSheet(r)];
}
