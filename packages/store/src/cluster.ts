// The cluster variant of the schema (CLICKHOUSE_CLUSTER): the same numbered migrations, each
// statement rewritten for a sharded and replicated ClickHouse. A table of the migrations becomes
// <name>_local, Replicated, on every node (ON CLUSTER), with replicated_deduplication_window
// where the single node had non_replicated_deduplication_window; <name> itself becomes a
// Distributed table over it, so every read and insert of the code keeps its table names, its
// FINAL and its insert deduplication tokens. Rows are sharded by the key that decides their
// figures: an order's events and its state by order_id, a case's snapshots by case_id, an
// item's by item_id (the feed contracts' keys), so deduplication, FINAL and the fold of an order
// happen on one shard (docs/performance.md, "A ClickHouse cluster"). Views, materialized views,
// ALTERs and DROPs run ON CLUSTER; INSERT … SELECT backfills go through the Distributed tables.
// Parsed by the engine in tests/cluster-schema.test.ts; not run on a cluster here.
import { CONTRACTS, FEEDS } from "@casepulse/feeds";

/** The key each table is sharded by; a table of the migrations without one is refused. */
export const SHARD_KEYS: Readonly<Record<string, string>> = Object.freeze({
  ...Object.fromEntries(FEEDS.map((feed) => [CONTRACTS[feed].table, CONTRACTS[feed].key])),
  ...Object.fromEntries(FEEDS.map((feed) => [CONTRACTS[feed].msgIdTable, "msg_id"])),
  hotline_order_state: CONTRACTS.hotline.key,
  rejected_events: "id",
  ingest_batches: "batch_id",
  reports: "period",
  published_reports: "period",
});

/**
 * Views whose single-node form reads the parts of one node (migration 010: the order state's
 * rows outside its largest part), and their form over a cluster's Distributed table, where a
 * part is a shard's: FINAL, which each shard applies to its own orders.
 */
export const CLUSTER_VIEW_FORMS: Readonly<Record<string, string>> = Object.freeze({
  hotline_order_rows: "SELECT * FROM ${DB}.hotline_order_state FINAL",
});

/** The suffix of the replicated table under each Distributed one. */
export const LOCAL_SUFFIX = "_local";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TABLE = String.raw`\$\{DB\}\.(\w+)`;

export class ClusterSchemaError extends Error {
  override readonly name = "ClusterSchemaError";
}

export function checkClusterName(cluster: string): string {
  if (!NAME.test(cluster)) throw new ClusterSchemaError(`cluster name ${JSON.stringify(cluster)}: must be a plain identifier (letters, digits, _)`);
  return cluster;
}

/** `Engine(args)` → its replicated form, the replica path first (one per shard, or one for all). */
function replicatedEngine(engine: string, args: string | undefined, path: string): string {
  if (!/^\w*MergeTree$/.test(engine)) throw new ClusterSchemaError(`engine ${engine}: only the MergeTree family has a replicated form`);
  const own = args?.slice(1, -1).trim();
  return `Replicated${engine}('${path}', '{replica}'${own ? `, ${own}` : ""})`;
}

const onCluster = (cluster: string) => `ON CLUSTER \`${cluster}\``;

function createTable(match: RegExpMatchArray, cluster: string): string[] {
  const [, table, columns, engine, args, rest] = match as unknown as [string, string, string, string, string | undefined, string];
  const key = SHARD_KEYS[table];
  if (key === undefined) throw new ClusterSchemaError(`table ${table}: no shard key (add one to SHARD_KEYS in packages/store/src/cluster.ts)`);
  const local = `${table}${LOCAL_SUFFIX}`;
  const settings = rest.replace(/\bnon_replicated_deduplication_window\b/g, "replicated_deduplication_window");
  return [
    `CREATE TABLE IF NOT EXISTS \${DB}.${local} ${onCluster(cluster)} ${columns} ENGINE = ${replicatedEngine(engine, args, "/clickhouse/tables/{shard}/{database}/{table}")}${settings}`,
    `CREATE TABLE IF NOT EXISTS \${DB}.${table} ${onCluster(cluster)} AS \${DB}.${local} ENGINE = Distributed('${cluster}', '\${DB}', '${local}', cityHash64(${key}))`,
  ];
}

/** ALTER of a table: the replicated tables always; the Distributed one for its columns (not TTLs). */
function alterTable(table: string, action: string, cluster: string): string[] {
  const statements = [`ALTER TABLE \${DB}.${table}${LOCAL_SUFFIX} ${onCluster(cluster)} ${action}`];
  if (/^(ADD|MODIFY|DROP|RENAME|COMMENT)\s+COLUMN\b/i.test(action)) {
    statements.push(`ALTER TABLE \${DB}.${table} ${onCluster(cluster)} ${action.replace(/\s+TTL\s[\s\S]*$/i, "")}`);
  }
  return statements;
}

/** One migration statement (with `${DB}` not yet replaced) as the statements of the cluster variant. */
export function clusterStatements(statement: string, cluster: string): string[] {
  checkClusterName(cluster);
  const s = statement.trim();
  let m: RegExpMatchArray | null;
  if ((m = s.match(new RegExp(String.raw`^CREATE TABLE IF NOT EXISTS ${TABLE}\s*(\([\s\S]*\))\s*ENGINE\s*=\s*(\w+)(\([^)]*\))?([\s\S]*)$`, "i")))) return createTable(m, cluster);
  if ((m = s.match(new RegExp(String.raw`^CREATE MATERIALIZED VIEW IF NOT EXISTS ${TABLE}\s+TO\s+${TABLE}\s+AS\s+([\s\S]*)$`, "i")))) {
    // A materialized view sees the inserts of its node: it reads and writes the replicated tables.
    const [, view, target, select] = m as unknown as [string, string, string, string];
    const fromLocal = select.replace(new RegExp(String.raw`\bFROM\s+${TABLE}`, "gi"), (_all, t: string) => `FROM \${DB}.${t}${LOCAL_SUFFIX}`);
    return [`CREATE MATERIALIZED VIEW IF NOT EXISTS \${DB}.${view} ${onCluster(cluster)} TO \${DB}.${target}${LOCAL_SUFFIX} AS ${fromLocal}`];
  }
  if ((m = s.match(new RegExp(String.raw`^(CREATE OR REPLACE VIEW|CREATE VIEW IF NOT EXISTS) ${TABLE}\s+AS\s+([\s\S]*)$`, "i")))) {
    return [`${m[1]} \${DB}.${m[2]} ${onCluster(cluster)} AS ${CLUSTER_VIEW_FORMS[m[2]!] ?? m[3]}`];
  }
  if ((m = s.match(new RegExp(String.raw`^DROP (VIEW|TABLE) IF EXISTS ${TABLE}$`, "i")))) return [`DROP ${m[1]} IF EXISTS \${DB}.${m[2]} ${onCluster(cluster)}`];
  if ((m = s.match(new RegExp(String.raw`^ALTER TABLE ${TABLE}\s+([\s\S]*)$`, "i")))) return alterTable(m[1]!, m[2]!, cluster);
  // Rows (backfills): written through the Distributed tables, which shard them.
  if (/^INSERT INTO\b/i.test(s)) return [s];
  throw new ClusterSchemaError(`no cluster form for the statement ${JSON.stringify(s.slice(0, 80))}`);
}

/** The runner's own statements: the database on every node, and one migrations table replicated to all nodes. */
export function clusterBootstrap(database: string, cluster: string): string[] {
  checkClusterName(cluster);
  return [
    `CREATE DATABASE IF NOT EXISTS ${database} ${onCluster(cluster)}`,
    `CREATE TABLE IF NOT EXISTS ${database}.schema_migrations ${onCluster(cluster)} (version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)) ` +
      `ENGINE = ${replicatedEngine("ReplacingMergeTree", undefined, "/clickhouse/tables/all/{database}/{table}")} ORDER BY version`,
  ];
}
