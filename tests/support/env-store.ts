// For helper scripts run as child processes: the store the environment names (CASEPULSE_DATA,
// CASEPULSE_DB, CLICKHOUSE_*), open for `fn` and closed after. The test process itself must not
// open embedded ClickHouse (one process per folder, and one folder per process).
import { parseEnv, storeEnvSchema } from "@casepulse/config";
import { openStore, type Store } from "@casepulse/store";

export async function withEnvStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const env = parseEnv(storeEnvSchema);
  const store = await openStore({ url: env.CLICKHOUSE_URL, dataDir: env.CASEPULSE_DATA, database: env.CASEPULSE_DB, username: env.CLICKHOUSE_USER, password: env.CLICKHOUSE_PASSWORD });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
