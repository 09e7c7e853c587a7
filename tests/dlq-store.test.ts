// Dead letters on the real embedded ClickHouse, in this process (docs/semantics.md "Dead letters:
// replays, identity, retention"): a store of the previous release upgrades by migration 009 with
// the same figures; a replay cut short and run again moves each letter once; the retention
// deletes sealed copies past it and keeps the letters.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DLQ_RETENTION_DAYS } from "@casepulse/config";
import { FEEDS, type Feed } from "@casepulse/feeds";
import { classifyRecords, replayLetters, writeBatch } from "@casepulse/ingestion";
import { createPiiProtector } from "@casepulse/normalize";
import { buildReport } from "@casepulse/reporting";
import {
  applyDlqRetention, countRejected, dlqRetentionDays, insertRejected, listRejected, loadMigrations, migrate, openStore, recordBatch, type Store,
} from "@casepulse/store";
import { ROOT } from "./support/cli.ts";
import { holdOut, storeHeldLetters } from "./support/held-letters.ts";

const KEY = "dlq-store-test-key-0123456789";
const pii = createPiiProtector(KEY);
const dir = mkdtempSync(join(tmpdir(), "casepulse-dlq-store-"));
let root: Store;

beforeAll(async () => {
  root = await openStore({ dataDir: join(dir, "data"), database: "unused" });
});
afterAll(async () => {
  await root.close();
  rmSync(dir, { recursive: true, force: true });
});

const sample = (feed: Feed) => readFileSync(join(ROOT, "samples", `${feed}.jsonl`), "utf8").trim().split("\n");

/** One batch through the steps of every batch (the file path's worker threads do not run under vitest). */
async function ingestLines(store: Store, feed: Feed, lines: readonly string[], name: string): Promise<void> {
  const records = lines.map((value, i) => ({ value, source: `file:${name}.jsonl:${i + 1}` }));
  await writeBatch(store, feed, { batchId: `file:${name}:${feed}:1`, source: `file:${name}.jsonl`, received: lines.length, ...classifyRecords(feed, records, pii) });
}

const quality = async (store: Store) => (await buildReport(store, "2024")).quality;

describe("migration 009: a store of the previous release", () => {
  it("upgrades with the same figures, a signed rejected count and the default retention", async () => {
    const store = root.withDatabase("dlq_upgrade");
    await migrate(store, loadMigrations().filter((m) => m.version < 9));
    for (const feed of FEEDS) await ingestLines(store, feed, sample(feed), `upgrade-${feed}`);
    // What the previous release's `dlq replay` left: the originals marked replayed, the still-bad
    // records stored again as new letters, and a batch that counted them as received again.
    const before = await listRejected(store, { feed: "mediation", status: "pending", limit: 3 });
    await insertRejected(store, before.map((r) => ({ feed: r.feed, source: `replay:${r.id}`, receivedAt: Date.now(), reason: r.reason, msgId: r.msg_id, byteSize: r.byte_size, preview: r.preview, sealed: r.sealed })));
    await store.insert("rejected_events", before.map((r) => ({ ...r, status: "replayed", version: Date.now() + 1 })));
    await recordBatch(store, { batchId: "replay:1700000000000:mediation", feed: "mediation", source: "dlq-replay", received: 3, rejected: 3 });
    const periods = ["2023", "2024", "2024-03"];
    const reports = async () => Promise.all(periods.map((p) => buildReport(store, p)));
    const old = await reports();
    const [type] = await store.query<{ type: string }>("SELECT type FROM system.columns WHERE database = 'dlq_upgrade' AND table = 'ingest_batches' AND name = 'rejected'");
    expect(type!.type).toBe("UInt64");
    expect(await dlqRetentionDays(store)).toBeNull();

    // 009 and every migration after it, in order.
    expect(await migrate(store)).toEqual(loadMigrations().filter((m) => m.version >= 9).map((m) => m.name));
    expect(loadMigrations().find((m) => m.version === 9)?.name).toBe("009_replays_and_dead_letter_retention.sql");
    expect(await reports()).toEqual(old);
    const [after] = await store.query<{ type: string }>("SELECT type FROM system.columns WHERE database = 'dlq_upgrade' AND table = 'ingest_batches' AND name = 'rejected'");
    expect(after!.type).toBe("Int64");
    // The migration's interval and the variable's default are one figure.
    expect(await dlqRetentionDays(store)).toBe(DEFAULT_DLQ_RETENTION_DAYS);
    expect(await applyDlqRetention(store, DEFAULT_DLQ_RETENTION_DAYS)).toBe(false);
  });
});

describe("dlq replay on the store", () => {
  it("a replay cut short before it marks its letters, run again, moves each letter once", async () => {
    const store = root.withDatabase("dlq_cut");
    await migrate(store);
    const { kept, held } = holdOut("mediation", sample("mediation"), 6);
    await ingestLines(store, "mediation", kept, "cut");
    const heldIds = await storeHeldLetters(store, "mediation", held, KEY, "cut");
    const start = await quality(store);
    const pending = await listRejected(store, { status: "pending", limit: 1000 });
    // The fault: the store refuses the insert that marks letters replayed (after events, letters
    // stored again and counts are written).
    const cut: Store = {
      ...store,
      insert: async (table, rows, token) => {
        if (table === "rejected_events" && rows.some((r) => (r as { status?: string }).status === "replayed")) throw new Error("cut short");
        return store.insert(table, rows, token);
      },
    };
    await expect(replayLetters(cut, pii, pending, { runId: "cut-1" })).rejects.toThrow("cut short");
    const again = await listRejected(store, { status: "pending", limit: 1000 });
    expect(again.map((r) => r.id).sort()).toEqual(pending.map((r) => r.id).sort());
    const outcome = await replayLetters(store, pii, again, { runId: "cut-2" });
    expect(outcome.feeds).toEqual([{ feed: "mediation", received: pending.length, accepted: 0, duplicates: held.length, rejected: pending.length - held.length, openedWithOldKey: 0 }]);
    expect(await quality(store)).toEqual({ received: start.received, accepted: start.accepted + held.length, duplicates: start.duplicates, rejected: start.rejected - held.length });
    const left = await listRejected(store, { status: "pending", limit: 1000 });
    expect(left.map((r) => r.id).sort()).toEqual(pending.map((r) => r.id).filter((id) => !heldIds.includes(id)).sort());
    expect((await listRejected(store, { status: "replayed", limit: 1000 })).map((r) => r.id).sort()).toEqual([...heldIds].sort());
  });
});

describe("dead-letter retention", () => {
  it("deletes sealed copies past CASEPULSE_DLQ_RETENTION_DAYS and keeps the letters", async () => {
    const store = root.withDatabase("dlq_retention");
    await migrate(store);
    const day = 86_400_000;
    const letter = (n: number, ageDays: number) => ({
      id: `00000000-0000-4000-8000-00000000000${n}`, feed: "mediation" as const, source: `file:retention.jsonl:${n}`, receivedAt: Date.now() - ageDays * day,
      reason: "case_id: must not be empty", msgId: `m-${n}`, byteSize: 10, preview: null, sealed: pii.seal(`{"msg_id":"m-${n}","caller_phone":"13800138000"}`),
    });
    await insertRejected(store, [letter(1, 40), letter(2, 8), letter(3, 0)]);
    await store.command("OPTIMIZE TABLE dlq_retention.rejected_events FINAL");
    const sealed = async () => Object.fromEntries((await listRejected(store, { limit: 10 })).map((r) => [r.msg_id, r.sealed !== ""]));
    expect(await sealed()).toEqual({ "m-1": true, "m-2": true, "m-3": true });

    expect(await applyDlqRetention(store, 7)).toBe(true);
    expect(await applyDlqRetention(store, 7)).toBe(false);
    expect(await dlqRetentionDays(store)).toBe(7);
    await store.command("OPTIMIZE TABLE dlq_retention.rejected_events FINAL");
    expect(await sealed()).toEqual({ "m-1": false, "m-2": false, "m-3": true });
    expect(await countRejected(store, { status: "pending" })).toBe(3);
    const outcome = await replayLetters(store, pii, await listRejected(store, { status: "pending", limit: 10 }), { runId: "retention" });
    expect(outcome.notOpened).toEqual([{ kind: "empty", byFeed: { mediation: 2 }, total: 2 }]);
    expect(outcome.feeds.map((f) => f.received)).toEqual([1]);

    // A longer retention keeps what is left; it does not bring back what was deleted.
    expect(await applyDlqRetention(store, 30)).toBe(true);
    await store.command("OPTIMIZE TABLE dlq_retention.rejected_events FINAL");
    expect(await sealed()).toEqual({ "m-1": false, "m-2": false, "m-3": true });
  });
});
