// One way to reach ClickHouse, embedded or server: the same @clickhouse/client API and SQL.
import { createClient, type ClickHouseClient } from "@clickhouse/client";
import { Readable } from "node:stream";
import { resolve } from "node:path";
import { usableDataFolder } from "./data-folder.ts";
import { toStoreError } from "./errors.ts";
import { detachStdinFromEngine } from "./stdin-guard.ts";

export interface StoreConfig {
  /** ClickHouse server URL (http://host:8123); unset means embedded chDB in dataDir. */
  url?: string | undefined;
  /** Folder of the embedded engine's data. */
  dataDir: string;
  /** Database holding casepulse's tables. */
  database: string;
  username?: string | undefined;
  password?: string | undefined;
}

export interface Store {
  readonly database: string;
  readonly embedded: boolean;
  readonly client: ClickHouseClient;
  /**
   * The client of analysts' read-only statements (read-only.ts). On a server, `client`: its
   * settings go with each request. On the embedded engine, a second connection to the same
   * folder: the engine keeps a query's settings for the rest of its connection, so `readonly = 2`
   * set on the pipeline's own connection would refuse every write after it.
   */
  readClient(): ClickHouseClient;
  /** Runs a SELECT; outside values go in `params` and are referenced as {name:Type}. */
  query<T>(sql: string, params?: Record<string, unknown>): Promise<T[]>;
  command(sql: string, params?: Record<string, unknown>): Promise<void>;
  /** Inserts rows; a repeated dedupToken makes the repeat a no-op in ClickHouse itself. */
  insert(table: string, rows: readonly object[], dedupToken?: string): Promise<void>;
  /**
   * Inserts rows already encoded as JSONEachRow lines (encoded off the writing thread), or with
   * `columns` as JSONCompactEachRow lines (arrays of those columns' values); with `temporary`,
   * into a temporary table of the session instead of one of the database.
   */
  insertJsonLines(table: string, lines: readonly string[], dedupToken?: string, options?: InsertOptions): Promise<void>;
  /** The same connection, another database (tests isolate themselves this way). Closing it is a no-op. */
  withDatabase(database: string): Store;
  close(): Promise<void>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface InsertOptions {
  temporary?: boolean;
  /** The lines are JSONCompactEachRow rows of these columns' values, in this order. */
  columns?: readonly string[];
}

/**
 * Settings of every insert. The token is always set, empty when there is none: the embedded
 * engine keeps a SET for the rest of its session, so an insert without a token would run with the
 * previous insert's and be dropped. async_insert is off (chDB turns it on by default): an insert
 * then waited for a shared buffer's flush, and it must be stored, as one block under its own
 * deduplication token, before the next step of a batch runs.
 */
const insertSettings = (dedupToken: string | undefined) => ({
  async_insert: 0 as const,
  insert_deduplication_token: dedupToken ?? "",
  // Rows with equal keys in one insert are collapsed by the background merges like any others
  // (readers use FINAL); collapsing them while inserting too only costs time (a third of an
  // order-state insert, whose rows are one per order already).
  optimize_on_insert: 0 as const,
  // Event tables are partitioned by year, and a batch of hostile or corrected records may span
  // more than the 100 years one insert is allowed by default: such a batch must be stored, not
  // refused on every retry. Valid timestamps lie in 1900-2299, so at most 400 partitions.
  max_partitions_per_insert_block: "0" as const,
});

/**
 * Settings of every query, embedded or on a server. The engine's JIT compilation is off: from a
 * query's third run ClickHouse 26.1-26.7 compiles min and max over DateTime64 with an unsigned
 * comparison, so a time before 1970 wins max and loses min (ClickHouse issue #113942, fixed by
 * #114168 after 26.7.3; chDB ships 26.7), which gave fuzzed orders wrong times in their state
 * (tests/sql-accept.e2e.test.ts, tests/engine-settings.test.ts); compiled if/multiIf mixing Date
 * and DateTime64 drop the unit (#115272, not met here). The report bench's builds changed by less
 * than their spread with compilation on (docs/performance.md).
 */
export const ENGINE_SETTINGS = { compile_expressions: 0, compile_aggregate_expressions: 0 } as const;

/**
 * The embedded engine's allocator (the jemalloc linked into libchdb) for a bulk load: pages its
 * queries free go back to the system after 300 ms, not after its default decay, and none are kept
 * "muzzy". A 200,000-line ingest held 80 MB less at its peak (548 against 627-636 MB) at the same
 * speed; the pipeline's peak did not move, and the monthly report took about a tenth longer
 * (its reads fault the returned pages in again), so only `casepulse ingest` asks for it
 * (docs/performance.md, "The engine's freed pages").
 */
export const ENGINE_MALLOC_CONF = "dirty_decay_ms:300,muzzy_decay_ms:0";

/**
 * Asks for ENGINE_MALLOC_CONF in this process: the allocator reads `JE_MALLOC_CONF` once, when
 * the engine's library loads, so this must run before the first embedded store opens. An
 * environment that names its own configuration keeps it (an empty value is jemalloc's defaults).
 */
export function returnFreedPagesSoon(): void {
  process.env.JE_MALLOC_CONF ??= ENGINE_MALLOC_CONF;
}

/**
 * The settings of every insert, as the SETTINGS clause of an INSERT … SELECT run as a command.
 * A token is a setting, not a parameter: batch ids are made of safe characters, and checked.
 */
export function insertSettingsClause(dedupToken?: string): string {
  if (dedupToken !== undefined && !/^[\w:.-]+$/.test(dedupToken)) {
    throw new Error(`unexpected characters in deduplication token ${JSON.stringify(dedupToken)}`);
  }
  const settings = Object.entries(insertSettings(dedupToken)).map(([name, value]) => `${name} = ${typeof value === "string" ? `'${value}'` : value}`);
  return `SETTINGS ${settings.join(", ")}`;
}

export async function openStore(config: StoreConfig): Promise<Store> {
  if (!IDENTIFIER.test(config.database)) throw new Error(`invalid database name ${JSON.stringify(config.database)}`);
  const embedded = !config.url;
  let client: ClickHouseClient;
  let rawInsert: RawInsert | null = null;
  let readClient: () => ClickHouseClient;
  let reading: ClickHouseClient | null = null;
  let where: string | undefined;
  if (embedded) {
    const path = resolve(config.dataDir);
    // Checked here: the engine's own errors blame the wrong cause (a read-only folder reads as
    // "another instance is running") and print a line of their own. A folder that passes and
    // still does not open is held by another process.
    usableDataFolder(path);
    where = `the data folder ${path}`;
    // Loaded only when needed: a server deployment never maps the 500 MB engine.
    const { createChdbConnection } = await import("chdb/connection");
    // Else the engine takes a pipe or file on stdin as the data of its inserts.
    detachStdinFromEngine();
    try {
      const connection = createChdbConnection({ path });
      client = createClient({ connection: connection as never, clickhouse_settings: ENGINE_SETTINGS });
      rawInsert = (params) => connection.chdb.rawInsert(params);
      readClient = () => (reading ??= createClient({ connection: createChdbConnection({ path }) as never, clickhouse_settings: ENGINE_SETTINGS }));
    } catch (err) {
      throw toStoreError(err, `cannot open embedded ClickHouse in ${path} (is another casepulse process using it?)`, where);
    }
  } else {
    client = createClient({
      url: config.url,
      username: config.username ?? "default",
      password: config.password ?? "",
      request_timeout: 60_000,
      clickhouse_settings: { date_time_input_format: "best_effort", ...ENGINE_SETTINGS },
    });
    const server = client;
    readClient = () => server;
  }
  let closed = false;
  return storeOn(client, readClient, config.database, rawInsert, where, async () => {
    if (closed) return;
    closed = true;
    await reading?.close();
    await client.close();
  });
}

/**
 * The embedded engine's own insert: the payload goes to the engine as bytes, with its settings in
 * the statement. The client's insert would first concatenate the whole payload into the SQL text,
 * which the engine then parses again (an insert of 20,000 events took twice as long).
 */
type RawInsert = (params: { table: string; columns?: string[]; values: Buffer; format: "JSONEachRow" | "JSONCompactEachRow"; settings: Record<string, string | number> }) => Promise<unknown>;

/**
 * The lines as one UTF-8 payload, each ending in a newline. Written line by line into one buffer:
 * joining 5,000 event lines into one string and encoding that took 28 ms, this 3 ms (the
 * stream's store jobs paid it on every insert; docs/performance.md).
 */
export function jsonLinesPayload(lines: readonly string[]): Buffer {
  let size = lines.length;
  for (const line of lines) size += Buffer.byteLength(line, "utf8");
  const payload = Buffer.allocUnsafe(size);
  let at = 0;
  for (const line of lines) {
    at += payload.write(line, at, "utf8");
    payload[at++] = 0x0a;
  }
  return payload;
}

function storeOn(client: ClickHouseClient, readClient: () => ClickHouseClient, database: string, rawInsert: RawInsert | null, where: string | undefined, close: () => Promise<void>): Store {
  if (!IDENTIFIER.test(database)) throw new Error(`invalid database name ${JSON.stringify(database)}`);
  const insertLines = async (table: string, lines: readonly string[], dedupToken: string | undefined, options?: InsertOptions) => {
    if (lines.length === 0) return;
    const target = options?.temporary ? table : `${database}.${table}`;
    const columns = options?.columns;
    const bad = columns?.find((c) => !IDENTIFIER.test(c));
    if (bad !== undefined) throw new Error(`invalid column name ${JSON.stringify(bad)}`);
    const format = columns ? "JSONCompactEachRow" : "JSONEachRow";
    const columnList = columns ? ` (${columns.join(", ")})` : "";
    try {
      if (rawInsert) {
        await rawInsert({ table: target, ...(columns && { columns: [...columns] }), values: jsonLinesPayload(lines), format, settings: insertSettings(dedupToken) });
        return;
      }
      const result = await client.exec({
        query: `INSERT INTO ${target}${columnList} FORMAT ${format}`,
        values: Readable.from([jsonLinesPayload(lines)], { objectMode: false }),
        clickhouse_settings: insertSettings(dedupToken),
      });
      // A server's response must be read to free its socket.
      for await (const _ of result.stream) void _;
    } catch (err) {
      throw toStoreError(err, `insert into ${table} failed`, where);
    }
  };
  return {
    database,
    embedded: rawInsert !== null,
    client,
    readClient,
    async query<T>(sql: string, params?: Record<string, unknown>) {
      try {
        const rs = await client.query({
          query: sql,
          query_params: params,
          format: "JSONEachRow",
          // Counts come back as JSON numbers, not strings; none here reach 2^53.
          clickhouse_settings: { output_format_json_quote_64bit_integers: 0 },
        });
        return (await rs.json()) as T[];
      } catch (err) {
        throw toStoreError(err, "query failed", where);
      }
    },
    async command(sql: string, params?: Record<string, unknown>) {
      try {
        await client.command({ query: sql, query_params: params });
      } catch (err) {
        throw toStoreError(err, "command failed", where);
      }
    },
    insert: (table, rows, dedupToken) => insertLines(table, rows.map((r) => JSON.stringify(r)), dedupToken),
    insertJsonLines: insertLines,
    withDatabase: (other) => storeOn(client, readClient, other, rawInsert, where, async () => {}),
    close,
  };
}
