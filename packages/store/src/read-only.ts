// Analysts' SQL, run read-only whatever the store: one statement, parsed by the engine itself
// (formatQuery, so a `;` or keyword inside a string literal is not mistaken for another
// statement), of a kind that only reads, and run with readonly = 2 (the server refuses any write
// or DDL even where the check above were fooled; settings of the query itself stay allowed).
import type { Store } from "./client.ts";
import { toStoreError } from "./errors.ts";

/** A statement casepulse will not run as an analyst's query: the reason is for the user. */
export class NotReadOnlyError extends Error {
  override readonly name = "NotReadOnlyError";
}

const READING = /^(SELECT|WITH|SHOW|DESCRIBE|DESC|EXPLAIN)\b/i;

/** The statement as the engine formats it, or the reason it is refused. */
export async function checkReadOnly(store: Store, sql: string): Promise<string> {
  const [row] = await store.query<{ formatted: string | null }>("SELECT formatQueryOrNull({q:String}) AS formatted", { q: sql });
  const formatted = row?.formatted ?? null;
  if (formatted === null) throw new NotReadOnlyError("not one SQL statement the engine can parse (one statement at a time, no trailing text)");
  const kind = READING.exec(formatted.trimStart())?.[1];
  if (!kind) throw new NotReadOnlyError(`only SELECT, WITH, SHOW, DESCRIBE and EXPLAIN are run, not ${formatted.trimStart().split(/\s/)[0]}`);
  if (/^INTO OUTFILE\b/im.test(formatted)) throw new NotReadOnlyError("INTO OUTFILE writes a file: use --out instead");
  return formatted;
}

export const READ_FORMATS = ["CSVWithNames", "TabSeparatedWithNames", "JSONEachRow", "JSONCompactEachRowWithNamesAndTypes"] as const;
export type ReadFormat = (typeof READ_FORMATS)[number];

/** Runs a checked read-only statement; the result in `format`, as text chunks. */
export async function readOnlyQuery(
  store: Store,
  sql: string,
  params: Record<string, string>,
  format: ReadFormat,
  settings: Record<string, string | number> = {},
): Promise<AsyncIterable<string>> {
  const statement = await checkReadOnly(store, sql);
  try {
    // Its own connection on the embedded engine (client.ts readClient): the settings stay there.
    const result = await store.readClient().query({
      query: statement,
      format,
      query_params: params,
      clickhouse_settings: { readonly: "2", output_format_json_quote_64bit_integers: 0, ...settings },
    });
    const stream = result.stream() as AsyncIterable<{ text: string }[]>;
    return (async function* () {
      for await (const rows of stream) for (const row of rows) yield `${row.text}\n`;
    })();
  } catch (err) {
    throw toStoreError(err, "query failed");
  }
}
