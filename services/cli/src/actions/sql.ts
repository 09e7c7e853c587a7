// What `casepulse sql` does; its definition (commands/sql.ts) loads this when it runs.
import { createWriteStream, readFileSync, type WriteStream } from "node:fs";
import Table from "cli-table3";
import ExcelJS from "exceljs";
import { colorDisabled } from "@casepulse/logging";
import { NotReadOnlyError, type ReadFormat } from "@casepulse/store";
import type { SqlFormat, SqlOptions } from "../commands/sql.ts";
import type { Reader } from "../reading/reader.ts";
import { withReader } from "../reading/with-reader.ts";
import { UsageError } from "../usage-error.ts";

const TEXT_FORMATS: Partial<Record<SqlFormat, ReadFormat>> = { csv: "CSVWithNames", tsv: "TabSeparatedWithNames", json: "JSONEachRow" };
const NUMERIC = /^(U?Int\d+|Float\d+|Decimal.*)$/;

function queryText(query: string | undefined, file: string | undefined): string {
  if (query !== undefined && file !== undefined) throw new UsageError("give the query or --file, not both");
  if (file === undefined) {
    if (query === undefined || query.trim() === "") throw new UsageError("no query: give it as the argument or with --file");
    return query;
  }
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    throw new UsageError(`--file ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

function parseParams(pairs: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    const name = pair.slice(0, at);
    if (at < 1 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`--param ${pair}: must be name=value`);
    params[name] = pair.slice(at + 1);
  }
  return params;
}

/** Columns (name, type) and rows of a JSONCompactEachRowWithNamesAndTypes result. */
async function table(chunks: AsyncIterable<string>) {
  const lines: unknown[][] = [];
  for await (const line of chunks) lines.push(JSON.parse(line) as unknown[]);
  const [names = [], types = [], ...rows] = lines;
  return { names: names as string[], types: types as string[], rows };
}

const cell = (v: unknown) => (v === null ? "NULL" : typeof v === "object" ? JSON.stringify(v) : String(v));

async function writePretty(chunks: AsyncIterable<string>, out: NodeJS.WritableStream): Promise<void> {
  const { names, rows } = await table(chunks);
  // The header's colour is decided here (a terminal, no NO_COLOR), not by cli-table3's colour
  // library, which turns colour off wherever CI is set.
  const coloured = !colorDisabled() && "isTTY" in out;
  const head = coloured ? names.map((n) => `\x1b[36m${n}\x1b[39m`) : names;
  const view = new Table({ head, style: { head: [], border: [] } });
  for (const row of rows) view.push(row.map(cell));
  out.write(`${view.toString()}\n`);
  process.stderr.write(`${rows.length} row(s)\n`);
}

async function writeXlsx(chunks: AsyncIterable<string>, path: string): Promise<number> {
  const { names, types, rows } = await table(chunks);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
  const sheet = workbook.addWorksheet("query");
  sheet.columns = names.map((name) => ({ header: name, key: name, width: Math.max(10, name.length + 2) }));
  const numeric = types.map((t) => NUMERIC.test(t.replace(/^Nullable\((.*)\)$/, "$1")));
  for (const row of rows) sheet.addRow(row.map((v, i) => (v !== null && numeric[i] ? Number(v) : v === null ? null : cell(v)))).commit();
  await workbook.commit();
  return rows.length;
}

async function run(reader: Reader, text: string, params: Record<string, string>, format: SqlFormat, out?: string): Promise<void> {
  if (format === "xlsx") {
    if (!out) throw new UsageError("--format xlsx needs --out <file.xlsx>");
    const rows = await writeXlsx(await reader.sql(text, params, "JSONCompactEachRowWithNamesAndTypes"), out);
    console.error(`casepulse: wrote ${rows} row(s) to ${out}`);
    return;
  }
  const target: NodeJS.WritableStream | WriteStream = out ? createWriteStream(out) : process.stdout;
  try {
    if (format === "pretty") await writePretty(await reader.sql(text, params, "JSONCompactEachRowWithNamesAndTypes"), target);
    else for await (const chunk of await reader.sql(text, params, TEXT_FORMATS[format]!)) target.write(chunk);
  } finally {
    if (out) await new Promise<void>((done, fail) => (target as WriteStream).end((err?: Error | null) => (err ? fail(err) : done())));
  }
}

export async function sql(query: string | undefined, opts: SqlOptions): Promise<void> {
  const text = queryText(query, opts.file);
  const params = parseParams(opts.param);
  const format = opts.format ?? (process.stdout.isTTY && !opts.out ? "pretty" : "tsv");
  try {
    await withReader((reader) => run(reader, text, params, format, opts.out));
  } catch (err) {
    if (err instanceof NotReadOnlyError) throw new UsageError(`sql: ${err.message}`);
    throw err;
  }
}
