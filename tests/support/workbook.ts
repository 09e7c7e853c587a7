// A workbook read back with exceljs, as plain values: per sheet, its rows of cells with each
// cell's value and number format (empty cells null, dates as ISO text).
import ExcelJS from "exceljs";

export interface ReadCell {
  value: string | number | boolean | null;
  numFmt: string | null;
}

export interface ReadSheet {
  name: string;
  rows: ReadCell[][];
}

function plain(value: ExcelJS.CellValue): ReadCell["value"] {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

export async function workbookCells(path: string): Promise<ReadSheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book.worksheets.map((sheet) => {
    const rows: ReadCell[][] = [];
    for (let r = 1; r <= sheet.rowCount; r += 1) {
      const row = sheet.getRow(r);
      const cells: ReadCell[] = [];
      for (let c = 1; c <= row.cellCount; c += 1) {
        const cell = row.getCell(c);
        cells.push({ value: plain(cell.value), numFmt: cell.numFmt || null });
      }
      rows.push(cells);
    }
    return { name: sheet.name, rows };
  });
}
