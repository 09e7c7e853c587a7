// A site's own header names and cell values (`--mapping map.json`, FEEDS.md "Files"):
// {"columns": {"表头": "key"}, "values": {"key": {"表中的值": "contract value"}}}.
import { readFileSync } from "node:fs";
import { FileFormError } from "./errors.ts";

export interface Mapping {
  columns: Readonly<Record<string, string>>;
  values: Readonly<Record<string, Readonly<Record<string, string | number | boolean>>>>;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Reads and checks a mapping file; `keys` are the keys the feed's export may name. */
export function readMapping(path: string, keys: ReadonlySet<string>, feed: string): Mapping {
  const fail = (why: string) => new FileFormError(`--mapping ${path}: ${why}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw fail(code ? `cannot read (${code})` : "not valid JSON");
  }
  if (!isObject(parsed)) throw fail('must be a JSON object {"columns": {…}, "values": {…}}');
  const extra = Object.keys(parsed).filter((k) => k !== "columns" && k !== "values");
  if (extra.length > 0) throw fail(`unknown section ${JSON.stringify(extra[0])} (expected "columns" and "values")`);
  const { columns = {}, values = {} } = parsed;
  if (!isObject(columns)) throw fail('"columns" must map header names to keys');
  if (!isObject(values)) throw fail('"values" must map keys to {"cell value": "contract value"}');
  const unknownKey = (key: string) => fail(`${JSON.stringify(key)} is not a key of the ${feed} feed (${[...keys].join(", ")})`);
  const cols: Record<string, string> = {};
  for (const [name, key] of Object.entries(columns)) {
    if (typeof key !== "string") throw fail(`column ${JSON.stringify(name)} must map to a key name`);
    if (!keys.has(key)) throw unknownKey(key);
    cols[name.trim()] = key;
  }
  const vals: Record<string, Record<string, string | number | boolean>> = {};
  for (const [key, map] of Object.entries(values)) {
    if (!keys.has(key)) throw unknownKey(key);
    if (!isObject(map)) throw fail(`values of ${key} must be an object {"cell value": "contract value"}`);
    for (const [cell, value] of Object.entries(map)) {
      if (!["string", "number", "boolean"].includes(typeof value)) throw fail(`value ${JSON.stringify(cell)} of ${key} must map to a string, number or boolean`);
    }
    vals[key] = map as Record<string, string | number | boolean>;
  }
  return { columns: cols, values: vals };
}
