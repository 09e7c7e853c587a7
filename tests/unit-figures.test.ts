// hotline.by_unit and the unit_sla / overdue_open alerts, mediation referrals and dispute types,
// and each litigation kind's decisions (REPORT.md), on hand-built records through the real
// embedded ClickHouse; explain must list as many records as each of these counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ev, lit, med, recordsStore, reg, type RecordsStore } from "./support/records-store.ts";

let rs: RecordsStore;
beforeAll(async () => {
  rs = await recordsStore("unit-figures");
});
afterAll(() => rs.close());

/** `n` orders of `unit` registered 2024-04-01, due 04-10 18:00, closed in April: the first `onTime` by the deadline. */
function unitOrders(prefix: string, unit: string, n: number, onTime: number): object[] {
  return Array.from({ length: n }, (_, i) => [
    reg(`${prefix}${i}`, "2024-04-01 09:00:00", { deadline: "2024-04-10 18:00:00" }),
    ev(`${prefix}${i}`, "派发", "2024-04-01 10:00:00", { unit }),
    ev(`${prefix}${i}`, "办结", i < onTime ? "2024-04-10 18:00:00" : "2024-04-10 18:00:01"),
  ]).flat();
}

const X = "蛇口街道执法队";
const Y = "蛇口街道城建办";
const Z = "招商街道执法队";
const W = "南山区市场监督管理局蛇口监管所";

describe("by_unit: the unit of each order's latest event carrying one", () => {
  it("orders, closings and visits of P per unit; a reassigned order moves; a unit with only a visit is listed; none without a unit", async () => {
    const hotline = [
      ...unitOrders("X", X, 10, 7),
      ev("X0", "回访", "2024-04-12 09:00:00", { satisfaction: "满意" }),
      ev("X1", "回访", "2024-04-12 09:00:00", { satisfaction: "不满意" }),
      ...unitOrders("Y", Y, 10, 8),
      reg("R", "2024-04-01 09:00:00"), ev("R", "派发", "2024-04-01 10:00:00", { unit: X }), ev("R", "派发", "2024-04-02 10:00:00", { unit: Y }),
      ...unitOrders("Z", Z, 9, 0),
      reg("M", "2024-03-01 09:00:00"), ev("M", "派发", "2024-03-01 10:00:00", { unit: W }), ev("M", "办结", "2024-03-05 09:00:00"),
      ev("M", "回访", "2024-04-02 09:00:00", { satisfaction: "基本满意" }),
      reg("N", "2024-04-01 09:00:00"), ev("N", "办结", "2024-04-02 09:00:00"),
    ];
    const r = await rs.reportOf("2024-04", { hotline });
    expect(r.hotline.by_unit).toStrictEqual([
      { unit: Y, orders: 11, closed: 10, closed_on_time: 8, on_time_close_rate: 0.8, satisfaction_rate: null },
      { unit: X, orders: 10, closed: 10, closed_on_time: 7, on_time_close_rate: 0.7, satisfaction_rate: 0.5 },
      { unit: Z, orders: 9, closed: 9, closed_on_time: 0, on_time_close_rate: 0, satisfaction_rate: null },
      { unit: W, orders: 0, closed: 0, closed_on_time: 0, on_time_close_rate: null, satisfaction_rate: 1 },
    ]);
    expect([r.hotline.orders, r.hotline.closed, r.hotline.visited, r.hotline.satisfied]).toStrictEqual([31, 30, 3, 2]);
    // 0.8 is not below 0.8; Z closed fewer than 10.
    expect(r.alerts.filter((a) => a.rule === "unit_sla")).toStrictEqual([
      { rule: "unit_sla", metric: `hotline.by_unit:${X}`, value: 0.7, message: `${X}按时办结率70%，低于80%` },
    ]);
  });

  it("units with equal orders go by closings, then by name; unit_sla alerts keep that order, not the names'", async () => {
    const hotline = [...unitOrders("S", X, 11, 8), ...unitOrders("T", Z, 11, 1), ...unitOrders("U", Y, 10, 0), reg("V", "2024-04-01 09:00:00", { deadline: "2024-04-10 18:00:00" })];
    hotline.push(ev("V", "派发", "2024-04-01 10:00:00", { unit: Y }));
    const r = await rs.reportOf("2024-04", { hotline });
    expect(r.hotline.by_unit.map((u) => [u.unit, u.orders, u.closed])).toStrictEqual([[Z, 11, 11], [X, 11, 11], [Y, 11, 10]]);
    expect(r.alerts.filter((a) => a.rule === "unit_sla").map((a) => a.message)).toStrictEqual([
      `${Z}按时办结率9%，低于80%`,
      `${X}按时办结率72.7%，低于80%`,
      `${Y}按时办结率0%，低于80%`,
    ]);
  });

  it.each([
    // C's unit has nothing in April; in May both units have only visits, so they go by name.
    { period: "2024-04", figures: [2, 1], units: [[X, 0.5]] },
    { period: "2024-05", figures: [2, 2], units: [[Y, 1], [X, 1]] },
    { period: "2024", figures: [3, 3], units: [[X, 1], [Y, 1]] },
  ])("$period: each order's latest 回访 of the period rates it, also when a later one exists", async ({ period, figures, units }) => {
    const visit = (order: string, time: string, satisfaction: string) => ev(order, "回访", time, { satisfaction });
    const hotline = [
      ...unitOrders("A", X, 1, 1), visit("A0", "2024-04-12 09:00:00", "不满意"), visit("A0", "2024-05-12 09:00:00", "满意"),
      ...unitOrders("B", X, 1, 1), visit("B0", "2024-04-13 09:00:00", "满意"),
      // Visited in March and May, not in April.
      reg("C", "2024-03-01 09:00:00"), ev("C", "派发", "2024-03-01 10:00:00", { unit: Y }), visit("C", "2024-03-12 09:00:00", "不满意"), visit("C", "2024-05-12 09:00:00", "满意"),
    ];
    const r = await rs.reportOf(period, { hotline });
    expect([r.hotline.visited, r.hotline.satisfied]).toStrictEqual(figures);
    expect(r.hotline.by_unit.map((u) => [u.unit, u.satisfaction_rate])).toStrictEqual(units);
  });

  it("overdue_open raises its alert after sla and unit_sla", async () => {
    const hotline = [...unitOrders("X", X, 10, 7), reg("O1", "2024-04-01 09:00:00"), reg("O2", "2024-04-02 09:00:00")];
    const r = await rs.reportOf("2024-04", { hotline });
    expect(r.alerts.filter((a) => ["sla", "unit_sla", "overdue_open"].includes(a.rule)).map((a) => [a.rule, a.metric, a.value, a.message])).toStrictEqual([
      ["sla", "hotline.on_time_close_rate", 0.7, "12345热线工单按时办结率70%，低于90%"],
      ["unit_sla", `hotline.by_unit:${X}`, 0.7, `${X}按时办结率70%，低于80%`],
      ["overdue_open", "hotline.overdue_open", 2, "超期未办结工单2件"],
    ]);
  });
});

describe("mediation: referrals from hotline orders and dispute types", () => {
  it("a referral counts when casepulse holds the order (any event of it); succeeded is the current status", async () => {
    const hotline = [reg("A", "2024-03-01 09:00:00"), ev("B", "派发", "2024-04-01 09:00:00")];
    const mediation = [
      med("M1", "2024-04-20 09:00:00", { referral_order_id: "A", status: "调解成功", closed_at: "2024-04-20 09:00:00" }),
      med("M2", "2024-04-20 09:00:00", { referral_order_id: "NOPE", dispute_type: "邻里纠纷" }),
      med("M3", "2024-04-20 09:00:00", { referral_order_id: "B", status: "调解中" }),
      med("M4", "2024-03-20 09:00:00", { referral_order_id: "A", registered_at: "2024-03-02 09:00:00" }),
      med("M5", "2024-05-20 09:00:00", { referral_order_id: "A", dispute_type: "劳动争议", status: "调解成功", closed_at: "2024-05-20 09:00:00" }),
      // The latest snapshot no longer names the order.
      med("M6", "2024-04-05 09:00:00", { referral_order_id: "A" }),
      med("M6", "2024-04-06 09:00:00", { dispute_type: "邻里纠纷" }),
    ];
    const m = (await rs.reportOf("2024-04", { hotline, mediation })).mediation;
    expect([m.registered, m.referred, m.referred_succeeded, m.succeeded]).toStrictEqual([5, 3, 2, 1]);
    expect(m.by_dispute_type).toStrictEqual([
      { dispute_type: "物业纠纷", registered: 2, succeeded: 1 },
      { dispute_type: "邻里纠纷", registered: 2, succeeded: 0 },
      { dispute_type: "劳动争议", registered: 1, succeeded: 1 },
    ]);
  });

  it("no cases: no referrals and no dispute types", async () => {
    const m = (await rs.reportOf("2024-04", { hotline: [reg("A", "2024-04-01 09:00:00")] })).mediation;
    expect([m.referred, m.referred_succeeded, m.by_dispute_type]).toStrictEqual([0, 0, []]);
  });
});

describe("litigation: each kind's decisions of P", () => {
  const decided = (caseId: string, kind: string, outcome: string, at = "2024-04-20 09:00:00") =>
    lit(caseId, at, { kind, status: "decided", outcome, decided_at: at });
  it("a lost reconsideration corrected the agency; a lost suit is lost; withdrawn or settled suits are 调撤", async () => {
    const litigation = [
      decided("R1", "行政复议", "revoked"), decided("R2", "reconsideration", "upheld"), decided("R3", "行政复议", "withdrawn"),
      decided("L1", "行政诉讼", "confirmed_illegal"), decided("L2", "litigation", "settled"), decided("L3", "行政诉讼", "withdrawn"),
      decided("L4", "litigation", "dismissed"), decided("L5", "litigation", "ordered_to_perform", "2024-03-20 09:00:00"),
      lit("L6", "2024-04-20 09:00:00", { kind: "litigation" }),
    ];
    const l = (await rs.reportOf("2024-04", { litigation })).litigation;
    expect(l.reconsideration).toMatchObject({ decided: 3, corrected: 1, correction_rate: 1 / 3 });
    expect(l.litigation).toMatchObject({ decided: 4, lost: 1, loss_rate: 0.25, withdrawn_or_settled: 2, withdrawal_rate: 0.5 });
    expect([l.decided, l.lost, l.loss_rate]).toStrictEqual([7, 2, 2 / 7]);
  });

  it("nothing decided: null rates", async () => {
    const l = (await rs.reportOf("2024-04", { litigation: [lit("R1", "2024-04-20 09:00:00")] })).litigation;
    expect(l.reconsideration).toMatchObject({ decided: 0, corrected: 0, correction_rate: null });
    expect(l.litigation).toMatchObject({ decided: 0, lost: 0, loss_rate: null, withdrawn_or_settled: 0, withdrawal_rate: null });
  });
});
