// Every metric definition of REPORT.md on hand-built records, through the real ClickHouse engine
// (embedded): each case states its input lines and the figures they must give.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Feed } from "@casepulse/feeds";
import { classifyRecords, writeBatch } from "@casepulse/ingestion";
import { createPiiProtector } from "@casepulse/normalize";
import { buildReport, type Report } from "@casepulse/reporting";
import { migrate, openStore, type Store } from "@casepulse/store";

const dir = mkdtempSync(join(tmpdir(), "casepulse-metrics-"));
const pii = createPiiProtector("metrics-test-key-0123456789");
let store: Store;
let n = 0;

beforeAll(async () => {
  store = await openStore({ dataDir: dir, database: "unused" });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh database holding exactly these records; returns the report for `period`. */
async function reportOf(period: string, records: Partial<Record<Feed, object[]>>): Promise<Report> {
  n += 1;
  const db = store.withDatabase(`metrics_${n}`);
  await migrate(db);
  for (const [feed, rows] of Object.entries(records) as [Feed, object[]][]) {
    const raws = rows.map((r, i) => ({ value: JSON.stringify(r), source: `test:${i}` }));
    await writeBatch(db, feed, { batchId: `case-${n}-${feed}`, source: "test", received: raws.length, ...classifyRecords(feed, raws, pii) });
  }
  return buildReport(db, period);
}

let msg = 0;
const reg = (order: string, time: string, extra: object = {}) => ({
  msg_id: `m${++msg}`, order_id: order, event: "登记", event_time: time,
  category: "城乡建设/违法建设", community: "湾厦社区", deadline: "2024-04-30 18:00:00", ...extra,
});
const ev = (order: string, event: string, time: string, extra: object = {}) => ({ msg_id: `m${++msg}`, order_id: order, event, event_time: time, ...extra });
const med = (caseId: string, updated: string, extra: object = {}) => ({
  msg_id: `m${++msg}`, case_id: caseId, updated_at: updated, registered_at: "2024-04-02 09:00:00",
  kind: "人民调解", dispute_type: "物业纠纷", status: "受理", ...extra,
});
const lit = (caseId: string, updated: string, extra: object = {}) => ({
  msg_id: `m${++msg}`, case_id: caseId, kind: "行政复议", cause: "信息公开", filed_at: "2024-04-03 09:00:00",
  updated_at: updated, status: "filed", ...extra,
});

describe("hotline figures", () => {
  it.each([
    {
      name: "a UTC registration after 16:00 on the last day belongs to the next Shanghai month",
      period: "2024-04",
      hotline: [reg("A", "2024-03-31T17:30:00Z"), reg("B", "2024-03-31T15:59:59Z"), reg("C", "2024-04-30 23:59:59")],
      expect: { orders: 2 },
    },
    {
      name: "reopened and not closed again is not closed; closed again counts once at its last 办结",
      period: "2024-04",
      hotline: [
        reg("A", "2024-04-01 09:00:00"), ev("A", "办结", "2024-04-02 09:00:00"), ev("A", "重启", "2024-04-03 09:00:00"),
        reg("B", "2024-04-01 09:00:00"), ev("B", "办结", "2024-04-02 09:00:00"), ev("B", "重启", "2024-04-03 09:00:00"), ev("B", "办结", "2024-05-02 09:00:00"),
        reg("C", "2024-04-01 09:00:00"), ev("C", "办结", "2024-04-10 09:00:00"), ev("C", "回访", "2024-04-11 09:00:00", { satisfaction: "满意" }),
      ],
      expect: { orders: 3, closed: 1, closed_on_time: 1, visited: 1, satisfied: 1 },
    },
    {
      name: "closing after the deadline is closed but not on time; the latest deadline counts",
      period: "2024-04",
      hotline: [
        reg("A", "2024-04-01 09:00:00", { deadline: "2024-04-05 18:00:00" }), ev("A", "办结", "2024-04-06 09:00:00"),
        reg("B", "2024-04-01 09:00:00", { deadline: "2024-04-05 18:00:00" }), ev("B", "派发", "2024-04-02 09:00:00", { deadline: "2024-04-09 18:00:00" }), ev("B", "办结", "2024-04-06 09:00:00"),
      ],
      expect: { closed: 2, closed_on_time: 1, on_time_close_rate: 0.5 },
    },
    {
      name: "a later event's category reclassifies the order; repeat_of marks a repeat order",
      period: "2024-04",
      hotline: [
        reg("A", "2024-04-01 09:00:00"), ev("A", "派发", "2024-04-01 10:00:00", { category: "环境保护/噪音扰民" }),
        reg("B", "2024-04-01 09:00:00", { repeat_of: "A" }),
      ],
      expect: { orders: 2, repeat_orders: 1, by_category: [{ category: "城乡建设/违法建设", orders: 1 }, { category: "环境保护/噪音扰民", orders: 1 }] },
    },
    {
      name: "the latest 回访 in the period gives the rating; 不满意 is not satisfied",
      period: "2024-04",
      hotline: [
        reg("A", "2024-04-01 09:00:00"), ev("A", "回访", "2024-04-05 09:00:00", { satisfaction: "满意" }), ev("A", "回访", "2024-04-06 09:00:00", { satisfaction: "不满意" }),
        reg("B", "2024-04-01 09:00:00"), ev("B", "回访", "2024-04-05 09:00:00", { satisfaction: "基本满意" }),
      ],
      expect: { visited: 2, satisfied: 1, satisfaction_rate: 0.5 },
    },
    {
      name: "a redelivered event changes nothing; zero denominators give null rates",
      period: "2024-04",
      hotline: [reg("A", "2024-04-01 09:00:00", { msg_id: "dup" }), reg("A", "2024-04-01 09:00:00", { msg_id: "dup" })],
      expect: { orders: 1, closed: 0, on_time_close_rate: null, satisfaction_rate: null, orders_prev: 0, yoy: null },
    },
    {
      name: "year on year against the same month a year before",
      period: "2024-04",
      hotline: [reg("A", "2024-04-01 09:00:00"), reg("B", "2024-04-02 09:00:00"), reg("C", "2024-04-03 09:00:00"), reg("Z", "2023-04-15 09:00:00")],
      expect: { orders: 3, orders_prev: 1, yoy: 2 },
    },
  ])("$name", async ({ period, hotline, expect: figures }) => {
    const report = await reportOf(period, { hotline });
    expect(report.hotline).toMatchObject(figures);
  });
});

describe("mediation figures", () => {
  it.each([
    {
      name: "the latest snapshot supersedes earlier ones, whatever the arrival order",
      mediation: [
        med("M1", "2024-04-20 09:00:00", { status: "调解成功", closed_at: "2024-04-20 09:00:00", amount_yuan: "12,500.50" }),
        med("M1", "2024-04-05 09:00:00", { status: "调解中", amount_yuan: 100 }),
      ],
      expect: { registered: 1, closed: 1, succeeded: 1, failed: 0, success_rate: 1, amount_yuan: 12500.5 },
    },
    {
      name: "amounts with thousands separators sum exactly; kinds counted; success rate over succeeded + failed",
      mediation: [
        med("M1", "2024-04-20 09:00:00", { amount_yuan: "1,234,567.89" }),
        med("M2", "2024-04-20 09:00:00", { amount_yuan: 0.11, kind: "诉前调解", status: "调解失败", closed_at: "2024-04-21 09:00:00" }),
        med("M3", "2024-04-20 09:00:00", { kind: "诉前调解", status: "终止", closed_at: "2024-04-21 09:00:00" }),
      ],
      expect: { registered: 3, closed: 2, succeeded: 0, failed: 1, success_rate: 0, amount_yuan: 1234568, by_kind: { 人民调解: 1, 诉前调解: 2, 行政调解: 0, 司法调解: 0 } },
    },
    {
      name: "no cases: null rates and yoy",
      mediation: [],
      expect: { registered: 0, success_rate: null, yoy: null, amount_yuan: 0 },
    },
  ])("$name", async ({ mediation, expect: figures }) => {
    const report = await reportOf("2024-04", { mediation });
    expect(report.mediation).toMatchObject(figures);
  });
});

describe("litigation figures", () => {
  it.each([
    {
      name: "synonyms, losses and head appearances from the latest snapshot",
      period: "2024-04",
      litigation: [
        lit("L1", "2024-04-03 09:00:00"),
        lit("L1", "2024-04-25 09:00:00", { status: "decided", outcome: "revoked", decided_at: "2024-04-25 09:00:00", hearing_at: "2024-04-20 09:00:00", head_appeared: false }),
        lit("L2", "2024-04-25 09:00:00", { kind: "行政诉讼", cause: "行政处罚", status: "decided", outcome: "upheld", decided_at: "2024-04-26 09:00:00", hearing_at: "2024-04-21 09:00:00", head_appeared: true }),
        lit("L3", "2024-04-25 09:00:00", { kind: "litigation", cause: "行政处罚", filed_at: "2023-04-10 09:00:00" }),
      ],
      expect: {
        reconsideration: { filed: 1, filed_prev: 0, yoy: null },
        litigation: { filed: 1, filed_prev: 1, yoy: 0 },
        decided: 2, lost: 1, loss_rate: 0.5, hearings: 2, head_appeared: 1, head_appearance_rate: 0.5,
        causes: [{ cause: "信息公开", filed: 1 }, { cause: "行政处罚", filed: 1 }],
        new_causes: ["信息公开"],
      },
    },
    {
      name: "new causes look back 12 months before a month",
      period: "2024-04",
      litigation: [lit("L1", "2024-04-03 09:00:00"), lit("L0", "2023-05-03 09:00:00", { filed_at: "2023-05-01 09:00:00" })],
      expect: { new_causes: [] },
    },
    {
      name: "a cause last seen 13 months before is new again",
      period: "2024-04",
      litigation: [lit("L1", "2024-04-03 09:00:00"), lit("L0", "2023-03-31 09:00:00", { filed_at: "2023-03-31 09:00:00" })],
      expect: { new_causes: ["信息公开"] },
    },
  ])("$name", async ({ period, litigation, expect: figures }) => {
    const report = await reportOf(period, { litigation });
    expect(report.litigation).toMatchObject(figures);
  });
});

describe("alerts and quality from stored data", () => {
  it("a category with 10 orders in a month, none in the three before, spikes; lost cases and overdue orders alert", async () => {
    const hotline = Array.from({ length: 10 }, (_, i) => reg(`S${i}`, "2024-04-10 09:00:00"));
    const litigation = [lit("L1", "2024-04-25 09:00:00", { status: "decided", outcome: "confirmed_illegal", decided_at: "2024-04-25 09:00:00" })];
    const report = await reportOf("2024-04", { hotline, litigation });
    expect(report.alerts.map((a) => [a.rule, a.metric, a.value])).toEqual([
      ["new_cause", "litigation.new_causes", 1],
      ["lost_case", "litigation.lost", 1],
      ["category_spike", "hotline.by_category:城乡建设/违法建设", 10],
      // Open at the end of April, due on 04-30 18:00.
      ["overdue_open", "hotline.overdue_open", 10],
    ]);
    const annual = await reportOf("2024", { hotline });
    expect(annual.alerts.filter((a) => a.rule === "category_spike")).toEqual([]);
  });

  it("quality: received = accepted + duplicates + rejected over all feeds", async () => {
    const hotline = [reg("A", "2024-04-01 09:00:00", { msg_id: "x" }), reg("A", "2024-04-01 09:00:00", { msg_id: "x" }), { msg_id: "bad" }];
    const report = await reportOf("2024-04", { hotline, mediation: [med("M1", "2024-04-20 09:00:00")] });
    expect(report.quality).toEqual({ received: 4, accepted: 2, duplicates: 1, rejected: 1 });
  });
});
