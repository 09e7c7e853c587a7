import { describe, expect, it } from "vitest";
import { expectedReport } from "./expected-report.ts";
import type { HotlineEvent, LitigationSnapshot, MediationSnapshot, ReportTruth } from "./feed-types.ts";
import { hotline, litigation, mediation, register, supervision, truth } from "./truth-builder.ts";

const alerts = (t: ReportTruth, period: string) => expectedReport(t, period).alerts;

// Every order/case gets its own id, so no two helpers' records fold into one.
let serial = 0;
const id = () => `ID${++serial}`;
const orders = (n: number, at: string, fields: Partial<HotlineEvent> = {}) => Array.from({ length: n }, () => register(id(), at, fields));
const cases = (n: number, kind: LitigationSnapshot["kind"], at: string, fields: Partial<LitigationSnapshot> = {}) =>
  Array.from({ length: n }, () => litigation(id(), at, { kind, ...fields }));
const mediations = (n: number, at: string): MediationSnapshot[] => Array.from({ length: n }, () => mediation(id(), at));

describe("yoy_increase: yoy >= 0.5 and count >= 5", () => {
  it.each<{ name: string; t: ReportTruth; fires: { metric: string; value: number; message: string }[] }>([
    {
      name: "reconsideration 4 → 7 (+75%)",
      t: truth({ litigation: [...cases(4, "reconsideration", "2023-05-10 10:00:00"), ...cases(7, "行政复议", "2024-05-10 10:00:00")] }),
      fires: [{ metric: "litigation.reconsideration.filed", value: 0.75, message: "行政复议案件同比上升75%" }],
    },
    {
      name: "litigation 8 → 13 (+62.5%, rounds half up to 63%)",
      t: truth({ litigation: [...cases(8, "litigation", "2023-05-10 10:00:00"), ...cases(13, "litigation", "2024-05-10 10:00:00")] }),
      fires: [{ metric: "litigation.litigation.filed", value: 0.625, message: "行政诉讼案件同比上升63%" }],
    },
    {
      name: "hotline 4 → 6 (+50%, exactly the threshold)",
      t: truth({ hotline: [...orders(4, "2023-05-10 10:00:00"), ...orders(6, "2024-05-10 10:00:00")] }),
      fires: [{ metric: "hotline.orders", value: 0.5, message: "12345热线工单同比上升50%" }],
    },
    {
      name: "mediation 2 → 5 (+150%)",
      t: truth({ mediation: [...mediations(2, "2023-05-10 10:00:00"), ...mediations(5, "2024-05-10 10:00:00")] }),
      fires: [{ metric: "mediation.registered", value: 1.5, message: "调解受理案件同比上升150%" }],
    },
    { name: "below the rate: 4 → 5 (+25%)", t: truth({ litigation: [...cases(4, "litigation", "2023-05-10 10:00:00"), ...cases(5, "litigation", "2024-05-10 10:00:00")] }), fires: [] },
    { name: "below the count: 2 → 4 (+100%)", t: truth({ litigation: [...cases(2, "litigation", "2023-05-10 10:00:00"), ...cases(4, "litigation", "2024-05-10 10:00:00")] }), fires: [] },
    { name: "no previous year: 0 → 9 (yoy null)", t: truth({ litigation: cases(9, "litigation", "2024-05-10 10:00:00") }), fires: [] },
  ])("$name", ({ t, fires }) => {
    const got = alerts(t, "2024-05").filter((a) => a.rule === "yoy_increase");
    expect(got).toEqual(fires.map((f) => ({ rule: "yoy_increase", ...f })));
  });
});

describe("new_cause, lost_case, head_appearance, sla", () => {
  it("new_cause: one alert per new cause, value = its cases filed in the period", () => {
    const t = truth({
      litigation: [
        ...cases(2, "litigation", "2024-05-10 10:00:00", { cause: "信息公开" }),
        ...cases(1, "reconsideration", "2024-05-10 10:00:00", { cause: "涉访回复" }),
        ...cases(1, "litigation", "2024-05-10 10:00:00", { cause: "行政处罚" }),
        ...cases(1, "litigation", "2023-12-10 10:00:00", { cause: "行政处罚" }),
      ],
    });
    expect(alerts(t, "2024-05").filter((a) => a.rule === "new_cause")).toEqual([
      { rule: "new_cause", metric: "litigation.new_causes", value: 2, message: "新增案由：信息公开" },
      { rule: "new_cause", metric: "litigation.new_causes", value: 1, message: "新增案由：涉访回复" },
    ]);
  });

  it.each([
    { outcomes: ["revoked", "ordered_to_perform", "upheld"] as const, fires: [{ rule: "lost_case", metric: "litigation.lost", value: 2, message: "本期行政复议、诉讼败诉案件2件" }] },
    { outcomes: ["upheld", "withdrawn"] as const, fires: [] },
  ])("lost_case for outcomes $outcomes", ({ outcomes, fires }) => {
    const t = truth({
      litigation: outcomes.map((outcome, i) =>
        litigation(`C${i}`, "2024-05-20 10:00:00", { filed_at: "2023-12-01 10:00:00", status: "decided", outcome, decided_at: "2024-05-19 10:00:00" }),
      ),
    });
    expect(alerts(t, "2024-05").filter((a) => a.rule === "lost_case")).toEqual(fires);
  });

  it.each([
    { appeared: [true, true, false], fires: [{ rule: "head_appearance", metric: "litigation.head_appearance_rate", value: 2 / 3, message: "行政机关负责人出庭应诉率66.6%（2/3），未做到应出尽出" }] },
    { appeared: [true, true], fires: [] },
    { appeared: [], fires: [] },
  ])("head_appearance with appearances $appeared", ({ appeared, fires }) => {
    const t = truth({
      litigation: appeared.map((head, i) =>
        litigation(`C${i}`, "2024-05-20 10:00:00", { filed_at: "2023-12-01 10:00:00", status: "hearing", hearing_at: "2024-05-19 09:30:00", head_appeared: head }),
      ),
    });
    expect(alerts(t, "2024-05").filter((a) => a.rule === "head_appearance")).toEqual(fires);
  });

  // Deadline 2024-05-10 18:00; 10 closings, `late` of them after it.
  it.each([
    { late: 2, fires: [{ rule: "sla", metric: "hotline.on_time_close_rate", value: 0.8, message: "12345热线工单按时办结率80%，低于90%" }] },
    { late: 1, fires: [] }, // 0.9 is not below 0.9
    { late: 0, fires: [] },
  ])("sla with $late of 10 closed late", ({ late, fires }) => {
    const events = Array.from({ length: 10 }, (_, i) => [
      register(`O${i}`, "2023-12-01 09:00:00", { deadline: "2024-05-10 18:00:00" }),
      hotline(`O${i}`, "办结", i < late ? "2024-05-11 09:00:00" : "2024-05-09 09:00:00"),
    ]).flat();
    expect(alerts(truth({ hotline: events }), "2024-05").filter((a) => a.rule === "sla")).toEqual(fires);
  });

  it("sla is not raised when nothing closed (rate null)", () => {
    expect(alerts(truth({ hotline: orders(3, "2024-05-02 09:00:00") }), "2024-05")).toEqual([]);
  });
});

describe("category_spike (monthly only): >= 10 orders and >= 2x the mean of the 3 months before", () => {
  const CAT = "环境保护/噪音扰民";
  const history = (feb: number, mar: number, apr: number) => [
    ...orders(feb, "2024-02-15 10:00:00", { category: CAT }),
    ...orders(mar, "2024-03-15 10:00:00", { category: CAT }),
    ...orders(apr, "2024-04-15 10:00:00", { category: CAT }),
  ];
  it.each([
    { name: "10 vs mean 5 (exactly 2x)", may: 10, before: [5, 5, 5], fires: true, message: `${CAT}类工单本月10件，前三个月月均5.0件` },
    { name: "10 vs mean 5.3", may: 10, before: [6, 5, 5], fires: false, message: "" },
    { name: "9 vs no history (below 10)", may: 9, before: [0, 0, 0], fires: false, message: "" },
    { name: "12 vs no history", may: 12, before: [0, 0, 0], fires: true, message: `${CAT}类工单本月12件，前三个月月均0.0件` },
    { name: "12 vs 15, 0, 0 (empty months count as 0: mean 5)", may: 12, before: [15, 0, 0], fires: true, message: `${CAT}类工单本月12件，前三个月月均5.0件` },
    { name: "14 vs 7, 7, 8 (mean 7.3)", may: 14, before: [7, 7, 8], fires: false, message: "" },
    { name: "15 vs 7, 7, 8 (mean 7.3)", may: 15, before: [7, 7, 8], fires: true, message: `${CAT}类工单本月15件，前三个月月均7.3件` },
  ])("$name → fires: $fires", ({ may, before, fires, message }) => {
    const [feb, mar, apr] = before as [number, number, number];
    const t = truth({ hotline: [...history(feb, mar, apr), ...orders(may, "2024-05-15 10:00:00", { category: CAT })] });
    const got = alerts(t, "2024-05").filter((a) => a.rule === "category_spike");
    expect(got).toEqual(fires ? [{ rule: "category_spike", metric: `hotline.by_category:${CAT}`, value: may, message }] : []);
  });

  it.each([
    { jan: 11, fires: false },
    { jan: 12, fires: true },
  ])("January looks back into Oct–Dec of the previous year (6 each): $jan orders → fires: $fires", ({ jan, fires }) => {
    const t = truth({
      hotline: [
        ...orders(6, "2023-10-15 10:00:00", { category: CAT }),
        ...orders(6, "2023-11-15 10:00:00", { category: CAT }),
        ...orders(6, "2023-12-15 10:00:00", { category: CAT }),
        ...orders(jan, "2024-01-15 10:00:00", { category: CAT }),
      ],
    });
    expect(alerts(t, "2024-01").filter((a) => a.rule === "category_spike").map((a) => a.value)).toEqual(fires ? [jan] : []);
    expect(alerts(t, "2024").filter((a) => a.rule === "category_spike")).toEqual([]);
  });
});

describe("unit_sla: a unit of by_unit with closed >= 10 and on_time_close_rate < 0.8", () => {
  /** `closed` orders of `unit` registered in March, closed in May, `late` of them after their deadline */
  const closings = (unit: string, closed: number, late: number) =>
    Array.from({ length: closed }, (_, i) => {
      const o = id();
      return [
        register(o, "2024-03-20 09:00:00", { deadline: "2024-05-10 18:00:00" }),
        hotline(o, "派发", "2024-03-20 10:00:00", { unit }),
        hotline(o, "办结", i < late ? "2024-05-11 09:00:00" : "2024-05-09 09:00:00"),
      ];
    }).flat();
  const U = "蛇口街道执法队";
  it.each([
    { name: "3 of 11 late: 72.7%", closed: 11, late: 3, fires: [{ value: 8 / 11, message: `${U}按时办结率72.7%，低于80%` }] },
    { name: "3 of 10 late: 70%", closed: 10, late: 3, fires: [{ value: 0.7, message: `${U}按时办结率70%，低于80%` }] },
    { name: "2 of 10 late: 80% is not below 80%", closed: 10, late: 2, fires: [] },
    { name: "9 closed, all late: fewer than 10 closed", closed: 9, late: 9, fires: [] },
    { name: "199 of 1000 late: 80.1%", closed: 1000, late: 199, fires: [] },
    { name: "201 of 1000 late: 79.9% (cut, not rounded up to 80%)", closed: 1000, late: 201, fires: [{ value: 0.799, message: `${U}按时办结率79.9%，低于80%` }] },
  ])("$name", ({ closed, late, fires }) => {
    const got = alerts(truth({ hotline: closings(U, closed, late) }), "2024-05").filter((a) => a.rule === "unit_sla");
    expect(got).toEqual(fires.map((f) => ({ rule: "unit_sla", metric: `hotline.by_unit:${U}`, ...f })));
  });

  it("several units in by_unit's order (more orders first), not by name; annual reports too", () => {
    const A = "南山区生态环境局"; // sorts before 蛇口… by name, but has fewer orders
    const t = truth({ hotline: [...closings(A, 10, 5), ...closings(U, 12, 6), ...closings("蛇口街道劳动办", 10, 0)] });
    for (const period of ["2024-05", "2024"]) {
      expect(alerts(t, period).filter((a) => a.rule === "unit_sla").map((a) => [a.metric, a.value])).toEqual([
        [`hotline.by_unit:${U}`, 0.5],
        [`hotline.by_unit:${A}`, 0.5],
      ]);
    }
  });
});

describe("overdue_open: hotline.overdue_open > 0", () => {
  it.each([
    { open: 3, fires: [{ rule: "overdue_open", metric: "hotline.overdue_open", value: 3, message: "超期未办结工单3件" }] },
    { open: 0, fires: [] },
  ])("$open orders open past their deadline at the end of May", ({ open, fires }) => {
    const t = truth({ hotline: [...orders(open, "2024-05-02 09:00:00", { deadline: "2024-05-10 18:00:00" }), ...orders(2, "2024-05-02 09:00:00")] });
    expect(alerts(t, "2024-05").filter((a) => a.rule === "overdue_open")).toEqual(fires);
  });
});

describe("alert order: by rule as REPORT.md lists them, then by metric", () => {
  it("sla, unit_sla, overdue_open, then supervision_late", () => {
    const late = Array.from({ length: 10 }, (_, i) => [
      register(`U${i}`, "2024-04-20 09:00:00", { deadline: "2024-05-10 18:00:00" }),
      hotline(`U${i}`, "派发", "2024-04-20 10:00:00", { unit: "蛇口街道执法队" }),
      hotline(`U${i}`, "办结", "2024-05-12 09:00:00"),
    ]).flat();
    const t = truth({
      hotline: [...late, ...orders(1, "2024-05-02 09:00:00", { deadline: "2024-05-03 18:00:00" })],
      supervision: [supervision("S1", "2024-05-02 10:00:00", { due_at: "2024-05-20 18:00:00" })],
    });
    expect(alerts(t, "2024-05").map((a) => a.rule)).toEqual(["sla", "unit_sla", "overdue_open", "supervision_late"]);
  });

  it("orders mixed alerts", () => {
    const t = truth({
      litigation: [
        ...cases(4, "litigation", "2023-05-10 10:00:00"),
        ...cases(7, "litigation", "2024-05-10 10:00:00"),
        ...cases(4, "reconsideration", "2023-05-10 10:00:00"),
        ...cases(7, "reconsideration", "2024-05-10 10:00:00", { status: "decided", outcome: "revoked", decided_at: "2024-05-20 10:00:00" }),
      ],
      hotline: [register("O", "2024-05-02 09:00:00", { deadline: "2024-05-03 18:00:00" }), hotline("O", "办结", "2024-05-06 09:00:00")],
    });
    expect(alerts(t, "2024-05").map((a) => `${a.rule} ${a.metric}`)).toEqual([
      "yoy_increase litigation.litigation.filed",
      "yoy_increase litigation.reconsideration.filed",
      "lost_case litigation.lost",
      "sla hotline.on_time_close_rate",
    ]);
  });
});
