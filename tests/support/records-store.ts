// Hand-built feed records stored through the real ingestion steps into a fresh database of one
// embedded ClickHouse folder per test file, and the builders the figure tests write them with.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import type { Feed } from "@casepulse/feeds";
import { classifyRecords, writeBatch } from "@casepulse/ingestion";
import { createPiiProtector } from "@casepulse/normalize";
import { buildReport, explainMetric, type Report, type ReportOptions } from "@casepulse/reporting";
import { migrate, openStore, type Store } from "@casepulse/store";
import { processCounts } from "./process-counts.ts";

export type Records = Partial<Record<Feed, object[]>>;

export interface RecordsStore {
  /** A fresh database holding exactly these records. */
  storeOf(records: Records): Promise<Store>;
  /** The report of `period` over a fresh database of these records, after checking explain against its new counts. */
  reportOf(period: string, records: Records, options?: ReportOptions): Promise<Report>;
  close(): Promise<void>;
}

export async function recordsStore(name: string): Promise<RecordsStore> {
  const dir = mkdtempSync(join(tmpdir(), `casepulse-${name}-`));
  const pii = createPiiProtector(`${name}-test-key-0123456789`);
  const root = await openStore({ dataDir: dir, database: "unused" });
  let n = 0;
  const storeOf = async (records: Records) => {
    n += 1;
    const db = root.withDatabase(`${name.replaceAll("-", "_")}_${n}`);
    await migrate(db);
    for (const [feed, rows] of Object.entries(records) as [Feed, object[]][]) {
      const raws = rows.map((r, i) => ({ value: JSON.stringify(r), source: `test:${i}` }));
      await writeBatch(db, feed, { batchId: `case-${n}-${feed}`, source: "test", received: raws.length, ...classifyRecords(feed, raws, pii) });
    }
    return db;
  };
  return {
    storeOf,
    async reportOf(period, records, options = {}) {
      const db = await storeOf(records);
      const report = await buildReport(db, period, options);
      for (const [metric, figure] of processCounts(report)) {
        const e = await explainMetric(db, period, metric, options);
        expect(e.count, metric).toBe(figure);
        expect(new Set(e.records.map((r) => r.id)).size, metric).toBe(figure);
      }
      return report;
    },
    async close() {
      await root.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let msg = 0;
/** A 登记 in 城乡建设/违法建设, 湾厦社区, due 2024-04-30 18:00 unless `extra` says otherwise. */
export const reg = (order: string, time: string, extra: object = {}) => ({
  msg_id: `m${String(++msg).padStart(5, "0")}`, order_id: order, event: "登记", event_time: time,
  category: "城乡建设/违法建设", community: "湾厦社区", deadline: "2024-04-30 18:00:00", ...extra,
});
export const ev = (order: string, event: string, time: string, extra: object = {}) => ({
  msg_id: `m${String(++msg).padStart(5, "0")}`, order_id: order, event, event_time: time, ...extra,
});
/** A 人民调解 物业纠纷 case registered 2024-04-02, 受理. */
export const med = (caseId: string, updated: string, extra: object = {}) => ({
  msg_id: `m${String(++msg).padStart(5, "0")}`, case_id: caseId, updated_at: updated, registered_at: "2024-04-02 09:00:00",
  kind: "人民调解", dispute_type: "物业纠纷", status: "受理", ...extra,
});
/** A 行政复议 信息公开 case filed 2024-04-03. */
export const lit = (caseId: string, updated: string, extra: object = {}) => ({
  msg_id: `m${String(++msg).padStart(5, "0")}`, case_id: caseId, kind: "行政复议", cause: "信息公开", filed_at: "2024-04-03 09:00:00",
  updated_at: updated, status: "filed", ...extra,
});
