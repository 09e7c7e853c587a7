// `casepulse generate --formats …`: the generated feeds in the other forms an export comes in
// (FEEDS.md "Files"), each with what ingesting it once must count, in expected/forms.json. Every
// form holds all of a feed's valid records, so each gives the reference figures of expected/;
// only its rejected rows differ (form-lines.ts says which a sheet can hold).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { GeneratedFeeds } from "./generate-feeds.ts";
import { CHINESE_HEADERS, CHINESE_VALUES, TIME_KEYS } from "./form-labels.ts";
import { columnsOf, sheetLines, type FormLine, type Record_ } from "./form-lines.ts";
import type { FeedName } from "./malformed-kinds.ts";
import { orderRow, rowEvents, ORDER_STEPS, type OrderRow } from "./order-rows.ts";
import { writeCsv, writeXlsx, type SheetCell } from "./sheet-writers.ts";
import { SHANGHAI_OFFSET_MS, tryParseTimestamp } from "./timestamp.ts";

export const FILE_FORMATS = ["jsonl", "jsonl.gz", "csv", "csv-gbk", "xlsx", "hotline-orders.xlsx"] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export interface FormFile {
  file: string;
  feed: FeedName;
  format: FileFormat;
  /** Records `casepulse ingest` reads from it (an order row counts its steps). */
  records: number;
  /** Distinct valid records among them (accepted on a first ingest). */
  accepted: number;
  rejected: number;
}

const FEEDS: readonly FeedName[] = ["hotline", "mediation", "litigation", "supervision"];

export async function writeFormats(dir: string, feeds: GeneratedFeeds, formats: readonly FileFormat[]): Promise<FormFile[]> {
  const files: FormFile[] = [];
  const { truth } = feeds;
  for (const feed of FEEDS) {
    const valid = new Set(truth[feed].map((r) => r.msg_id));
    const lines = feeds[feed];
    const counts = truth.counts[feed];
    const entry = (file: string, format: FileFormat, rows: readonly FormLine[]): FormFile => ({
      file,
      feed,
      format,
      records: rows.length,
      accepted: new Set(rows.filter((r) => r.valid).map((r) => r.record.msg_id)).size,
      rejected: rows.filter((r) => !r.valid).length,
    });
    if (formats.includes("jsonl.gz")) {
      await writeFile(join(dir, `${feed}.jsonl.gz`), gzipSync(lines.map((l) => `${l}\n`).join("")));
      files.push({ file: `${feed}.jsonl.gz`, feed, format: "jsonl.gz", records: counts.lines, accepted: counts.valid, rejected: counts.rejected });
    }
    for (const format of ["csv", "csv-gbk", "xlsx"] as const) {
      if (!formats.includes(format)) continue;
      const rows = sheetLines(lines, valid, truth.malformed, feed, format === "xlsx");
      const file = format === "csv" ? `${feed}.csv` : format === "csv-gbk" ? `${feed}-gbk.csv` : `${feed}.xlsx`;
      await writeSheet(join(dir, file), feed, format, rows);
      files.push(entry(file, format, rows));
    }
  }
  if (formats.includes("hotline-orders.xlsx")) files.push(...(await writeOrderList(dir, feeds)));
  await writeFile(join(dir, "expected", "forms.json"), `${JSON.stringify(files, null, 2)}\n`);
  return files;
}

/** A whole-second timestamp as a date cell (its Shanghai wall time), anything else as written. */
function timeCell(value: unknown): SheetCell {
  if (typeof value !== "string") return value as SheetCell;
  const ms = tryParseTimestamp(value);
  return ms === null || ms % 1000 !== 0 ? value : new Date(ms + SHANGHAI_OFFSET_MS);
}

function sheetCell(feed: FeedName, key: string, value: unknown, workbook: boolean): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "object") return JSON.stringify(value);
  if (!workbook) return typeof value === "string" ? value : String(value);
  if (TIME_KEYS.has(key)) return timeCell(value);
  return CHINESE_VALUES[feed]?.[key]?.get(value) ?? (value as SheetCell);
}

async function writeSheet(path: string, feed: FeedName, format: "csv" | "csv-gbk" | "xlsx", rows: readonly FormLine[]): Promise<void> {
  const keys = columnsOf(rows);
  const chinese = format !== "csv";
  const header = keys.map((k) => (chinese ? (CHINESE_HEADERS[feed][k] ?? k) : k));
  const body = (function* () {
    yield header;
    for (const { record } of rows) yield keys.map((k) => sheetCell(feed, k, record[k], format === "xlsx"));
  })();
  if (format === "xlsx") await writeXlsx(path, feed, body);
  else await writeCsv(path, body, format === "csv" ? "utf-8" : "gb18030");
}

/** hotline-orders.xlsx (the orders that fit one row) and hotline-orders-events.xlsx (every other line as an event row). */
async function writeOrderList(dir: string, feeds: GeneratedFeeds): Promise<FormFile[]> {
  const byOrder = new Map<string, Record_[]>();
  for (const e of feeds.truth.hotline) byOrder.set(e.order_id, [...(byOrder.get(e.order_id) ?? []), e as unknown as Record_]);
  const rows: OrderRow[] = [];
  const asRows = new Set<string>();
  for (const events of byOrder.values()) {
    const row = orderRow(events as never);
    if (row === null) continue;
    rows.push(row);
    for (const e of events) asRows.add(e.msg_id as string);
  }
  const valid = new Set(feeds.truth.hotline.map((e) => e.msg_id).filter((id) => !asRows.has(id)));
  const lines = feeds.hotline.filter((l) => !asRows.has(/"msg_id":"([^"]+)"/.exec(l)?.[1] ?? ""));
  const events = sheetLines(lines, valid, feeds.truth.malformed, "hotline", true);
  const keys = [...new Set(["order_id", ...ORDER_STEPS.flatMap((s) => [s.at, ...s.keys])])].filter((k) => rows.some((r) => r[k] !== undefined));
  const labels = CHINESE_HEADERS.hotline;
  await writeXlsx(
    join(dir, "hotline-orders.xlsx"),
    "工单列表",
    (function* () {
      yield keys.map((k) => labels[k] ?? k);
      for (const row of rows) yield keys.map((k) => (row[k] === undefined ? null : TIME_KEYS.has(k) ? timeCell(row[k]) : row[k]!));
    })(),
  );
  await writeSheet(join(dir, "hotline-orders-events.xlsx"), "hotline", "xlsx", events);
  const steps = rows.reduce((n, r) => n + rowEvents(r).length, 0);
  return [
    { file: "hotline-orders.xlsx", feed: "hotline", format: "hotline-orders.xlsx", records: steps, accepted: steps, rejected: 0 },
    {
      file: "hotline-orders-events.xlsx",
      feed: "hotline",
      format: "hotline-orders.xlsx",
      records: events.length,
      accepted: new Set(events.filter((r) => r.valid).map((r) => r.record.msg_id)).size,
      rejected: events.filter((r) => !r.valid).length,
    },
  ];
}
