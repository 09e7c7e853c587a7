// docs/analysts.md "Streets": the SQL that gives a street's analysts a user seeing only its rows.
// No ClickHouse server runs here (the embedded engine has no users), so every statement is checked
// by the engine's own parser (formatQuery) and its coverage against the schema the migrations make:
// every table and view holding a street has a policy, the state views by the report's condition,
// the tables under them by the ids of the street's orders, cases and items; nothing is granted
// without a policy.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACTS, FEEDS } from "@casepulse/feeds";
import { migrate, openStore, type Store } from "@casepulse/store";
import { ROOT } from "./support/cli.ts";

const DB = "casepulse";
const dir = mkdtempSync(join(tmpdir(), "casepulse-row-policies-"));
let store: Store;

const block = /```sql\n-- row policies of one street\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, "docs", "analysts.md"), "utf8"))?.[1] ?? "";
const statements = block.split(/;\s*\n/).map((s) => s.trim()).filter((s) => s.length > 0);

async function formatted(sql: string): Promise<string | null> {
  const [row] = await store.query<{ f: string | null }>("SELECT formatQuerySingleLineOrNull({q:String}) AS f", { q: sql });
  return row?.f ?? null;
}

/** Every statement as the engine formats it on one line. */
let parsed: string[] = [];
beforeAll(async () => {
  store = await openStore({ dataDir: dir, database: DB });
  await migrate(store);
  parsed = await Promise.all(statements.map(async (s) => (await formatted(s)) ?? `UNPARSED ${s}`));
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const CONDITION = "ifNull(street, '蛇口街道') = '招商街道'";
const policies = () => new Map(parsed.flatMap((s) => [...s.matchAll(/^CREATE ROW POLICY IF NOT EXISTS zhaoshang ON casepulse\.(\w+) (?:FOR SELECT )?USING (.+) TO street_zhaoshang$/g)].map((m) => [m[1]!, m[2]!])));

describe("row policies of one street (docs/analysts.md)", () => {
  it("every statement parses in the engine's own parser", () => {
    expect(statements.length).toBeGreaterThan(25);
    expect(parsed.filter((s) => s.startsWith("UNPARSED"))).toEqual([]);
  });

  it("covers every table and view of the schema that holds a street", async () => {
    const withStreet = await store.query<{ table: string }>(
      `SELECT DISTINCT table FROM system.columns WHERE database = {db:String} AND name IN ('street', 'street_latest') ORDER BY table`,
      { db: DB },
    );
    expect(withStreet.length).toBeGreaterThanOrEqual(10);
    expect([...policies().keys()].sort()).toEqual(withStreet.map((t) => t.table));
  });

  it("the state views: the report's own condition; the tables under them: whole orders, cases and items by id", () => {
    const p = policies();
    for (const feed of FEEDS) {
      const c = CONTRACTS[feed];
      const view = { hotline: "hotline_orders", mediation: "mediation_cases", litigation: "litigation_cases", supervision: "supervision_items" }[feed];
      expect(p.get(view), view).toBe(CONDITION);
      const key = feed === "hotline" ? "order_id" : feed === "supervision" ? "item_id" : "case_id";
      const ids = `${key} IN (SELECT ${key} FROM casepulse.zhaoshang_${view === "hotline_orders" ? "orders" : view})`;
      expect(p.get(c.table), c.table).toBe(ids);
      // Each id view reads the state view with the same condition, as the pipeline's user.
      const idView = parsed.find((s) => s.startsWith(`CREATE VIEW IF NOT EXISTS casepulse.zhaoshang_${view === "hotline_orders" ? "orders" : view} `));
      expect(idView, view).toMatch(new RegExp(`DEFINER = casepulse SQL SECURITY DEFINER AS \\(?SELECT ${key} FROM casepulse\\.${view} WHERE ${CONDITION.replace(/[()]/g, "\\$&")}\\)?$`));
    }
    expect(p.get("hotline_order_state")).toBe("order_id IN (SELECT order_id FROM casepulse.zhaoshang_orders)");
    expect(p.get("published_reports")).toBe("street = '招商街道'");
  });

  it("grants SELECT only where a policy or an id view stands, and the role to the street's user", () => {
    const granted = parsed.flatMap((s) => [.../^GRANT SELECT ON casepulse\.(\w+) TO street_zhaoshang$/.exec(s)?.slice(1) ?? []]);
    const idViews = parsed.flatMap((s) => [.../^CREATE VIEW IF NOT EXISTS casepulse\.(\w+) /.exec(s)?.slice(1) ?? []]);
    expect(granted.sort()).toEqual([...policies().keys(), ...idViews].sort());
    expect(parsed).toContain("GRANT street_zhaoshang TO analyst_zhaoshang");
    expect(parsed.find((s) => s.startsWith("CREATE USER"))).toMatch(/SETTINGS readonly = 2$/);
  });
});
