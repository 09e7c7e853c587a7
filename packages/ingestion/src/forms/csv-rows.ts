// CSV rows as the export holds them (RFC 4180: quoted fields with commas, quotes and newlines),
// decoded from UTF-8 (its byte order mark dropped) or GB18030, streamed through csv-parse.
import type { Readable, Transform } from "node:stream";
import { CsvError, parse } from "csv-parse";
import iconv from "iconv-lite";
import { FileFormError } from "./errors.ts";

export type TextEncoding = "utf-8" | "gb18030";

export interface SheetRow<C> {
  /** The row's place: 1 for the first record (the header), blank lines counted. */
  row: number;
  cells: C[];
}

/** Records over 4 MiB stop the read (a quote never closed would otherwise take the rest of the file in memory). */
const MAX_RECORD_BYTES = 4 << 20;

export async function* csvRows(bytes: Readable, encoding: TextEncoding): AsyncGenerator<SheetRow<string>> {
  const decoder = iconv.decodeStream(encoding === "utf-8" ? "utf8" : "gb18030", { stripBOM: true }) as unknown as Transform;
  bytes.on("error", (err) => decoder.destroy(err));
  const parser = bytes.pipe(decoder).pipe(parse({ bom: true, relax_quotes: true, relax_column_count: true, max_record_size: MAX_RECORD_BYTES }));
  decoder.on("error", (err) => parser.destroy(err));
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells };
    }
  } catch (err) {
    if (err instanceof CsvError) throw new FileFormError(`is not readable CSV: ${err.message}`);
    throw err;
  } finally {
    bytes.destroy();
  }
}
