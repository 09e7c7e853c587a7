// The names of supervision.by_kind's counts for `casepulse explain`: `supervision.by_kind:<entry>`
// is an entry's `received`, `.replied` / `.replied_on_time` after it its other counts. An entry is
// `<kind>:<level>` (人大建议:市) or, for a kind without levels, `<kind>` (司法建议).
import { SUPERVISION_KINDS, SUPERVISION_LEVELED_KINDS, SUPERVISION_LEVELS } from "@casepulse/feeds/model";
import { SUPERVISION_ENTRY_COUNTS, SUPERVISION_ENTRY_NAME } from "./figure-conditions.ts";

const PREFIX = "supervision.by_kind:";

/**
 * Every entry by_kind can have. A leveled kind alone stands for its items without a level, which
 * the feed's contract rejects but which by_kind still lists (as level null) if any are stored.
 */
export const SUPERVISION_ENTRY_NAMES: readonly string[] = SUPERVISION_KINDS.flatMap((kind) =>
  (SUPERVISION_LEVELED_KINDS as readonly string[]).includes(kind) ? [...SUPERVISION_LEVELS.map((level) => `${kind}:${level}`), kind] : [kind],
);

type EntryCount = keyof typeof SUPERVISION_ENTRY_COUNTS;

/** The condition (over supervision_items) and bound key of a by_kind count's name; null for any other name. */
export function supervisionEntryQuery(name: string): { condition: string; key: string } | null {
  if (!name.startsWith(PREFIX)) return null;
  const [entry = "", suffix, ...rest] = name.slice(PREFIX.length).split(".");
  const count: EntryCount | null = suffix === undefined ? "received" : suffix === "replied" || suffix === "replied_on_time" ? suffix : null;
  if (count === null || rest.length > 0 || !SUPERVISION_ENTRY_NAMES.includes(entry)) return null;
  return { condition: `${SUPERVISION_ENTRY_COUNTS[count]} AND ${SUPERVISION_ENTRY_NAME} = {key:String}`, key: entry };
}
