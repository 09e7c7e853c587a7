// A spreadsheet cell as the contract's key takes it (FEEDS.md "Files", cell values): an empty
// cell is no key, a date cell is Asia/Shanghai wall time, a number in a text key is its decimal
// text, counts and booleans are read from text; the feed's (and the site's) cell values are
// mapped to the contract's. Anything else is passed on as written, for validation to judge.
import type { FieldSpec } from "@casepulse/feeds";

/** What a reader gives for one cell: a date cell as a Date whose UTC fields are its wall time. */
export type Cell = string | number | boolean | Date | null | undefined;

/** Cell values standing for contract values, by the cell's text. */
export type ValueMap = Readonly<Record<string, string | number | boolean>>;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `YYYY-MM-DD HH:mm:ss` (FEEDS.md's local form); with milliseconds, the same wall time with +08:00. */
export function wallTime(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  const ms = date.getUTCMilliseconds();
  return ms === 0 ? `${day} ${time}` : `${day}T${time}.${pad(ms, 3)}+08:00`;
}

/** A number as decimal text: 123, never 123.0 or 1.23e2. */
export function numberText(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
}

function textOf(cell: string | number | boolean | Date): string {
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return numberText(cell);
  if (typeof cell === "boolean") return String(cell);
  return wallTime(cell);
}

const INTEGER_TEXT = /^\s*\d+(?:\.0*)?\s*$/;
const BOOLEAN_TEXT: Readonly<Record<string, boolean>> = { true: true, false: false };

/** The value a cell gives `spec`'s key, or undefined when the key is absent. */
export function cellValue(spec: Pick<FieldSpec, "type">, cell: Cell, values: ValueMap | undefined): string | number | boolean | undefined {
  if (cell === null || cell === undefined || cell === "") return undefined;
  if (cell instanceof Date && Number.isNaN(cell.getTime())) return undefined;
  let v: string | number | boolean | Date = cell;
  const mapped = values?.[textOf(cell)];
  if (mapped !== undefined) v = mapped;
  switch (spec.type) {
    case "count":
      return typeof v === "string" && INTEGER_TEXT.test(v) ? Number.parseInt(v, 10) : v instanceof Date ? wallTime(v) : v;
    case "amount":
      return v instanceof Date ? wallTime(v) : v;
    case "boolean": {
      if (typeof v !== "string") return v instanceof Date ? wallTime(v) : v;
      return BOOLEAN_TEXT[v.trim().toLowerCase()] ?? v;
    }
    default:
      return textOf(v);
  }
}
