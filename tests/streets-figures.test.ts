// REPORT.md "Streets" on hand-built records through the real embedded ClickHouse: which street an
// order, case or item belongs to (FEEDS.md "All feeds"), every figure and alert of a street's own
// report, the unscoped report's streets table, explain and the publications of each scope.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport, explainMetric, monthlySeries, parsePeriod, publishReport, type Report, type ReportOptions } from "@casepulse/reporting";
import type { Store } from "@casepulse/store";
import { reportCounts } from "./support/report-counts.ts";
import { ev, lit, med, recordsStore, reg, type Records, type RecordsStore } from "./support/records-store.ts";

const A = "招商街道";
const B = "粤海街道";
const D = "蛇口街道"; // FEEDS.md's default street
const Q = "前海街道";

/** An order due at the end of June: open in April, it is not yet overdue. */
const order = (id: string, time: string, extra: object = {}) => reg(id, time, { deadline: "2024-06-30 18:00:00", ...extra });

let msg = 0;
const sup = (item: string, extra: object = {}) => ({
  msg_id: `s${++msg}`, item_id: item, kind: "司法建议", received_at: "2024-04-01 09:00:00", due_at: "2024-04-10 18:00:00",
  updated_at: "2024-04-01 09:00:00", status: "办理中", ...extra,
});

/**
 * A district's April 2024: transfers, records naming no street, a cause one street saw before and
 * another did not, a caller with orders in two streets, a referral across streets.
 */
const DISTRICT: Records = {
  hotline: [
    // T1 registered in A, then transferred (派发) to B: B's. Its closing names no street.
    order("T1", "2024-04-01 09:00:00", { street: A }), ev("T1", "派发", "2024-04-02 09:00:00", { street: B }), ev("T1", "办结", "2024-04-05 09:00:00"),
    // T2 is B's: the event naming A is earlier by event_time, though it arrives last.
    order("T2", "2024-04-03 09:00:00", { street: B, caller_phone: "13800000001" }),
    ev("T2", "派发", "2024-04-02 08:00:00", { street: A }),
    // T3 is A's, visited in A: its visit named B, and a later event names A.
    order("T3", "2024-04-01 09:00:00", { street: A }),
    ev("T3", "回访", "2024-04-09 09:00:00", { satisfaction: "不满意", street: B }), ev("T3", "派发", "2024-04-10 09:00:00", { street: A }),
    // N1 and N2 name no street: the default street's. N2 is open past its deadline at the end of April.
    order("N1", "2024-04-05 09:00:00"), ev("N1", "办结", "2024-04-08 09:00:00"), ev("N1", "回访", "2024-04-09 09:00:00", { satisfaction: "满意" }),
    order("N2", "2024-04-06 09:00:00", { deadline: "2024-04-10 18:00:00" }),
    // A: three orders now, one a year before; O1 is open past its deadline at the end of April.
    order("A1", "2024-04-06 09:00:00", { street: A, caller_phone: "13800000001" }),
    order("O1", "2024-04-01 09:00:00", { street: A, deadline: "2024-04-10 18:00:00" }),
    order("P1", "2023-04-06 09:00:00", { street: A }),
    // The caller of T2 and A1 has three orders of April in all, two of them in B: a repeat caller of the district only.
    order("B3", "2024-04-07 09:00:00", { street: B, caller_phone: "13800000001" }),
    // Q's only order is of 2022: Q is a street of the district with no figure in April.
    order("Q1", "2022-05-01 09:00:00", { street: Q }),
  ],
  mediation: [
    // M1 was A's, and its latest snapshot names no street: the default street's.
    med("M1", "2024-04-02 10:00:00", { street: A }),
    med("M1", "2024-04-20 10:00:00", { status: "调解成功", closed_at: "2024-04-20 10:00:00" }),
    med("M2", "2024-04-03 10:00:00", { street: B, status: "调解失败", closed_at: "2024-04-03 10:00:00" }),
    // M3 in B came from T1's and A1's street's hotline: a referral counts whichever street holds the order.
    med("M3", "2024-04-04 10:00:00", { street: B, referral_order_id: "A1" }),
  ],
  litigation: [
    // 信息公开 was filed in B in January: new in A's April, not in the district's.
    lit("L0", "2024-01-10 09:00:00", { street: B, filed_at: "2024-01-10 09:00:00" }),
    lit("L1", "2024-04-03 09:00:00", { street: A }),
    lit("L2", "2024-04-15 09:00:00", { street: A, cause: "行政处罚", status: "decided", outcome: "revoked", decided_at: "2024-04-15 09:00:00" }),
  ],
  supervision: [sup("S1", { street: B }), sup("S2", { due_at: "2024-05-10 18:00:00" })],
};

let rs: RecordsStore;
let store: Store;
const reports = new Map<string, Report>();
const reportOf = async (period: string, options: ReportOptions = {}) => {
  const key = `${period}|${options.street ?? ""}|${options.defaultStreet ?? ""}`;
  if (!reports.has(key)) reports.set(key, await buildReport(store, period, options));
  return reports.get(key)!;
};

beforeAll(async () => {
  rs = await recordsStore("streets-figures");
  store = await rs.storeOf(DISTRICT);
});
afterAll(() => rs.close());

describe("which street an order, case or item belongs to", () => {
  it("an order is its latest street-carrying event's, by event_time; a case or item its latest snapshot's, else the default street", async () => {
    const [a, b, d] = [await reportOf("2024-04", { street: A }), await reportOf("2024-04", { street: B }), await reportOf("2024-04", { street: D })];
    expect([a.hotline.orders, b.hotline.orders, d.hotline.orders]).toStrictEqual([3, 3, 2]);
    // T1 closed in B (transferred); N1 closed and visited in the default street; T3 visited in A.
    expect([a.hotline.closed, b.hotline.closed, d.hotline.closed]).toStrictEqual([0, 1, 1]);
    expect([a.hotline.visited, a.hotline.satisfied, b.hotline.visited, d.hotline.visited, d.hotline.satisfied]).toStrictEqual([1, 0, 0, 1, 1]);
    expect([a.mediation.registered, b.mediation.registered, d.mediation.registered]).toStrictEqual([0, 2, 1]);
    expect([d.mediation.succeeded, b.mediation.failed, b.mediation.success_rate, d.mediation.success_rate]).toStrictEqual([1, 1, 0, 1]);
    expect([b.mediation.referred, a.mediation.referred]).toStrictEqual([1, 0]);
    expect([a.supervision.received, b.supervision.received, d.supervision.received, b.supervision.late, d.supervision.late]).toStrictEqual([0, 1, 1, 1, 0]);
    expect(a.scope).toStrictEqual({ street: A });
    expect("streets" in a).toBe(false);
  });

  it("CASEPULSE_DEFAULT_STREET names the street of whatever names none", async () => {
    const r = await reportOf("2024-04", { defaultStreet: B });
    expect(r.streets!.map((s) => s.street)).toStrictEqual([Q, A, B]);
    const b = await reportOf("2024-04", { street: B, defaultStreet: B });
    expect([b.hotline.orders, b.mediation.registered, b.supervision.received]).toStrictEqual([5, 3, 2]);
    expect((await reportOf("2024-04", { street: D, defaultStreet: B })).hotline.orders).toBe(0);
  });
});

describe("a street's report: every figure over its own orders, cases and items", () => {
  it("the year before, new causes, the backlog, repeat callers and alerts are the street's", async () => {
    const a = await reportOf("2024-04", { street: A });
    expect([a.hotline.orders_prev, a.hotline.yoy]).toStrictEqual([1, 2]);
    expect(a.hotline.overdue_list.map((o) => o.order_id)).toStrictEqual(["O1"]);
    expect(a.litigation.new_causes).toStrictEqual(["信息公开", "行政处罚"]);
    expect(a.alerts.map((x) => [x.rule, x.metric])).toStrictEqual([
      ["new_cause", "litigation.new_causes"],
      ["new_cause", "litigation.new_causes"],
      ["lost_case", "litigation.lost"],
      ["overdue_open", "hotline.overdue_open"],
    ]);
    const b = await reportOf("2024-04", { street: B });
    expect([b.hotline.repeat_callers, b.litigation.new_causes, b.alerts.map((x) => x.rule)]).toStrictEqual([0, [], ["supervision_late"]]);
    const d = await reportOf("2024-04", { street: D });
    expect([d.hotline.overdue_list.map((o) => o.order_id), d.alerts.map((x) => x.rule)]).toStrictEqual([["N2"], ["overdue_open"]]);
    const all = await reportOf("2024-04");
    expect([all.hotline.repeat_callers, all.hotline.repeat_caller_orders, all.hotline.orders_prev]).toStrictEqual([1, 3, 1]);
    // 信息公开 was filed in B in January: new only for A.
    expect(all.litigation.new_causes).toStrictEqual(["行政处罚"]);
    expect(all.hotline.overdue_open).toBe(2);
  });

  it("a year: the year before is the street's too", async () => {
    const [a, d] = [await reportOf("2023", { street: A }), await reportOf("2023", { street: D })];
    expect([a.hotline.orders, d.hotline.orders]).toStrictEqual([1, 0]);
    const a24 = await reportOf("2024", { street: A });
    expect([a24.hotline.orders, a24.hotline.orders_prev, a24.litigation.new_causes]).toStrictEqual([3, 1, ["信息公开", "行政处罚"]]);
    expect((await reportOf("2024", { street: B })).litigation.reconsideration.filed).toBe(1);
  });

  it("the month's trend series are the street's", async () => {
    const period = parsePeriod("2024-04");
    const [a, all] = [await monthlySeries(store, period, { street: A }), await monthlySeries(store, period)];
    expect([a.hotline.at(-1), a.hotline.at(-13), all.hotline.at(-1), all.litigation.at(-1)]).toStrictEqual([3, 1, 8, 0]);
    expect(a.reconsideration.at(-1)).toBe(2);
  });

  it("quality is never scoped", async () => {
    expect((await reportOf("2024-04", { street: A })).quality).toStrictEqual((await reportOf("2024-04")).quality);
  });

  it.each([A, B, D, Q, null])("explain lists, for %s, the records of every count of its report", async (street) => {
    for (const period of ["2024-04", "2024"]) {
      const r = await reportOf(period, { street });
      for (const [metric, figure] of reportCounts(r)) {
        const e = await explainMetric(store, period, metric, { street });
        expect(e.count, `${street} ${period} ${metric}`).toBe(figure);
      }
    }
  });
});

describe("the unscoped report's streets table", () => {
  it("every street anything belongs to, by code point, with the figures of its own report", async () => {
    for (const period of ["2024-04", "2024", "2023"]) {
      const all = await reportOf(period);
      expect(all.scope).toStrictEqual({ street: null });
      expect(all.streets!.map((s) => s.street)).toStrictEqual([Q, A, B, D]);
      for (const entry of all.streets!) {
        const r = await reportOf(period, { street: entry.street });
        expect(entry, `${period} ${entry.street}`).toStrictEqual({
          street: entry.street,
          hotline_orders: r.hotline.orders,
          on_time_close_rate: r.hotline.on_time_close_rate,
          satisfaction_rate: r.hotline.satisfaction_rate,
          mediation_registered: r.mediation.registered,
          mediation_success_rate: r.mediation.success_rate,
          reconsideration_filed: r.litigation.reconsideration.filed,
          litigation_filed: r.litigation.litigation.filed,
          lost: r.litigation.lost,
          supervision_received: r.supervision.received,
        });
      }
      const sum = (key: "hotline_orders" | "mediation_registered" | "lost") => all.streets!.reduce((n, s) => n + s[key], 0);
      expect([sum("hotline_orders"), sum("mediation_registered"), sum("lost")]).toStrictEqual([all.hotline.orders, all.mediation.registered, all.litigation.lost]);
    }
  });

  it("REPORT.md's key order: the scope and streets after the figures, before published", async () => {
    expect(Object.keys(await reportOf("2024-04"))).toStrictEqual(["period", "hotline", "mediation", "litigation", "supervision", "scope", "streets", "published", "alerts", "quality"]);
    expect(Object.keys(await reportOf("2024-04", { street: A }))).toStrictEqual(["period", "hotline", "mediation", "litigation", "supervision", "scope", "published", "alerts", "quality"]);
  });

  it("a store of no records: no streets", async () => {
    const empty = await buildReport(await rs.storeOf({}), "2024-04");
    expect([empty.scope, empty.streets]).toStrictEqual([{ street: null }, []]);
  });
});

describe("published: by period and scope", () => {
  it("a street's publication is its own reports' only", async () => {
    const db = await rs.storeOf(DISTRICT);
    await publishReport(db, await buildReport(db, "2024-04", { street: A }), Date.parse("2024-05-01T00:00:05Z"));
    expect((await buildReport(db, "2024-04", { street: A })).published).toStrictEqual({ at: "2024-05-01T00:00:05.000Z", revisions: [] });
    expect((await buildReport(db, "2024-04", { street: B })).published).toBeNull();
    expect((await buildReport(db, "2024-04")).published).toBeNull();
    await publishReport(db, await buildReport(db, "2024-04"), Date.parse("2024-05-01T00:00:09Z"));
    // A late order of A revises A's figures and the district's, each against its own publication.
    const late = [order("A9", "2024-04-20 09:00:00", { street: A, msg_id: "late-A9" })];
    const again = await rs.storeOf({ ...DISTRICT, hotline: [...DISTRICT.hotline!, ...late] });
    await publishReport(again, await buildReport(db, "2024-04", { street: A }), Date.parse("2024-05-01T00:00:05Z"));
    const revised = await buildReport(again, "2024-04", { street: A });
    expect(revised.published!.revisions.filter((r) => r.metric === "hotline.orders")).toStrictEqual([{ metric: "hotline.orders", published: 3, now: 4 }]);
    expect((await buildReport(again, "2024-04", { street: B })).published).toBeNull();
  });
});
