// Run as a child process (`node --import tsx inspect-store.ts [needles.json]`) with the pipeline's
// CASEPULSE_DATA/CASEPULSE_DB/CLICKHOUSE_* env, after the pipeline stopped: embedded ClickHouse
// allows one process per data folder, and the test process must not hold it. Prints one JSON object:
// row counts of the event tables, and which needles occur in any String column of any table.
import { readFileSync } from "node:fs";
import { EVENT_TABLES } from "@casepulse/store";
import { openContext } from "../../../services/cli/src/context.ts";
import { needleIndex } from "./needle-index.ts";

// The store as every casepulse command opens it (the same env, the migrations already applied).
const { env, store } = await openContext();
try {
  const db = { db: env.CASEPULSE_DB };
  const events: Record<string, { rows: number; rows_final: number; msg_ids: number }> = {};
  for (const [feed, table] of Object.entries(EVENT_TABLES)) {
    const [c] = await store.query<{ rows: number; rows_final: number; msg_ids: number }>(
      `SELECT (SELECT count() FROM ${env.CASEPULSE_DB}.${table}) AS rows,
              (SELECT count() FROM ${env.CASEPULSE_DB}.${table} FINAL) AS rows_final,
              (SELECT uniqExact(msg_id) FROM ${env.CASEPULSE_DB}.${table}) AS msg_ids`,
    );
    events[feed] = c!;
  }
  const needlesFile = process.argv[2];
  let scan: { tables: number; columns: number; values: number; leaks: { table: string; column: string; needle: string }[] } | null = null;
  if (needlesFile) {
    const index = needleIndex(JSON.parse(readFileSync(needlesFile, "utf8")) as string[]);
    const columns = await store.query<{ table: string; name: string }>(
      `SELECT c.table AS table, c.name AS name FROM system.columns AS c
       INNER JOIN system.tables AS t ON t.database = c.database AND t.name = c.table
       WHERE c.database = {db:String} AND t.engine NOT LIKE '%View%' AND c.type LIKE '%String%'
       ORDER BY c.table, c.name`,
      db,
    );
    scan = { tables: new Set(columns.map((c) => c.table)).size, columns: columns.length, values: 0, leaks: [] };
    for (const { table, name } of columns) {
      // Identifiers come from system.columns of our own database, not from outside input.
      const values = await store.query<{ v: string }>(
        `SELECT DISTINCT toString(\`${name}\`) AS v FROM ${env.CASEPULSE_DB}.\`${table}\` WHERE \`${name}\` IS NOT NULL`,
      );
      scan.values += values.length;
      for (const { v } of values) for (const needle of index.find(v)) scan.leaks.push({ table, column: name, needle });
    }
  }
  process.stdout.write(`${JSON.stringify({ events, scan })}\n`);
} finally {
  await store.close();
}
