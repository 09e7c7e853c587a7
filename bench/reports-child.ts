// Child: times buildReport for a year and a month over a store of `events` hotline events, and
// the same report forwarded: asked over loopback HTTP of the query endpoint that `casepulse start`
// serves while it holds the folder (the endpoint and the client of the CLI, here in one process).
// The store is made once per size and kept (cache folder) with the current migrations applied on
// open, its parts merged; each period gets one untimed warm-up (page cache), then `runs` timed builds,
// of every street and of one street (a district's: report-events.ts), and of every street again
// on the store as a stream leaves it (a part of recent batches beside the merged ones); with
// `direct`, only the reports of every street built in this process (the growth sizes).
import { startRouteServer } from "@casepulse/ops";
import { buildReport } from "@casepulse/reporting";
import { foldIntoOrderState, migrate, openStore, recordMsgIdsFrom } from "@casepulse/store";
import { newToken } from "../services/cli/src/reading/ops-file.ts";
import { queryRoute } from "../services/cli/src/reading/query-endpoint.ts";
import { remoteReader } from "../services/cli/src/reading/remote-reader.ts";
import { BENCH_STREETS, reportEventsSql } from "./report-events.ts";

const [dataDir, eventsText, runsText, kinds = "all"] = process.argv.slice(2) as [string, string, string, string?];
const events = Number(eventsText);
const runs = Number(runsText);
const db = "bench_reports";
const log = (m: string) => process.stderr.write(`${m}\n`);

const store = await openStore({ dataDir, database: db });
try {
  await migrate(store);
  // A store made before the events named streets, or whose order state was never folded, is made again.
  const [have] = await store.query<{ n: number; streets: number; orders: number }>(
    `SELECT count() AS n, countIf(street IS NOT NULL) AS streets, (SELECT count() FROM ${db}.hotline_order_state) AS orders FROM ${db}.hotline_events`,
  );
  const wanted = Math.floor(events / 5) * 5;
  if (Number(have!.n) !== wanted || Number(have!.streets) === 0 || Number(have!.orders) === 0) {
    log(`making ${wanted} events in ${dataDir} (once)`);
    for (const table of ["hotline_events", "hotline_order_state", "hotline_msg_ids", "mediation_snapshots", "mediation_msg_ids", "litigation_snapshots", "litigation_msg_ids", "ingest_batches"]) {
      await store.command(`TRUNCATE TABLE IF EXISTS ${db}.${table}`);
    }
    const t = performance.now();
    for (const sql of reportEventsSql(db, events)) await store.command(sql);
    // What each batch of the pipeline derives from its events (packages/store/src/derived.ts), a
    // slice of the orders at a time to keep the fold's memory small.
    const SLICES = 8;
    for (let i = 0; i < SLICES; i += 1) {
      await foldIntoOrderState(store, `(SELECT * FROM ${db}.hotline_events WHERE cityHash64(order_id) % ${SLICES} = ${i})`);
    }
    for (const feed of ["hotline", "mediation", "litigation"] as const) {
      await recordMsgIdsFrom(store, feed, `${db}.${feed === "hotline" ? "hotline_events" : `${feed}_snapshots`}`);
    }
    log(`made in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  // A store no one has written to for an hour has its parts merged (migration 010 merges older
  // parts into the largest); a bulk-made one has not yet. The first timings start from that
  // settled state (a no-op once it is reached), the last ones from a store being written (below).
  const t = performance.now();
  for (const table of ["hotline_events", "hotline_order_state", "hotline_msg_ids", "mediation_msg_ids", "litigation_msg_ids"]) {
    const [exists] = await store.query<{ n: number }>(`SELECT count() AS n FROM system.tables WHERE database = '${db}' AND name = '${table}'`);
    if (Number(exists!.n) > 0) await store.command(`OPTIMIZE TABLE ${db}.${table} FINAL SETTINGS optimize_skip_merged_partitions = 1`);
  }
  log(`parts merged in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const token = newToken();
  const endpoint = await startRouteServer("127.0.0.1", 0, { "/query": queryRoute(store, token) });
  const forwarded = remoteReader({ host: "127.0.0.1", port: endpoint.port, pid: process.pid, token }, db);
  const timings: Record<string, number[]> = { year: [], month: [], street_year: [], street_month: [], forwarded_year: [], forwarded_month: [], live_year: [], live_month: [] };
  const street = BENCH_STREETS[1];
  /** A year's and a month's builds: one untimed warm-up each, then `runs` timed, under `prefix`. */
  const timeBuilds = async (prefix: string, build: (period: string) => Promise<unknown>) => {
    for (const [kind, period] of [["year", "2024"], ["month", "2024-06"]] as const) {
      await build(period);
      for (let i = 0; i < runs; i += 1) {
        const t = performance.now();
        await build(period);
        timings[`${prefix}${kind}`]!.push(performance.now() - t);
      }
    }
  };
  const district = (period: string) => buildReport(store, period);
  await timeBuilds("", district);
  if (kinds === "all") {
    await timeBuilds("street_", (period) => buildReport(store, period, { street }));
    await timeBuilds("forwarded_", (period) => forwarded.report({ period, options: {}, series: false }));
  }
  await endpoint.close();
  // A store being written is not merged: the parts of the last hour's batches (migration 010
  // merges older ones) sit beside the largest, each with orders from all over the key range
  // (events of older orders). That store: the events of one order in 1,000 folded again as a
  // part of their own (the same figures), merges stopped while the reports are timed.
  if (kinds === "all") {
    await store.command(`SYSTEM STOP MERGES ${db}.hotline_order_state`);
    try {
      await foldIntoOrderState(store, `(SELECT * FROM ${db}.hotline_events WHERE cityHash64(order_id) % 1000 = 0)`);
      await timeBuilds("live_", district);
    } finally {
      await store.command(`SYSTEM START MERGES ${db}.hotline_order_state`);
    }
  }
  console.log(JSON.stringify({ events: wanted, ...timings }));
} finally {
  await store.close();
}
