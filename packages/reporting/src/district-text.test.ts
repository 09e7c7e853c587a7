import { describe, expect, it } from "vitest";
import { DEFAULT_STREET } from "@casepulse/config";
import { renderHtml } from "./render-html.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { fixtureReport } from "./report-fixture.ts";
import type { Alert, Report, StreetEntry } from "./report-types.ts";

const A = "招商街道";
const B = "粤海街道";
const entry = (street: string, hotline_orders: number, extra: Partial<StreetEntry> = {}): StreetEntry => ({
  street, hotline_orders, on_time_close_rate: 0.95, satisfaction_rate: null, mediation_registered: 3, mediation_success_rate: 2 / 3,
  reconsideration_filed: 1, litigation_filed: 2, lost: 0, supervision_received: 4, ...extra,
});
const alert = (message: string): Alert => ({ rule: "lost_case", metric: "litigation.lost", value: 1, message });

/** A district's report of streets A and B, and their own reports (A has an alert, B none). */
function district(period: string): { report: Report; streetReports: Report[] } {
  const report = fixtureReport({ period, streets: [entry(A, 70, { lost: 1 }), entry(B, 50)] });
  const own = (street: string, alerts: Alert[]) => ({ ...fixtureReport({ period, street }), alerts });
  return { report, streetReports: [own(A, [alert(`${A}本期败诉1件`)]), own(B, [])] };
}

const headings = (md: string) => md.split("\n").filter((l) => l.startsWith("## ") || l.startsWith("### "));

describe("the district's report: its streets compared, each one's alerts under its name", () => {
  it("annual: the comparison is section 五, then the alerts with each street's, then quality", () => {
    const { report, streetReports } = district("2024");
    const md = renderMarkdown(report, { orgName: "南山区", streetReports });
    expect(md.split("\n")[0]).toBe("# 南山区2024年法治政府建设数据报告");
    expect(headings(md).filter((h) => h.startsWith("## ")).slice(4)).toStrictEqual(["## 五、各街道情况", "## 六、预警及存在问题和不足", "## 七、数据质量"]);
    expect(md).toContain("| 街道 | 热线工单 | 按时办结率 | 满意率 | 调解受理 | 调解成功率 | 行政复议 | 行政诉讼 | 败诉 | 建议提案交办 |");
    expect(md).toContain(`| ${A} | 70 | 95% | — | 3 | 66.6% | 1 | 2 | 1 | 4 |`);
    const alerts = md.slice(md.indexOf("## 六、"), md.indexOf("## 七、"));
    expect(alerts).toContain(`### 各街道预警\n\n### ${A}\n\n- ${A}本期败诉1件\n\n### ${B}\n\n本年度未触发预警。`);
    // The sentences speak of the district, not of a street.
    expect(md).toContain("2024年，南山区受理工单");
    expect(md).toContain("涉南山区行政复议、行政诉讼案件");
  });

  it("monthly: the same parts, numbered after the four of the figures", () => {
    const { report, streetReports } = district("2024-03");
    const md = renderMarkdown(report, { orgName: "南山区", streetReports });
    expect(md.split("\n")[0]).toBe("# 南山区法治政府建设数据月报（2024年3月）");
    expect(headings(md).filter((h) => h.startsWith("## ")).slice(4)).toStrictEqual(["## 五、各街道情况", "## 六、预警", "## 七、数据质量"]);
    expect(md).toContain(`### ${B}\n\n本期无预警。`);
  });

  it("the page: the comparison's table and three rankings of the streets, each street's alerts", () => {
    const { report, streetReports } = district("2024");
    const html = renderHtml(report, undefined, { orgName: "南山区", streetReports });
    const section = html.slice(html.indexOf('<section class="sec sec-streets">'), html.indexOf('<section class="sec sec-alerts">'));
    expect(section.split("<svg ").length - 1).toBe(3);
    expect(section).toContain("各街道热线工单");
    expect(section).toContain(`<td>${A}</td><td class="num">70</td>`);
    // Largest first in the ranking.
    expect(section.indexOf(`<title>${A}：70</title>`)).toBeLessThan(section.indexOf(`<title>${B}：50</title>`));
    expect(html).toContain(`<h3>${A}</h3>\n<ul class="alerts"><li>${A}本期败诉1件</li></ul>`);
    expect(html).toContain("<title>南山区2024年法治政府建设数据报告</title>");
  });

  it("without the streets' own reports the comparison stays, the streets' alerts are left out", () => {
    const md = renderMarkdown(district("2024").report, { orgName: "南山区" });
    expect(md).toContain("## 五、各街道情况");
    expect(md).not.toContain("各街道预警");
  });
});

describe("a street's report and a one-street deployment read as before", () => {
  it("a street's report is titled with its street and speaks of 街道; no comparison", () => {
    const md = renderMarkdown(fixtureReport({ street: A }), { orgName: "南山区" });
    expect(md.split("\n")[0]).toBe(`# ${A}2024年法治政府建设数据报告`);
    expect(md).toContain("2024年，街道受理工单");
    expect(md).not.toContain("各街道情况");
  });

  it("an unscoped report of one street: the deployment's name, the default street's when unset", () => {
    const one = fixtureReport({ streets: [entry(DEFAULT_STREET, 120)] });
    expect(renderMarkdown(one).split("\n")[0]).toBe(`# ${DEFAULT_STREET}2024年法治政府建设数据报告`);
    expect(renderMarkdown(one, { orgName: "蛇口街道办事处" }).split("\n")[0]).toBe("# 蛇口街道办事处2024年法治政府建设数据报告");
    expect(renderMarkdown(one)).toContain("2024年，街道受理工单");
    expect(renderMarkdown(one)).not.toContain("各街道情况");
  });
});
