// Numbered, idempotent migrations from infra/clickhouse/migrations; each applied once and recorded.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Store } from "./client.ts";

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

/** Applies the migrations not yet recorded in `schema_migrations`; returns the names applied. */
export async function migrate(store: Store, migrations = loadMigrations()): Promise<string[]> {
  const db = store.database;
  await store.command(`CREATE DATABASE IF NOT EXISTS ${db}`);
  await store.command(
    `CREATE TABLE IF NOT EXISTS ${db}.schema_migrations (version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)) ENGINE = ReplacingMergeTree ORDER BY version`,
  );
  const done = new Set(
    (await store.query<{ version: number }>(`SELECT version FROM ${db}.schema_migrations FINAL`)).map((r) => r.version),
  );
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    // Every statement is written to be re-runnable, so a crash mid-migration is repaired by a rerun.
    for (const statement of m.statements) await store.command(statement.replaceAll("${DB}", db));
    await store.insert("schema_migrations", [{ version: m.version, name: m.name }]);
    applied.push(m.name);
  }
  return applied;
}
