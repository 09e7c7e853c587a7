// The report as one self-contained page: inline CSS and SVG, no script, font or image to fetch,
// laid out for A4 print with each section on its own page.
import { escapeHtml } from "./html-escape.ts";
import type { MonthlySeries } from "./monthly-series.ts";
import { ratePercent } from "./prose.ts";
import { sectionCharts } from "./report-charts.ts";
import type { TextOptions } from "./district-text.ts";
import type { Block } from "./report-document.ts";
import { reportDocument } from "./report-text.ts";
import type { Report } from "./report-types.ts";
import { REPORT_CSS } from "./report-css.ts";

function blockHtml(b: Block): string {
  switch (b.kind) {
    case "paragraph":
      return `<p>${escapeHtml(b.text)}</p>`;
    case "heading":
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case "list":
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
    case "alerts":
      return `<ul class="alerts">${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`;
    case "table":
      return `<table><thead><tr>${b.head.map((c) => `<th>${escapeHtml(c)}</th>`).join("")}</tr></thead><tbody>${b.rows
        .map((row) => `<tr>${row.map((c) => `<td${typeof c === "number" ? ' class="num"' : ""}>${escapeHtml(String(c))}</td>`).join("")}</tr>`)
        .join("")}</tbody></table>`;
  }
}

/** The headline figures; a card turns red when an alert names its metric. */
function keyFigures(r: Report): string {
  const alerted = new Set(r.alerts.map((a) => a.metric));
  const h = r.hotline;
  const m = r.mediation;
  const l = r.litigation;
  const s = r.supervision;
  const cards: [string, string, string][] = [
    ["hotline.orders", "热线工单", `${h.orders}件`],
    ["hotline.on_time_close_rate", "按时办结率", ratePercent(h.closed_on_time, h.closed)],
    ["hotline.satisfaction_rate", "满意率", ratePercent(h.satisfied, h.visited)],
    ["hotline.acceptance_rate", "及时签收率", ratePercent(h.accepted_in_time, h.orders)],
    ["hotline.overdue_open", "期末超期未办结", `${h.overdue_open}件`],
    ["mediation.registered", "调解受理", `${m.registered}件`],
    ["mediation.success_rate", "调解成功率", ratePercent(m.succeeded, m.succeeded + m.failed)],
    ["litigation.reconsideration.filed", "行政复议", `${l.reconsideration.filed}件`],
    ["litigation.litigation.filed", "行政诉讼", `${l.litigation.filed}件`],
    ["litigation.head_appearance_rate", "负责人出庭率", ratePercent(l.head_appeared, l.hearings)],
    ["supervision.on_time_reply_rate", "建议提案按时答复率", ratePercent(s.replied_on_time, s.received)],
    ["supervision.late", "建议提案逾期", `${s.late}件`],
  ];
  return `<div class="cards">${cards
    .map(([metric, name, value]) => `<div class="card${alerted.has(metric) ? " alert" : ""}" data-metric="${metric}"><div class="v">${escapeHtml(value)}</div><div class="k">${name}</div></div>`)
    .join("")}</div>`;
}

/**
 * Without `series` the page has every chart but the monthly trends. `text`: the deployment's name
 * (CASEPULSE_ORG_NAME) and, for a district's report, each street's own report (its alerts).
 */
export function renderHtml(report: Report, series?: MonthlySeries, text: TextOptions = {}): string {
  const doc = reportDocument(report, text);
  const alertBox = report.alerts.length
    ? `<div class="alert-box"><strong>本期预警${report.alerts.length}条</strong><ul class="alerts">${report.alerts.map((a) => `<li data-rule="${a.rule}">${escapeHtml(a.message)}</li>`).join("")}</ul></div>`
    : `<div class="calm">本期无预警。</div>`;
  const sections = doc.sections.map((s) => {
    const charts = sectionCharts(s.topic, report, series);
    const figures = charts.length ? `<div class="charts">${charts.map((c) => `<figure>${c}</figure>`).join("")}</div>` : "";
    // The sentences first, then the charts, then the detail tables.
    const split = s.blocks.findIndex((b) => b.kind === "heading" || b.kind === "table");
    const at = split === -1 ? s.blocks.length : split;
    const body = [...s.blocks.slice(0, at).map(blockHtml), figures, ...s.blocks.slice(at).map(blockHtml)];
    return `<section class="sec sec-${s.topic}"><h2>${escapeHtml(s.title)}</h2>${body.join("\n")}</section>`;
  });
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${REPORT_CSS}</style></head><body>
<header><h1>${escapeHtml(doc.title)}</h1><p class="note">${escapeHtml(doc.note)}</p>${keyFigures(report)}${alertBox}</header>
${sections.join("\n")}
</body></html>
`;
}
