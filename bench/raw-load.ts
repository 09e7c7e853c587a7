// Child: the raw engine's speed on the same file, the baseline of the file ingest: embedded
// ClickHouse reads the JSONL itself into a table of the raw columns, no validation, no hashing.
// Lines that are not JSON objects are skipped (they are ~1% of the file).
import { openStore } from "@casepulse/store";

const [dataDir, file] = process.argv.slice(2) as [string, string];
const COLUMNS = [
  "msg_id", "order_id", "event", "event_time", "category", "community", "deadline", "channel",
  "repeat_of", "satisfaction", "unit", "caller_phone", "content",
].map((c) => `${c} Nullable(String)`).join(", ");

const store = await openStore({ dataDir, database: "bench_raw" });
try {
  await store.command("CREATE DATABASE IF NOT EXISTS bench_raw");
  await store.command(`CREATE TABLE IF NOT EXISTS bench_raw.hotline (${COLUMNS}) ENGINE = MergeTree ORDER BY tuple()`);
  const started = performance.now();
  await store.command(
    `INSERT INTO bench_raw.hotline SELECT * FROM file({path:String}, JSONEachRow, '${COLUMNS}')
     SETTINGS input_format_allow_errors_ratio = 1, input_format_allow_errors_num = 1000000000`,
    { path: file },
  );
  const insertMs = performance.now() - started;
  const [row] = await store.query<{ rows: number }>("SELECT count() AS rows FROM bench_raw.hotline");
  console.log(JSON.stringify({ rows: row!.rows, insertMs }));
} finally {
  await store.close();
}
