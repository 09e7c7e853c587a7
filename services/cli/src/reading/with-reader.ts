// How a read-only command reaches the data: its own store, or, when a running `casepulse start`
// holds the embedded folder (the engine allows one process per folder), that process.
import { loadEnv, withContext } from "../context.ts";
import { runningStart } from "./ops-file.ts";
import { localReader, type Reader } from "./reader.ts";
import { remoteReader } from "./remote-reader.ts";

export async function withReader<T>(fn: (reader: Reader) => Promise<T>): Promise<T> {
  const env = loadEnv();
  const start = env.CLICKHOUSE_URL ? null : runningStart(env.CASEPULSE_DATA);
  if (start) return fn(remoteReader(start, env.CASEPULSE_DB));
  return withContext((ctx) => fn(localReader(ctx.store)));
}
