import { describe, expect, it } from "vitest";
import { expectedReport } from "./expected-report.ts";
import type { HotlineEvent } from "./feed-types.ts";
import { hotline, register, truth } from "./truth-builder.ts";

const report = (events: HotlineEvent[], period: string) => expectedReport(truth({ hotline: events }), period).hotline;

describe("hotline: a registration belongs to the Shanghai month of its instant", () => {
  it.each([
    { time: "2024-03-31T17:30:00Z", inside: "2024-04", outside: "2024-03" },
    { time: "2024-03-31T16:00:00Z", inside: "2024-04", outside: "2024-03" },
    { time: "2024-03-31T15:59:59Z", inside: "2024-03", outside: "2024-04" },
    { time: "2024-03-31T15:59:59.999Z", inside: "2024-03", outside: "2024-04" },
    { time: "2024-04-01T00:00:00+08:00", inside: "2024-04", outside: "2024-03" },
    { time: "2024-04-01T01:30:00+0800", inside: "2024-04", outside: "2024-03" },
    { time: "2024-04-01T01:30+08", inside: "2024-04", outside: "2024-03" },
    { time: "2024-03-31 23:59:59", inside: "2024-03", outside: "2024-04" },
    { time: "2024-04-01 00:00:00", inside: "2024-04", outside: "2024-03" },
    { time: "2024-03-31T18:00:00-02:00", inside: "2024-04", outside: "2024-03" },
    { time: "2023-12-31T16:30:00Z", inside: "2024", outside: "2023" },
    { time: "2023-12-31T16:30:00Z", inside: "2024-01", outside: "2023-12" },
    { time: "2024-12-31T15:59:59Z", inside: "2024", outside: "2025" },
  ])("$time counts in $inside, not in $outside", ({ time, inside, outside }) => {
    const events = [register("A", time)];
    expect(report(events, inside).orders).toBe(1);
    expect(report(events, outside).orders).toBe(0);
  });
});

// Deadline 2024-04-10 18:00 Shanghai = 2024-04-10T10:00:00Z.
const DL = { deadline: "2024-04-10 18:00:00" };
type Step = [HotlineEvent["event"], string, Partial<HotlineEvent>?];

describe("hotline: closed = latest event is 办结/回访; closing time = latest 办结", () => {
  it.each<{ name: string; steps: Step[]; closed: number; onTime: number; rate: number | null }>([
    { name: "closed before the deadline", steps: [["办结", "2024-04-05 10:00:00"]], closed: 1, onTime: 1, rate: 1 },
    { name: "closed exactly at the deadline", steps: [["办结", "2024-04-10T10:00:00Z"]], closed: 1, onTime: 1, rate: 1 },
    { name: "closed one second late", steps: [["办结", "2024-04-10 18:00:01"]], closed: 1, onTime: 0, rate: 0 },
    { name: "closed then 回访", steps: [["办结", "2024-04-05 10:00:00"], ["回访", "2024-04-06 10:00:00", { satisfaction: "满意" }]], closed: 1, onTime: 1, rate: 1 },
    { name: "closed then reopened", steps: [["办结", "2024-04-05 10:00:00"], ["重启", "2024-04-06 10:00:00"]], closed: 0, onTime: 0, rate: null },
    { name: "closed, 回访, reopened", steps: [["办结", "2024-04-05 10:00:00"], ["回访", "2024-04-06 10:00:00", { satisfaction: "不满意" }], ["重启", "2024-04-07 10:00:00"]], closed: 0, onTime: 0, rate: null },
    { name: "reopened and closed again late", steps: [["办结", "2024-04-05 10:00:00"], ["重启", "2024-04-06 10:00:00"], ["办结", "2024-04-20 10:00:00"]], closed: 1, onTime: 0, rate: 0 },
    { name: "reopened with a new deadline, closed again in time", steps: [["办结", "2024-04-05 10:00:00"], ["重启", "2024-04-06 10:00:00", { deadline: "2024-04-25 18:00:00" }], ["办结", "2024-04-20 10:00:00"]], closed: 1, onTime: 1, rate: 1 },
    { name: "deadline extended on 派发", steps: [["派发", "2024-04-02 10:00:00", { deadline: "2024-04-30 18:00:00" }], ["办结", "2024-04-20 10:00:00"]], closed: 1, onTime: 1, rate: 1 },
    { name: "回访 without any 办结", steps: [["回访", "2024-04-06 10:00:00", { satisfaction: "满意" }]], closed: 0, onTime: 0, rate: null },
    { name: "only 派发 and 签收", steps: [["派发", "2024-04-02 10:00:00"], ["签收", "2024-04-02 11:00:00"]], closed: 0, onTime: 0, rate: null },
    { name: "办结 then 退回 (returned)", steps: [["办结", "2024-04-05 10:00:00"], ["退回", "2024-04-05 12:00:00"]], closed: 0, onTime: 0, rate: null },
    { name: "first close in March, reopened and closed in April", steps: [["办结", "2024-03-30 10:00:00"], ["重启", "2024-04-02 10:00:00"], ["办结", "2024-04-03 10:00:00"]], closed: 1, onTime: 1, rate: 1 },
    { name: "closed in May counts in May only", steps: [["办结", "2024-05-01 09:00:00"]], closed: 0, onTime: 0, rate: null },
  ])("$name (April: closed $closed, on time $onTime)", ({ steps, closed, onTime, rate }) => {
    const events = [register("A", "2024-03-28 09:00:00", DL), ...steps.map(([e, t, f]) => hotline("A", e, t, f))];
    // Arrival order must not matter: check as sent and reversed.
    for (const list of [events, [...events].reverse()]) {
      const h = report(list, "2024-04");
      expect([h.closed, h.closed_on_time, h.on_time_close_rate]).toEqual([closed, onTime, rate]);
    }
  });

  it.each([
    { reopenId: "m-2", closeId: "m-1", closed: 0 },
    { reopenId: "m-1", closeId: "m-2", closed: 1 },
  ])("same-instant 办结/重启: the greater msg_id is later (重启 $reopenId vs 办结 $closeId → closed $closed)", ({ reopenId, closeId, closed }) => {
    const events = [
      register("A", "2024-04-01 09:00:00", { msg_id: "m-0" }),
      hotline("A", "重启", "2024-04-05 10:00:00", { msg_id: reopenId }),
      hotline("A", "办结", "2024-04-05T02:00:00Z", { msg_id: closeId }),
    ];
    expect(report(events, "2024-04").closed).toBe(closed);
  });
});

describe("hotline: attributes come from the latest event that carries them", () => {
  const A = "城乡建设/违法建设";
  const B = "环境保护/噪音扰民";
  it.each<{ name: string; events: HotlineEvent[]; category: string }>([
    { name: "reclassified on 派发", events: [register("A", "2024-04-01 09:00:00", { category: A }), hotline("A", "派发", "2024-04-01 10:00:00", { category: B })], category: B },
    { name: "reclassified on 签收, arriving first", events: [hotline("A", "签收", "2024-04-02 10:00:00", { category: B }), register("A", "2024-04-01 09:00:00", { category: A })], category: B },
    { name: "an earlier-stamped 签收 does not override", events: [register("A", "2024-04-01 09:00:00", { category: A }), hotline("A", "签收", "2024-04-01 08:00:00", { category: B })], category: A },
    { name: "null category on a later event changes nothing", events: [register("A", "2024-04-01 09:00:00", { category: A }), hotline("A", "派发", "2024-04-01 10:00:00", { category: null })], category: A },
    { name: "same instant, 登记 has the greater msg_id", events: [register("A", "2024-04-01 09:00:00", { category: A, msg_id: "z" }), hotline("A", "派发", "2024-04-01T01:00:00Z", { category: B, msg_id: "a" })], category: A },
    { name: "same instant, 派发 has the greater msg_id", events: [register("A", "2024-04-01 09:00:00", { category: A, msg_id: "a" }), hotline("A", "派发", "2024-04-01T01:00:00Z", { category: B, msg_id: "z" })], category: B },
  ])("$name → $category", ({ events, category }) => {
    expect(report(events, "2024-04").by_category).toEqual([{ category, orders: 1 }]);
  });

  it("community corrected by a later event moves the order between communities", () => {
    const events = [
      register("A", "2024-04-01 09:00:00", { community: "渔一社区" }),
      hotline("A", "派发", "2024-04-01 10:00:00", { community: "渔二社区" }),
      register("B", "2024-04-02 09:00:00", { community: "渔一社区" }),
    ];
    expect(report(events, "2024-04").by_community).toEqual([
      { community: "渔一社区", orders: 1 },
      { community: "渔二社区", orders: 1 },
    ]);
  });

  it("by_category: largest first, ties by code point (not UTF-16 order)", () => {
    const astral = "市场监管/消费维权𠀀"; // U+20000 sorts after U+FF08 by code point, before it in UTF-16
    const fullwidth = "市场监管/消费维权（预付卡）";
    const events = [
      register("A", "2024-04-01 09:00:00", { category: astral }),
      register("B", "2024-04-01 09:00:00", { category: fullwidth }),
      register("C", "2024-04-01 09:00:00", { category: "交通运输/占道停车" }),
      register("D", "2024-04-01 09:00:00", { category: "交通运输/占道停车" }),
    ];
    expect(report(events, "2024-04").by_category).toEqual([
      { category: "交通运输/占道停车", orders: 2 },
      { category: fullwidth, orders: 1 },
      { category: astral, orders: 1 },
    ]);
  });
});

describe("hotline: repeat orders, visits, year before", () => {
  it("repeat_of set on 登记 or on a later event; null is absent", () => {
    const events = [
      register("A", "2024-04-01 09:00:00"),
      register("B", "2024-04-03 09:00:00", { repeat_of: "A" }),
      register("C", "2024-04-04 09:00:00"),
      hotline("C", "派发", "2024-04-04 10:00:00", { repeat_of: "A" }),
      register("D", "2024-04-05 09:00:00", { repeat_of: null }),
      register("E", "2024-03-05 09:00:00", { repeat_of: "A" }),
    ];
    const h = report(events, "2024-04");
    expect([h.orders, h.repeat_orders]).toEqual([4, 2]);
  });

  it.each([
    { period: "2024-04", visited: 1, satisfied: 1, rate: 1 },
    { period: "2024-05", visited: 1, satisfied: 0, rate: 0 },
    { period: "2024", visited: 1, satisfied: 0, rate: 0 },
    { period: "2024-06", visited: 0, satisfied: 0, rate: null },
  ])("visits in $period: the latest 回访 in the period rates", ({ period, visited, satisfied, rate }) => {
    const events = [
      register("A", "2024-04-01 09:00:00"),
      hotline("A", "办结", "2024-04-02 09:00:00"),
      hotline("A", "回访", "2024-04-03 09:00:00", { satisfaction: "不满意" }),
      hotline("A", "回访", "2024-04-04 09:00:00", { satisfaction: "基本满意" }),
      hotline("A", "回访", "2024-05-04 09:00:00", { satisfaction: "不满意" }),
    ];
    const h = report(events, period);
    expect([h.visited, h.satisfied, h.satisfaction_rate]).toEqual([visited, satisfied, rate]);
  });

  it.each([
    { now: 3, prev: 2, yoy: 0.5 },
    { now: 0, prev: 4, yoy: -1 },
    { now: 3, prev: 0, yoy: null },
    { now: 0, prev: 0, yoy: null },
  ])("yoy with $now this April and $prev last April = $yoy", ({ now, prev, yoy }) => {
    const events = [
      ...Array.from({ length: now }, (_, i) => register(`N${i}`, "2024-04-15 09:00:00")),
      ...Array.from({ length: prev }, (_, i) => register(`P${i}`, "2023-04-15 09:00:00")),
    ];
    const h = report(events, "2024-04");
    expect([h.orders, h.orders_prev, h.yoy]).toEqual([now, prev, yoy]);
  });

  it("an empty period has zero counts and null rates", () => {
    expect(report([], "2024-04")).toEqual({
      orders: 0, repeat_orders: 0, closed: 0, closed_on_time: 0, on_time_close_rate: null,
      visited: 0, satisfied: 0, satisfaction_rate: null, orders_prev: 0, yoy: null,
      by_category: [], by_community: [],
      returned: 0, return_rate: null, reopened: 0, reopen_rate: null, accepted_in_time: 0, acceptance_rate: null,
      close_hours_median: null, overdue_open: 0, overdue_list: [], by_unit: [], repeat_callers: 0, repeat_caller_orders: 0,
    });
  });
});
