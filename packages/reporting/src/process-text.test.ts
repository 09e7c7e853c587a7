import { describe, expect, it } from "vitest";
import { problemPoints } from "./problem-points.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { fixtureReport, unitEntry, type FixtureCounts } from "./report-fixture.ts";
import { figureName, revisionLine } from "./revisions-text.ts";
import { figurePaths } from "./revisions.ts";

const X = "蛇口街道执法队";
const Y = "蛇口街道城建办";
const overdue = (order_id: string, deadline: string, overdue_days: number) => ({
  order_id, deadline, overdue_days, community: "湾厦社区", category: "城乡建设/违法建设", unit: null,
});

describe("the hotline's process, units and backlog in the texts", () => {
  it.each<{ name: string; counts: FixtureCounts; text: string[]; absent?: string[] }>([
    {
      name: "the process figures, rates from the counts",
      counts: {},
      text: ["（五）办理过程。及时签收110件，及时签收率91.6%；退回重派6件，退回率5%；办结后重启3件，重启率2.5%，工单从登记到办结用时中位数为52.5小时。"],
    },
    {
      name: "the league: best and worst among the units that closed 10 or more, ties to by_unit's order",
      counts: { units: [unitEntry(X, 60, 50, 35, 0.9), unitEntry(Y, 40, 35, 33, 0.9), unitEntry("小单位", 3, 3, 3, 1), unitEntry("另一单位", 12, 10, 7, 0.6)] },
      text: [
        "（六）承办单位。在办结10件以上的承办单位中，按时办结率最高的是蛇口街道城建办（94.2%），最低的是蛇口街道执法队（70%）；满意率最高的是蛇口街道执法队（90%），最低的是另一单位（60%）。",
        "| 小单位 | 3 | 3 | 3 | 100% | 100% |",
        "| 另一单位 | 12 | 10 | 7 | 70% | 60% |",
      ],
    },
    {
      name: "fewer than two units to rank: no league sentence, the table still",
      counts: { units: [unitEntry(X, 60, 50, 35), unitEntry("小单位", 3, 3, 3)] },
      text: ["| 蛇口街道执法队 | 60 | 50 | 35 | 70% | — |"],
      absent: ["（六）承办单位"],
    },
    {
      name: "the backlog: the count, and the list when it is shorter",
      counts: { overdue: [overdue("SZ1", "2024-03-25T18:00:00+08:00", 281), overdue("SZ2", "2024-04-02T09:30:00+08:00", 273)], overdueOpen: 25 },
      text: ["截至年末，超期未办结工单25件，以下为超期最久的2件。", "| SZ1 | 2024-03-25 18:00 | 281 | 湾厦社区 | 城乡建设/违法建设 | — |"],
    },
    { name: "no backlog", counts: {}, text: ["截至年末，无超期未办结工单。"] },
    {
      name: "each kind's rates in the annual sentence (行政复议纠错率, 行政诉讼败诉率, 调撤率)",
      counts: { reconsiderationDecided: [8, 1], litigationDecided: [6, 1, 2] },
      text: [
        "（三）审结情况。审结行政复议案件8件，其中纠错1件，行政复议纠错率12.5%；审结行政诉讼案件6件，其中败诉1件，行政诉讼败诉率16.6%，撤诉、和解2件，调撤率33.3%。合计审结案件14件，其中败诉2件，败诉率14.2%。",
      ],
    },
    {
      name: "a kind without decisions is left out of the sentence",
      counts: { reconsiderationDecided: [0, 0], litigationDecided: [5, 0, 0] },
      text: ["（三）审结情况。审结行政诉讼案件5件，其中败诉0件，行政诉讼败诉率0%，撤诉、和解0件，调撤率0%。合计审结案件5件，无败诉案件。"],
    },
    { name: "referrals and dispute types", counts: {}, text: ["（三）诉调对接。受理由12345热线工单转入的调解案件2件，其中调解成功1件。", "| 物业纠纷 | 6 | 4 |"] },
  ])("$name", ({ counts, text, absent = [] }) => {
    const md = renderMarkdown(fixtureReport(counts));
    for (const t of text) expect(md).toContain(t);
    for (const t of absent) expect(md).not.toContain(t);
  });

  it("the monthly report has the same figures as lines", () => {
    const md = renderMarkdown(fixtureReport({ period: "2024-03", reconsiderationDecided: [8, 1], litigationDecided: [6, 1, 2] })).split("\n");
    expect(md).toContain("- 及时签收110件，及时签收率91.6%；退回重派6件，退回率5%；办结后重启3件，重启率2.5%，工单从登记到办结用时中位数为52.5小时。");
    expect(md).toContain("- 审结14件，败诉2件，败诉率14.2%；其中行政复议审结8件，纠错1件，纠错率12.5%；行政诉讼审结6件，败诉1件，败诉率16.6%，调撤2件，调撤率33.3%。");
    expect(md).toContain("截至月末，无超期未办结工单。");
  });

  it("unit_sla and overdue_open give candidate points for the annual report", () => {
    const points = problemPoints(fixtureReport({ units: [unitEntry(X, 60, 11, 8)], overdue: [overdue("SZ1", "2024-03-25T18:00:00+08:00", 281)] }));
    expect(points).toStrictEqual([
      `部分承办单位办理时效有待提升。${X}按时办结率72.7%，低于80%，需加强对承办单位的督办考核。`,
      "工单积压需要关注。截至年末，超期未办结工单1件，需逐件督办、限期办结。",
    ]);
  });
});

describe("the revisions note", () => {
  const published = (period: string) =>
    fixtureReport({
      period,
      published: {
        at: "2024-04-01T00:00:05.000Z",
        revisions: [
          { metric: "hotline.close_hours_median", published: null, now: 52.5 },
          { metric: "hotline.on_time_close_rate", published: 0.96, now: 0.95 },
          { metric: "hotline.orders", published: 118, now: 120 },
          { metric: "mediation.by_kind.人民调解", published: 9, now: 10 },
        ],
      },
    });
  it.each([
    { period: "2024-03", first: "## 数据修订说明", note: "自3月报告发布以来，以下数据有修订" },
    { period: "2024", first: "## 数据修订说明", note: "自2024年报告发布以来，以下数据有修订" },
  ])("$period: first of the sections, naming the published report and each figure", ({ period, first, note }) => {
    const md = renderMarkdown(published(period));
    expect(md.split("\n").filter((l) => l.startsWith("## "))[0]).toBe(first);
    expect(md).toContain(note);
    expect(md).toContain("- 热线办结用时中位数（小时）由—修订为52.5\n- 热线按时办结率由96%修订为95%\n- 热线受理工单由118修订为120\n- 人民调解受理案件由9修订为10\n");
  });

  it.each([{ published: null }, { published: { at: "2024-04-01T00:00:05.000Z", revisions: [] } }])("no revision, no note: $published", ({ published: p }) => {
    expect(renderMarkdown(fixtureReport({ published: p }))).not.toContain("数据修订说明");
  });

  it.each([
    ["litigation.reconsideration.correction_rate", 0.5, 0.25, "行政复议纠错率由50%修订为25%"],
    ["litigation.litigation.withdrawn_or_settled", 1, 2, "行政诉讼撤诉、和解由1修订为2"],
    ["mediation.amount_yuan", 100, 12500.5, "调解涉及金额（元）由100.00修订为12,500.50"],
    ["hotline.yoy", 0.2, -0.05, "热线受理工单同比由20%修订为-5%"],
  ] as const)("%s", (metric, was, now, line) => {
    expect(revisionLine({ metric, published: was, now })).toBe(line);
  });

  it("every figure a revision can name has a name of its own", () => {
    const paths = [...figurePaths(fixtureReport()).keys()];
    expect(paths.length).toBe(59);
    expect(paths.filter((metric) => figureName(metric) === metric)).toStrictEqual([]);
  });
});
