// The report as an .xlsx workbook (exceljs): a sheet per section (xlsx-sheets.ts) with Chinese
// headers; counts and amounts are numbers and rates fractions, each with a number format (rates
// shown in percent), so a spreadsheet sums, sorts and charts them as they are.
import ExcelJS from "exceljs";
import type { Report } from "./report-types.ts";
import { reportSheets, type CellKind, type CellValue, type Sheet, type Table } from "./xlsx-sheets.ts";

export const XLSX_FORMATS: Record<Exclude<CellKind, "text">, string> = {
  count: "#,##0",
  rate: "0.0%",
  amount: "#,##0.00",
  hours: "0.00",
  time: "yyyy-mm-dd hh:mm",
};

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE5F0" } };

/**
 * 2024-03-25T18:00:00+08:00 as a date cell of that wall time: a spreadsheet's dates have no time
 * zone, and the report's times are Shanghai's.
 */
export function wallTime(iso: string): Date {
  return new Date(`${iso.replace(/(Z|[+-]\d\d:\d\d)$/, "")}Z`);
}

const kindAt = (table: Table, row: number, column: number): CellKind => {
  const kind = table.columns[column]!.kind;
  return kind === "figure" ? (table.figureKinds?.[row] ?? "count") : kind;
};

function stored(value: CellValue, kind: CellKind): ExcelJS.CellValue {
  if (value === null) return null; // a rate over nothing: left blank (the key figures sheet says so)
  if (kind === "time" && typeof value === "string") return wallTime(value);
  return value;
}

/** Display width in characters: a Chinese character takes two. */
const width = (text: string) => [...text].reduce((w, ch) => w + (ch.codePointAt(0)! > 0x2e80 ? 2 : 1), 0);

function writeSheet(workbook: ExcelJS.Workbook, sheet: Sheet): void {
  const ws = workbook.addWorksheet(sheet.name);
  const widths: number[] = [];
  const measure = (column: number, text: string) => (widths[column] = Math.max(widths[column] ?? 8, Math.min(60, width(text) + 2)));
  for (const table of sheet.tables) {
    ws.addRow([table.title]).font = { bold: true, size: 12 };
    const head = ws.addRow(table.columns.map((c) => c.header));
    head.font = { bold: true };
    head.eachCell((cell) => (cell.fill = HEADER_FILL));
    table.columns.forEach((c, j) => measure(j, c.header));
    table.rows.forEach((values, i) => {
      const row = ws.addRow(values.map((v, j) => stored(v, kindAt(table, i, j))));
      values.forEach((v, j) => {
        const kind = kindAt(table, i, j);
        if (kind !== "text") row.getCell(j + 1).numFmt = XLSX_FORMATS[kind];
        measure(j, kind === "time" ? "0000-00-00 00:00" : String(v ?? ""));
      });
    });
    if (table.rows.length === 0) ws.addRow(["（无）"]);
    ws.addRow([]);
  }
  widths.forEach((w, j) => (ws.getColumn(j + 1).width = w));
}

export async function renderXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "casepulse";
  for (const sheet of reportSheets(report)) writeSheet(workbook, sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
