// The engine's JIT compilation is off for every query of the store (packages/store/src/client.ts,
// ENGINE_SETTINGS): compiled from a query's third run, min and max over DateTime64 compared
// times as unsigned numbers in ClickHouse 26.1-26.7, so a time before 1970 won max and lost min
// and an order's state took the wrong registration and acceptance times. The same aggregations
// the order state folds, run more often than the compilation threshold, give the right times
// every time.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENGINE_MALLOC_CONF, openStore } from "@casepulse/store";
import { childJson } from "./support/child-script.ts";

const dir = mkdtempSync(join(tmpdir(), "casepulse-engine-settings-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the store's engine settings", () => {
  it("min and max over times before and after 1970 stay right on every run", async () => {
    const store = await openStore({ dataDir: dir, database: "jit" });
    try {
      await store.command("CREATE DATABASE IF NOT EXISTS jit");
      await store.command("CREATE TABLE jit.t (k String, event String, t DateTime64(3, 'UTC')) ENGINE = MergeTree ORDER BY k");
      await store.command(
        `INSERT INTO jit.t VALUES ('a', '登记', '1900-01-01 00:00:00'), ('a', '登记', '2001-03-15 11:23:37'), ('a', '签收', '1945-04-25 16:24:14'),
         ('a', '签收', '2299-12-31 23:59:59.999'), ('b', '登记', '1969-12-31 23:59:59.974'), ('b', '签收', '1970-01-01 00:00:00.009')`,
      );
      const runs: unknown[] = [];
      for (let i = 0; i < 6; i += 1) {
        runs.push(
          await store.query(
            `SELECT k, min(t) AS first, max(t) AS last, max(if(event = '登记', t, NULL)) AS registered, min(if(event = '签收', t, NULL)) AS accepted
             FROM jit.t GROUP BY k ORDER BY k`,
          ),
        );
      }
      const right = [
        { k: "a", first: "1900-01-01 00:00:00.000", last: "2299-12-31 23:59:59.999", registered: "2001-03-15 11:23:37.000", accepted: "1945-04-25 16:24:14.000" },
        { k: "b", first: "1969-12-31 23:59:59.974", last: "1970-01-01 00:00:00.009", registered: "1969-12-31 23:59:59.974", accepted: "1970-01-01 00:00:00.009" },
      ];
      for (const [i, rows] of runs.entries()) expect(rows, `run ${i + 1}`).toEqual(right);
    } finally {
      await store.close();
    }
  });
});

describe("the embedded engine's allocator", () => {
  // A child of its own: the variable must be set before the engine's library loads, once a process.
  async function confOf(conf: string | undefined, bulk: boolean): Promise<string | null> {
    const data = join(dir, `env-${conf ?? "unset"}-${bulk}`);
    return (await childJson<{ conf: string | null }>("engine-env.ts", [data, ...(bulk ? ["bulk"] : [])], { JE_MALLOC_CONF: conf })).conf;
  }

  it("a bulk load (casepulse ingest) returns freed pages soon: JE_MALLOC_CONF is set before the engine loads", async () => {
    expect(ENGINE_MALLOC_CONF).toMatch(/dirty_decay_ms:\d+/);
    expect(await confOf(undefined, true)).toBe(ENGINE_MALLOC_CONF);
  });

  it("any other store keeps jemalloc's defaults (the reports' reads are faster with them)", async () => {
    expect(await confOf(undefined, false)).toBeNull();
  });

  it("keeps an operator's own configuration, an empty one (jemalloc's defaults) too", async () => {
    expect(await confOf("dirty_decay_ms:5000", true)).toBe("dirty_decay_ms:5000");
    expect(await confOf("", true)).toBe("");
  });
});
