// supervision.* of REPORT.md (and the supervision_late alert, and explain's records behind each
// count) on hand-built snapshots, through the real embedded ClickHouse. The snapshots are inserted
// straight into supervision_snapshots: each case states its rows and the figures they must give,
// and every decision of docs/semantics.md "Supervision items" has a case here.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport, explainMetric, type Report, type SupervisionBlock } from "@casepulse/reporting";
import { chTime, migrate, openStore, type Store } from "@casepulse/store";
import { supervisionCounts } from "./support/supervision-counts.ts";

const dir = mkdtempSync(join(tmpdir(), "casepulse-supervision-"));
let store: Store;
let n = 0;

beforeAll(async () => {
  store = await openStore({ dataDir: dir, database: "unused" });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A timestamp as FEEDS.md writes one: ISO with an offset, or `YYYY-MM-DD HH:mm:ss` in Shanghai time. */
const at = (t: string) => chTime(Date.parse(/[Zz]|[+-]\d\d:\d\d$/.test(t) ? t : `${t.replace(" ", "T")}+08:00`));

interface Snapshot {
  msg_id?: string;
  item_id: string;
  updated_at: string;
  kind?: string;
  level?: string | null;
  received_at?: string;
  due_at?: string;
  status?: string;
  replied_at?: string | null;
}

let msg = 0;
/** A 市人大建议 received 2024-04-02, due 2024-04-30 18:00, in progress, unless `s` says otherwise. */
function row(s: Snapshot) {
  const { received_at = "2024-04-02 09:00:00", due_at = "2024-04-30 18:00:00", replied_at = null, updated_at } = s;
  return {
    msg_id: s.msg_id ?? `s${String(++msg).padStart(4, "0")}`,
    item_id: s.item_id,
    kind: s.kind ?? "人大建议",
    level: s.level === undefined ? "市" : s.level,
    received_at: at(received_at),
    due_at: at(due_at),
    updated_at: at(updated_at),
    status: s.status ?? "办理中",
    replied_at: replied_at === null ? null : at(replied_at),
    street: null,
  };
}

/** A fresh database holding exactly these snapshots. */
async function storeOf(snapshots: Snapshot[]): Promise<Store> {
  n += 1;
  const db = store.withDatabase(`supervision_${n}`);
  await migrate(db);
  if (snapshots.length) await db.insert("supervision_snapshots", snapshots.map(row));
  return db;
}

/** The report, after checking that explain lists as many records as every supervision count. */
async function reportOf(period: string, snapshots: Snapshot[]): Promise<Report> {
  const db = await storeOf(snapshots);
  const report = await buildReport(db, period);
  for (const [metric, figure] of supervisionCounts(report.supervision)) {
    const e = await explainMetric(db, period, metric);
    expect(e.count, metric).toBe(figure);
    expect(new Set(e.records.map((r) => r.id)).size, metric).toBe(figure);
  }
  return report;
}

const totals = (s: SupervisionBlock) => ({ received: s.received, replied: s.replied, replied_on_time: s.replied_on_time, late: s.late });

describe("supervision figures: received in P, state = latest snapshot", () => {
  it.each<{ name: string; period?: string; items: Snapshot[]; expect: Partial<SupervisionBlock> }>([
    {
      name: "received_at is cut in Shanghai time: 2024-03-31T16:00Z is April, a millisecond before is March",
      items: [
        { item_id: "A", updated_at: "2024-04-01 09:00:00", received_at: "2024-03-31T16:00:00Z" },
        { item_id: "B", updated_at: "2024-04-01 09:00:00", received_at: "2024-03-31T15:59:59.999Z" },
        { item_id: "C", updated_at: "2024-05-01 09:00:00", received_at: "2024-04-30 23:59:59" },
      ],
      expect: { received: 2 },
    },
    {
      name: "a year: every item received in its Shanghai months",
      period: "2024",
      items: [
        { item_id: "A", updated_at: "2024-01-02 09:00:00", received_at: "2024-01-01 00:00:00", due_at: "2024-02-01 00:00:00", status: "已答复", replied_at: "2024-01-20 00:00:00" },
        { item_id: "B", updated_at: "2025-01-02 09:00:00", received_at: "2024-12-31 23:59:59", due_at: "2025-01-31 00:00:00" },
        { item_id: "C", updated_at: "2024-01-02 09:00:00", received_at: "2023-12-31 23:59:59", due_at: "2024-01-31 00:00:00" },
      ],
      expect: { received: 2, replied: 1, replied_on_time: 1, late: 0, on_time_reply_rate: 0.5 },
    },
    {
      name: "the latest snapshot by updated_at wins, whatever the insert order; a tie goes to the greater msg_id",
      items: [
        { item_id: "A", updated_at: "2024-04-20 09:00:00", status: "已答复", replied_at: "2024-04-19 09:00:00" },
        { item_id: "A", updated_at: "2024-04-10 09:00:00" },
        { item_id: "B", msg_id: "b2", updated_at: "2024-04-10 09:00:00", status: "已答复", replied_at: "2024-04-09 09:00:00" },
        { item_id: "B", msg_id: "b1", updated_at: "2024-04-10 09:00:00" },
      ],
      expect: { received: 2, replied: 2, replied_on_time: 2, late: 0, on_time_reply_rate: 1 },
    },
    {
      name: "a later snapshot that moves received_at out of P takes the item out of P",
      items: [
        { item_id: "A", updated_at: "2024-04-03 09:00:00" },
        { item_id: "A", updated_at: "2024-04-04 09:00:00", received_at: "2024-03-28 09:00:00" },
      ],
      expect: { received: 0, on_time_reply_rate: null, by_kind: [] },
    },
    {
      name: "已答复 and 已办结 are replied; replied_at = due_at is on time, a millisecond after is late",
      items: [
        { item_id: "A", updated_at: "2024-04-30 18:00:00", status: "已答复", replied_at: "2024-04-30 18:00:00" },
        { item_id: "B", updated_at: "2024-05-01 09:00:00", status: "已办结", replied_at: "2024-04-30 18:00:00" },
        { item_id: "C", updated_at: "2024-05-01 09:00:00", status: "已答复", replied_at: "2024-04-30T10:00:00.001Z" },
      ],
      expect: { received: 3, replied: 3, replied_on_time: 2, late: 1 },
    },
    {
      name: "status decides replied: 办理中 with a replied_at left from an earlier reply is not replied, and late once due",
      items: [
        { item_id: "A", updated_at: "2024-04-20 09:00:00", status: "办理中", replied_at: "2024-04-10 09:00:00", due_at: "2024-04-15 18:00:00" },
        { item_id: "B", updated_at: "2024-04-20 09:00:00", status: "办理中", replied_at: "2024-04-10 09:00:00", due_at: "2024-05-15 18:00:00" },
      ],
      expect: { received: 2, replied: 0, replied_on_time: 0, late: 1 },
    },
    {
      name: "not replied: late when due before the end of P, not when due exactly at the end of P or after",
      items: [
        { item_id: "A", updated_at: "2024-04-02 09:00:00", due_at: "2024-04-30 23:59:59" },
        { item_id: "B", updated_at: "2024-04-02 09:00:00", due_at: "2024-05-01 00:00:00" },
        { item_id: "C", updated_at: "2024-04-02 09:00:00", due_at: "2024-05-10 00:00:00" },
      ],
      expect: { received: 3, replied: 0, late: 1, on_time_reply_rate: 0 },
    },
    {
      name: "a reply after the end of P counts as the item's state: on time before its due time, late after it",
      items: [
        { item_id: "A", updated_at: "2024-05-10 09:00:00", due_at: "2024-05-15 18:00:00", status: "已答复", replied_at: "2024-05-10 09:00:00" },
        { item_id: "B", updated_at: "2024-05-20 09:00:00", due_at: "2024-05-15 18:00:00", status: "已答复", replied_at: "2024-05-20 09:00:00" },
        { item_id: "C", updated_at: "2024-05-20 09:00:00", due_at: "2024-04-15 18:00:00", status: "已办结", replied_at: "2024-05-20 09:00:00" },
      ],
      expect: { received: 3, replied: 3, replied_on_time: 1, late: 2 },
    },
    {
      name: "items received before P are not counted, even when still open and overdue in P",
      items: [
        { item_id: "A", updated_at: "2024-03-02 09:00:00", received_at: "2024-03-01 09:00:00", due_at: "2024-04-10 18:00:00" },
        { item_id: "B", updated_at: "2024-04-12 09:00:00", received_at: "2024-03-01 09:00:00", due_at: "2024-04-10 18:00:00", status: "已答复", replied_at: "2024-04-12 09:00:00" },
      ],
      expect: { received: 0, replied: 0, replied_on_time: 0, late: 0, on_time_reply_rate: null },
    },
    {
      name: "a replied status without replied_at (the contract rejects it) is replied, neither on time nor late",
      items: [{ item_id: "A", updated_at: "2024-04-10 09:00:00", status: "已答复", due_at: "2024-04-05 18:00:00" }],
      expect: { received: 1, replied: 1, replied_on_time: 0, late: 0 },
    },
  ])("$name", async ({ period = "2024-04", items, expect: figures }) => {
    const report = await reportOf(period, items);
    expect(report.supervision).toMatchObject(figures);
    expect(report.supervision.on_time_reply_rate).toBe(report.supervision.received === 0 ? null : report.supervision.replied_on_time / report.supervision.received);
    const entries = report.supervision.by_kind;
    expect(totals({ ...report.supervision, late: 0 })).toStrictEqual({
      received: entries.reduce((s, e) => s + e.received, 0),
      replied: entries.reduce((s, e) => s + e.replied, 0),
      replied_on_time: entries.reduce((s, e) => s + e.replied_on_time, 0),
      late: 0,
    });
  });
});

describe("supervision.by_kind: one entry per (kind, level) received in P, in REPORT.md's order", () => {
  it("人大建议, 政协提案, 司法建议, 检察建议, 市 before 区; no level for 司法建议 and 检察建议", async () => {
    const item = (id: string, kind: string, level: string | null, extra: Partial<Snapshot> = {}): Snapshot => ({ item_id: id, updated_at: "2024-04-10 09:00:00", kind, level, ...extra });
    const replied = { status: "已答复", replied_at: "2024-04-08 09:00:00" };
    const report = await reportOf("2024-04", [
      item("J1", "检察建议", null),
      item("Z1", "政协提案", "区", replied),
      item("S1", "司法建议", "市", replied),
      item("S2", "司法建议", null, { status: "已办结", replied_at: "2024-05-08 09:00:00" }),
      item("R1", "人大建议", "区"),
      item("R2", "人大建议", "市", replied),
      item("R3", "人大建议", "市"),
      item("Z2", "政协提案", "市", { received_at: "2024-05-02 09:00:00" }),
      item("R4", "人大建议", null),
    ]);
    expect(report.supervision.by_kind).toStrictEqual([
      { kind: "人大建议", level: "市", received: 2, replied: 1, replied_on_time: 1 },
      { kind: "人大建议", level: "区", received: 1, replied: 0, replied_on_time: 0 },
      { kind: "人大建议", level: null, received: 1, replied: 0, replied_on_time: 0 },
      { kind: "政协提案", level: "区", received: 1, replied: 1, replied_on_time: 1 },
      { kind: "司法建议", level: null, received: 2, replied: 2, replied_on_time: 1 },
      { kind: "检察建议", level: null, received: 1, replied: 0, replied_on_time: 0 },
    ]);
    // Late: the four open items (due 2024-04-30 18:00, before the end of April) and S2, replied after it.
    expect(totals(report.supervision)).toStrictEqual({ received: 8, replied: 4, replied_on_time: 3, late: 5 });
  });
});

describe("supervision_late and the report's other parts", () => {
  it.each([
    { name: "no item late: no alert", due_at: "2024-05-10 18:00:00", alerts: [] },
    {
      name: "one item late: one alert",
      due_at: "2024-04-10 18:00:00",
      alerts: [{ rule: "supervision_late", metric: "supervision.late", value: 1, message: "本期交办的建议提案及司法、检察建议逾期答复1件" }],
    },
  ])("$name", async ({ due_at, alerts }) => {
    const report = await reportOf("2024-04", [{ item_id: "A", updated_at: "2024-04-02 09:00:00", due_at }]);
    expect(report.alerts).toStrictEqual(alerts);
  });

  it("quality.accepted counts the stored supervision msg_ids, and explain lists their snapshots", async () => {
    const db = await storeOf([
      { item_id: "A", msg_id: "a1", updated_at: "2024-04-02 09:00:00" },
      { item_id: "A", msg_id: "a2", updated_at: "2024-04-03 09:00:00" },
    ]);
    await db.insert("supervision_msg_ids", [{ msg_id: "a1" }, { msg_id: "a2" }]);
    await db.insert("ingest_batches", [{ batch_id: "b", feed: "supervision", source: "test", received: 3, rejected: 0 }]);
    const report = await buildReport(db, "2024-04");
    expect(report.quality).toStrictEqual({ received: 3, accepted: 2, duplicates: 1, rejected: 0 });
    const accepted = await explainMetric(db, "2024-04", "quality.accepted");
    expect(accepted.records.map((r) => [r.id, r.msg_id])).toStrictEqual([["A", "a1"], ["A", "a2"]]);
  });
});
