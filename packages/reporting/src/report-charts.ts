// The charts under each section of the HTML report, from the report object and the monthly series.
import { pairedBars, partsBar, rankedBars } from "./bar-chart.ts";
import { trendChart } from "./line-chart.ts";
import type { MonthlySeries } from "./monthly-series.ts";
import { changePhrase, periodName } from "./prose.ts";
import type { SectionTopic } from "./report-document.ts";
import type { Report, StreetEntry } from "./report-types.ts";
import { compareCodePoints } from "./street-figures.ts";
import { COLORS } from "./svg-scale.ts";
import { entryName } from "./supervision-text.ts";

/** How many categories the ranking chart shows (the table under it has them all). */
const TOP_CATEGORIES = 10;

type SeriesKey = "hotline" | "mediation" | "reconsideration" | "litigation";

function trend(report: Report, series: MonthlySeries, key: SeriesKey, title: string): string {
  const year = Number(report.period.slice(0, 4));
  const monthly = report.period.includes("-");
  const values = series[key];
  return trendChart({
    title,
    labels: series.months.slice(12).map((m) => `${Number(m.slice(5))}月`),
    current: { name: monthly ? "近12个月" : `${year}年`, values: values.slice(12) },
    previous: { name: monthly ? "上年同期" : `${year - 1}年`, values: values.slice(0, 12) },
  });
}

/** The orders of the period through their handling: accepted in time, returned, reopened; and the backlog at its end. */
function processChart(r: Report): string {
  const h = r.hotline;
  return rankedBars("工单办理过程（件）", [
    { label: "受理工单", value: h.orders },
    { label: "及时签收", value: h.accepted_in_time },
    { label: "退回重派", value: h.returned },
    { label: "办结后重启", value: h.reopened },
    { label: "期末超期未办结", value: h.overdue_open },
  ]);
}

/** A count of every street, largest first (ties by name), as a ranking. */
function streetRanking(r: Report, title: string, value: (s: StreetEntry) => number): string {
  const rows = (r.streets ?? []).map((s) => ({ label: s.street, value: value(s) }));
  return rankedBars(title, rows.sort((a, b) => b.value - a.value || compareCodePoints(a.label, b.label)));
}

export function sectionCharts(topic: SectionTopic, r: Report, series: MonthlySeries | undefined): string[] {
  const names = { current: periodName(r.period), previous: "上年同期" };
  const trends = (pairs: [SeriesKey, string][]) => (series ? pairs.map(([key, title]) => trend(r, series, key, title)) : []);
  switch (topic) {
    case "hotline":
      return [
        ...trends([["hotline", "12345热线工单月度趋势"]]),
        rankedBars(
          `诉求类别（前${TOP_CATEGORIES}）`,
          r.hotline.by_category.slice(0, TOP_CATEGORIES).map((c) => ({ label: c.category, value: c.orders })),
        ),
        rankedBars("各社区工单", r.hotline.by_community.map((c) => ({ label: c.community, value: c.orders }))),
        processChart(r),
      ];
    case "mediation": {
      const m = r.mediation;
      return [
        ...trends([["mediation", "调解受理案件月度趋势"]]),
        partsBar("调解结案结果", [
          { label: "调解成功", value: m.succeeded, color: COLORS.good },
          { label: "调解失败", value: m.failed, color: COLORS.bad },
          { label: "终止", value: m.closed - m.succeeded - m.failed, color: COLORS.neutral },
        ]),
        rankedBars("调解类型（受理数）", Object.entries(m.by_kind).map(([label, value]) => ({ label, value }))),
      ];
    }
    case "litigation": {
      const { reconsideration: rc, litigation: lt } = r.litigation;
      return [
        pairedBars("行政复议、行政诉讼收案同比", names, [
          { label: "行政复议", current: rc.filed, previous: rc.filed_prev, note: changePhrase(rc.filed, rc.filed_prev) },
          { label: "行政诉讼", current: lt.filed, previous: lt.filed_prev, note: changePhrase(lt.filed, lt.filed_prev) },
        ]),
        ...trends([
          ["reconsideration", "行政复议收案月度趋势"],
          ["litigation", "行政诉讼收案月度趋势"],
        ]),
        rankedBars("案由分布", r.litigation.causes.map((c) => ({ label: c.cause, value: c.filed }))),
      ];
    }
    case "supervision": {
      const s = r.supervision;
      return [
        partsBar("建议提案和司法、检察建议答复情况", [
          { label: "按时答复", value: s.replied_on_time, color: COLORS.good },
          { label: "超期答复", value: s.replied - s.replied_on_time, color: COLORS.bad },
          { label: "尚在办理", value: s.received - s.replied, color: COLORS.neutral },
        ]),
        rankedBars("建议提案和司法、检察建议（交办数）", s.by_kind.map((e) => ({ label: entryName(e), value: e.received }))),
      ];
    }
    case "streets":
      return [
        streetRanking(r, "各街道热线工单", (s) => s.hotline_orders),
        streetRanking(r, "各街道调解受理案件", (s) => s.mediation_registered),
        streetRanking(r, "各街道行政复议、行政诉讼收案", (s) => s.reconsideration_filed + s.litigation_filed),
      ];
    default:
      return [];
  }
}
