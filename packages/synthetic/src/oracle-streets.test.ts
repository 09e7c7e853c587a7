// REPORT.md "Streets": a street's scoped report and the unscoped report's `streets` table, worked
// by hand on a small district (招商街道 A, 粤海街道 B, the default 蛇口街道 D, 南头街道 N).
import { describe, expect, it } from "vitest";
import { expectedReport } from "./expected-report.ts";
import type { HotlineEvent, ReportTruth } from "./feed-types.ts";
import { hotline, litigation, mediation, register, supervision, truth } from "./truth-builder.ts";

const A = "招商街道";
const B = "粤海街道";
const D = "蛇口街道";
const N = "南头街道";
const P1 = "13800000001";
const P2 = "13800000002";
const DUE = { deadline: "2024-04-10 18:00:00" };

const APRIL: ReportTruth = {
  ...truth({
    hotline: [
      register("A1", "2024-04-02 09:00:00", { ...DUE, street: A, caller_phone: P2 }),
      hotline("A1", "办结", "2024-04-05 10:00:00"),
      hotline("A1", "回访", "2024-04-06 10:00:00", { satisfaction: "满意" }),
      register("A2", "2024-04-03 09:00:00", { ...DUE, street: A, caller_phone: P2 }),
      hotline("A2", "办结", "2024-04-20 10:00:00"), // late
      hotline("A2", "回访", "2024-04-21 10:00:00", { satisfaction: "不满意" }),
      register("A3", "2024-04-04 09:00:00", { street: A, caller_phone: P2 }),
      register("A4", "2024-04-05 09:00:00", { street: A, caller_phone: P1 }),
      register("A5", "2024-04-06 09:00:00", { street: A, caller_phone: P1 }),
      // registered in A, transferred to B; open past its deadline at the end of April
      register("X", "2024-04-07 09:00:00", { ...DUE, street: A, caller_phone: P1 }),
      hotline("X", "派发", "2024-04-07 10:00:00", { street: B }),
      register("B1", "2023-04-10 09:00:00", { street: B }), // the year before, B's
      register("D1", "2024-04-08 09:00:00", DUE), // names no street
      hotline("D1", "办结", "2024-04-09 10:00:00"),
      hotline("D1", "回访", "2024-04-10 10:00:00", { satisfaction: "基本满意" }),
    ],
    mediation: [
      // A's case referred from X, an order of B: A's referral (the deployment holds X)
      mediation("MA", "2024-04-20 10:00:00", { registered_at: "2024-04-03 09:00:00", street: A, referral_order_id: "X", status: "调解成功", closed_at: "2024-04-20 10:00:00" }),
      mediation("MB", "2024-04-05 10:00:00", { street: B, referral_order_id: "SZ-not-held" }),
      mediation("MD", "2024-04-25 10:00:00", { registered_at: "2024-04-06 09:00:00", referral_order_id: "A1", status: "调解失败", closed_at: "2024-04-25 10:00:00" }),
    ],
    litigation: [
      litigation("LA", "2024-04-21 10:00:00", { filed_at: "2024-04-02 09:00:00", street: A, cause: "信息公开", status: "decided", outcome: "revoked", decided_at: "2024-04-20 10:00:00" }),
      litigation("LB0", "2023-10-10 10:00:00", { street: B, kind: "reconsideration", cause: "信息公开" }),
      litigation("LB", "2024-04-03 10:00:00", { street: B, kind: "reconsideration", cause: "行政处罚" }),
      litigation("LD0", "2023-11-01 10:00:00", { cause: "行政处罚" }),
    ],
    supervision: [
      supervision("SA", "2024-04-02 10:00:00", { street: A }),
      supervision("SD", "2024-04-10 10:00:00"),
      supervision("SN", "2023-05-01 10:00:00", { street: N }), // N has nothing in April: listed all the same
    ],
  }),
  quality: { received: 40, accepted: 36, duplicates: 3, rejected: 1 },
};

const entry = (street: string, ...v: [number, number | null, number | null, number, number | null, number, number, number, number]) => ({
  street,
  hotline_orders: v[0],
  on_time_close_rate: v[1],
  satisfaction_rate: v[2],
  mediation_registered: v[3],
  mediation_success_rate: v[4],
  reconsideration_filed: v[5],
  litigation_filed: v[6],
  lost: v[7],
  supervision_received: v[8],
});

describe("the unscoped report: every street's figures in `streets`", () => {
  const r = expectedReport(APRIL, "2024-04");
  it("scope.street is null and the figures cover every street", () => {
    expect(r.scope).toEqual({ street: null });
    expect([r.hotline.orders, r.mediation.registered, r.mediation.referred, r.supervision.received]).toEqual([7, 3, 2, 2]);
  });

  it("lists every street any order, case or item belongs to, by code point, with its own report's figures", () => {
    // 南 U+5357 < 招 U+62DB < 粤 U+7CA4 < 蛇 U+86C7
    expect(r.streets).toEqual([
      entry(N, 0, null, null, 0, null, 0, 0, 0, 0),
      entry(A, 5, 1 / 2, 1 / 2, 1, 1, 0, 1, 1, 1),
      entry(B, 1, null, null, 1, null, 1, 0, 0, 0),
      entry(D, 1, 1, 1, 1, 0, 0, 0, 0, 1),
    ]);
  });

  it("each entry is its street's scoped report, figure for figure", () => {
    for (const e of r.streets ?? []) {
      const s = expectedReport(APRIL, "2024-04", {}, e.street);
      expect(e).toEqual(entry(e.street, s.hotline.orders, s.hotline.on_time_close_rate, s.hotline.satisfaction_rate, s.mediation.registered, s.mediation.success_rate, s.litigation.reconsideration.filed, s.litigation.litigation.filed, s.litigation.lost, s.supervision.received));
    }
  });

  it("an empty store has no street; a configured default street names the records without one", () => {
    expect(expectedReport(truth({}), "2024-04").streets).toEqual([]);
    const streets = expectedReport(APRIL, "2024-04", { defaultStreet: "沙河街道" }).streets?.map((s) => s.street);
    expect(streets).toEqual([N, A, "沙河街道", B]); // 沙 U+6C99
  });
});

describe("a street's report: every figure over its own orders, cases and items", () => {
  const report = (street: string) => expectedReport(APRIL, "2024-04", {}, street);
  const rules = (street: string | null) => expectedReport(APRIL, "2024-04", {}, street).alerts.map((a) => a.rule);

  it("scope names the street; no `streets`; quality stays the deployment's (never scoped)", () => {
    const a = report(A);
    expect(a.scope).toEqual({ street: A });
    expect("streets" in a).toBe(false);
    expect(a.quality).toEqual(APRIL.quality);
    expect(a.published).toBeNull();
  });

  it.each<[string, number, number, number | null]>([
    // street, orders, orders_prev, yoy
    [A, 5, 0, null],
    [B, 1, 1, 0],
    [D, 1, 0, null],
    [N, 0, 0, null],
  ])("%s: orders %i, the year before %i (its own), yoy %s", (street, orders, prev, yoy) => {
    const h = report(street).hotline;
    expect([h.orders, h.orders_prev, h.yoy]).toEqual([orders, prev, yoy]);
  });

  it("a transferred order is its new street's: in B's orders and backlog, not in A's", () => {
    const [a, b] = [report(A).hotline, report(B).hotline];
    expect(b.overdue_list.map((o) => o.order_id)).toEqual(["X"]);
    expect([a.overdue_open, b.overdue_open]).toEqual([0, 1]);
  });

  it("repeat callers over the street's orders only (P1 has two orders in A and one in B)", () => {
    const callers = (street: string | null) => {
      const h = expectedReport(APRIL, "2024-04", {}, street).hotline;
      return [h.repeat_callers, h.repeat_caller_orders];
    };
    expect(callers(null)).toEqual([2, 6]);
    expect(callers(A)).toEqual([1, 3]);
    expect(callers(B)).toEqual([0, 0]);
  });

  it("mediation.referred counts a street's cases referred from any order the deployment holds", () => {
    const referred = (street: string) => [report(street).mediation.referred, report(street).mediation.referred_succeeded];
    expect(referred(A)).toEqual([1, 1]); // from X, B's order
    expect(referred(B)).toEqual([0, 0]); // its order is not held
    expect(referred(D)).toEqual([1, 0]); // from A1, A's order
  });

  it("new causes: a cause the street saw in no case filed in the 12 months before (others' cases aside)", () => {
    expect(expectedReport(APRIL, "2024-04").litigation.new_causes).toEqual([]);
    expect(report(A).litigation.new_causes).toEqual(["信息公开"]);
    expect(report(B).litigation.new_causes).toEqual(["行政处罚"]);
    expect(report(D).litigation.new_causes).toEqual([]);
  });

  it.each<[string | null, string[]]>([
    [null, ["yoy_increase", "lost_case", "sla", "overdue_open"]],
    [A, ["new_cause", "lost_case", "sla"]],
    [B, ["new_cause", "overdue_open"]],
    [D, []],
    [N, []],
  ])("alerts of %s: %j", (street, expected) => {
    expect(rules(street)).toEqual(expected);
  });
});

describe("the year and months before P are the street's too", () => {
  it("mediation yoy: A doubles while the district falls", () => {
    const cases = (street: string, year: number, n: number) =>
      Array.from({ length: n }, (_, i) => mediation(`${street}${year}-${i}`, `${year}-03-0${i + 1} 10:00:00`, { street }));
    const t = truth({ mediation: [...cases(A, 2023, 3), ...cases(A, 2024, 6), ...cases(B, 2023, 5), ...cases(B, 2024, 1)] });
    const yoy = (street: string | null) => {
      const r = expectedReport(t, "2024", {}, street);
      return [r.mediation.registered, r.mediation.registered_prev, r.mediation.yoy, r.alerts.filter((a) => a.rule === "yoy_increase").map((a) => a.metric)];
    };
    expect(yoy(null)).toEqual([7, 8, -1 / 8, []]);
    expect(yoy(A)).toEqual([6, 3, 1, ["mediation.registered"]]);
    expect(yoy(B)).toEqual([1, 5, -4 / 5, []]);
  });

  it("category_spike: against the street's own three months before", () => {
    const orders = (street: string, month: string, n: number): HotlineEvent[] =>
      Array.from({ length: n }, (_, i) => register(`${street}${month}-${i}`, `2024-${month}-0${(i % 9) + 1} 10:00:00`, { street, category: "市场监管/食品安全" }));
    const t = truth({ hotline: [...orders(A, "04", 10), ...["01", "02", "03"].flatMap((m) => orders(B, m, 6))] });
    const spikes = (street: string | null) => expectedReport(t, "2024-04", {}, street).alerts.filter((a) => a.rule === "category_spike").map((a) => a.message);
    expect(spikes(null)).toEqual([]); // 10 against a mean of 6
    expect(spikes(A)).toEqual(["市场监管/食品安全类工单本月10件，前三个月月均0.0件"]);
    expect(spikes(B)).toEqual([]);
  });
});
