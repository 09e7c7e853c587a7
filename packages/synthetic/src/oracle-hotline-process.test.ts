import { describe, expect, it } from "vitest";
import { expectedReport } from "./expected-report.ts";
import type { HotlineEvent } from "./feed-types.ts";
import { medianHours } from "./oracle-hotline-process.ts";
import { hotline, register, truth } from "./truth-builder.ts";

const report = (events: HotlineEvent[], period: string, acceptHours?: number) =>
  expectedReport(truth({ hotline: events }), period, acceptHours === undefined ? {} : { acceptHours }).hotline;
const HOUR = 3_600_000;

describe("returned / reopened: orders of P with a 退回 / 重启 at any time", () => {
  it("counts each order once, whenever its step was, and only orders registered in P", () => {
    const events = [
      register("A", "2024-04-02 09:00:00"),
      hotline("A", "退回", "2024-04-03 09:00:00"),
      hotline("A", "退回", "2024-04-04 09:00:00"), // twice: still one order
      register("B", "2024-04-05 09:00:00"),
      hotline("B", "重启", "2024-06-20 09:00:00"), // reopened two months later: in April's figure
      register("C", "2024-04-06 09:00:00"),
      hotline("C", "退回", "2024-04-07 09:00:00"),
      hotline("C", "重启", "2024-04-20 09:00:00"),
      register("D", "2024-04-07 09:00:00"),
      register("E", "2024-03-30 09:00:00"), // registered in March: not April's
      hotline("E", "退回", "2024-04-02 09:00:00"),
      hotline("F", "重启", "2024-04-02 09:00:00"), // never registered
    ];
    const h = report(events, "2024-04");
    expect([h.orders, h.returned, h.return_rate, h.reopened, h.reopen_rate]).toEqual([4, 2, 0.5, 2, 0.5]);
    const m = report(events, "2024-03");
    expect([m.orders, m.returned, m.reopened]).toEqual([1, 1, 0]);
  });

  it("rates are null without orders", () => {
    const h = report([hotline("F", "退回", "2024-04-02 09:00:00")], "2024-04");
    expect([h.returned, h.return_rate, h.reopen_rate, h.acceptance_rate]).toEqual([0, null, null, null]);
  });
});

describe("accepted_in_time: earliest 签收 at most accept_hours after the registration time", () => {
  const REG = "2024-04-10 09:00:00";
  type Step = [HotlineEvent["event"], string, Partial<HotlineEvent>?];
  it.each<{ name: string; steps: Step[]; inTime: number; hours?: number }>([
    { name: "after 2 h", steps: [["签收", "2024-04-10 11:00:00"]], inTime: 1 },
    { name: "exactly 24 h (inclusive)", steps: [["签收", "2024-04-11 09:00:00"]], inTime: 1 },
    { name: "exactly 24 h written in UTC", steps: [["签收", "2024-04-11T01:00:00Z"]], inTime: 1 },
    { name: "24 h and 1 ms", steps: [["签收", "2024-04-11T09:00:00.001+08:00"]], inTime: 0 },
    { name: "after 30 h", steps: [["签收", "2024-04-11 15:00:00"]], inTime: 0 },
    { name: "no 签收 at all", steps: [["派发", "2024-04-10 10:00:00"]], inTime: 0 },
    { name: "the earliest of two counts: late re-acceptance after 退回", steps: [["签收", "2024-04-10 12:00:00"], ["退回", "2024-04-11 10:00:00"], ["签收", "2024-04-13 10:00:00"]], inTime: 1 },
    { name: "the earliest of two counts: first one late", steps: [["签收", "2024-04-12 12:00:00"], ["签收", "2024-04-13 10:00:00"]], inTime: 0 },
    { name: "a later 登记 is the registration time", steps: [["登记", "2024-04-11 00:00:00", { category: "城乡建设/违法建设", community: "湾厦社区", deadline: "2099-01-01 00:00:00" }], ["签收", "2024-04-11 20:00:00"]], inTime: 1 },
    { name: "30 h with accept_hours 48", steps: [["签收", "2024-04-11 15:00:00"]], inTime: 1, hours: 48 },
    { name: "exactly 12 h with accept_hours 12", steps: [["签收", "2024-04-10 21:00:00"]], inTime: 1, hours: 12 },
    { name: "12 h and 1 s with accept_hours 12", steps: [["签收", "2024-04-10 21:00:01"]], inTime: 0, hours: 12 },
  ])("$name → $inTime", ({ steps, inTime, hours }) => {
    const events = [register("A", REG), ...steps.map(([event, at, fields]) => hotline("A", event, at, fields))];
    const h = report(events, "2024-04", hours);
    expect([h.orders, h.accepted_in_time, h.acceptance_rate]).toEqual([1, inTime, inTime]);
  });

  it("acceptance_rate is over the orders of P, accepted or not", () => {
    const events = [
      register("A", REG),
      hotline("A", "签收", "2024-04-10 10:00:00"),
      register("B", REG),
      hotline("B", "签收", "2024-04-12 10:00:00"),
      register("C", REG),
      register("D", "2024-03-31 23:00:00"), // March's order accepted in April: not in April's figures
      hotline("D", "签收", "2024-04-01 01:00:00"),
    ];
    const h = report(events, "2024-04");
    expect([h.orders, h.accepted_in_time, h.acceptance_rate]).toEqual([3, 1, 1 / 3]);
  });
});

describe("close_hours_median: closing − registration, over the orders closed in P that have a 登记", () => {
  /** an order registered at 2024-04-01 00:00 Shanghai and closed `hours` later */
  const closedAfter = (id: string, hours: number, extra: HotlineEvent[] = []) => [
    register(id, "2024-04-01 00:00:00"),
    hotline(id, "办结", new Date(Date.parse("2024-03-31T16:00:00Z") + hours * HOUR).toISOString()),
    ...extra,
  ];
  it.each<{ name: string; events: HotlineEvent[]; median: number | null }>([
    { name: "nothing closed", events: [register("A", "2024-04-01 00:00:00")], median: null },
    { name: "one order, 10 h", events: closedAfter("A", 10), median: 10 },
    { name: "odd count 10, 30, 50 h", events: [...closedAfter("A", 10), ...closedAfter("B", 50), ...closedAfter("C", 30)], median: 30 },
    { name: "even count 10, 13 h: the mean of the two middle values", events: [...closedAfter("A", 10), ...closedAfter("B", 13)], median: 11.5 },
    { name: "even count 1, 2, 4, 100 h", events: [...closedAfter("A", 1), ...closedAfter("B", 2), ...closedAfter("C", 4), ...closedAfter("D", 100)], median: 3 },
    { name: "20 min rounds to 0.33", events: closedAfter("A", 1 / 3), median: 0.33 },
    { name: "40 min rounds to 0.67", events: closedAfter("A", 2 / 3), median: 0.67 },
    {
      name: "a closed order without 登记 is left out",
      events: [...closedAfter("A", 10), hotline("B", "办结", "2024-04-02 09:00:00")],
      median: 10,
    },
    {
      name: "registered in March, closed in April: counts in April",
      events: [register("A", "2024-03-30 00:00:00"), hotline("A", "办结", "2024-04-01 00:00:00")],
      median: 48,
    },
    {
      name: "reopened and not closed again: not closed, left out",
      events: [...closedAfter("A", 10), ...closedAfter("B", 20, [hotline("B", "重启", "2024-04-05 09:00:00")])],
      median: 10,
    },
    {
      name: "reopened and closed again: the latest 办结 counts",
      events: [...closedAfter("A", 10, [hotline("A", "重启", "2024-04-02 00:00:00"), hotline("A", "办结", "2024-04-03 00:00:00")])],
      median: 48,
    },
  ])("$name → $median", ({ events, median }) => {
    expect(report(events, "2024-04").close_hours_median).toBe(median);
  });

  it("closed in May is May's median, not April's", () => {
    const events = [register("A", "2024-04-30 12:00:00"), hotline("A", "办结", "2024-05-01 12:00:00")];
    expect([report(events, "2024-04").close_hours_median, report(events, "2024-05").close_hours_median, report(events, "2024").close_hours_median]).toEqual([null, 24, 24]);
  });
});

describe("medianHours: exact rounding half up to 0.01 h (36 s)", () => {
  it.each<{ ms: number[]; hours: number | null }>([
    { ms: [], hours: null },
    { ms: [18_000], hours: 0.01 }, // exactly 0.005 h rounds up
    { ms: [17_999], hours: 0 },
    { ms: [54_000], hours: 0.02 }, // 0.015 h: a float division gives 0.01499…
    { ms: [36_000 * 12_345 + 18_000], hours: 123.46 },
    { ms: [0, 36_000], hours: 0.01 }, // even count: 18,000 ms, a tie, rounds up
    { ms: [1, 2], hours: 0 }, // a half-millisecond median
    { ms: [5 * HOUR, 1 * HOUR, 3 * HOUR], hours: 3 }, // unsorted input
    { ms: [-HOUR, 3 * HOUR], hours: 1 }, // closed before a corrected 登记: negative durations count as they are
  ])("$ms → $hours", ({ ms, hours }) => {
    expect(medianHours(ms)).toBe(hours);
  });
});
