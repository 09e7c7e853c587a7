import { describe, expect, it } from "vitest";
import { fixtureReport, unitEntry } from "./report-fixture.ts";
import type { Report } from "./report-types.ts";
import { revisions } from "./revisions.ts";

const published = fixtureReport();

/** The fixture report with some figures changed. */
function changed(change: (r: Report) => void): Report {
  const r = structuredClone(published);
  change(r);
  return r;
}

describe("revisions: the numbers of the published report that differ now, by JSON path", () => {
  it.each<{ name: string; now: Report; expected: [string, number | null, number | null][] }>([
    { name: "the same report: none", now: fixtureReport(), expected: [] },
    {
      name: "counts and rates directly under a block, and inside by_kind, reconsideration and litigation; sorted by path",
      now: changed((r) => {
        r.hotline.orders = 121;
        r.hotline.yoy = 0.21;
        r.mediation.by_kind.人民调解 = 11;
        r.litigation.reconsideration.corrected = 1;
        r.litigation.litigation.withdrawal_rate = 0;
        r.supervision.late = 2;
      }),
      expected: [
        ["hotline.orders", 120, 121],
        ["hotline.yoy", 0.2, 0.21],
        ["litigation.litigation.withdrawal_rate", 0.5, 0],
        ["litigation.reconsideration.corrected", 0, 1],
        ["mediation.by_kind.人民调解", 10, 11],
        ["supervision.late", 0, 2],
      ],
    },
    {
      name: "the ranked lists are not compared",
      now: changed((r) => {
        r.hotline.by_category[0]!.orders = 71;
        r.hotline.by_unit = [unitEntry("蛇口街道执法队", 1, 1, 0)];
        r.hotline.overdue_list = [{ order_id: "A", deadline: "2024-04-20T18:00:00+08:00", overdue_days: 10, community: null, category: null, unit: null }];
        r.mediation.by_dispute_type = [];
        r.litigation.causes = [];
        r.litigation.new_causes = ["信息公开"];
        r.supervision.by_kind = [];
      }),
      expected: [],
    },
    {
      name: "a rate that had nothing to divide by and has now, and the other way round",
      now: changed((r) => {
        r.hotline.close_hours_median = null;
        r.mediation.yoy = null;
        r.litigation.reconsideration.correction_rate = null;
      }),
      expected: [
        ["hotline.close_hours_median", 52.5, null],
        ["litigation.reconsideration.correction_rate", 0, null],
        ["mediation.yoy", 0, null],
      ],
    },
  ])("$name", ({ now, expected }) => {
    expect(revisions(published, now)).toStrictEqual(expected.map(([metric, was, is]) => ({ metric, published: was, now: is })));
  });

  it("a figure the published report did not have (an earlier release) is no revision", () => {
    const old = structuredClone(published) as unknown as { hotline: Record<string, unknown>; litigation: { litigation: Record<string, unknown> } };
    delete old.hotline.returned;
    delete old.litigation.litigation.withdrawn_or_settled;
    old.hotline.orders = 100;
    expect(revisions(old, fixtureReport())).toStrictEqual([{ metric: "hotline.orders", published: 100, now: 120 }]);
  });

  it.each([null, "text", [], { hotline: "x" }])("a published value that is no report (%j) gives none", (value) => {
    expect(revisions(value, published)).toStrictEqual([]);
  });
});
