// Which of a feed file's lines a spreadsheet form can hold with the same verdict (FEEDS.md
// "Files": an empty cell is no key, a number in a text key becomes text, counts and booleans are
// read from text). Valid lines and their redeliveries always can; a rejected line only when
// writing it as a row keeps it rejected: a line that is no JSON object has no row, and an id
// written as a number, parties or head_appeared written as text, or an empty timestamp would
// become valid in a spreadsheet (so would a street written as a number: 440305 is the text
// "440305" there).
import type { FeedName, MalformedEntry, MalformedKind } from "./malformed-kinds.ts";

export type Record_ = Record<string, unknown>;

export interface FormLine {
  record: Record_;
  valid: boolean;
}

/** Kinds whose row would be accepted, or could not be written, in every spreadsheet form. */
const NOT_IN_A_SHEET: ReadonlySet<MalformedKind> = new Set(["invalid_json", "json_array", "wrong_type", "parties_as_string", "head_appeared_as_string", "street_not_string"]);

function parseObject(line: string): Record_ | null {
  try {
    const v: unknown = JSON.parse(line);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record_) : null;
  } catch {
    return null;
  }
}

/** An .xlsx cell holds at most 32,767 characters. */
const MAX_CELL = 32_767;

export function sheetLines(lines: readonly string[], validIds: ReadonlySet<string>, malformed: readonly MalformedEntry[], feed: FeedName, workbook: boolean): FormLine[] {
  const kinds = new Map(malformed.filter((m) => m.feed === feed && m.msgId !== null).map((m) => [m.msgId!, m.kind]));
  const out: FormLine[] = [];
  for (const line of lines) {
    const record = parseObject(line);
    if (record === null) continue;
    const id = record.msg_id;
    if (typeof id === "string" && validIds.has(id)) {
      out.push({ record, valid: true });
      continue;
    }
    const kind = typeof id === "string" ? kinds.get(id) : undefined;
    if (kind !== undefined && NOT_IN_A_SHEET.has(kind)) continue;
    if (Object.values(record).some((v) => v === "")) continue; // empty: no key in a sheet, which may be valid
    if (workbook && Object.values(record).some((v) => typeof v === "string" && v.length > MAX_CELL)) continue;
    out.push({ record, valid: false });
  }
  return out;
}

/** The columns of a feed's sheet: every key its rows have, in the order first seen. */
export function columnsOf(lines: readonly FormLine[]): string[] {
  const keys = new Set<string>();
  for (const { record } of lines) for (const k of Object.keys(record)) keys.add(k);
  return [...keys];
}
