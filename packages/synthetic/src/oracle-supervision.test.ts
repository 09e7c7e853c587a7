import { describe, expect, it } from "vitest";
import { expectedReport } from "./expected-report.ts";
import type { SupervisionSnapshot } from "./feed-types.ts";
import { litigation, supervision, truth } from "./truth-builder.ts";

const report = (snapshots: SupervisionSnapshot[], period: string) => expectedReport(truth({ supervision: snapshots }), period);
const figures = (snapshots: SupervisionSnapshot[], period: string) => {
  const s = report(snapshots, period).supervision;
  return [s.received, s.replied, s.replied_on_time, s.late];
};

describe("supervision: the latest snapshot (by updated_at) is the item", () => {
  const REC = { received_at: "2024-04-02 09:00:00", due_at: "2024-05-31 18:00:00" };
  const open = supervision("S1", "2024-04-02 10:00:00", REC);
  const replied = supervision("S1", "2024-04-20 10:00:00", { ...REC, status: "已答复", replied_at: "2024-04-19 16:00:00" });
  const closed = supervision("S1", "2024-04-25 10:00:00", { ...REC, status: "已办结", replied_at: "2024-04-19 16:00:00" });
  const lateDue = { received_at: "2024-04-02 09:00:00", due_at: "2024-04-15 00:00:00" };
  const repliedLate = supervision("S2", "2024-04-20 10:00:00", { ...lateDue, status: "已答复", replied_at: "2024-04-19 16:00:00" });
  it.each<{ name: string; snapshots: SupervisionSnapshot[]; april: number[] }>([
    { name: "办理中 → 已答复 → 已办结 in order", snapshots: [open, replied, closed], april: [1, 1, 1, 0] },
    { name: "the same arriving backwards", snapshots: [closed, replied, open], april: [1, 1, 1, 0] },
    { name: "not replied yet, due in May", snapshots: [open], april: [1, 0, 0, 0] },
    {
      name: "reopened by a later 办理中",
      snapshots: [open, replied, supervision("S1", "2024-04-22 10:00:00", REC)],
      april: [1, 0, 0, 0],
    },
    {
      name: "received_at corrected into May",
      snapshots: [open, supervision("S1", "2024-04-05 10:00:00", { ...REC, received_at: "2024-05-02 09:00:00" })],
      april: [0, 0, 0, 0],
    },
    { name: "replied after due_at", snapshots: [repliedLate], april: [1, 1, 0, 1] },
    {
      name: "the deadline extended by a later snapshot makes that reply on time",
      snapshots: [repliedLate, supervision("S2", "2024-04-21 10:00:00", { ...lateDue, due_at: "2024-05-15 00:00:00", status: "已答复", replied_at: "2024-04-19 16:00:00" })],
      april: [1, 1, 1, 0],
    },
  ])("$name → April: received, replied, on time, late = $april", ({ snapshots, april }) => {
    expect(figures(snapshots, "2024-04")).toEqual(april);
  });

  it.each([
    { idOpen: "b", idReplied: "a", replied: 0 },
    { idOpen: "a", idReplied: "b", replied: 1 },
  ])("same updated_at: the greater msg_id wins (open $idOpen, replied $idReplied → replied $replied)", ({ idOpen, idReplied, replied }) => {
    const snapshots = [
      supervision("S1", "2024-04-20 10:00:00", { ...REC, msg_id: idOpen }),
      supervision("S1", "2024-04-20T02:00:00Z", { ...REC, msg_id: idReplied, status: "已答复", replied_at: "2024-04-19 16:00:00" }),
    ];
    expect(report(snapshots, "2024-04").supervision.replied).toBe(replied);
  });
});

describe("supervision: received, replied, on time and late in a period", () => {
  // One item each; April 2024 ends at 2024-05-01 00:00 Shanghai = 2024-04-30T16:00:00Z.
  const FAR = "2099-01-01 00:00:00";
  const cases: { name: string; r: string; due: string; replied?: string; april: number[] }[] = [
    { name: "replied before due", r: "2024-04-02 09:00:00", due: "2024-05-31 18:00:00", replied: "2024-04-19 16:00:00", april: [1, 1, 1, 0] },
    { name: "replied exactly at due_at (in UTC)", r: "2024-04-02 09:00:00", due: "2024-04-30 18:00:00", replied: "2024-04-30T10:00:00Z", april: [1, 1, 1, 0] },
    { name: "replied a second after due_at", r: "2024-04-02 09:00:00", due: "2024-04-30 18:00:00", replied: "2024-04-30 18:00:01", april: [1, 1, 0, 1] },
    { name: "replied late, after the end of P", r: "2024-04-10 09:00:00", due: "2024-04-25 18:00:00", replied: "2024-05-10 10:00:00", april: [1, 1, 0, 1] },
    { name: "open, due in the last second of P", r: "2024-04-10 09:00:00", due: "2024-04-30T15:59:59Z", april: [1, 0, 0, 1] },
    { name: "open, due exactly at the end of P", r: "2024-04-10 09:00:00", due: "2024-05-01 00:00:00", april: [1, 0, 0, 0] },
    { name: "open, due after P", r: "2024-04-10 09:00:00", due: "2024-06-15 18:00:00", april: [1, 0, 0, 0] },
    { name: "received on March 31 at 16:30Z is April in Shanghai", r: "2024-03-31T16:30:00Z", due: FAR, april: [1, 0, 0, 0] },
    { name: "received at 23:59:59 on March 31 is March", r: "2024-03-31 23:59:59", due: "2024-04-10 18:00:00", april: [0, 0, 0, 0] },
    { name: "received in March, replied late in April", r: "2024-03-10 09:00:00", due: "2024-04-01 18:00:00", replied: "2024-04-05 10:00:00", april: [0, 0, 0, 0] },
    { name: "a date-only deadline (00:00), replied later that day", r: "2024-04-10 09:00:00", due: "2024-04-26 00:00:00", replied: "2024-04-26 09:30:00", april: [1, 1, 0, 1] },
  ];
  const items = cases.map((c, i) =>
    supervision(`I${i}`, "2024-06-01 10:00:00", {
      received_at: c.r,
      due_at: c.due,
      ...(c.replied === undefined ? {} : { status: i % 2 === 0 ? "已答复" : "已办结", replied_at: c.replied }),
    }),
  );

  it.each(cases.map((c, i) => ({ ...c, item: items[i] as SupervisionSnapshot })))("$name → April $april", ({ item, april }) => {
    expect(figures([item], "2024-04")).toEqual(april);
  });

  it.each([
    // April: received 1–8 and 11; replied 1–4, 11; on time 1, 2; late 3, 4, 5, 11.
    { period: "2024-04", received: 9, replied: 5, onTime: 2, late: 4 },
    // 2024: all 11; replied also 10; late adds 6, 7 (open, due in 2024), 9 (open), 10 (replied late).
    { period: "2024", received: 11, replied: 6, onTime: 2, late: 8 },
  ])("all of them in $period: $received received, $replied replied, $onTime on time, $late late", ({ period, received, replied, onTime, late }) => {
    const s = report(items, period).supervision;
    expect([s.received, s.replied, s.replied_on_time, s.on_time_reply_rate, s.late]).toEqual([received, replied, onTime, onTime / received, late]);
  });

  it("a period without items: zeros, rate null, no by_kind entries", () => {
    expect(report(items, "2024-07").supervision).toEqual({ received: 0, replied: 0, replied_on_time: 0, on_time_reply_rate: null, late: 0, by_kind: [] });
  });
});

describe("supervision.by_kind", () => {
  const at = "2024-04-20 10:00:00";
  const onTime = { status: "已答复", received_at: "2024-04-02 09:00:00", due_at: "2024-05-31 18:00:00", replied_at: "2024-04-19 16:00:00" } as const;
  const snapshots = [
    supervision("A", at, { ...onTime, kind: "检察建议", level: undefined }),
    supervision("B", "2024-04-03 10:00:00", { received_at: "2024-04-02 09:00:00", level: "市" }),
    supervision("B", at, { received_at: "2024-04-02 09:00:00", level: "区" }), // level corrected: 区 counts
    supervision("C", at, { ...onTime, kind: "政协提案", level: "市", due_at: "2024-04-10 18:00:00" }),
    supervision("D", at, { ...onTime, kind: "人大建议", level: "市" }),
    supervision("E", at, { ...onTime, kind: "人大建议", level: "区" }),
    supervision("F", at, { received_at: "2024-04-02 09:00:00", kind: "检察建议", level: null }),
    supervision("F", "2024-04-21 10:00:00", { received_at: "2024-04-02 09:00:00", kind: "司法建议", level: null }), // kind corrected
    supervision("G", at, { ...onTime, kind: "政协提案", level: "区", received_at: "2024-03-02 09:00:00" }), // March
  ];

  it("one entry per (kind, level) received in P, in the order 人大建议, 政协提案, 司法建议, 检察建议, 市 before 区", () => {
    expect(report(snapshots, "2024-04").supervision.by_kind).toEqual([
      { kind: "人大建议", level: "市", received: 1, replied: 1, replied_on_time: 1 },
      { kind: "人大建议", level: "区", received: 2, replied: 1, replied_on_time: 1 },
      { kind: "政协提案", level: "市", received: 1, replied: 1, replied_on_time: 0 },
      { kind: "司法建议", level: null, received: 1, replied: 0, replied_on_time: 0 },
      { kind: "检察建议", level: null, received: 1, replied: 1, replied_on_time: 1 },
    ]);
  });

  it("the totals match the entries", () => {
    const s = report(snapshots, "2024-04").supervision;
    expect([s.received, s.replied, s.replied_on_time, s.late]).toEqual([6, 4, 3, 1]);
  });
});

describe("supervision_late alert", () => {
  const late = (id: string) =>
    supervision(id, "2024-04-20 10:00:00", { received_at: "2024-04-02 09:00:00", due_at: "2024-04-10 18:00:00", status: "已答复", replied_at: "2024-04-19 16:00:00" });
  const fine = supervision("OK", "2024-04-20 10:00:00", { received_at: "2024-04-02 09:00:00", status: "已办结", replied_at: "2024-04-19 16:00:00" });

  it.each<{ name: string; snapshots: SupervisionSnapshot[]; alerts: object[] }>([
    { name: "nothing late", snapshots: [fine], alerts: [] },
    { name: "no items at all", snapshots: [], alerts: [] },
    {
      name: "two late of three",
      snapshots: [fine, late("L1"), late("L2")],
      alerts: [{ rule: "supervision_late", metric: "supervision.late", value: 2, message: "本期交办的建议提案及司法、检察建议逾期答复2件" }],
    },
  ])("$name", ({ snapshots, alerts }) => {
    expect(report(snapshots, "2024-04").alerts).toEqual(alerts);
  });

  it("comes after the litigation rules, last in REPORT.md's order", () => {
    const lost = litigation("C1", "2024-04-10 10:00:00", { status: "decided", outcome: "revoked", decided_at: "2024-04-10 09:00:00" });
    const t = truth({ supervision: [late("L1")], litigation: [lost] });
    expect(expectedReport(t, "2024-04").alerts.map((a) => a.rule)).toEqual(["new_cause", "lost_case", "supervision_late"]);
  });
});
