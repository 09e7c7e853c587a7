// The first worksheet's rows of an .xlsx workbook, streamed with exceljs's WorkbookReader. Shared
// strings are taken as they are emitted rather than cached by exceljs: it then parses every
// worksheet after the whole archive was read (from a temporary file), so the styles that mark
// date cells and the shared strings are always known first, whatever the archive's order.
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Cell } from "./cells.ts";
import type { SheetRow } from "./csv-rows.ts";
import { FileFormError } from "./errors.ts";

type Rich = { richText: { text: string }[] };
type Raw = ExcelJS.CellValue | { sharedString: number } | undefined;

function textOfShared(text: string | Rich | null | undefined): string {
  if (text === null || text === undefined) return "";
  return typeof text === "string" ? text : text.richText.map((r) => r.text ?? "").join("");
}

function cellOf(value: Raw, shared: readonly string[]): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("sharedString" in value) return shared[value.sharedString] ?? null;
  if ("richText" in value) return textOfShared(value as Rich);
  if ("error" in value) return value.error;
  if ("result" in value) return cellOf(value.result as Raw, shared);
  if ("text" in value) return typeof value.text === "string" ? value.text : textOfShared(value.text as Rich);
  return null;
}

interface SheetReader {
  id: number | string;
  parse(): AsyncIterable<unknown[]>;
}

/** The first worksheet's rows, in batches (as the XML parser hands them over). */
export async function* xlsxRows(bytes: Readable): AsyncGenerator<SheetRow<Cell>[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(bytes, {
    sharedStrings: "emit",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  const shared: string[] = [];
  let sheets = 0;
  try {
    const events = reader.parse() as AsyncIterator<{ eventType?: string; value?: unknown; index?: number; text?: string | Rich }>;
    for (let next = await events.next(); !next.done; next = await events.next()) {
      const item = next.value;
      if (item.index !== undefined) {
        shared[item.index] = textOfShared(item.text);
        continue;
      }
      if (item.eventType !== "worksheet") continue;
      sheets += 1;
      const sheet = item.value as SheetReader;
      const model = (reader as unknown as { model?: { sheets?: { id: number }[] } }).model;
      const first = model?.sheets?.[0]?.id;
      if (first !== undefined && Number(sheet.id) !== Number(first)) continue;
      for await (const events of sheet.parse()) {
        const batch: SheetRow<Cell>[] = [];
        for (const { eventType, value } of events as { eventType: string; value: ExcelJS.Row }[]) {
          if (eventType !== "row") continue;
          const cells: Cell[] = [];
          value.eachCell({ includeEmpty: false }, (cell, col) => {
            cells[col - 1] = cellOf(cell.value as Raw, shared);
          });
          batch.push({ row: value.number, cells });
        }
        if (batch.length > 0) yield batch;
      }
      return;
    }
  } catch (err) {
    if (err instanceof FileFormError) throw err;
    throw new FileFormError(`is not a readable .xlsx workbook (${(err as Error).message})`);
  } finally {
    bytes.destroy();
  }
  throw new FileFormError(sheets === 0 ? "is a zip archive with no worksheet: not an .xlsx workbook" : "has no first worksheet");
}
