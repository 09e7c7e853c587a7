// Run as a child process (`node --import tsx explain-batch.ts <period> <metrics.json>`) with the
// test's store environment: explains many metrics in one process (one CLI run per metric would
// take minutes) through the same explainMetric the `explain` command calls.
import { readFileSync } from "node:fs";
import { explainMetric, type Explanation } from "@casepulse/reporting";
import { withEnvStore } from "./env-store.ts";

const [period, metricsFile] = process.argv.slice(2);
const out = await withEnvStore(async (store) => {
  const explained: Explanation[] = [];
  for (const metric of JSON.parse(readFileSync(metricsFile!, "utf8")) as string[]) explained.push(await explainMetric(store, period!, metric));
  return explained;
});
process.stdout.write(JSON.stringify(out));
