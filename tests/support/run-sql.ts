// Run as a child process (`node --import tsx run-sql.ts <queries.json>`) with the test's
// CASEPULSE_DATA/CASEPULSE_DB: runs each query and prints [{rows} | {error}] as JSON, in order.
// A child because the test process must not open embedded ClickHouse itself.
import { readFileSync } from "node:fs";
import { parseEnv, storeEnvSchema } from "@casepulse/config";
import { openStore } from "@casepulse/store";

const env = parseEnv(storeEnvSchema);
const store = await openStore({ url: env.CLICKHOUSE_URL, dataDir: env.CASEPULSE_DATA, database: env.CASEPULSE_DB });
try {
  const out: ({ rows: Record<string, unknown>[] } | { error: string })[] = [];
  for (const sql of JSON.parse(readFileSync(process.argv[2]!, "utf8")) as string[]) {
    try {
      out.push({ rows: await store.query<Record<string, unknown>>(sql) });
    } catch (err) {
      out.push({ error: (err as Error).message });
    }
  }
  process.stdout.write(JSON.stringify(out));
} finally {
  await store.close();
}
