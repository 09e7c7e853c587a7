// The hotline process figures of REPORT.md (returned, reopened, accepted_in_time,
// close_hours_median), the backlog at the end of P (overdue_open, overdue_list) and the repeat
// callers, on hand-built events through the real embedded ClickHouse. Each case states its events
// and the figures they give, worked out by hand; explain must list as many records as each count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HotlineBlock, ReportOptions } from "@casepulse/reporting";
import { ev, recordsStore, reg, type RecordsStore } from "./support/records-store.ts";

let rs: RecordsStore;
beforeAll(async () => {
  rs = await recordsStore("process-figures");
});
afterAll(() => rs.close());

describe("returned, reopened, accepted in time", () => {
  it.each<{ name: string; hotline: object[]; options?: ReportOptions; expect: Partial<HotlineBlock> }>([
    {
      name: "a 退回 or 重启 at any time marks an order of P, also after P; an order of another period is not counted",
      hotline: [
        reg("A", "2024-04-01 09:00:00"), ev("A", "退回", "2024-04-02 09:00:00"),
        reg("B", "2024-04-01 09:00:00"), ev("B", "办结", "2024-04-05 09:00:00"), ev("B", "重启", "2024-05-10 09:00:00"),
        reg("C", "2024-03-15 09:00:00"), ev("C", "退回", "2024-04-02 09:00:00"), ev("C", "重启", "2024-04-03 09:00:00"),
        reg("D", "2024-04-01 09:00:00"),
      ],
      expect: { orders: 3, returned: 1, return_rate: 1 / 3, reopened: 1, reopen_rate: 1 / 3 },
    },
    {
      name: "the earliest 签收 at most 24 h after the latest 登记 is in time: exactly 24 h is, a millisecond more is not, none is not",
      hotline: [
        reg("A", "2024-04-01 09:00:00"), ev("A", "签收", "2024-04-02 09:00:00"),
        reg("B", "2024-04-01 09:00:00"), ev("B", "签收", "2024-04-02T01:00:00.001Z"),
        reg("C", "2024-04-01 09:00:00"),
        // The later 签收 comes first in the file: the earliest one is judged.
        reg("D", "2024-04-01 09:00:00"), ev("D", "签收", "2024-04-05 09:00:00"), ev("D", "签收", "2024-04-01 10:00:00"),
        // A second 登记 moves the registration time: 23 h before the 签收.
        reg("E", "2024-04-01 09:00:00"), ev("E", "签收", "2024-04-03 09:00:00"), reg("E", "2024-04-02 10:00:00"),
      ],
      expect: { orders: 5, accepted_in_time: 3, acceptance_rate: 0.6 },
    },
    {
      name: "CASEPULSE_ACCEPT_HOURS widens the window (48 h)",
      options: { acceptHours: 48 },
      hotline: [
        reg("A", "2024-04-01 09:00:00"), ev("A", "签收", "2024-04-03 09:00:00"),
        reg("B", "2024-04-01 09:00:00"), ev("B", "签收", "2024-04-03 09:00:01"),
        reg("C", "2024-04-01 09:00:00"), ev("C", "签收", "2024-04-02T01:00:00.001Z"),
      ],
      expect: { orders: 3, accepted_in_time: 2, acceptance_rate: 2 / 3 },
    },
    {
      name: "no orders: every process rate is null",
      hotline: [ev("A", "退回", "2024-04-02 09:00:00"), ev("A", "签收", "2024-04-02 10:00:00")],
      expect: { orders: 0, returned: 0, return_rate: null, reopened: 0, reopen_rate: null, accepted_in_time: 0, acceptance_rate: null },
    },
  ])("$name", async ({ hotline, options, expect: figures }) => {
    expect((await rs.reportOf("2024-04", { hotline }, options)).hotline).toMatchObject(figures);
  });
});

describe("close_hours_median: closed orders of P with a 登记, hours from registration to closing", () => {
  it.each<{ name: string; hotline: object[]; median: number | null }>([
    {
      name: "an even count gives the mean of the two middle values; no 登记, or closed after P, or reopened and open: left out",
      hotline: [
        reg("A", "2024-04-01 00:00:00"), ev("A", "办结", "2024-04-01 10:00:00"),
        reg("B", "2024-04-01 00:00:00"), ev("B", "办结", "2024-04-02 00:00:00"),
        reg("C", "2024-03-20 00:00:00"), ev("C", "办结", "2024-04-03 00:00:00"),
        reg("D", "2024-04-01 00:00:00"), ev("D", "办结", "2024-04-01 05:00:00"),
        ev("E", "派发", "2024-04-01 00:00:00"), ev("E", "办结", "2024-04-01 01:00:00"),
        reg("F", "2024-04-01 00:00:00"), ev("F", "办结", "2024-05-02 00:00:00"),
        reg("G", "2024-04-01 00:00:00"), ev("G", "办结", "2024-04-01 01:00:00"), ev("G", "重启", "2024-04-02 00:00:00"),
      ],
      // 5, 10, 24 and 336 hours.
      median: 17,
    },
    {
      name: "an odd count gives the middle value; a 回访 after the 办结 keeps it closed",
      hotline: [
        reg("A", "2024-04-01 00:00:00"), ev("A", "办结", "2024-04-01 01:30:00"), ev("A", "回访", "2024-04-02 00:00:00", { satisfaction: "满意" }),
        reg("B", "2024-04-01 00:00:00"), ev("B", "办结", "2024-04-01 02:20:00"),
        reg("C", "2024-04-01 00:00:00"), ev("C", "办结", "2024-04-03 00:00:00"),
      ],
      median: 2.33,
    },
    { name: "18 s is 0.005 h: a half rounds up to 0.01", hotline: [reg("A", "2024-04-01 09:00:00"), ev("A", "办结", "2024-04-01 09:00:18")], median: 0.01 },
    {
      name: "the mean of 1 and 2 minutes is 0.025 h: 0.03",
      hotline: [reg("A", "2024-04-01 09:00:00"), ev("A", "办结", "2024-04-01 09:01:00"), reg("B", "2024-04-01 09:00:00"), ev("B", "办结", "2024-04-01 09:02:00")],
      median: 0.03,
    },
    { name: "17.999 s is below the half: 0", hotline: [reg("A", "2024-04-01 09:00:00"), ev("A", "办结", "2024-04-01T01:00:17.999Z")], median: 0 },
    { name: "nothing closed in P: null", hotline: [reg("A", "2024-04-01 09:00:00")], median: null },
  ])("$name", async ({ hotline, median }) => {
    expect((await rs.reportOf("2024-04", { hotline })).hotline.close_hours_median).toBe(median);
  });
});

// The end of April is 2024-05-01 00:00 in Shanghai; of 2024, 2025-01-01 00:00.
const BACKLOG = [
  reg("A", "2024-04-10 09:00:00", { deadline: "2024-04-20 18:00:00" }),
  // Closed after the end of April: open when April ended, with the unit it had then.
  reg("B", "2024-04-10 09:00:00", { deadline: "2024-04-20 18:00:00" }), ev("B", "派发", "2024-04-11 09:00:00", { unit: "蛇口街道执法队" }),
  ev("B", "办结", "2024-05-03 09:00:00", { unit: "蛇口街道城建办" }),
  reg("C", "2024-04-10 09:00:00", { deadline: "2024-04-20 18:00:00" }), ev("C", "办结", "2024-04-25 09:00:00"),
  reg("D", "2024-04-10 09:00:00", { deadline: "2024-05-05 18:00:00" }),
  // Its deadline extended, and a unit given, only after the end of April.
  reg("E", "2024-04-10 09:00:00", { deadline: "2024-04-30 18:00:00" }),
  ev("E", "派发", "2024-05-02 09:00:00", { deadline: "2024-05-10 18:00:00", unit: "蛇口街道城建办" }),
  // Registered before April, closed, reopened in April without a new deadline.
  reg("F", "2024-03-01 09:00:00", { deadline: "2024-03-10 18:00:00", community: "蛇口社区" }), ev("F", "派发", "2024-03-01 10:00:00", { unit: "蛇口街道执法队" }),
  ev("F", "办结", "2024-03-09 09:00:00"), ev("F", "重启", "2024-04-05 09:00:00"),
  reg("G", "2024-05-02 09:00:00", { deadline: "2024-05-12 18:00:00" }),
  ev("H", "派发", "2024-04-02 09:00:00", { deadline: "2024-04-10 18:00:00" }),
  // Its latest event is a 回访: closed, though it has no 办结.
  reg("I", "2024-04-10 09:00:00", { deadline: "2024-04-20 18:00:00" }), ev("I", "回访", "2024-04-25 09:00:00", { satisfaction: "满意" }),
  reg("J", "2024-04-10 09:00:00", { deadline: "2024-05-01 00:00:00" }),
];
const overdue = (order_id: string, deadline: string, overdue_days: number, unit: string | null = null, community = "湾厦社区") => ({
  order_id, deadline, overdue_days, community, category: "城乡建设/违法建设", unit,
});

describe("overdue_open and overdue_list: the backlog as the events before the end of P leave it", () => {
  it.each([
    {
      period: "2024-04",
      list: [
        overdue("F", "2024-03-10T18:00:00+08:00", 51, "蛇口街道执法队", "蛇口社区"),
        overdue("A", "2024-04-20T18:00:00+08:00", 10),
        overdue("B", "2024-04-20T18:00:00+08:00", 10, "蛇口街道执法队"),
        overdue("E", "2024-04-30T18:00:00+08:00", 0),
      ],
    },
    {
      period: "2024",
      list: [
        overdue("F", "2024-03-10T18:00:00+08:00", 296, "蛇口街道执法队", "蛇口社区"),
        overdue("A", "2024-04-20T18:00:00+08:00", 255),
        overdue("J", "2024-05-01T00:00:00+08:00", 245),
        overdue("D", "2024-05-05T18:00:00+08:00", 240),
        overdue("E", "2024-05-10T18:00:00+08:00", 235, "蛇口街道城建办"),
        overdue("G", "2024-05-12T18:00:00+08:00", 233),
      ],
    },
  ])("$period", async ({ period, list }) => {
    const h = (await rs.reportOf(period, { hotline: BACKLOG })).hotline;
    expect(h.overdue_list).toStrictEqual(list);
    expect(h.overdue_open).toBe(list.length);
  });

  it("the list holds the 20 earliest deadlines (ties by order_id); overdue_open counts them all", async () => {
    const hotline = Array.from({ length: 23 }, (_, i) =>
      reg(`K${String(22 - i).padStart(2, "0")}`, "2024-04-01 09:00:00", { deadline: `2024-04-${String(10 + Math.floor(i / 2)).padStart(2, "0")} 18:00:00` }),
    );
    const h = (await rs.reportOf("2024-04", { hotline })).hotline;
    expect(h.overdue_open).toBe(23);
    expect(h.overdue_list.map((o) => o.order_id)).toStrictEqual([
      "K21", "K22", "K19", "K20", "K17", "K18", "K15", "K16", "K13", "K14", "K11", "K12", "K09", "K10", "K07", "K08", "K05", "K06", "K03", "K04",
    ]);
    expect(h.overdue_list[19]!.deadline).toBe("2024-04-19T18:00:00+08:00");
  });
});

describe("repeat callers: at least three orders of P, by the caller of each order's latest event carrying one", () => {
  it("exactly three orders make a repeat caller; two, or three with one outside P, do not; a later phone moves an order", async () => {
    const call = (order: string, phone: string, time = "2024-04-05 09:00:00") => reg(order, time, { caller_phone: phone });
    const hotline = [
      call("P1a", "13800000001"), call("P1b", "13800000001"), call("P1c", "13800000001"),
      call("P2a", "13800000002"), call("P2b", "13800000002"),
      call("P3a", "13800000003"), call("P3b", "13800000003"), call("P3c", "13800000003", "2024-03-05 09:00:00"),
      call("P4a", "13800000004"), call("P4b", "13800000004"), call("P4c", "13800000004"), call("P4d", "13800000004"),
      ev("P4d", "派发", "2024-04-06 09:00:00", { caller_phone: "13800000005" }),
      reg("N1", "2024-04-05 09:00:00"),
    ];
    const h = (await rs.reportOf("2024-04", { hotline })).hotline;
    expect([h.orders, h.repeat_callers, h.repeat_caller_orders]).toStrictEqual([12, 2, 6]);
  });
});
