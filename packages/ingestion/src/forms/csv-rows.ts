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

/** The export's rows, in batches (a promise per row cost more than parsing it). */
export async function* csvRows(bytes: Readable, encoding: TextEncoding): AsyncGenerator<SheetRow<string>[]> {
  const parser = parse({ bom: true, relax_quotes: true, relax_column_count: true, max_record_size: MAX_RECORD_BYTES });
  // csv-parse reads UTF-8 bytes itself (faster than decoding first); GB18030 is decoded to text for it.
  const decoder = encoding === "utf-8" ? null : (iconv.decodeStream("gb18030") as unknown as Transform);
  bytes.on("error", (err) => (decoder ?? parser).destroy(err));
  decoder?.on("error", (err) => parser.destroy(err));
  (decoder ? bytes.pipe(decoder) : bytes).pipe(parser);
  let row = 0;
  let failure: unknown = null;
  let ended = false;
  // Set by the parser's events, so one that fires while a batch is being written is not missed.
  let signalled = false;
  let wake: (() => void) | null = null;
  const signal = () => ((signalled = true), wake?.());
  parser.on("readable", signal);
  parser.on("end", () => ((ended = true), signal()));
  parser.on("error", (err) => ((failure = err), signal()));
  try {
    for (;;) {
      signalled = false;
      const batch: SheetRow<string>[] = [];
      for (let cells = parser.read() as string[] | null; cells !== null; cells = parser.read() as string[] | null) {
        row += 1;
        batch.push({ row, cells });
      }
      if (batch.length > 0) yield batch;
      if (failure) throw failure;
      if (ended) return;
      if (!signalled) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } catch (err) {
    if (err instanceof CsvError) throw new FileFormError(`is not readable CSV: ${err.message}`);
    throw err;
  } finally {
    bytes.destroy();
    parser.destroy();
  }
}
