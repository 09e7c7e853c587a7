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

describe("litigation: reconsideration corrected (纠错), litigation lost and withdrawn or settled (调撤), per kind", () => {
  type Kind = LitigationSnapshot["kind"];
  const decided = (id: string, kind: Kind, outcome: NonNullable<LitigationSnapshot["outcome"]>, at = "2024-04-19 10:00:00") =>
    litigation(id, "2024-04-20 10:00:00", { kind, filed_at: "2024-01-05 10:00:00", status: outcome === "withdrawn" ? "withdrawn" : "decided", outcome, decided_at: at });
  it.each<{ kind: Kind; outcome: NonNullable<LitigationSnapshot["outcome"]>; corrected: number; lost: number; withdrawn: number }>([
    { kind: "reconsideration", outcome: "revoked", corrected: 1, lost: 0, withdrawn: 0 },
    { kind: "行政复议", outcome: "confirmed_illegal", corrected: 1, lost: 0, withdrawn: 0 },
    { kind: "reconsideration", outcome: "ordered_to_perform", corrected: 1, lost: 0, withdrawn: 0 },
    { kind: "reconsideration", outcome: "upheld", corrected: 0, lost: 0, withdrawn: 0 },
    { kind: "reconsideration", outcome: "withdrawn", corrected: 0, lost: 0, withdrawn: 0 }, // 调撤 is litigation's figure only
    { kind: "litigation", outcome: "revoked", corrected: 0, lost: 1, withdrawn: 0 },
    { kind: "行政诉讼", outcome: "ordered_to_perform", corrected: 0, lost: 1, withdrawn: 0 },
    { kind: "litigation", outcome: "dismissed", corrected: 0, lost: 0, withdrawn: 0 },
    { kind: "litigation", outcome: "withdrawn", corrected: 0, lost: 0, withdrawn: 1 },
    { kind: "行政诉讼", outcome: "settled", corrected: 0, lost: 0, withdrawn: 1 },
  ])("$kind $outcome → corrected $corrected, lost $lost, withdrawn_or_settled $withdrawn", ({ kind, outcome, corrected, lost, withdrawn }) => {
    const l = report([decided("A", kind, outcome)], "2024-04");
    const isRecon = kind === "reconsideration" || kind === "行政复议";
    expect(l.reconsideration).toMatchObject({ decided: isRecon ? 1 : 0, corrected, correction_rate: isRecon ? corrected : null });
    expect(l.litigation).toMatchObject({
      decided: isRecon ? 0 : 1,
      lost,
      loss_rate: isRecon ? null : lost,
      withdrawn_or_settled: withdrawn,
      withdrawal_rate: isRecon ? null : withdrawn,
    });
    // the top-level figures keep counting both kinds
    expect([l.decided, l.lost]).toEqual([1, corrected + lost]);
  });

  it("rates over the kind's cases decided in P; decisions of other months and open cases are left out", () => {
    const l = report(
      [
        decided("R1", "reconsideration", "revoked"),
        decided("R2", "reconsideration", "upheld"),
        decided("R3", "reconsideration", "dismissed"),
        decided("R4", "reconsideration", "revoked", "2024-03-31T15:59:59Z"), // March
        decided("L1", "litigation", "confirmed_illegal"),
        decided("L2", "litigation", "settled"),
        decided("L3", "litigation", "withdrawn", "2024-03-31T16:00:00Z"), // April 1st, Shanghai
        decided("L4", "litigation", "upheld", "2024-05-01 00:00:00"), // May
        litigation("L5", "2024-04-20 10:00:00", { status: "hearing", hearing_at: "2024-04-18 09:30:00", head_appeared: true }),
      ],
      "2024-04",
    );
    expect(l.reconsideration).toEqual({ filed: 0, filed_prev: 0, yoy: null, decided: 3, corrected: 1, correction_rate: 1 / 3 });
    expect(l.litigation).toEqual({
      filed: 1, filed_prev: 0, yoy: null, decided: 3, lost: 1, loss_rate: 1 / 3, withdrawn_or_settled: 2, withdrawal_rate: 2 / 3,
    });
    expect([l.decided, l.lost, l.loss_rate]).toEqual([6, 2, 2 / 6]);
  });

  it("nothing decided: counts 0, rates null", () => {
    const l = report([litigation("A", "2024-04-02 10:00:00", { kind: "reconsideration" })], "2024-04");
    expect([l.reconsideration.decided, l.reconsideration.correction_rate, l.litigation.loss_rate, l.litigation.withdrawal_rate]).toEqual([0, null, null, null]);
  });
});
