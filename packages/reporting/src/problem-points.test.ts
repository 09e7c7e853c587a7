import { describe, expect, it } from "vitest";
import { problemPoints } from "./problem-points.ts";
import { fixtureReport, type FixtureCounts } from "./report-fixture.ts";

describe("problemPoints: one candidate point per kind of alert that fired", () => {
  it.each<{ counts: FixtureCounts; points: string[] }>([
    { counts: {}, points: [] },
    {
      counts: { rc: [14, 8], lt: [13, 8] },
      points: ["依法行政能力水平有待提升。今年以来，涉街道行政复议、行政诉讼案件数量大幅上升，分别同比上升75%、63%。需要进一步规范行政行为"],
    },
    { counts: { rc: [14, 8] }, points: ["依法行政能力水平有待提升。今年以来，涉街道行政复议案件数量大幅上升，同比上升75%。需要"] },
    {
      counts: { lt: [13, 8], newCauses: ["信息公开"] },
      points: ["涉街道行政诉讼案件数量大幅上升，同比上升63%。此外，今年出现信息公开等新的涉诉案由"],
    },
    { counts: { newCauses: ["信息公开", "城乡建设"] }, points: ["依法行政能力水平有待提升。今年出现信息公开、城乡建设等新的涉诉案由"] },
    { counts: { decided: 22, lost: 4 }, points: ["行政应诉质量有待提高。本年审结行政复议、诉讼案件22件，其中败诉4件，败诉率18.1%"] },
    { counts: { hearings: 9, headAppeared: 5 }, points: ["负责人出庭应诉5次，出庭应诉率55.5%，未做到“应出尽出”。"] },
    { counts: { mediation: [15, 10] }, points: ["矛盾纠纷化解力度还需加大。本年受理调解案件15件，同比上升50%"] },
    { counts: { orders: [150, 100] }, points: ["群众诉求量明显增加。本年受理12345热线工单150件，同比上升50%"] },
    { counts: { closed: 200, closedOnTime: 179 }, points: ["12345热线办理时效有待提升。本年办结工单200件，按时办结179件，按时办结率89.5%"] },
    {
      counts: { rc: [14, 8], decided: 22, lost: 4, closed: 200, closedOnTime: 179 },
      points: ["依法行政能力水平有待提升", "行政应诉质量有待提高", "12345热线办理时效有待提升"],
    },
  ])("$points", ({ counts, points }) => {
    const got = problemPoints(fixtureReport(counts));
    expect(got).toHaveLength(points.length);
    points.forEach((p, i) => expect(got[i]).toContain(p));
  });
});
