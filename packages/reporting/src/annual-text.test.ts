import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown.ts";
import { fixtureReport, type FixtureCounts } from "./report-fixture.ts";

describe("annual text: sentences carry the figures, percentages from the counts", () => {
  it.each<{ counts: FixtureCounts; sentence: string }>([
    {
      counts: { rc: [14, 8], lt: [13, 8] },
      sentence: "（一）收案情况。涉街道行政复议、行政诉讼案件分别为14件、13件（上年分别为8件、8件），数量分别同比上升75%、63%。",
    },
    {
      counts: { rc: [8, 8], lt: [3, 6] },
      sentence: "（上年分别为8件、6件），行政复议案件与上年同期持平，行政诉讼案件同比下降50%。",
    },
    { counts: { orders: [1321, 1245] }, sentence: "（一）受理情况。2024年，街道受理工单1321件，同比上升6%（上年1245件），其中重复诉求12件，占0.9%。" },
    { counts: { closed: 200, closedOnTime: 179 }, sentence: "办结工单200件，其中按时办结179件，按时办结率89.5%。" },
    { counts: { reconsiderationDecided: [3, 0], litigationDecided: [2, 0, 0] }, sentence: "合计审结案件5件，无败诉案件。" },
    { counts: { reconsiderationDecided: [12, 3], litigationDecided: [10, 1, 4] }, sentence: "合计审结案件22件，其中败诉4件，败诉率18.1%。" },
    { counts: { reconsiderationDecided: [0, 0], litigationDecided: [0, 0, 0] }, sentence: "（三）审结情况。本年无审结案件。" },
    { counts: { hearings: 4, headAppeared: 4 }, sentence: "出庭应诉率100%，做到“应出尽出”。" },
    { counts: { hearings: 9, headAppeared: 5 }, sentence: "开庭审理9次，行政机关负责人出庭应诉5次，出庭应诉率55.5%，未做到“应出尽出”。" },
    { counts: { hearings: 0, headAppeared: 0 }, sentence: "本年无开庭审理案件。" },
    { counts: { newCauses: ["信息公开", "涉访回复"] }, sentence: "今年出现信息公开、涉访回复等新的涉诉案由。" },
    { counts: {}, sentence: "结案9件，其中调解成功6件、调解失败2件、终止1件，调解成功率75%。" },
  ])("$sentence", ({ counts, sentence }) => {
    expect(renderMarkdown(fixtureReport(counts))).toContain(sentence);
  });

  it("sections come in the annual report's order", () => {
    const headings = renderMarkdown(fixtureReport()).split("\n").filter((l) => l.startsWith("## "));
    expect(headings).toStrictEqual([
      "## 一、12345热线诉求办理情况",
      "## 二、矛盾纠纷化解",
      "## 三、行政复议与行政诉讼",
      "## 四、自觉接受人大、政协和司法、检察机关监督",
      "## 五、预警及存在问题和不足",
      "## 六、数据质量",
    ]);
  });
});

describe("monthly text stays the concise monthly report", () => {
  it.each([
    { counts: { period: "2024-03", orders: [120, 100] as [number, number] }, line: "- 受理工单120件（上年同期100件，同比上升20%），其中重复件12件。" },
    { counts: { period: "2024-03", closed: 10, closedOnTime: 8 }, line: "- 办结10件，按时办结8件，按时办结率80%。" },
    { counts: { period: "2024-03", rc: [7, 4] as [number, number] }, line: "- 行政复议案件7件（上年同期4件，同比上升75%）；行政诉讼案件2件（上年同期2件，与上年同期持平）。" },
  ])("$line", ({ counts, line }) => {
    const md = renderMarkdown(fixtureReport(counts));
    expect(md.split("\n")[0]).toBe("# 蛇口街道法治政府建设数据月报（2024年3月）");
    expect(md.split("\n")).toContain(line);
    expect(md).not.toContain("存在问题和不足");
  });
});
