import { describe, expect, it } from "vitest";
import { expectedReport } from "./expected-report.ts";
import type { HotlineEvent } from "./feed-types.ts";
import { hotline, register, truth } from "./truth-builder.ts";

const report = (events: HotlineEvent[], period: string) => expectedReport(truth({ hotline: events }), period).hotline;
const figures = (events: HotlineEvent[], period: string) => {
  const h = report(events, period);
  return { open: h.overdue_open, list: h.overdue_list };
};

// Registered in April with a deadline of 2024-04-25 18:00 Shanghai; the end of April is
// 2024-05-01 00:00 Shanghai, 5 days and 6 hours after the deadline.
const DL = "2024-04-25 18:00:00";
const reg = (id = "A", fields: Partial<HotlineEvent> = {}) =>
  register(id, "2024-04-10 09:00:00", { deadline: DL, category: "城乡建设/违法建设", community: "湾厦社区", ...fields });
const entry = (fields: Record<string, unknown> = {}) => ({
  order_id: "A",
  deadline: "2024-04-25T18:00:00+08:00",
  overdue_days: 5,
  community: "湾厦社区",
  category: "城乡建设/违法建设",
  unit: "蛇口街道执法队",
  ...fields,
});

describe("overdue_open: open at the end of P (judged on the events before it) with a deadline before it", () => {
  type Step = [HotlineEvent["event"], string, Partial<HotlineEvent>?];
  const DISPATCH: Step = ["派发", "2024-04-10 10:00:00", { unit: "蛇口街道执法队" }];
  it.each<{ name: string; steps: Step[]; april: number; may: number }>([
    { name: "still open at the export", steps: [DISPATCH], april: 1, may: 1 },
    { name: "closed in May, after the end of April: overdue in April's report, not in May's", steps: [DISPATCH, ["办结", "2024-05-03 10:00:00"]], april: 1, may: 0 },
    { name: "closed late but in April", steps: [DISPATCH, ["办结", "2024-04-28 10:00:00"]], april: 0, may: 0 },
    { name: "closed and visited: 回访 last is closed", steps: [DISPATCH, ["办结", "2024-04-20 10:00:00"], ["回访", "2024-04-29 10:00:00", { satisfaction: "满意" }]], april: 0, may: 0 },
    { name: "reopened in April after its deadline, closed in May", steps: [DISPATCH, ["办结", "2024-04-20 10:00:00"], ["重启", "2024-04-27 10:00:00"], ["办结", "2024-05-02 10:00:00"]], april: 1, may: 0 },
    { name: "reopened in April with a new deadline in May", steps: [DISPATCH, ["办结", "2024-04-20 10:00:00"], ["重启", "2024-04-27 10:00:00", { deadline: "2024-05-07 18:00:00" }]], april: 0, may: 1 },
    { name: "deadline extended into May by an April event", steps: [["派发", "2024-04-10 10:00:00", { unit: "蛇口街道执法队", deadline: "2024-05-10 18:00:00" }]], april: 0, may: 1 },
    { name: "deadline extended only after the end of April: April judges the old one", steps: [DISPATCH, ["签收", "2024-05-02 10:00:00", { deadline: "2024-06-20 18:00:00" }]], april: 1, may: 0 },
    { name: "closed in April, reopened in May: not overdue in April", steps: [DISPATCH, ["办结", "2024-04-20 10:00:00"], ["重启", "2024-05-02 10:00:00"]], april: 0, may: 1 },
  ])("$name → April $april, May $may", ({ steps, april, may }) => {
    const events = [reg(), ...steps.map(([event, at, fields]) => hotline("A", event, at, fields))];
    expect([figures(events, "2024-04").open, figures(events, "2024-05").open]).toEqual([april, may]);
  });

  it.each<{ name: string; deadline: string; open: number; days?: number }>([
    { name: "deadline exactly at the end of P is not before it", deadline: "2024-05-01 00:00:00", open: 0 },
    { name: "deadline 1 ms before the end of P: 0 whole days", deadline: "2024-04-30T15:59:59.999Z", open: 1, days: 0 },
    { name: "deadline exactly one day before the end of P: 1 day", deadline: "2024-04-30 00:00:00", open: 1, days: 1 },
    { name: "deadline one day and 1 ms before: 1 day", deadline: "2024-04-29T15:59:59.999Z", open: 1, days: 1 },
    { name: "5 days 6 hours: 5 days", deadline: DL, open: 1, days: 5 },
    { name: "deadline in March, written in UTC", deadline: "2024-03-31T10:00:00Z", open: 1, days: 30 },
  ])("$name", ({ deadline, open, days }) => {
    const f = figures([reg("A", { deadline })], "2024-04");
    expect(f.open).toBe(open);
    expect(f.list.map((x) => x.overdue_days)).toEqual(days === undefined ? [] : [days]);
  });

  it("only orders registered before the end of P; orders without 登记 are never overdue", () => {
    const events = [
      register("A", "2024-03-05 09:00:00", { deadline: "2024-03-20 18:00:00" }), // March's order, still open
      register("B", "2024-05-02 09:00:00", { deadline: "2024-04-20 18:00:00" }), // registered after April
      hotline("C", "派发", "2024-04-02 09:00:00", { deadline: "2024-04-10 18:00:00" }), // no 登记
    ];
    expect(figures(events, "2024-04").list.map((x) => x.order_id)).toEqual(["A"]);
    expect(figures(events, "2024-03").list.map((x) => x.order_id)).toEqual(["A"]);
    expect(figures(events, "2024-05").list.map((x) => x.order_id)).toEqual(["A", "B"]);
    expect(figures(events, "2024-02").open).toBe(0);
  });

  it("an annual report judges at the end of the year", () => {
    const events = [register("A", "2024-12-20 09:00:00", { deadline: "2024-12-25 18:00:00" }), hotline("A", "办结", "2025-01-03 09:00:00")];
    expect(figures(events, "2024").list).toEqual([
      { order_id: "A", deadline: "2024-12-25T18:00:00+08:00", overdue_days: 6, community: "湾厦社区", category: "城乡建设/违法建设", unit: null },
    ]);
    expect(figures(events, "2025").open).toBe(0);
  });
});

describe("overdue_list: the first 20, earliest deadline first, ties by order_id; attributes as of the end of P", () => {
  it("deadline in Shanghai time with +08:00; community, category and unit from the events before the end of P", () => {
    const events = [
      reg("A", { deadline: "2024-04-25T10:00:00Z" }),
      hotline("A", "派发", "2024-04-11 10:00:00", { unit: "南山区生态环境局", category: "环境保护/噪音扰民" }),
      hotline("A", "派发", "2024-05-02 10:00:00", { unit: "蛇口街道执法队", category: "城乡建设/市政设施", community: "渔一社区" }),
    ];
    expect(figures(events, "2024-04").list).toEqual([entry({ unit: "南山区生态环境局", category: "环境保护/噪音扰民" })]);
  });

  it("milliseconds of a deadline are kept; null where no event carries the attribute", () => {
    const events = [register("A", "2024-04-10 09:00:00", { deadline: "2024-04-25T10:00:00.250Z", community: "渔二社区" })];
    expect(figures(events, "2024-04").list).toEqual([
      { order_id: "A", deadline: "2024-04-25T18:00:00.250+08:00", overdue_days: 5, community: "渔二社区", category: "城乡建设/违法建设", unit: null },
    ]);
  });

  it("25 overdue orders: the count is 25, the list the first 20", () => {
    // O00…O24; deadlines on April 1–5 (five orders each), ids given out of order
    const ids = Array.from({ length: 25 }, (_, i) => `O${String(24 - i).padStart(2, "0")}`);
    const events = ids.map((id, i) => register(id, "2024-03-25 09:00:00", { deadline: `2024-04-0${1 + (i % 5)} 18:00:00` }));
    const f = figures(events, "2024-04");
    expect(f.open).toBe(25);
    const byDay = (day: number) => ids.filter((_, i) => i % 5 === day - 1).sort();
    expect(f.list.map((x) => x.order_id)).toEqual([...byDay(1), ...byDay(2), ...byDay(3), ...byDay(4)]);
    expect(f.list.map((x) => x.overdue_days)).toEqual([29, 28, 27, 26].flatMap((d) => [d, d, d, d, d]));
  });

  it("ties by order_id compare code points", () => {
    const events = ["SZ2𠀀", "SZ2（", "SZ1"].map((id) => register(id, "2024-04-02 09:00:00", { deadline: DL }));
    expect(figures(events, "2024-04").list.map((x) => x.order_id)).toEqual(["SZ1", "SZ2（", "SZ2𠀀"]);
  });
});
