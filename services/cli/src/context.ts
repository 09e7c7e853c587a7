// What a command needs to reach the data: config from the environment, the migrated store,
// the personal-data key.
import { ConfigError, parseEnv, storeEnvSchema, type StoreEnv } from "@casepulse/config";
import { createPiiProtector, type PiiProtector } from "@casepulse/normalize";
import { applyDlqRetention, DataFolderError, migrate, openStore, type Store } from "@casepulse/store";
import { refuseHeldFolder } from "./reading/ops-file.ts";

export interface Context {
  env: StoreEnv;
  store: Store;
  pii: PiiProtector;
}

export function loadEnv(): StoreEnv {
  return parseEnv(storeEnvSchema);
}

export async function openContext(env = loadEnv()): Promise<Context> {
  // Named before the engine's own lock error: which process holds the folder, and what to do.
  if (!env.CLICKHOUSE_URL) refuseHeldFolder(env.CASEPULSE_DATA);
  let store: Store;
  try {
    store = await openStore({
      url: env.CLICKHOUSE_URL,
      dataDir: env.CASEPULSE_DATA,
      database: env.CASEPULSE_DB,
      username: env.CLICKHOUSE_USER,
      password: env.CLICKHOUSE_PASSWORD,
    });
  } catch (err) {
    // The folder is configuration: named by its variable, exit code 2.
    if (err instanceof DataFolderError) throw new ConfigError(`invalid environment variable CASEPULSE_DATA (${JSON.stringify(env.CASEPULSE_DATA)}): ${err.path} ${err.problem}`);
    throw err;
  }
  try {
    await migrate(store, undefined, { cluster: env.CLICKHOUSE_CLUSTER });
    await applyDlqRetention(store, env.CASEPULSE_DLQ_RETENTION_DAYS);
  } catch (err) {
    await store.close();
    throw err;
  }
  return { env, store, pii: createPiiProtector(env.CASEPULSE_PII_KEY, env.CASEPULSE_PII_OLD_KEYS) };
}

/** Runs `fn` with an open context and always closes the store. */
export async function withContext<T>(fn: (ctx: Context) => Promise<T>): Promise<T> {
  const ctx = await openContext();
  try {
    return await fn(ctx);
  } finally {
    await ctx.store.close();
  }
}
