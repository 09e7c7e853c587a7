import { describe, expect, it } from "vitest";
import { expectedReport } from "./expected-report.ts";
import type { LitigationSnapshot } from "./feed-types.ts";
import { litigation, truth } from "./truth-builder.ts";

const report = (snapshots: LitigationSnapshot[], period: string) => expectedReport(truth({ litigation: snapshots }), period).litigation;

describe("litigation: kinds, supersession, decisions, hearings", () => {
  it("行政复议/行政诉讼 are the same kinds as reconsideration/litigation; the latest snapshot decides", () => {
    const l = report(
      [
        litigation("R1", "2024-04-02 10:00:00", { kind: "行政复议" }),
        litigation("R2", "2024-04-02 10:00:00", { kind: "reconsideration" }),
        litigation("L1", "2024-04-02 10:00:00", { kind: "行政诉讼" }),
        // filed as 行政诉讼, corrected to a reconsideration a day later
        litigation("X", "2024-04-03 10:00:00", { kind: "行政诉讼", filed_at: "2024-04-03 09:00:00" }),
        litigation("X", "2024-04-04 10:00:00", { kind: "reconsideration", filed_at: "2024-04-03 09:00:00" }),
      ],
      "2024-04",
    );
    expect([l.reconsideration.filed, l.litigation.filed]).toEqual([3, 1]);
  });

  it.each<{ outcome: NonNullable<LitigationSnapshot["outcome"]>; lost: number }>([
    { outcome: "revoked", lost: 1 },
    { outcome: "confirmed_illegal", lost: 1 },
    { outcome: "ordered_to_perform", lost: 1 },
    { outcome: "upheld", lost: 0 },
    { outcome: "dismissed", lost: 0 },
    { outcome: "withdrawn", lost: 0 },
    { outcome: "settled", lost: 0 },
  ])("outcome $outcome decided in April: decided 1, lost $lost", ({ outcome, lost }) => {
    const l = report([litigation("A", "2024-04-20 10:00:00", { filed_at: "2024-01-05 10:00:00", status: "decided", outcome, decided_at: "2024-04-19 10:00:00" })], "2024-04");
    expect([l.decided, l.lost, l.loss_rate]).toEqual([1, lost, lost]);
  });

  it("a decision superseded by a later snapshot moves month; decided_at in UTC is cut in Shanghai time", () => {
    const l = report(
      [
        litigation("A", "2024-04-20 10:00:00", { status: "decided", outcome: "revoked", decided_at: "2024-04-19 10:00:00" }),
        litigation("A", "2024-05-02 10:00:00", { status: "decided", outcome: "upheld", decided_at: "2024-05-01 10:00:00" }),
        litigation("B", "2024-05-02 10:00:00", { status: "decided", outcome: "revoked", decided_at: "2024-04-30T16:00:00Z" }),
        litigation("C", "2024-05-02 10:00:00", { status: "decided", outcome: "revoked", decided_at: "2024-04-30T15:59:59Z" }),
      ],
      "2024-04",
    );
    expect([l.decided, l.lost, l.loss_rate]).toEqual([1, 1, 1]);
  });

  it("decided = 0 gives a null loss_rate; no hearings gives a null head_appearance_rate", () => {
    const l = report([litigation("A", "2024-04-02 10:00:00")], "2024-04");
    expect([l.decided, l.loss_rate, l.hearings, l.head_appearance_rate]).toEqual([0, null, 0, null]);
  });

  it("hearings in the period (any kind) and head appearance, with a corrected hearing date", () => {
    const l = report(
      [
        litigation("A", "2024-04-11 10:00:00", { status: "hearing", hearing_at: "2024-04-10 09:30:00", head_appeared: true }),
        litigation("B", "2024-04-11 10:00:00", { status: "hearing", hearing_at: "2024-04-10T01:30:00Z", head_appeared: false }),
        litigation("C", "2024-04-11 10:00:00", { kind: "行政复议", status: "hearing", hearing_at: "2024-04-09 14:30:00", head_appeared: true }),
        // heard in April by the first snapshot, corrected to March by a later one
        litigation("D", "2024-04-11 10:00:00", { status: "hearing", hearing_at: "2024-04-02 09:30:00", head_appeared: false }),
        litigation("D", "2024-04-15 10:00:00", { status: "hearing", hearing_at: "2024-03-29 09:30:00", head_appeared: false }),
      ],
      "2024-04",
    );
    expect([l.hearings, l.head_appeared, l.head_appearance_rate]).toEqual([3, 2, 2 / 3]);
  });
});

describe("litigation: causes and new causes", () => {
  it("causes: largest first, ties by name in code-point order", () => {
    const l = report(
      [
        litigation("A", "2024-04-02 10:00:00", { cause: "行政处罚" }),
        litigation("B", "2024-04-02 10:00:00", { cause: "信息公开" }),
        litigation("C", "2024-04-02 10:00:00", { cause: "信息公开" }),
        litigation("D", "2024-04-02 10:00:00", { cause: "涉访回复" }),
        litigation("E", "2024-04-02 10:00:00", { cause: "城乡建设" }),
      ],
      "2024-04",
    );
    // 城 U+57CE < 涉 U+6D89 < 行 U+884C
    expect(l.causes).toEqual([
      { cause: "信息公开", filed: 2 },
      { cause: "城乡建设", filed: 1 },
      { cause: "涉访回复", filed: 1 },
      { cause: "行政处罚", filed: 1 },
    ]);
  });

  // Month 2024-03: the 12 months before are [2023-03-01, 2024-03-01) Shanghai time.
  it.each([
    { earlier: "2023-03-01 00:00:00", isNew: false },
    { earlier: "2023-02-28T16:00:00Z", isNew: false },
    { earlier: "2023-02-28T15:59:59Z", isNew: true },
    { earlier: "2024-02-29 23:59:59", isNew: false },
    { earlier: "2024-02-29T16:00:00Z", isNew: true }, // = 2024-03-01 00:00 Shanghai: in P, not before it
    { earlier: "2022-06-01 10:00:00", isNew: true },
  ])("month: an earlier 信息公开 case filed $earlier → new: $isNew", ({ earlier, isNew }) => {
    const l = report(
      [
        litigation("NOW", "2024-03-15 10:00:00", { cause: "信息公开" }),
        litigation("OLD", "2024-03-20 10:00:00", { cause: "信息公开", filed_at: earlier }),
      ],
      "2024-03",
    );
    expect(l.new_causes).toEqual(isNew ? ["信息公开"] : []);
  });

  // Year 2024: the year before is [2023-01-01, 2024-01-01) Shanghai time.
  it.each([
    { earlier: "2023-01-01 00:00:00", isNew: false },
    { earlier: "2022-12-31T16:00:00Z", isNew: false },
    { earlier: "2022-12-31T15:59:59Z", isNew: true },
    { earlier: "2023-12-31T15:59:59Z", isNew: false },
  ])("year: an earlier 涉访回复 case filed $earlier → new: $isNew", ({ earlier, isNew }) => {
    const l = report(
      [
        litigation("NOW", "2024-07-01 10:00:00", { cause: "涉访回复" }),
        litigation("OLD", "2024-07-01 10:00:00", { cause: "涉访回复", filed_at: earlier }),
      ],
      "2024",
    );
    expect(l.new_causes).toEqual(isNew ? ["涉访回复"] : []);
  });

  it("new_causes are sorted by code point and ignore causes seen before", () => {
    const l = report(
      [
        litigation("A", "2024-04-02 10:00:00", { cause: "行政处罚" }),
        litigation("B", "2024-04-02 10:00:00", { cause: "涉访回复" }),
        litigation("C", "2024-04-02 10:00:00", { cause: "信息公开" }),
        litigation("D", "2023-09-02 10:00:00", { cause: "行政处罚" }),
      ],
      "2024-04",
    );
    expect(l.new_causes).toEqual(["信息公开", "涉访回复"]);
  });
});
