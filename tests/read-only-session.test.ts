// An analyst's statement (`casepulse sql`, and the same statement forwarded to a running
// `casepulse start`) runs with readonly = 2, and the embedded engine keeps a query's settings for
// the rest of its connection. Run on the store's own connection, one `sql` asked of the running
// pipeline left that pipeline refusing every write after it ("Cannot execute query in readonly
// mode"). The statement now has a connection of its own (client.ts readClient): the store keeps
// writing, and the statement still sees everything written and still writes nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NotReadOnlyError, openStore, readOnlyQuery, type Store } from "@casepulse/store";

const dir = mkdtempSync(join(tmpdir(), "casepulse-read-only-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = async (store: Store, sql: string) => {
  const out: string[] = [];
  for await (const line of await readOnlyQuery(store, sql, {}, "JSONEachRow")) out.push(line);
  return out.join("");
};

describe("analysts' statements on the embedded engine", () => {
  it("leave the store's own connection writable, and read what it wrote", async () => {
    const store = await openStore({ dataDir: dir, database: "ro" });
    try {
      await store.command("CREATE DATABASE IF NOT EXISTS ro");
      await store.command("CREATE TABLE ro.t (x UInt32) ENGINE = MergeTree ORDER BY x");
      await store.insert("t", [{ x: 1 }]);
      expect(await lines(store, "SELECT count() AS n FROM ro.t")).toBe('{"n":1}\n');
      // The store's connection: not read-only, and its inserts and commands still run.
      expect(await store.query("SELECT getSetting('readonly') AS r")).toEqual([{ r: 0 }]);
      await store.insert("t", [{ x: 2 }], "after-read");
      await store.command("INSERT INTO ro.t VALUES (3)");
      // The statement's connection sees both at once, and is read-only.
      expect(await lines(store, "SELECT groupArray(x) AS xs FROM (SELECT x FROM ro.t ORDER BY x)")).toBe('{"xs":[1,2,3]}\n');
      expect(await lines(store, "SELECT getSetting('readonly') AS r")).toBe('{"r":2}\n');
      await expect(readOnlyQuery(store, "INSERT INTO ro.t VALUES (4)", {}, "JSONEachRow")).rejects.toBeInstanceOf(NotReadOnlyError);
      expect(await store.query("SELECT count() AS n FROM ro.t")).toEqual([{ n: 3 }]);
    } finally {
      await store.close();
    }
  });
});
