// The hand-written migrations against the feeds' contracts: each feed's table has exactly the
// columns its contract stores, in the contract's order and of the declared types (then the
// table's own ingested_at), and its msg_id table exists. A key added to a contract and not to a
// migration, or the other way round, fails here.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACTS, FEEDS } from "@casepulse/feeds";
import { EVENT_COLUMNS, migrate, openStore, type Store } from "@casepulse/store";

const dir = mkdtempSync(join(tmpdir(), "casepulse-contract-tables-"));
let store: Store;

beforeAll(async () => {
  store = await openStore({ dataDir: dir, database: "contract_tables" });
  await migrate(store);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const columnsOf = (table: string) =>
  store.query<{ name: string; type: string }>(
    "SELECT name, type FROM system.columns WHERE database = {db:String} AND table = {table:String} ORDER BY position",
    { db: store.database, table },
  );

describe("each feed's table is its contract", () => {
  it.each(FEEDS)("%s", async (feed) => {
    const contract = CONTRACTS[feed];
    const declared = Object.entries(contract.fields).map(([key, spec]) => ({ name: spec.personal?.column ?? key, type: spec.column }));
    expect(await columnsOf(contract.table)).toEqual([...declared, { name: "ingested_at", type: "DateTime64(3, 'UTC')" }]);
    expect(declared.map((c) => c.name)).toEqual([...EVENT_COLUMNS[feed]]);
    expect(await columnsOf(contract.msgIdTable)).toEqual([{ name: "msg_id", type: "String" }]);
  });

  it("no personal key is stored under its own name", async () => {
    for (const feed of FEEDS) {
      const names = (await columnsOf(CONTRACTS[feed].table)).map((c) => c.name);
      for (const [key, spec] of Object.entries(CONTRACTS[feed].fields)) if (spec.personal) expect(names, `${feed}.${key}`).not.toContain(key);
    }
  });
});
