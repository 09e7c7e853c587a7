// Child of sql-accept.test.ts (embedded ClickHouse lives in its own process). Two checks on a
// JSONL file of a feed the engine can validate (SQL_ACCEPTERS), printed as one JSON object:
// - lines: each line through the engine's SQL accepter and toRow in SQL, and through
//   validateRecord + toRow + encodeEvents in Node; every line the SQL accepts must be accepted by
//   Node with the same stored row.
// - stored: the file ingested three times into three databases: the engine reading it whole
//   (one slice), the engine reading it cut into slices of SLICE_LINES lines, and Node parsing it;
//   every table the ingest writes must hold the same rows in each (ids and times of ingestion
//   aside); after each, the engine merges again.
import { readFileSync } from "node:fs";
import { CONTRACTS, SQL_ACCEPT_SETTINGS, SQL_ACCEPTERS, validateRecord, type Feed } from "@casepulse/feeds";
import { ingestFile, readLines } from "@casepulse/ingestion";
import { createPiiProtector, rowsSql, rowsSqlParams, toRow } from "@casepulse/normalize";
import { encodeEvents, EVENT_COLUMNS, EVENT_TABLES, migrate, openFileStage, openStore, type Store } from "@casepulse/store";

const [dataDir, file, feed] = process.argv.slice(2) as [string, string, Feed];
const accepter = SQL_ACCEPTERS[feed]!;
const toRows = rowsSql[feed]!;
const KEY = "sql-accept-test-key-0123456789";
const pii = createPiiProtector(KEY);
/** Lines per slice of the sliced engine reading: a prime, so slices end at no round line. */
const SLICE_LINES = 4_999;

async function compareLines(store: Store) {
  const stage = await openFileStage(store, feed);
  try {
    await stage.load(file, 1, readFileSync(file, "utf8").split("\n").length);
    await stage.extract((lines) => `${accepter.extract(lines)} SETTINGS ${SQL_ACCEPT_SETTINGS}`);
    await stage.accept((extracted) => `${toRows(accepter.select(extracted))} SETTINGS ${SQL_ACCEPT_SETTINGS}`, rowsSqlParams(pii));
    const rows = await store.query<Record<string, unknown> & { n: number }>(`SELECT * FROM ${stage.accepted} ORDER BY n`);
    const bySql = new Map(rows.map(({ n, ...row }) => [Number(n), row]));
    let lines = 0;
    let nodeAccepted = 0;
    let sqlAccepted = 0;
    const disagreements: string[] = [];
    for await (const line of readLines(file)) {
      lines += 1;
      const node = validateRecord(feed, line.value);
      const sql = bySql.get(line.number);
      if (node.ok) nodeAccepted += 1;
      if (!sql) continue;
      sqlAccepted += 1;
      if (!node.ok) {
        disagreements.push(`line ${line.number}: SQL accepted, Node rejected (${node.reason}): ${line.value.toString().slice(0, 300)}`);
        continue;
      }
      // Node's stored row is an array of the event columns' values (encodeEvents); named here to compare.
      const values = JSON.parse(encodeEvents(feed, [toRow(feed, node.record, pii)]).lines[0]!) as unknown[];
      const expected = Object.fromEntries(EVENT_COLUMNS[feed].map((column, i) => [column, values[i]]));
      const same = Object.keys(expected).length === Object.keys(sql).length && Object.entries(expected).every(([k, v]) => sql[k] === v);
      if (!same) disagreements.push(`line ${line.number}: Node ${JSON.stringify(expected)} SQL ${JSON.stringify(sql)}`);
    }
    return { lines, nodeAccepted, sqlAccepted, disagreements: disagreements.slice(0, 20), disagreementCount: disagreements.length };
  } finally {
    await stage.close();
  }
}

/** Rows of `sql` (over database {db}) in the engine's database and not Node's, both ways. */
async function differences(store: Store, sql: string, engine: string): Promise<{ rows: number; onlyEngine: number; onlyNode: number }> {
  const of = (db: string) => sql.replaceAll("{db}", db);
  const count = async (q: string) => Number((await store.query<{ c: number }>(`SELECT count() AS c FROM (${q})`))[0]!.c);
  return {
    rows: await count(of(engine)),
    onlyEngine: await count(`${of(engine)} EXCEPT ${of("by_node")}`),
    onlyNode: await count(`${of("by_node")} EXCEPT ${of(engine)}`),
  };
}

async function compareStored(store: Store) {
  const outcomes: Record<string, unknown> = {};
  for (const [db, readInEngine, batchSize] of [["by_engine", true, undefined], ["by_engine_sliced", true, SLICE_LINES], ["by_node", false, undefined]] as const) {
    const target = store.withDatabase(db);
    await migrate(target);
    outcomes[db] = await ingestFile({ store: target, piiKey: KEY, feed, path: file, readInEngine, batchSize });
    // The engine's reading stops merges while it writes; they must run again once it is done
    // (OPTIMIZE fails with "Cancelled merging parts" while they are stopped).
    await target.command(`OPTIMIZE TABLE ${db}.${EVENT_TABLES[feed]} FINAL`);
  }
  const tables: Record<string, string> = {
    events: `SELECT * EXCEPT (ingested_at) FROM {db}.${EVENT_TABLES[feed]} FINAL`,
    ...(feed === "hotline" ? { order_state: "SELECT * FROM {db}.hotline_orders" } : {}),
    msg_ids: `SELECT DISTINCT msg_id FROM {db}.${CONTRACTS[feed].msgIdTable}`,
    rejected: "SELECT source, reason, msg_id, byte_size, preview FROM {db}.rejected_events FINAL",
    batches: "SELECT feed, sum(received), sum(rejected) FROM {db}.ingest_batches FINAL GROUP BY feed",
  };
  const diffs: Record<string, unknown> = {};
  const slicedDiffs: Record<string, unknown> = {};
  for (const [name, sql] of Object.entries(tables)) {
    diffs[name] = await differences(store, sql, "by_engine");
    slicedDiffs[name] = await differences(store, sql, "by_engine_sliced");
  }
  // The sealed records are encrypted with a fresh IV each: compare what they open to.
  const sealed = async (db: string) =>
    (await store.query<{ source: string; sealed: string }>(`SELECT source, sealed FROM ${db}.rejected_events FINAL ORDER BY source`)).map(
      (r) => `${r.source} ${pii.open(r.sealed).toString("hex")}`,
    );
  const [engineSealed, slicedSealed, nodeSealed] = [await sealed("by_engine"), await sealed("by_engine_sliced"), await sealed("by_node")];
  const batches = async (db: string) => Number((await store.query<{ c: number }>(`SELECT count() AS c FROM ${db}.ingest_batches FINAL WHERE received > 0`))[0]!.c);
  return {
    outcomes,
    diffs,
    slicedDiffs,
    slicedBatches: await batches("by_engine_sliced"),
    sealedEqual: JSON.stringify(engineSealed) === JSON.stringify(nodeSealed),
    slicedSealedEqual: JSON.stringify(slicedSealed) === JSON.stringify(nodeSealed),
    sealedCount: engineSealed.length,
  };
}

const store = await openStore({ dataDir, database: "by_engine" });
try {
  readFileSync(file); // fail early on a missing file
  await migrate(store);
  const lines = await compareLines(store);
  const stored = await compareStored(store);
  console.log(JSON.stringify({ lines, stored, sliceLines: SLICE_LINES }));
} finally {
  await store.close();
}
