// What a command needs to reach the data: config from the environment, the migrated store,
// the personal-data key.
import { parseEnv, storeEnvSchema, type StoreEnv } from "@casepulse/config";
import { createPiiProtector, type PiiProtector } from "@casepulse/normalize";
import { migrate, openStore, type Store } from "@casepulse/store";

export interface Context {
  env: StoreEnv;
  store: Store;
  pii: PiiProtector;
}

export function loadEnv(): StoreEnv {
  return parseEnv(storeEnvSchema);
}

export async function openContext(env = loadEnv()): Promise<Context> {
  const store = await openStore({
    url: env.CLICKHOUSE_URL,
    dataDir: env.CASEPULSE_DATA,
    database: env.CASEPULSE_DB,
    username: env.CLICKHOUSE_USER,
    password: env.CLICKHOUSE_PASSWORD,
  });
  try {
    await migrate(store);
  } catch (err) {
    await store.close();
    throw err;
  }
  return { env, store, pii: createPiiProtector(env.CASEPULSE_PII_KEY) };
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
