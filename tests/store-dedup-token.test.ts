// Embedded ClickHouse keeps a SET for the rest of its session: an insert without a deduplication
// token must not inherit the previous insert's token (it would be silently dropped as a repeat).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "@casepulse/store";

const dir = mkdtempSync(join(tmpdir(), "casepulse-token-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("store inserts and deduplication tokens", () => {
  it.each([
    { name: "rows", insert: (s: Awaited<ReturnType<typeof openStore>>, x: number, token?: string) => s.insert("t", [{ x }], token) },
    { name: "JSON lines", insert: (s: Awaited<ReturnType<typeof openStore>>, x: number, token?: string) => s.insertJsonLines("t", [JSON.stringify({ x })], token) },
  ])("$name: untokened inserts after a tokened one are stored; a repeated token is not", async ({ insert }) => {
    const store = await openStore({ dataDir: dir, database: "tokens" });
    try {
      await store.command("CREATE DATABASE IF NOT EXISTS tokens");
      await store.command("DROP TABLE IF EXISTS tokens.t");
      await store.command("CREATE TABLE tokens.t (x UInt32) ENGINE = MergeTree ORDER BY x SETTINGS non_replicated_deduplication_window = 100");
      await insert(store, 1, "token-a");
      await insert(store, 2);
      await insert(store, 3);
      await insert(store, 4, "token-a");
      const rows = await store.query<{ x: number }>("SELECT x FROM tokens.t ORDER BY x");
      expect(rows.map((r) => r.x)).toEqual([1, 2, 3]);
    } finally {
      await store.close();
    }
  });
});
