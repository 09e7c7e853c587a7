// The order state is folded in two forms made from one rule per column (packages/store/src/derived.ts):
// orders with one event in the source row by row, the others aggregated. Both must give what
// aggregating every order gives, in the embedded engine, for events that reach each rule's edges:
// attributes missing or null, a 回访 without a rating, equal event times, one msg_id stored twice,
// orders of one event of each kind.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldIntoOrderState, migrate, openStore, ORDER_STATE_COLUMNS, orderStateSelect, refreshOrderState, type Store } from "@casepulse/store";

const dir = mkdtempSync(join(tmpdir(), "casepulse-order-state-"));
const DB = "order_state";
let store: Store;

const KINDS = ["登记", "派发", "签收", "办结", "退回", "重启", "回访"] as const;
const T0 = Date.UTC(2024, 0, 1);

/** Events: `single` orders of one event each (every kind, attributes on or off), and orders of several. */
function events(): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const time = (ms: number) => new Date(T0 + ms).toISOString().replace("T", " ").replace("Z", "");
  const attributes = (i: number) => ({
    category: i % 3 === 0 ? null : `类别${i % 4}`,
    community: i % 5 === 0 ? null : `社区${i % 3}`,
    deadline: i % 2 === 0 ? null : time(86_400_000 * (i % 7)),
    channel: i % 4 === 0 ? null : "12345",
    repeat_of: i % 6 === 0 ? `W${i - 1}` : null,
    satisfaction: i % 3 === 1 ? null : ["满意", "不满意"][i % 2],
    unit: i % 2 === 0 ? `单位${i % 5}` : null,
    caller_hash: i % 4 === 1 ? null : `h${i % 9}`,
    has_content: i % 2 === 0,
    street: i % 7 === 0 ? null : `街道${i % 2}`,
  });
  for (let i = 0; i < 70; i += 1) {
    rows.push({ msg_id: `s-${i}`, order_id: `S${i}`, event: KINDS[i % KINDS.length], event_time: time(i * 1000), ...attributes(i) });
  }
  for (let o = 0; o < 30; o += 1) {
    for (let e = 0; e < 2 + (o % 5); e += 1) {
      const i = o * 7 + e;
      // Every third order has all its events at one time: msg_id then the value decide.
      const at = o % 3 === 0 ? o * 1000 : o * 1000 + e * 10;
      rows.push({ msg_id: `m-${o}-${(e * 7) % 5}-${e}`, order_id: `M${o}`, event: KINDS[(o + e) % KINDS.length], event_time: time(at), ...attributes(i) });
    }
  }
  // One msg_id stored twice (two jobs both found it new): one order of two rows.
  const twice = { msg_id: "d-1", order_id: "D1", event: "登记", event_time: time(5), ...attributes(1) };
  rows.push(twice, { ...twice });
  return rows;
}

const finalized = (select: string) => `SELECT * EXCEPT (msg_ids), finalizeAggregation(msg_ids) AS messages FROM (${select})`;

async function difference(a: string, b: string, params: Record<string, unknown> = {}): Promise<number> {
  const [row] = await store.query<{ c: number }>(`SELECT count() AS c FROM ((${finalized(a)}) EXCEPT (${finalized(b)}))`, params);
  return Number(row!.c);
}

beforeAll(async () => {
  store = await openStore({ dataDir: dir, database: DB });
  await migrate(store);
  await store.insertJsonLines("hotline_events", events().map((r) => JSON.stringify(r)));
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("order state: orders of one event row by row, the others aggregated", () => {
  const source = `${DB}.hotline_events`;

  it("gives what aggregating every order gives, both ways round", async () => {
    const [byRow, grouped] = [orderStateSelect(source, "1"), orderStateSelect(source, "1", false)];
    expect(await difference(byRow, grouped)).toBe(0);
    expect(await difference(grouped, byRow)).toBe(0);
    // Both forms ran: 70 orders of one event, 31 of several (D1's one msg_id twice among them).
    const [counts] = await store.query<{ orders: number; single: number }>(
      `SELECT count() AS orders, countIf(finalizeAggregation(msg_ids) = 1 AND order_id LIKE 'S%') AS single FROM (${byRow})`,
    );
    expect(counts).toEqual({ orders: 101, single: 70 });
  });

  it("over a parameter's orders, as refreshOrderState selects them", async () => {
    const where = "order_id IN {orders:Array(String)}";
    const params = { orders: ["S0", "S6", "S13", "M0", "M4", "D1", "absent"] };
    expect(await difference(orderStateSelect(source, where), orderStateSelect(source, where, false), params)).toBe(0);
    expect(await difference(orderStateSelect(source, where, false), orderStateSelect(source, where), params)).toBe(0);
  });

  it("folded and refreshed into the table, the orders view reads what aggregating every order gives", async () => {
    await foldIntoOrderState(store, source);
    await refreshOrderState(store, ["S1", "M1", "D1"]);
    const view = await store.query<Record<string, unknown>>(`SELECT * FROM ${DB}.hotline_orders ORDER BY order_id`);
    await store.command(`TRUNCATE TABLE ${DB}.hotline_order_state`);
    await store.command(`INSERT INTO ${DB}.hotline_order_state (${ORDER_STATE_COLUMNS}) ${orderStateSelect(source, "1", false)}`);
    const reference = await store.query<Record<string, unknown>>(`SELECT * FROM ${DB}.hotline_orders ORDER BY order_id`);
    expect(view).toHaveLength(101);
    expect(view).toEqual(reference);
  });
});

describe("the orders' merged rows read by parts (migration 010), as FINAL gives them", () => {
  const source = `${DB}.hotline_events`;
  const state = `${DB}.hotline_order_state`;
  const parts = async () => {
    const [row] = await store.query<{ parts: number; split: number }>(
      `SELECT (SELECT count() FROM system.parts WHERE database = '${DB}' AND table = 'hotline_order_state' AND active) AS parts,
              (SELECT count() FROM (SELECT order_id FROM ${state} GROUP BY order_id HAVING uniqExact(_part) > 1)) AS split`,
    );
    return { parts: Number(row!.parts), split: Number(row!.split) };
  };

  beforeAll(async () => {
    // The parts stay as written while the test reads them.
    await store.command(`SYSTEM STOP MERGES ${state}`);
  });
  afterAll(async () => {
    await store.command(`SYSTEM START MERGES ${state}`);
  });

  /** Rows outside the largest part, and whether the view merges them itself (at most 1 in 20) or reads by FINAL. */
  const outside = async () => {
    const [row] = await store.query<{ outside: number; few: number }>(
      `SELECT countIf(_part != (SELECT argMax(part, (rows, part)) FROM (SELECT _part AS part, count() AS rows FROM ${state} GROUP BY part))) AS outside,
              outside * 20 <= count() AS few FROM ${state}`,
    );
    return { outside: Number(row!.outside), few: Number(row!.few) === 1 };
  };
  const sameAsFinal = async () => {
    expect(await difference(`SELECT * FROM ${DB}.hotline_order_rows`, `SELECT * FROM ${state} FINAL`)).toBe(0);
    expect(await difference(`SELECT * FROM ${state} FINAL`, `SELECT * FROM ${DB}.hotline_order_rows`)).toBe(0);
    // EXCEPT compares sets: an order read twice shows in the count.
    const [count] = await store.query<{ rows: number; orders: number }>(`SELECT count() AS rows, uniqExact(order_id) AS orders FROM ${DB}.hotline_order_rows`);
    expect(Number(count!.rows)).toBe(Number(count!.orders));
    return Number(count!.rows);
  };

  it("reads an empty state as no order", async () => {
    await store.command(`TRUNCATE TABLE ${state}`);
    expect(await parts()).toEqual({ parts: 0, split: 0 });
    expect(await sameAsFinal()).toBe(0);
    expect(await store.query(`SELECT * FROM ${DB}.hotline_orders`)).toEqual([]);
  });

  it("merges the few orders with rows outside the largest part, and reads the others as stored", async () => {
    await store.command(`TRUNCATE TABLE ${state}`);
    // Three orders of several events have some of them folded into a second part, so their
    // merged rows are neither part's.
    const later = "order_id IN ('M1', 'M2', 'M4') AND cityHash64(msg_id) % 2 = 0";
    await foldIntoOrderState(store, `(SELECT * FROM ${source} WHERE NOT (${later}))`);
    await foldIntoOrderState(store, `(SELECT * FROM ${source} WHERE ${later})`);
    expect(await parts()).toEqual({ parts: 2, split: 3 });
    expect(await outside()).toEqual({ outside: 3, few: true });
    expect(await sameAsFinal()).toBe(101);
  });

  it("reads by FINAL when many rows are outside the largest part", async () => {
    await store.command(`TRUNCATE TABLE ${state}`);
    // Each slice of the events folded into a part of its own: most orders of several events
    // have their rows spread over parts.
    for (let i = 0; i < 4; i += 1) await foldIntoOrderState(store, `(SELECT * FROM ${source} WHERE cityHash64(msg_id) % 7 ${i < 3 ? `= ${i}` : ">= 3"})`);
    const spread = await parts();
    expect(spread.parts).toBe(4);
    expect(spread.split).toBeGreaterThan(10);
    expect((await outside()).few).toBe(false);
    expect(await sameAsFinal()).toBe(101);
  });

  it("reads a state merged into one part, and new orders in a part beside it, as FINAL does", async () => {
    await store.command(`SYSTEM START MERGES ${state}`);
    await store.command(`OPTIMIZE TABLE ${state} FINAL`);
    await store.command(`SYSTEM STOP MERGES ${state}`);
    expect(await parts()).toEqual({ parts: 1, split: 0 });
    expect(await sameAsFinal()).toBe(101);
    // Orders of no other part beside the merged one: outside it, merged by the view.
    await store.command(
      `INSERT INTO ${state} (${ORDER_STATE_COLUMNS}) SELECT * REPLACE (concat('N', order_id) AS order_id) FROM (${orderStateSelect(source, "order_id IN ('M1', 'M2', 'S3')")})`,
    );
    expect(await outside()).toEqual({ outside: 3, few: true });
    expect(await sameAsFinal()).toBe(104);
  });

  it("merges each column by the aggregate its type names, and lists every column in both branches", async () => {
    const columns = await store.query<{ name: string; type: string }>(
      `SELECT name, type FROM system.columns WHERE database = '${DB}' AND table = 'hotline_order_state' ORDER BY position`,
    );
    const [view] = await store.query<{ sql: string }>(`SELECT create_table_query AS sql FROM system.tables WHERE database = '${DB}' AND name = 'hotline_order_rows'`);
    const [plain, grouped] = view!.sql.split(/\bUNION ALL\b/) as [string, string];
    const merge = (name: string, type: string) => {
      const simple = /^SimpleAggregateFunction\((\w+),/.exec(type);
      if (simple) return `${simple[1]}(${name})`;
      const state = /^AggregateFunction\((\w+),/.exec(type);
      return state ? `${state[1]}MergeState(${name})` : name;
    };
    expect(columns.length).toBe(20);
    const listed = (branch: string) => branch.slice(branch.lastIndexOf("SELECT"), branch.indexOf(`FROM ${state}`, branch.lastIndexOf("SELECT")));
    expect(listed(plain).split(",").map((c) => c.replace(/^SELECT/, "").trim())).toEqual(columns.map((c) => c.name));
    expect(listed(grouped).replace(/^SELECT/, "")).toBe(` ${columns.map((c) => merge(c.name, c.type)).join(", ")} `);
  });
});
