// A spreadsheet's header row → which key each column gives (FEEDS.md "Files", header names): the
// site's mapping first, then the contract's own key names, then the feed's Chinese labels; names
// are matched after trimming blanks. A hotline header with registered_at and no event is the
// 12345 order list (one row per order, hotline-order-rows.ts).
import { CONTRACTS, FILE_FORMS, HOTLINE_ORDER_TIMES, type Feed, type FieldSpec } from "@casepulse/feeds";
import type { ValueMap } from "./cells.ts";
import { FileFormError } from "./errors.ts";
import type { Mapping } from "./mapping.ts";

export interface HeaderPlan {
  /** Each column's key, or null for a column that gives none. */
  keys: (string | null)[];
  /** The key's field type, for the cell conversions. */
  specs: Readonly<Record<string, Pick<FieldSpec, "type">>>;
  /** Cell values per key: the feed's own, then the site's. */
  values: Readonly<Record<string, ValueMap>>;
  /** Header names of the columns that give no key (named once on stderr). */
  ignored: string[];
  /** The hotline order list: each row is one order's steps. */
  orderRows: boolean;
  /** Whether the export carries msg_ids (else each row's is derived). */
  hasMsgId: boolean;
}

const TIME: Pick<FieldSpec, "type"> = { type: "timestamp" };

/** The keys a feed's export may name: its contract's, and for the hotline the order list's times. */
export function exportKeys(feed: Feed): Readonly<Record<string, Pick<FieldSpec, "type">>> {
  const fields: Record<string, Pick<FieldSpec, "type">> = { ...CONTRACTS[feed].fields };
  if (feed === "hotline") for (const key of HOTLINE_ORDER_TIMES) fields[key] = TIME;
  return fields;
}

export function planHeader(feed: Feed, names: readonly string[], mapping: Mapping | null): HeaderPlan {
  const specs = exportKeys(feed);
  const form = FILE_FORMS[feed];
  const byLabel = new Map<string, string>();
  for (const [key, labels] of Object.entries(form.labels)) for (const label of labels) byLabel.set(label, key);
  const keyOf = (name: string): string | null => mapping?.columns[name] ?? (Object.hasOwn(specs, name) ? name : null) ?? byLabel.get(name) ?? null;
  let keys = names.map((raw) => keyOf(raw.trim()));
  const orderRows = feed === "hotline" && keys.includes("registered_at") && !keys.includes("event");
  // Keys of the other hotline form are no keys of this one.
  const foreign = new Set<string>(feed !== "hotline" ? [] : orderRows ? ["event", "event_time", "msg_id"] : HOTLINE_ORDER_TIMES);
  keys = keys.map((k) => (k !== null && foreign.has(k) ? null : k));
  const seen = new Map<string, string>();
  keys.forEach((key, i) => {
    if (key === null) return;
    const name = names[i]!.trim();
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new FileFormError(`columns ${JSON.stringify(earlier)} and ${JSON.stringify(name)} both give ${key}`);
    seen.set(key, name);
  });
  if (seen.size === 0) {
    const shown = names.slice(0, 5).map((n) => JSON.stringify(n.trim())).join(", ");
    throw new FileFormError(`its header row names no key of the ${feed} feed (it has ${shown || "no names"}${names.length > 5 ? ", …" : ""}); see FEEDS.md or give --mapping`);
  }
  const ignored = names.flatMap((n, i) => (keys[i] === null ? [n.trim() === "" ? `(column ${i + 1}, no name)` : n.trim()] : []));
  const values: Record<string, ValueMap> = {};
  for (const key of seen.keys()) {
    const own = (form.values as Readonly<Record<string, ValueMap>>)[key];
    const site = mapping?.values[key];
    if (own || site) values[key] = { ...own, ...site };
  }
  return { keys, specs, values, ignored, orderRows, hasMsgId: seen.has("msg_id") };
}
