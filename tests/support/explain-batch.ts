// Run as a child process (`node --import tsx explain-batch.ts <period> <metrics.json>`) with the
// test's CASEPULSE_DATA/CASEPULSE_DB: explains many metrics in one process (one CLI run per metric
// would take minutes) through the same explainMetric the `explain` command calls. The test process
// itself must not open embedded ClickHouse (one process per folder; one folder per process).
import { readFileSync } from "node:fs";
import { parseEnv, storeEnvSchema } from "@casepulse/config";
import { explainMetric } from "@casepulse/reporting";
import { openStore } from "@casepulse/store";

const [period, metricsFile] = process.argv.slice(2);
const env = parseEnv(storeEnvSchema);
const store = await openStore({ url: env.CLICKHOUSE_URL, dataDir: env.CASEPULSE_DATA, database: env.CASEPULSE_DB });
try {
  const out = [];
  for (const metric of JSON.parse(readFileSync(metricsFile!, "utf8")) as string[]) out.push(await explainMetric(store, period!, metric));
  process.stdout.write(JSON.stringify(out));
} finally {
  await store.close();
}
