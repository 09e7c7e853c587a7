// Publishing a report and what a later report of the same period says about it (REPORT.md
// `published`), and a store of the previous release upgraded by migration 008 giving the same
// figures, on the real embedded ClickHouse.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifyRecords, writeBatch } from "@casepulse/ingestion";
import { createPiiProtector } from "@casepulse/normalize";
import { buildReport, publishReport, type Report } from "@casepulse/reporting";
import { migrate, type Store } from "@casepulse/store";
import { ev, lit, med, recordsStore, reg, type RecordsStore } from "./support/records-store.ts";

let rs: RecordsStore;
beforeAll(async () => {
  rs = await recordsStore("published");
});
afterAll(() => rs.close());

const pii = createPiiProtector("published-test-key-0123456789");
let batch = 0;
async function add(db: Store, hotline: object[]): Promise<void> {
  const raws = hotline.map((r, i) => ({ value: JSON.stringify(r), source: `late:${i}` }));
  await writeBatch(db, "hotline", { batchId: `late-${++batch}`, source: "test", received: raws.length, ...classifyRecords("hotline", raws, pii) });
}

describe("published: null until a report of the period is published; then its time and the revised figures", () => {
  it("a late order revises the published April figures, by path; other periods are not published", async () => {
    const db = await rs.storeOf({ hotline: [reg("A", "2024-04-01 09:00:00", { deadline: "2024-04-10 18:00:00" }), ev("A", "办结", "2024-04-05 09:00:00")] });
    const first = await buildReport(db, "2024-04");
    expect(first.published).toBeNull();
    await publishReport(db, first, Date.parse("2024-05-01T00:00:05Z"));
    expect((await buildReport(db, "2024-04")).published).toStrictEqual({ at: "2024-05-01T00:00:05.000Z", revisions: [] });
    expect((await buildReport(db, "2024-05")).published).toBeNull();
    expect((await buildReport(db, "2024")).published).toBeNull();

    await add(db, [reg("B", "2024-04-02 09:00:00", { deadline: "2024-04-10 18:00:00" }), ev("B", "办结", "2024-04-12 09:00:00")]);
    const revised = await buildReport(db, "2024-04");
    // 96 h and 240 h from registration to closing: the median is 168 h.
    expect(revised.published).toStrictEqual({
      at: "2024-05-01T00:00:05.000Z",
      revisions: [
        { metric: "hotline.close_hours_median", published: 96, now: 168 },
        { metric: "hotline.closed", published: 1, now: 2 },
        { metric: "hotline.on_time_close_rate", published: 1, now: 0.5 },
        { metric: "hotline.orders", published: 1, now: 2 },
      ],
    });

    // The latest publication counts; republished, nothing is revised any more.
    await publishReport(db, revised, Date.parse("2024-06-01T00:00:00Z"));
    expect((await buildReport(db, "2024-04")).published).toStrictEqual({ at: "2024-06-01T00:00:00.000Z", revisions: [] });
  });
});

/** Every figure of the report but `published` (a fresh store has published nothing). */
const figures = (r: Report) => ({ ...r, published: undefined });

describe("migration 008 on a store of the previous release", () => {
  it("fills the new order-state columns from the events: the same figures as a store that had them from the start", async () => {
    const phone = { caller_phone: "13800000009" };
    const db = await rs.storeOf({
      hotline: [
        reg("A", "2024-04-01 09:00:00", phone), ev("A", "派发", "2024-04-01 10:00:00", { unit: "蛇口街道执法队" }), ev("A", "签收", "2024-04-01 12:00:00"),
        ev("A", "退回", "2024-04-02 09:00:00"), ev("A", "办结", "2024-04-05 09:00:00"), ev("A", "重启", "2024-04-06 09:00:00"),
        reg("B", "2024-04-02 09:00:00", phone), ev("B", "签收", "2024-04-04 09:00:00"), ev("B", "办结", "2024-04-08 09:00:00"),
        reg("C", "2024-04-03 09:00:00", phone), ev("C", "回访", "2024-04-09 09:00:00", { satisfaction: "满意" }),
        // Before 1970: a type default of the new rows (1970-01-01) must not outrank it.
        reg("D", "1969-04-01 09:00:00", { deadline: "1969-04-10 18:00:00" }),
      ],
      mediation: [med("M1", "2024-04-20 09:00:00", { referral_order_id: "A" })],
      litigation: [lit("L1", "2024-04-20 09:00:00", { status: "decided", outcome: "revoked", decided_at: "2024-04-20 09:00:00" })],
    });
    const periods = ["2024-04", "2024", "1969-04"];
    const before: Report[] = [];
    for (const p of periods) before.push(await buildReport(db, p));
    expect(before[0]!.hotline).toMatchObject({ returned: 1, reopened: 1, accepted_in_time: 1, repeat_callers: 1, overdue_open: 2 });
    expect(before[2]!.hotline.overdue_list.map((o) => o.deadline)).toStrictEqual(["1969-04-10T18:00:00+08:00"]);

    // The store as the previous release left it: no 008 columns, view or table, 008 not applied.
    for (const column of ["returned_seen", "reopened_seen", "accepted_time", "caller_latest", "visit_latest", "visit_first"]) {
      await db.command(`ALTER TABLE ${db.database}.hotline_order_state DROP COLUMN ${column}`);
    }
    await db.command(`DROP VIEW ${db.database}.hotline_orders`);
    await db.command(`DROP TABLE ${db.database}.published_reports`);
    await db.command(`DELETE FROM ${db.database}.schema_migrations WHERE version = 8`);

    expect(await migrate(db)).toStrictEqual(["008_published_reports.sql"]);
    const after: Report[] = [];
    for (const p of periods) after.push(await buildReport(db, p));
    expect(after.map(figures)).toStrictEqual(before.map(figures));
  });
});
