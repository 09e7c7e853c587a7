// A feed file read by the embedded engine itself, for the bulk path of `casepulse ingest`: the
// engine reads the lines straight from the file (its parser splits them on both cores), the feed's
// SQL accepter keeps the lines it proves valid, and the new ones are stored from there. The lines
// stay in temporary tables of this process's session; nothing about them outlives close().
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import type { Feed } from "@casepulse/feeds";
import type { Store } from "./client.ts";
import { MSG_ID_TABLES } from "./derived.ts";
import { EVENT_COLUMNS, EVENT_TABLES } from "./events.ts";

/**
 * The staged tables are kept in blocks, not squashed into one: a Memory table is read one block
 * per thread, so each later step runs on every core when a slice's rows make at least two blocks
 * a core. A slice of 77,000 lines in blocks of 64k rows (one of 64k, one of 13k) kept one core
 * busy for most of each step.
 */
function blockSettings(rows: number): string {
  const block = Math.min(65_536, Math.max(4_096, Math.ceil(rows / (2 * availableParallelism()))));
  return `min_insert_block_size_rows = ${block}, min_insert_block_size_bytes = 1073741824, max_insert_block_size = ${block}, max_block_size = ${block}`;
}

/**
 * Temporary tables of this process's session where rows wait while the engine decides what is
 * new: a file's lines (a file stage) or a batch's encoded rows (a batch stage).
 */
export interface Stage {
  /**
   * Temporary tables: the lines (n, line), step one's rows (made by its first use), the accepted
   * rows and the new ones (n + an event row).
   */
  readonly lines: string;
  readonly extracted: string;
  readonly accepted: string;
  readonly fresh: string;
  /** Step one of the SQL accepter: `extract` (over the staged lines, ending in a SETTINGS clause) into `extracted`. */
  extract(extract: (lines: string) => string): Promise<void>;
  /** Step two: what `rows` (over `extracted`, ending in a SETTINGS clause) yields, into `accepted`. */
  accept(rows: (extracted: string) => string, params: Record<string, unknown>): Promise<void>;
  /**
   * The staged lines that step one left out (`extracted`), or that step one kept and step two
   * did not accept (`accepted`), byte for byte.
   */
  leftOver(after: "extracted" | "accepted"): Promise<{ n: number; line: Buffer }[]>;
  /**
   * Empties the staged lines and step one's rows, which no step reads once the lines left over
   * after step two are taken: the rest of a slice's steps then run without holding them.
   */
  dropLines(): Promise<void>;
  /** Rows accepted outside SQL: encodeEvents' rows with the line's `n` first (`[n, …]`). */
  addAccepted(lines: readonly string[]): Promise<void>;
  /**
   * The first accepted row (lowest n) of each msg_id that the feed has not stored yet, into
   * `fresh`; returns how many rows were accepted and how many are new. The accepted rows are
   * emptied then (the batch's steps read `fresh` only).
   */
  selectFresh(): Promise<{ accepted: number; fresh: number }>;
  /**
   * Sizes the blocks of the next steps for about `rows` rows (65,536-row blocks until told);
   * returns those settings, for a step of the caller's.
   */
  blockRows(rows: number): string;
  /** Empties the staged, accepted and new rows for the next slice or batch. */
  clear(): Promise<void>;
  close(): Promise<void>;
}

export interface FileStage extends Stage {
  /**
   * Stages the lines of the file at `path` that are not blank, numbered from `firstLine` (its
   * place in the export it was cut from); `lines` is about how many it holds (it sizes the blocks
   * of this and the next steps). Returns how many are staged.
   */
  load(path: string, firstLine: number, lines: number): Promise<number>;
}

/**
 * How the engine reads a slice: with pread, not by mapping the file (a mapped file's pages count
 * in the process's memory while it runs), and on one thread (a slice is small; parsing it on both
 * cores held about three times the memory and was not faster on a 100,000-line slice).
 */
const SLICE_READ = "storage_file_read_method = 'pread', input_format_parallel_parsing = 0";

export async function openFileStage(store: Store, feed: Feed): Promise<FileStage> {
  const stage = await openStage(store, feed);
  return {
    ...stage,
    async load(path, firstLine, lines) {
      const blocks = stage.blockRows(lines);
      // As readLines: a line's trailing CR, blanks and tabs are not part of it; a blank line is no record.
      await store.command(
        `INSERT INTO ${stage.lines} SELECT n, text FROM (
           SELECT _row_number + {first:UInt64} AS n, trimRight(line, '\\r \\t') AS text FROM file({path:String}, LineAsString))
         WHERE text != ''
         SETTINGS ${blocks}, ${SLICE_READ}`,
        { path, first: firstLine },
      );
      const [row] = await store.query<{ c: number }>(`SELECT count() AS c FROM ${stage.lines}`);
      return Number(row!.c);
    },
  };
}

/**
 * Stages lent one batch at a time, so batches stored at once (a store worker's concurrent jobs)
 * never share one: each is emptied when its batch is done, and dropped instead when emptying it
 * failed, so no batch's rows are ever left for the next.
 */
export interface StagePool {
  /** Runs `step` with a stage of `feed` that no other batch holds meanwhile. */
  use<T>(feed: Feed, step: (stage: Stage) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function stagePool(store: Store): StagePool {
  const idle = new Map<Feed, Stage[]>();
  let closed = false;
  return {
    async use(feed, step) {
      if (closed) throw new Error("the stage pool is closed");
      const stage = idle.get(feed)?.pop() ?? (await openStage(store, feed));
      try {
        return await step(stage);
      } finally {
        const emptied = await stage.clear().then(() => true, () => false);
        if (emptied && !closed) idle.set(feed, [...(idle.get(feed) ?? []), stage]);
        else await stage.close().catch(() => undefined);
      }
    },
    async close() {
      closed = true;
      const stages = [...idle.values()].flat();
      idle.clear();
      for (const stage of stages) await stage.close();
    },
  };
}

/** A stage of the embedded engine's session (temporary tables live only there). */
export async function openStage(store: Store, feed: Feed): Promise<Stage> {
  if (!store.embedded) throw new Error("rows are staged in the engine only when it runs in this process (embedded ClickHouse)");
  const id = randomBytes(6).toString("hex");
  const lines = `casepulse_lines_${id}`;
  const extracted = `casepulse_extracted_${id}`;
  const accepted = `casepulse_accepted_${id}`;
  const fresh = `casepulse_fresh_${id}`;
  const db = store.database;
  let blocks = blockSettings(Number.MAX_SAFE_INTEGER);
  const events = `${db}.${EVENT_TABLES[feed]}`;
  await store.command(`CREATE TEMPORARY TABLE ${lines} (n UInt64, line String) ENGINE = Memory`);
  for (const table of [accepted, fresh]) {
    await store.command(`CREATE TEMPORARY TABLE ${table} ENGINE = Memory AS SELECT toUInt64(0) AS n, * EXCEPT (ingested_at) FROM ${events} LIMIT 0`);
  }
  return {
    lines,
    extracted,
    accepted,
    fresh,
    blockRows(rows) {
      blocks = blockSettings(rows);
      return blocks;
    },
    async extract(extract) {
      const select = extract(lines);
      // Made on first use: its columns are what `extract` yields.
      await store.command(`CREATE TEMPORARY TABLE IF NOT EXISTS ${extracted} ENGINE = Memory AS SELECT * FROM (${select}) LIMIT 0`);
      await store.command(`INSERT INTO ${extracted} ${select}, ${blocks}`);
    },
    async accept(rows, params) {
      await store.command(`INSERT INTO ${accepted} ${rows(extracted)}, ${blocks}`, params);
    },
    async leftOver(after) {
      const where = after === "extracted" ? `n NOT IN (SELECT n FROM ${extracted})` : `n IN (SELECT n FROM ${extracted}) AND n NOT IN (SELECT n FROM ${accepted})`;
      const rows = await store.query<{ n: number; line: string }>(`SELECT n, hex(line) AS line FROM ${lines} WHERE ${where} ORDER BY n`);
      return rows.map((r) => ({ n: Number(r.n), line: Buffer.from(r.line, "hex") }));
    },
    async dropLines() {
      await store.command(`TRUNCATE TABLE ${lines}`);
      await store.command(`TRUNCATE TABLE IF EXISTS ${extracted}`);
    },
    async addAccepted(rows) {
      await store.insertJsonLines(accepted, rows, undefined, { temporary: true, columns: ["n", ...EVENT_COLUMNS[feed]] });
    },
    async selectFresh() {
      await store.command(
        `INSERT INTO ${fresh} SELECT * FROM ${accepted}
         WHERE msg_id NOT IN (SELECT msg_id FROM ${db}.${MSG_ID_TABLES[feed]} WHERE msg_id IN (SELECT msg_id FROM ${accepted}))
         ORDER BY n LIMIT 1 BY msg_id
         SETTINGS ${blocks}`,
      );
      const [row] = await store.query<{ accepted: number; fresh: number }>(
        `SELECT (SELECT count() FROM ${accepted}) AS accepted, (SELECT count() FROM ${fresh}) AS fresh`,
      );
      await store.command(`TRUNCATE TABLE ${accepted}`);
      return { accepted: Number(row!.accepted), fresh: Number(row!.fresh) };
    },
    async clear() {
      for (const table of [lines, accepted, fresh]) await store.command(`TRUNCATE TABLE ${table}`);
      await store.command(`TRUNCATE TABLE IF EXISTS ${extracted}`);
    },
    async close() {
      for (const table of [lines, extracted, accepted, fresh]) await store.command(`DROP TEMPORARY TABLE IF EXISTS ${table}`);
    },
  };
}
