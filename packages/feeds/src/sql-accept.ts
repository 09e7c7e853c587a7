// The plain accepters' rules (fields.ts) as ClickHouse SQL, so that a bulk load is validated by
// the engine that parses it. The SQL accepts a line only when it can prove what the zod schema
// would make of it; every other line is left to validateRecord, which accepts it or says why
// not. So "accepted in SQL" implies "accepted by zod, with the same values", never the reverse,
// and tests/sql-accept.e2e.test.ts holds the two equal on generated, malformed and fuzzed lines.
//
// What the SQL leaves to JavaScript: lines that are not valid UTF-8, over 256 KiB, start with
// anything but `{` (a byte order mark, blanks), hold a \u escape (a lone surrogate must be seen
// by the text rules), repeat a key, or carry a known key whose value is not a string or null.
import type { FeedContract, FieldSpec, RequiredWhen } from "./contract.ts";
import { MAX_RECORD_BYTES } from "./limits.ts";
import { SHANGHAI_OFFSET_MS } from "./timestamp.ts";

/** How a field of a feed is checked and converted in SQL; the zod and plain versions are in fields.ts. */
type SqlField =
  | { kind: "text" }
  | { kind: "optionalText" }
  | { kind: "optionalNonBlankText" }
  | { kind: "textPath" }
  | { kind: "oneOf"; values: readonly string[] }
  | { kind: "optionalOneOf"; values: readonly string[] }
  | { kind: "timestamp" }
  | { kind: "optionalTimestamp" }
  | { kind: "optionalString" };

export interface SqlAccepter {
  /** The canonical record's columns, in order; timestamps are DateTime64(3, 'UTC'). */
  columns: readonly string[];
  /**
   * Step one: SELECT n and each known key's string value (f_<key>, NULL when absent or null) of
   * the lines of `source` (a relation of `n UInt64, line String`) that are JSON objects whose
   * known keys hold strings or null. Kept apart from step two: stored in a table first, the two
   * steps took 0.7 s on a 208k-line file, as one query 1.2 s.
   */
  extract(source: string): string;
  /** Step two: SELECT n, <columns> of the extracted lines the SQL proves valid. */
  select(extracted: string): string;
}

/**
 * The settings of a query around an accepter's select. Every function in it is total (no input
 * can make one throw), so every branch of every if() may be evaluated on every line: with
 * short-circuit evaluation the engine re-ran the regexes, and a 208k-line file took 2x longer.
 */
export const SQL_ACCEPT_SETTINGS = "short_circuit_function_evaluation = 'disable'";

/** JavaScript's String.prototype.trim() whitespace: a text is blank when it has nothing else. */
const NOT_BLANK = String.raw`[^\x{09}-\x{0D}\x{20}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]`;
const notBlank = (x: string) => `match(${x}, '${NOT_BLANK.replaceAll("\\", "\\\\")}')`;

// parseTimestamp's two forms in one pattern (RE2 and JavaScript agree on these): groups 1-3 are
// the date, then 4-8 the ISO form's hour, minute, optional second, fraction and offset, or 9-11
// the local form's hour, minute and second.
const TIMESTAMP =
  String.raw`^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)| (\d{2}):(\d{2}):(\d{2}))$`;
const sqlString = (s: string) => `'${s.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
const MIN_MS = Date.UTC(1900, 0, 1);
const MAX_MS = Date.UTC(2300, 0, 1);

/** The regex groups of a timestamp field, a column of its own query (see timestampColumns). */
const timestampGroups = (x: string, f: string) => `extractGroups(ifNull(${x}, ''), ${sqlString(TIMESTAMP)}) AS ${f}_g`;

/**
 * parseTimestamp in SQL, over the groups `<f>_g`: columns (aliases of one SELECT) ending in
 * `<f>_ts`, the UTC instant as DateTime64(3, 'UTC'), NULL when the text is not a timestamp
 * (impossible dates, hours past 23, offsets past 18 h, instants outside 1900-2299). Every
 * function is total (…OrZero, integer arithmetic): no line can make the query throw, whatever
 * the order of evaluation (SQL_ACCEPT_SETTINGS).
 */
function timestampColumns(f: string): string[] {
  const c = (part: string) => `${f}_${part}`;
  const g = c("g");
  const iso = c("is_iso");
  const pick = (isoGroup: number, localGroup: number) => `if(${iso}, ${g}[${isoGroup}], ${g}[${localGroup}])`;
  const digits = `replaceOne(substring(${g}[8], 2), ':', '')`;
  const monthDays = `if(${c("mo")} = 2,
        if((${c("y")} % 4 = 0 AND ${c("y")} % 100 != 0) OR ${c("y")} % 400 = 0, 29, 28),
        [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][${c("mo")}])`;
  const inRange = `${c("ok")} AND ${c("epoch")} >= ${MIN_MS} AND ${c("epoch")} < ${MAX_MS}`;
  return [
    `${g}[4] != '' AS ${iso}`,
    `toUInt16OrZero(${g}[1]) AS ${c("y")}`,
    `toUInt16OrZero(${g}[2]) AS ${c("mo")}`,
    `toUInt16OrZero(${g}[3]) AS ${c("d")}`,
    `toUInt16OrZero(${pick(4, 9)}) AS ${c("h")}`,
    `toUInt16OrZero(${pick(5, 10)}) AS ${c("mi")}`,
    `toUInt16OrZero(${pick(6, 11)}) AS ${c("s")}`,
    // The fraction cut (not rounded) to milliseconds.
    `if(${g}[7] = '', 0, toUInt16OrZero(substring(rightPad(${g}[7], 3, '0'), 1, 3))) AS ${c("ms")}`,
    `toUInt16OrZero(substring(${digits}, 1, 2)) AS ${c("off_h")}`,
    `if(length(${digits}) > 2, toUInt16OrZero(substring(${digits}, 3, 2)), 0) AS ${c("off_m")}`,
    `multiIf(NOT ${iso}, ${SHANGHAI_OFFSET_MS}, ${g}[8] = 'Z', 0,
        if(startsWith(${g}[8], '-'), -1, 1) * (${c("off_h")} * 3600000 + ${c("off_m")} * 60000)) AS ${c("offset")}`,
    `length(${g}) = 11 AND ${c("y")} BETWEEN 1900 AND 2299 AND ${c("mo")} BETWEEN 1 AND 12 AND ${c("d")} >= 1 AND ${c("d")} <= ${monthDays}
        AND ${c("h")} <= 23 AND ${c("mi")} <= 59 AND ${c("s")} <= 59
        AND (NOT ${iso} OR ${g}[8] = 'Z' OR (${c("off_h")} <= 18 AND ${c("off_m")} <= 59)) AS ${c("ok")}`,
    // Days since 1970-01-01 of the civil date (the proleptic Gregorian "days from civil"
    // arithmetic; integer only, so it costs a fraction of makeDateTime64), then milliseconds.
    `toInt64(${c("y")}) - (${c("mo")} <= 2) AS ${c("yy")}`,
    `intDiv(${c("yy")}, 400) AS ${c("era")}`,
    `${c("yy")} - ${c("era")} * 400 AS ${c("yoe")}`,
    `intDiv(153 * (${c("mo")} + if(${c("mo")} > 2, -3, 9)) + 2, 5) + ${c("d")} - 1 AS ${c("doy")}`,
    `${c("era")} * 146097 + ${c("yoe")} * 365 + intDiv(${c("yoe")}, 4) - intDiv(${c("yoe")}, 100) + ${c("doy")} - 719468 AS ${c("days")}`,
    `${c("days")} * 86400000 + ${c("h")} * 3600000 + ${c("mi")} * 60000 + ${c("s")} * 1000 + ${c("ms")} - ${c("offset")} AS ${c("epoch")}`,
    `if(${inRange}, fromUnixTimestamp64Milli(if(${inRange}, ${c("epoch")}, 0), 'UTC'), NULL) AS ${c("ts")}`,
  ];
}

/** The value of one field (NULL where absent, null or blank for optional text) and whether it is valid. */
function fieldSql(name: string, field: SqlField): { value: string; valid: string } {
  const v = `f_${name}`;
  const list = (values: readonly string[]) => values.map(sqlString).join(", ");
  switch (field.kind) {
    case "text":
      return { value: v, valid: `${v} IS NOT NULL AND ${notBlank(v)}` };
    case "optionalText":
      return { value: `if(${v} IS NOT NULL AND ${notBlank(v)}, ${v}, NULL)`, valid: "1" };
    case "optionalNonBlankText":
      return { value: v, valid: `(${v} IS NULL OR ${notBlank(v)})` };
    case "textPath": {
      const value = `if(${v} IS NOT NULL AND ${notBlank(v)}, ${v}, NULL)`;
      const parts = `splitByChar('/', assumeNotNull(${v}))`;
      return { value, valid: `(${value} IS NULL OR (length(${parts}) >= 2 AND arrayAll(p -> ${notBlank("p")}, ${parts})))` };
    }
    case "oneOf":
      return { value: v, valid: `${v} IN (${list(field.values)})` };
    case "optionalOneOf":
      return { value: v, valid: `(${v} IS NULL OR ${v} IN (${list(field.values)}))` };
    case "timestamp":
      return { value: `${name}_ts`, valid: `${name}_ts IS NOT NULL` };
    case "optionalTimestamp":
      return { value: `${name}_ts`, valid: `(${v} IS NULL OR ${name}_ts IS NOT NULL)` };
    case "optionalString":
      return { value: v, valid: "1" };
  }
}

/**
 * A contract key's SQL form; null for the types only Node checks (amounts, counts, booleans and
 * enums with synonyms: the JSON values they take are not strings, or map to others).
 */
function sqlField(spec: FieldSpec): SqlField | null {
  const optional = !spec.required;
  switch (spec.type) {
    case "text":
      return { kind: !optional ? "text" : spec.nonBlank ? "optionalNonBlankText" : "optionalText" };
    case "path":
      return optional ? { kind: "textPath" } : null;
    case "enum":
      return spec.synonyms ? null : { kind: optional ? "optionalOneOf" : "oneOf", values: spec.values };
    case "timestamp":
      return { kind: optional ? "optionalTimestamp" : "timestamp" };
    case "string":
      return optional ? { kind: "optionalString" } : null;
    default:
      return null;
  }
}

/** A required-when rule as an SQL condition over the converted columns. */
function ruleSql(rule: RequiredWhen, column: (name: string) => string): string {
  const holds = "present" in rule.when ? `${column(rule.when.key)} IS NOT NULL` : `${column(rule.when.key)} IN (${rule.when.in.map(sqlString).join(", ")})`;
  return `(NOT (${holds}) OR (${rule.keys.map((k) => `${column(k)} IS NOT NULL`).join(" AND ")}))`;
}

/** The contract's SQL accepter, or null when a key of it has no SQL form (sqlField). */
export function sqlAccepterFor(contract: FeedContract): SqlAccepter | null {
  const fields: Record<string, SqlField> = {};
  for (const [key, spec] of Object.entries(contract.fields)) {
    const field = sqlField(spec);
    if (!field) return null;
    fields[key] = field;
  }
  return sqlAccepter(fields, (column) => contract.rules.map((rule) => ruleSql(rule, column)));
}

/** The accepter of `fields` (in the contract's order) and the cross-field rules as SQL conditions. */
function sqlAccepter(fields: Readonly<Record<string, SqlField>>, rules: (column: (name: string) => string) => string[]): SqlAccepter {
  const names = Object.keys(fields);
  const parts = Object.fromEntries(names.map((n) => [n, fieldSql(n, fields[n]!)]));
  const column = (n: string) => `c_${n}`;
  const known = names.map(sqlString).join(", ");
  const tuple = names.map((n) => `${n} Nullable(String)`).join(", ");
  const timestampFields = names.filter((n) => fields[n]!.kind === "timestamp" || fields[n]!.kind === "optionalTimestamp");
  const timestamps = timestampFields.flatMap((n) => timestampColumns(n));
  // The groups are computed in a query of their own: referred to by the columns after them within
  // one SELECT, the regex ran again for each reference (0.6 s instead of 0.06 s on 208k lines).
  const groups = timestampFields.map((n) => timestampGroups(`f_${n}`, n));
  return {
    columns: names,
    extract: (source) => `
      SELECT n, ${names.map((n) => `tupleElement(v, ${sqlString(n)}) AS f_${n}`).join(", ")}
      FROM (
        SELECT n, JSONExtract(line, '${`Tuple(${tuple})`}') AS v, JSONExtractKeysAndValuesRaw(line) AS kv
        FROM ${source}
        WHERE length(line) <= ${MAX_RECORD_BYTES} AND isValidUTF8(line) AND startsWith(line, '{')
          AND position(line, '\\u') = 0 AND isValidJSON(line)
      )
      WHERE length(kv) = length(arrayDistinct(arrayMap(p -> p.1, kv)))
        AND arrayAll(p -> p.1 NOT IN (${known}) OR startsWith(p.2, '"') OR p.2 = 'null', kv)`,
    select: (extracted) => `
      SELECT n, ${names.map((n) => `${column(n)} AS ${n}`).join(", ")}
      FROM (
        SELECT n, ${[...timestamps, ...names.map((n) => `${parts[n]!.value} AS ${column(n)}`)].join(",\n          ")}
        FROM (SELECT *, ${groups.join(", ")} FROM ${extracted})
        WHERE ${names.map((n) => parts[n]!.valid).join("\n          AND ")}
      )
      WHERE ${["1", ...rules(column)].join(" AND ")}`,
  };
}
