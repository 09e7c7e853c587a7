// Writing rows as a spreadsheet export would hold them: CSV (RFC 4180 quoting) in UTF-8 with a
// byte order mark or in GB18030 with CRLF line ends, as Excel saves them on Chinese Windows, and
// .xlsx workbooks (exceljs's streaming writer, shared strings as Excel writes them).
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";

export type SheetCell = string | number | boolean | Date | null;

function csvField(v: SheetCell): string {
  if (v === null) return "";
  const text = v instanceof Date ? v.toISOString() : String(v);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function writeCsv(path: string, rows: Iterable<SheetCell[]>, encoding: "utf-8" | "gb18030"): Promise<number> {
  const out = createWriteStream(path);
  const eol = encoding === "utf-8" ? "\n" : "\r\n";
  let bytes = 0;
  const put = async (text: string) => {
    const buf = encoding === "utf-8" ? Buffer.from(text, "utf8") : iconv.encode(text, "gb18030");
    bytes += buf.length;
    if (!out.write(buf)) await once(out, "drain");
  };
  if (encoding === "utf-8") await put("\ufeff");
  for (const row of rows) await put(`${row.map(csvField).join(",")}${eol}`);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return bytes;
}

/** A Date cell's wall time is its UTC fields (how Excel's serials read); shown with this format. */
const DATE_FORMAT = "yyyy-mm-dd hh:mm:ss";

export async function writeXlsx(path: string, sheetName: string, rows: Iterable<SheetCell[]>): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = book.addWorksheet(sheetName);
  for (const cells of rows) {
    const row = sheet.addRow(cells.map((c) => (c === null ? undefined : c)));
    cells.forEach((c, i) => {
      if (c instanceof Date) row.getCell(i + 1).numFmt = DATE_FORMAT;
    });
    row.commit();
  }
  sheet.commit();
  await book.commit();
}
