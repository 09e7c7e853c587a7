// `pnpm bench [--json] [--smoke] [--runs N] [--only ingest,stream,reports]`: throughput of the
// file path (two export shapes) and the stream path against their raw baselines measured in the
// same run, ingest time and peak memory as the file grows, produce-to-queryable latency (alone
// and beside a busy neighbour), report times over 10M events and the pipeline's peak memory.
// Progress goes to stderr; stdout gets the table, or one JSON object with --json.
import { ensureServices } from "../tests/support/services.ts";
import { benchCsvIngest } from "./csv-ingest.ts";
import { benchFileIngest } from "./file-ingest.ts";
import { hotlineFile, newOrdersFile, streamFile, type FeedFile } from "./feed-files.ts";
import { benchIngestGrowth } from "./ingest-growth.ts";
import { machineFacts } from "./machine.ts";
import { BenchUsageError, parseOptions, USAGE, type BenchOptions } from "./options.ts";
import { benchReports } from "./reports.ts";
import { benchStream } from "./stream.ts";
import type { BenchSummary } from "./summary.ts";
import { renderTable } from "./table.ts";

function options(): BenchOptions {
  try {
    const parsed = parseOptions(process.argv.slice(2));
    if (parsed !== "help") return parsed;
    console.log(USAGE);
    process.exit(0);
  } catch (err) {
    if (!(err instanceof BenchUsageError)) throw err;
    console.error(`bench: ${err.message}`);
    process.exit(2);
  }
}

const o = options();
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const wanted = (section: string) => o.only === null || o.only.has(section);

const machine = await machineFacts();
const details: BenchSummary["details"] = {};
const needsFile = wanted("ingest") || wanted("stream");
const file = needsFile ? await hotlineFile(o.fileScale) : null;

if (wanted("ingest")) {
  log(`file ingest: ${file!.lines} hotline lines, ${o.runs} run(s)`);
  details.ingest = await benchFileIngest({ ...file!, shape: "hotline export" }, o.runs, log);
  const orders = newOrdersFile(o.newOrders);
  log(`file ingest: ${orders.lines} new orders of one month, ${o.runs} run(s)`);
  details.new_orders = await benchFileIngest({ ...orders, shape: "new orders", rejected: 0 }, o.runs, log);
  const sizes: FeedFile[] = [];
  for (const lines of o.growthLines) sizes.push(await streamFile(file!, lines));
  log(`ingest growth: ${o.growthLines.join(", ")} hotline lines, ${o.runs} run(s) each`);
  details.growth = await benchIngestGrowth(sizes, o.runs, log);
  details.csv = await benchCsvIngest(o.fileScale, o.runs, log);
}
if (wanted("stream")) {
  const services = await ensureServices();
  try {
    const events = await streamFile(file!, o.streamEvents);
    log(`stream: ${events.lines} events, latency at ${o.latencyRate}/s for ${o.latencySeconds} s, ${o.runs} run(s)`);
    details.stream = await benchStream(services, events, { runs: o.runs, rate: o.latencyRate, seconds: o.latencySeconds }, log);
  } finally {
    await services.stop();
  }
}
if (wanted("reports")) {
  log(`reports: ${o.reportEvents} events, and ${o.reportGrowth.join(", ")} for the growth`);
  details.reports = await benchReports(o.reportEvents, o.reportGrowth, Math.max(3, o.runs), log);
}

const summary: BenchSummary = {
  ingest_ratio: details.ingest?.ratio ?? null,
  new_orders_ingest_ratio: details.new_orders?.ratio ?? null,
  ingest_peak_rss_mb: details.growth?.peak_rss_mb ?? null,
  csv_ratio: details.csv?.ratio ?? null,
  stream_ratio: details.stream?.ratio ?? null,
  p99_latency_ms: details.stream?.p99_ms ?? null,
  p99_latency_busy_ms: details.stream?.p99_busy_ms ?? null,
  annual_report_ms: details.reports?.annual_ms ?? null,
  monthly_report_ms: details.reports?.monthly_ms ?? null,
  peak_rss_mb: details.stream?.peak_rss_mb ?? null,
  smoke: o.smoke,
  runs: o.runs,
  machine,
  details,
};
console.log(o.json ? JSON.stringify(summary) : renderTable(summary));
// kafkajs and ioredis may keep sockets in their pools a moment longer; the work is done.
process.exit(0);
