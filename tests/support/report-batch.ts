// Run as a child process (`node --import tsx report-batch.ts <requests.json>`) with the test's
// store environment: builds many reports in one process (one CLI run per report would take
// minutes), each {period, street} with the configuration the report command reads
// (CASEPULSE_ACCEPT_HOURS, CASEPULSE_DEFAULT_STREET).
import { readFileSync } from "node:fs";
import { parseEnv, reportEnvSchema } from "@casepulse/config";
import { buildReport, type Report } from "@casepulse/reporting";
import { withEnvStore } from "./env-store.ts";

const [requestsFile] = process.argv.slice(2);
const env = parseEnv(reportEnvSchema);
const out = await withEnvStore(async (store) => {
  const reports: Report[] = [];
  for (const { period, street } of JSON.parse(readFileSync(requestsFile!, "utf8")) as { period: string; street: string | null }[]) {
    reports.push(await buildReport(store, period, { acceptHours: env.CASEPULSE_ACCEPT_HOURS, defaultStreet: env.CASEPULSE_DEFAULT_STREET, street }));
  }
  return reports;
});
process.stdout.write(JSON.stringify(out));
