import { describe, expect, it } from "vitest";
import { problemPoints } from "./problem-points.ts";
import { fixtureReport } from "./report-fixture.ts";
import type { SupervisionKindEntry } from "./report-types.ts";

const entries: SupervisionKindEntry[] = [
  { kind: "人大建议", level: "市", received: 8, replied: 6, replied_on_time: 4 },
  { kind: "司法建议", level: null, received: 2, replied: 2, replied_on_time: 2 },
];

describe("supervision_late: supervision.late > 0", () => {
  it.each([
    { late: 0, alerts: [] },
    {
      late: 1,
      alerts: [{ rule: "supervision_late", metric: "supervision.late", value: 1, message: "本期交办的建议提案及司法、检察建议逾期答复1件" }],
    },
    {
      late: 3,
      alerts: [{ rule: "supervision_late", metric: "supervision.late", value: 3, message: "本期交办的建议提案及司法、检察建议逾期答复3件" }],
    },
  ])("late $late → $alerts.length alert(s)", ({ late, alerts }) => {
    expect(fixtureReport({ supervision: entries, late }).alerts).toStrictEqual(alerts);
  });

  it.each([
    { late: 0, point: null },
    { late: 3, point: "建议提案和司法、检察建议办理时效有待提升。本年交办10件，按时答复6件，按时答复率60%，逾期3件，需加强办理进度跟踪督办，确保按期答复。" },
  ])("the annual report's candidate point (late $late)", ({ late, point }) => {
    const points = problemPoints(fixtureReport({ supervision: entries, late }));
    expect(points).toStrictEqual(point === null ? [] : [point]);
  });
});
