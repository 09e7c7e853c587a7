// Numbered, idempotent migrations from infra/clickhouse/migrations; each applied once and recorded.
// With a cluster name (CLICKHOUSE_CLUSTER), each statement is applied in its cluster form
// (cluster.ts): replicated tables under Distributed ones, ON CLUSTER.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Store } from "./client.ts";
import { clusterBootstrap, clusterStatements } from "./cluster.ts";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../infra/clickhouse/migrations", import.meta.url));

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((name) => ({
      version: Number(name.slice(0, 3)),
      name,
      statements: readFileSync(`${dir}/${name}`, "utf8")
        .replace(/^\s*--.*$/gm, "")
        .split(/;\s*(?:\n|$)/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0),
    }));
}

export interface MigrateOptions {
  /** A ClickHouse cluster's name (remote_servers): the schema's cluster variant, ON CLUSTER. */
  cluster?: string | undefined;
}

/** The database and the table that records the migrations applied. */
export function bootstrapStatements(db: string, options: MigrateOptions = {}): string[] {
  if (options.cluster) return clusterBootstrap(db, options.cluster);
  return [
    `CREATE DATABASE IF NOT EXISTS ${db}`,
    `CREATE TABLE IF NOT EXISTS ${db}.schema_migrations (version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)) ENGINE = ReplacingMergeTree ORDER BY version`,
  ];
}

/** A migration's statements as they run against database `db`. */
export function migrationStatements(m: Migration, db: string, options: MigrateOptions = {}): string[] {
  const statements = options.cluster ? m.statements.flatMap((s) => clusterStatements(s, options.cluster!)) : m.statements;
  return statements.map((s) => s.replaceAll("${DB}", db));
}

/** Applies the migrations not yet recorded in `schema_migrations`; returns the names applied. */
export async function migrate(store: Store, migrations = loadMigrations(), options: MigrateOptions = {}): Promise<string[]> {
  const db = store.database;
  for (const statement of bootstrapStatements(db, options)) await store.command(statement);
  const done = new Set(
    (await store.query<{ version: number }>(`SELECT version FROM ${db}.schema_migrations FINAL`)).map((r) => r.version),
  );
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    // Every statement is written to be re-runnable, so a crash mid-migration is repaired by a rerun.
    for (const statement of migrationStatements(m, db, options)) await store.command(statement);
    await store.insert("schema_migrations", [{ version: m.version, name: m.name }]);
    applied.push(m.name);
  }
  return applied;
}
