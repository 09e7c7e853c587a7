import { describe, expect, it } from "vitest";
import { expectedReport } from "./expected-report.ts";
import type { HotlineEvent } from "./feed-types.ts";
import { hotline, register, truth } from "./truth-builder.ts";

const report = (events: HotlineEvent[], period: string) => expectedReport(truth({ hotline: events }), period).hotline;

const U1 = "蛇口街道执法队";
const U2 = "南山区生态环境局";
const U3 = "蛇口街道城市建设办公室";
/** An April order of `unit` with deadline 2024-04-20 18:00, closed on `closed` (or open), visited with `rating`. */
function order(id: string, unit: string | null, closed?: string, rating?: HotlineEvent["satisfaction"]): HotlineEvent[] {
  const events = [register(id, "2024-04-02 09:00:00", { deadline: "2024-04-20 18:00:00" })];
  if (unit !== null) events.push(hotline(id, "派发", "2024-04-02 10:00:00", { unit }));
  if (closed !== undefined) events.push(hotline(id, "办结", closed));
  if (rating !== undefined) events.push(hotline(id, "回访", "2024-04-25 10:00:00", { satisfaction: rating }));
  return events;
}
const unit = (u: string, orders: number, closed: number, onTime: number, rate: number | null, satisfaction: number | null) => ({
  unit: u,
  orders,
  closed,
  closed_on_time: onTime,
  on_time_close_rate: rate,
  satisfaction_rate: satisfaction,
});

describe("by_unit: an order's unit is that of its latest event carrying one", () => {
  it("orders, closings (on time or late) and visits of P per unit", () => {
    const events = [
      ...order("A", U1, "2024-04-10 10:00:00", "满意"),
      ...order("B", U1, "2024-04-22 10:00:00", "不满意"), // late
      ...order("C", U1),
      ...order("D", U2, "2024-04-12 10:00:00", "基本满意"),
      ...order("E", null, "2024-04-12 10:00:00", "满意"), // no unit: left out
    ];
    expect(report(events, "2024-04").by_unit).toEqual([unit(U1, 3, 2, 1, 0.5, 0.5), unit(U2, 1, 1, 1, 1, 1)]);
  });

  it("a later event's unit wins (re-dispatch after 退回, even after P); null is no unit", () => {
    const events = [
      ...order("A", U1),
      hotline("A", "退回", "2024-04-03 10:00:00", { unit: U1 }),
      hotline("A", "派发", "2024-05-03 10:00:00", { unit: U2 }),
      hotline("A", "签收", "2024-05-04 10:00:00", { unit: null }),
    ];
    expect(report(events, "2024-04").by_unit).toEqual([unit(U2, 1, 0, 0, null, null)]);
  });

  it("an order registered before P counts in P's closed and visits only; a unit with nothing in P is left out", () => {
    const events = [
      register("M", "2024-03-10 09:00:00", { deadline: "2024-04-20 18:00:00" }),
      hotline("M", "派发", "2024-03-10 10:00:00", { unit: U2 }),
      hotline("M", "办结", "2024-04-05 10:00:00"),
      register("N", "2024-03-10 09:00:00"),
      hotline("N", "派发", "2024-03-10 10:00:00", { unit: U3 }),
      hotline("N", "办结", "2024-03-20 10:00:00"),
      hotline("N", "回访", "2024-04-02 10:00:00", { satisfaction: "不满意" }), // visited in April only
      register("Q", "2024-03-10 09:00:00"),
      hotline("Q", "派发", "2024-03-10 10:00:00", { unit: "南山区教育局" }), // nothing in April
      hotline("Q", "办结", "2024-03-20 10:00:00"),
    ];
    expect(report(events, "2024-04").by_unit).toEqual([unit(U2, 0, 1, 1, 1, null), unit(U3, 0, 0, 0, null, 0)]);
  });

  it("largest orders first, then largest closed, then name by code point", () => {
    const astral = "南山区𠀀局";
    const fullwidth = "南山区（局）";
    const events = [
      ...order("A1", U3), ...order("A2", U3), // 2 orders, 0 closed
      ...order("B1", U2, "2024-04-05 10:00:00"), // 1 order, 1 closed
      ...order("C1", U1), // 1 order, 0 closed: 蛇 U+86C7 after 南 U+5357
      ...order("D1", astral), // 1 order, 0 closed: U+20000 after （ U+FF08 by code point
      ...order("E1", fullwidth),
    ];
    expect(report(events, "2024-04").by_unit.map((u) => u.unit)).toEqual([U3, U2, fullwidth, astral, U1]);
  });
});

describe("repeat_callers: callers with at least 3 orders of P (the phone of the latest event carrying one)", () => {
  const call = (id: string, phone: string | null, at = "2024-04-05 09:00:00", later: Partial<HotlineEvent>[] = []) => [
    register(id, at, phone === null ? {} : { caller_phone: phone }),
    ...later.map((fields, i) => hotline(id, "回访", `2024-04-2${i} 09:00:00`, { satisfaction: "满意", ...fields })),
  ];
  const P1 = "13800000001";
  const P2 = "13900000002";
  const P3 = "15000000003";
  it.each<{ name: string; events: HotlineEvent[]; callers: number; orders: number }>([
    { name: "a caller with exactly 3 orders", events: [...call("A", P1), ...call("B", P1), ...call("C", P1)], callers: 1, orders: 3 },
    { name: "a caller with exactly 2 orders is not one", events: [...call("A", P1), ...call("B", P1), ...call("C", P2)], callers: 0, orders: 0 },
    {
      name: "two callers with 4 and 3, one with 1",
      events: [...["A", "B", "C", "D"].flatMap((id) => call(id, P1)), ...["E", "F", "G"].flatMap((id) => call(id, P2)), ...call("H", P3)],
      callers: 2,
      orders: 7,
    },
    { name: "the third order in March does not count for April", events: [...call("A", P1), ...call("B", P1), ...call("C", P1, "2024-03-30 09:00:00")], callers: 0, orders: 0 },
    { name: "orders without a phone are no caller's", events: [...call("A", P1), ...call("B", P1), ...call("C", null), ...call("D", null), ...call("E", null)], callers: 0, orders: 0 },
    {
      name: "a later event's phone is the order's caller (2 + 1 moved over)",
      events: [...call("A", P1), ...call("B", P1), ...call("C", P2, undefined, [{ caller_phone: P1 }])],
      callers: 1,
      orders: 3,
    },
    {
      name: "a later event's phone moves an order away (3 − 1)",
      events: [...call("A", P1), ...call("B", P1), ...call("C", P1, undefined, [{ caller_phone: P2 }, {}])],
      callers: 0,
      orders: 0,
    },
    { name: "a later phone on an order registered without one", events: [...call("A", P1), ...call("B", P1), ...call("C", null, undefined, [{ caller_phone: P1 }])], callers: 1, orders: 3 },
  ])("$name → $callers callers, $orders orders", ({ events, callers, orders }) => {
    const h = report(events, "2024-04");
    expect([h.repeat_callers, h.repeat_caller_orders]).toEqual([callers, orders]);
  });

  it("a year adds up a caller's months", () => {
    const events = [...call("A", P1, "2024-01-05 09:00:00"), ...call("B", P1, "2024-04-05 09:00:00"), ...call("C", P1, "2024-12-31 23:59:59"), ...call("D", P1, "2025-01-01 00:00:00")];
    expect([report(events, "2024").repeat_callers, report(events, "2024").repeat_caller_orders, report(events, "2024-04").repeat_callers]).toEqual([1, 3, 0]);
  });
});
