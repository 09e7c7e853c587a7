// The cluster variant of the schema (packages/store/src/cluster.ts, CLICKHOUSE_CLUSTER). No
// ClickHouse cluster runs here, so every statement of it is checked by the engine's own parser
// (formatQuery, in the embedded engine) and its shape by what the design needs: replicated
// tables ON CLUSTER with replicated deduplication, a Distributed table of the same name over each,
// sharded by the key of each order, case or item. The cluster compose file is checked statically.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CONTRACTS, FEEDS } from "@casepulse/feeds";
import { bootstrapStatements, ClusterSchemaError, clusterStatements, loadMigrations, migrationStatements, openStore, SHARD_KEYS, type Store } from "@casepulse/store";
import { ROOT } from "./support/cli.ts";

const DB = "casepulse";
const CLUSTER = "casepulse";
const dir = mkdtempSync(join(tmpdir(), "casepulse-cluster-"));
let store: Store;
const migrations = loadMigrations();
const statements = [...bootstrapStatements(DB, { cluster: CLUSTER }), ...migrations.flatMap((m) => migrationStatements(m, DB, { cluster: CLUSTER }))];

/** The engine's own formatting of a statement, or null where it cannot parse it. */
async function formatted(sql: string): Promise<string | null> {
  const [row] = await store.query<{ f: string | null }>("SELECT formatQueryOrNull({q:String}) AS f", { q: sql });
  return row?.f ?? null;
}

/** Tables the single-node migrations create, with their engine. */
const singleNodeTables = migrations
  .flatMap((m) => m.statements)
  .flatMap((s) => [...s.matchAll(/^CREATE TABLE IF NOT EXISTS \$\{DB\}\.(\w+)[\s\S]*?ENGINE\s*=\s*(\w+)/g)].map((x) => ({ table: x[1]!, engine: x[2]! })));

beforeAll(async () => {
  store = await openStore({ dataDir: dir, database: "cluster_parse" });
});
afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the cluster schema", () => {
  it("parses, every statement, in the engine's own parser", async () => {
    expect(statements.length).toBeGreaterThan(60);
    const failing: string[] = [];
    for (const s of statements) if ((await formatted(s)) === null) failing.push(s.slice(0, 160));
    expect(failing).toEqual([]);
  });

  it("runs every DDL statement ON CLUSTER; only the backfills (INSERT … SELECT) do not", async () => {
    for (const s of statements) {
      const f = (await formatted(s))!;
      if (/^INSERT INTO/.test(f)) expect(f, f.slice(0, 120)).not.toContain("ON CLUSTER");
      else expect(f, f.slice(0, 120)).toMatch(new RegExp(`ON CLUSTER ${CLUSTER}\\b`));
    }
  });

  it("replicates every table of the single-node schema under a Distributed table of its name, sharded by its key", () => {
    expect(singleNodeTables.length).toBeGreaterThanOrEqual(12);
    const text = statements.join("\n");
    expect(text).not.toContain("non_replicated_deduplication_window");
    for (const { table, engine } of singleNodeTables) {
      const local = statements.find((s) => s.startsWith(`CREATE TABLE IF NOT EXISTS ${DB}.${table}_local `))!;
      expect(local, table).toMatch(new RegExp(`ENGINE = Replicated${engine}\\('/clickhouse/tables/\\{shard\\}/\\{database\\}/\\{table\\}', '\\{replica\\}'`));
      const distributed = statements.find((s) => s.startsWith(`CREATE TABLE IF NOT EXISTS ${DB}.${table} `))!;
      expect(distributed, table).toBe(
        `CREATE TABLE IF NOT EXISTS ${DB}.${table} ON CLUSTER \`${CLUSTER}\` AS ${DB}.${table}_local ENGINE = Distributed('${CLUSTER}', '${DB}', '${table}_local', cityHash64(${SHARD_KEYS[table]}))`,
      );
    }
    // Where the single node kept a deduplication window, the replicas keep it.
    const windows = (s: string) => (s.match(/deduplication_window = \d+/g) ?? []).length;
    expect(windows(text)).toBe(migrations.flatMap((m) => m.statements).reduce((n, s) => n + windows(s), 0));
  });

  it("keeps each order's, case's and item's rows on one shard: the feeds' keys", () => {
    for (const feed of FEEDS) {
      expect(SHARD_KEYS[CONTRACTS[feed].table], feed).toBe(CONTRACTS[feed].key);
      expect(SHARD_KEYS[CONTRACTS[feed].msgIdTable], feed).toBe("msg_id");
    }
    expect(SHARD_KEYS.hotline_order_state).toBe(CONTRACTS.hotline.key);
  });

  it("reads the order state with FINAL over a cluster, where the single node reads its parts (migration 010)", () => {
    const single = migrations.flatMap((m) => m.statements).find((s) => s.startsWith("CREATE OR REPLACE VIEW ${DB}.hotline_order_rows AS"))!;
    expect(single).toContain("_part");
    const rows = statements.filter((s) => s.startsWith(`CREATE OR REPLACE VIEW ${DB}.hotline_order_rows `));
    expect(rows).toEqual([`CREATE OR REPLACE VIEW ${DB}.hotline_order_rows ON CLUSTER \`${CLUSTER}\` AS SELECT * FROM ${DB}.hotline_order_state FINAL`]);
    // The setting that keeps the node's parts few is the replicated table's.
    expect(statements.filter((s) => s.includes("min_age_to_force_merge_seconds"))).toEqual([
      `ALTER TABLE ${DB}.hotline_order_state_local ON CLUSTER \`${CLUSTER}\` MODIFY SETTING min_age_to_force_merge_seconds = 3600`,
    ]);
  });

  it("alters the replicated tables, and the Distributed ones for their columns but not for TTLs", () => {
    const addColumn = clusterStatements("ALTER TABLE ${DB}.hotline_events ADD COLUMN IF NOT EXISTS street Nullable(String)", CLUSTER);
    expect(addColumn).toEqual([
      "ALTER TABLE ${DB}.hotline_events_local ON CLUSTER `casepulse` ADD COLUMN IF NOT EXISTS street Nullable(String)",
      "ALTER TABLE ${DB}.hotline_events ON CLUSTER `casepulse` ADD COLUMN IF NOT EXISTS street Nullable(String)",
    ]);
    const ttl = clusterStatements("ALTER TABLE ${DB}.rejected_events MODIFY COLUMN sealed String TTL toDateTime(received_at) + INTERVAL 180 DAY", CLUSTER);
    expect(ttl[1]).toBe("ALTER TABLE ${DB}.rejected_events ON CLUSTER `casepulse` MODIFY COLUMN sealed String");
  });

  it("refuses what it has no cluster form for: a table without a shard key, another statement, a bad cluster name", () => {
    expect(() => clusterStatements("CREATE TABLE IF NOT EXISTS ${DB}.new_table (a String) ENGINE = MergeTree ORDER BY a", CLUSTER)).toThrow(/new_table: no shard key/);
    expect(() => clusterStatements("RENAME TABLE ${DB}.a TO ${DB}.b", CLUSTER)).toThrow(ClusterSchemaError);
    expect(() => clusterStatements("DROP VIEW IF EXISTS ${DB}.v", "bad name")).toThrow(/cluster name/);
  });

  it("leaves the single-node schema as written", () => {
    for (const m of migrations) expect(migrationStatements(m, DB)).toEqual(m.statements.map((s) => s.replaceAll("${DB}", DB)));
  });
});

describe("infra/clickhouse/cluster/docker-compose.yml", () => {
  it("is valid for docker-compose: 2 shards x 2 replicas on one Keeper, every image pinned", () => {
    const env = { ...process.env, CLICKHOUSE_PASSWORD: "pw" };
    const file = join(ROOT, "infra/clickhouse/cluster/docker-compose.yml");
    const c = parse(execFileSync("docker-compose", ["-f", file, "config"], { cwd: ROOT, env, encoding: "utf8" })) as {
      services: Record<string, { image: string; environment?: Record<string, string>; depends_on?: Record<string, unknown> }>;
    };
    const servers = Object.entries(c.services).filter(([name]) => name.startsWith("clickhouse-"));
    expect(servers.map(([, s]) => [s.environment?.CLICKHOUSE_SHARD, s.environment?.CLICKHOUSE_REPLICA]).sort()).toEqual([
      ["1", "clickhouse-s1-r1"],
      ["1", "clickhouse-s1-r2"],
      ["2", "clickhouse-s2-r1"],
      ["2", "clickhouse-s2-r2"],
    ]);
    for (const [name, s] of servers) expect(Object.keys(s.depends_on ?? {}), name).toContain("keeper");
    for (const [name, s] of Object.entries(c.services)) expect(s.image, name).toMatch(/:\d+\.\d+\.\d+\.\d+$/);
  });
});
