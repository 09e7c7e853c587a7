// An export in any of FEEDS.md's forms → JSON lines the file path reads (ingest-file.ts), before
// the store is opened: the whole file is read here, so a file that cannot be read at all is
// refused (FileFormError) before anything is stored, wherever in the file the fault is. Plain
// JSON lines are read where they are; the other forms are converted into a spool file. The
// readers of CSV and .xlsx (csv-parse, iconv-lite, exceljs) load only when a file needs them:
// telling a plain JSON-lines export's form costs no more than its first bytes.
import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import type { Feed } from "@casepulse/feeds";
import type { PiiProtector } from "@casepulse/normalize";
import { isValidUtf8, openBytes } from "./byte-stream.ts";
import type { Cell } from "./cells.ts";
import type { SheetRow, TextEncoding } from "./csv-rows.ts";
import { FileFormError } from "./errors.ts";
import { exportKeys, planHeader } from "./header.ts";
import { readMapping } from "./mapping.ts";
import { rowLines } from "./row-records.ts";
import { contentOf, describeContent, formOfName, isGzip, looksLikeJsonLines, readHead, type ExportForm } from "./sniff.ts";
import { openSpool, privateFile, type Spool } from "./spool.ts";

export interface ExportOptions {
  /** The file to read (for `--file -`, the spooled standard input). */
  path: string;
  /** The name its form is told by, and places say (`file:<name>:<row>`); "-" for standard input. */
  name: string;
  feed: Feed;
  format?: ExportForm | undefined;
  encoding?: TextEncoding | undefined;
  /** A site's header names and values (`--mapping`). */
  mappingPath?: string | undefined;
  pii: PiiProtector;
  /** Where the spool file goes. */
  tmpDir: string;
}

export interface PreparedExport {
  /** JSON lines to ingest: the file itself, or the spool. */
  path: string;
  form: ExportForm;
  encoding: TextEncoding | null;
  /** For a converted spreadsheet: the export's row of each line. */
  lineRows: Uint32Array | null;
  /** Header names of columns that give no key. */
  ignored: string[];
  remove(): void;
}

const STDIN = "-";

/** What an export is, told and checked before a line of it is read past its head. */
interface Inspected {
  form: ExportForm;
  gzip: boolean;
  mapping: ReturnType<typeof readMapping> | null;
}

async function inspect(o: Omit<ExportOptions, "pii">): Promise<Inspected> {
  const named = o.name === STDIN ? { form: null, gzip: false } : formOfName(o.name);
  let head = await readHead(o.path, false);
  const gzip = isGzip(head);
  if (gzip && !named.gzip) {
    throw new FileFormError(o.name === STDIN ? "standard input is gzip-compressed: decompress it first (zcat), or give the .gz file" : "is gzip-compressed data but its name does not end in .gz: name it .gz (e.g. .csv.gz, .jsonl.gz)");
  }
  if (!gzip && named.gzip) throw new FileFormError("is named .gz but is not gzip-compressed");
  if (gzip) head = await readHead(o.path, true);
  const form = o.format ?? named.form ?? (o.name === STDIN ? "jsonl" : null);
  if (form === null) throw new FileFormError("its name does not tell its form (.jsonl, .json, .csv, .xlsx, or one of them .gz): give --format jsonl|csv|xlsx");
  if (o.encoding !== undefined && form !== "csv") throw new FileFormError(`--encoding is for CSV exports; this one is read as ${form}`);
  checkContent(head, form);
  const mapping = o.mappingPath ? readMapping(o.mappingPath, new Set(Object.keys(exportKeys(o.feed))), o.feed) : null;
  if (form === "jsonl" && mapping) throw new FileFormError("--mapping is for CSV and .xlsx exports; JSON lines name the contract's keys");
  return { form, gzip, mapping };
}

/** The export itself when it is plain JSON lines: nothing to decompress or convert. */
const asIs = (path: string, { form, gzip }: Inspected): PreparedExport | null =>
  form === "jsonl" && !gzip ? { path, form, encoding: null, lineRows: null, ignored: [], remove() {} } : null;

/**
 * The export itself when it is plain JSON lines, null when it must be prepared; either way it has
 * been checked as prepareExport checks it (FileFormError).
 */
export async function preparedAsIs(o: Omit<ExportOptions, "pii">): Promise<PreparedExport | null> {
  return asIs(o.path, await inspect(o));
}

export async function prepareExport(o: ExportOptions): Promise<PreparedExport> {
  const inspected = await inspect(o);
  const ready = asIs(o.path, inspected);
  if (ready) return ready;
  const { form, gzip, mapping } = inspected;
  if (form === "jsonl") return decompressed(o, form);
  const spool = openSpool(o.tmpDir);
  try {
    let encoding: TextEncoding | null = null;
    let rows: AsyncGenerator<SheetRow<Cell>[]>;
    if (form === "csv") {
      encoding = o.encoding ?? ((await isValidUtf8(openBytes(o.path, gzip))) ? "utf-8" : "gb18030");
      rows = (await import("./csv-rows.ts")).csvRows(openBytes(o.path, gzip), encoding);
    } else {
      rows = (await import("./xlsx-rows.ts")).xlsxRows(openBytes(o.path, gzip));
    }
    const ignored = await convertRows(rows, form, o, mapping, spool);
    const { lineRows } = await spool.close();
    return { path: spool.path, form, encoding, lineRows, ignored, remove: spool.remove };
  } catch (err) {
    spool.remove();
    throw err;
  }
}

function checkContent(head: Buffer, form: ExportForm): void {
  const content = contentOf(head);
  if (form === "xlsx") {
    if (content === "zip") return;
    if (head.length === 0) throw new FileFormError("is empty: not an .xlsx workbook");
    if (content === "text") throw new FileFormError("is not an .xlsx workbook (it is text: a CSV? give --format csv)");
    throw new FileFormError(content === "compound" ? describeContent(content, form) : `is not an .xlsx workbook: it ${describeContent(content, form).slice(3)}`);
  }
  if (content !== "text") throw new FileFormError(describeContent(content, form));
  if (form === "jsonl" && !looksLikeJsonLines(head, head.length < 64 * 1024)) {
    throw new FileFormError("is not JSON lines (no line at its start is a JSON object): a CSV? give --format csv");
  }
}

async function decompressed(o: ExportOptions, form: ExportForm): Promise<PreparedExport> {
  const file = privateFile(o.tmpDir);
  try {
    await pipeline(openBytes(o.path, true), createWriteStream(file.path, { mode: 0o600 }));
  } catch (err) {
    file.remove();
    throw new FileFormError(`does not decompress whole (${(err as Error).message})`);
  }
  return { path: file.path, form, encoding: null, lineRows: null, ignored: [], remove: file.remove };
}

const isBlank = (cells: readonly Cell[]) => cells.every((c) => c === null || c === undefined || c === "");
const headerName = (c: Cell) => (c === null || c === undefined ? "" : c instanceof Date ? c.toISOString() : String(c));

/** Writes each data row's records to the spool; returns the ignored columns' names. */
async function convertRows(batches: AsyncGenerator<SheetRow<Cell>[]>, form: ExportForm, o: ExportOptions, mapping: ReturnType<typeof readMapping> | null, spool: Spool): Promise<string[]> {
  let plan: ReturnType<typeof planHeader> | null = null;
  let pastHeader: number | null = null;
  for await (const batch of batches) {
    for (const { row, cells } of batch) {
      if (isBlank(cells)) continue;
      if (plan === null) {
        plan = planHeader(o.feed, cells.map(headerName), mapping);
        continue;
      }
      if (pastHeader === null && cells.length > plan.keys.length && !isBlank(cells.slice(plan.keys.length))) pastHeader = row;
      for (const line of rowLines(plan, cells, o.pii)) {
        const pause = spool.write(line, row);
        if (pause) await pause;
      }
    }
  }
  if (plan === null) throw new FileFormError(form === "csv" ? "is empty: no header row" : "has an empty first worksheet: no header row");
  return pastHeader === null ? plan.ignored : [...plan.ignored, `(cells past the last header column, first in row ${pastHeader})`];
}
