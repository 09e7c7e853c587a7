// The 12345 order list (FEEDS.md "Hotline order rows"): one row per work order, which the
// pipeline turns back into the order's 登记/派发/签收/办结/回访 events. An order is written as a
// row only when the events its row gives make the same order as its own events wherever a report
// looks at it (the end of every month in its life, and after each of its steps but 登记); the
// others stay event rows. One step of each kind at most, at distinct instants (a tie would be
// broken by msg_ids, which the row form changes).
import type { HotlineEvent } from "./feed-types.ts";
import { SHANGHAI_OFFSET_MS, parseTimestamp } from "./timestamp.ts";

type Event = HotlineEvent & Record<string, unknown>;

/** Each step of a row: at which time key, carrying which keys (as FEEDS.md lists them). */
export const ORDER_STEPS = [
  { event: "登记", at: "registered_at", keys: ["category", "community", "deadline", "channel", "repeat_of", "unit", "caller_phone", "content", "street"] },
  { event: "派发", at: "dispatched_at", keys: ["unit"] },
  { event: "签收", at: "accepted_at", keys: [] },
  { event: "办结", at: "closed_at", keys: [] },
  { event: "回访", at: "visited_at", keys: ["satisfaction"] },
] as const;

const ATTRIBUTES = ["category", "community", "deadline", "channel", "repeat_of", "unit", "caller_phone", "street"] as const;

export type OrderRow = Record<string, string>;

const given = (v: unknown): v is string => typeof v === "string" && v !== "";

/** The order's row, or null when its events do not fit one. */
export function orderRow(events: readonly Event[]): OrderRow | null {
  const steps = new Map(ORDER_STEPS.map((s) => [s.event as string, s]));
  const byKind = new Map<string, Event>();
  for (const e of events) {
    if (!steps.has(e.event) || byKind.has(e.event)) return null;
    byKind.set(e.event, e);
  }
  const times = events.map((e) => parseTimestamp(e.event_time));
  if (new Set(times).size !== times.length) return null;
  const sorted = [...events].sort((a, b) => parseTimestamp(a.event_time) - parseTimestamp(b.event_time));
  const row: OrderRow = { order_id: events[0]!.order_id };
  for (const s of ORDER_STEPS) {
    const e = byKind.get(s.event);
    if (e) row[s.at] = e.event_time;
  }
  // The list shows an order's current values: those of its latest step carrying each.
  for (const key of [...ATTRIBUTES, "content", "satisfaction"]) {
    const carrier = sorted.filter((e) => given(e[key])).pop();
    if (carrier) row[key] = carrier[key] as string;
  }
  const again = rowEvents(row).sort((a, b) => parseTimestamp(a.event_time) - parseTimestamp(b.event_time));
  return sameOrder(sorted, again) ? row : null;
}

/** The events a row stands for (as the pipeline makes them; msg_ids aside). */
export function rowEvents(row: OrderRow): Event[] {
  return ORDER_STEPS.filter((s) => given(row[s.at])).map((s) => {
    const e: Record<string, unknown> = { msg_id: "", order_id: row.order_id, event: s.event, event_time: row[s.at] };
    for (const key of s.keys) if (given(row[key])) e[key] = row[key];
    return e as Event;
  });
}

/** Month starts in Shanghai strictly between two instants. */
function monthStarts(from: number, to: number): number[] {
  const out: number[] = [];
  const d = new Date(from + SHANGHAI_OFFSET_MS);
  for (let y = d.getUTCFullYear(), m = d.getUTCMonth() + 1; ; m += 1) {
    const start = Date.UTC(y, m, 1) - SHANGHAI_OFFSET_MS;
    if (start >= to) return out;
    if (start > from) out.push(start);
  }
}

/** What the events before `instant` (or up to and including it) say of the order. */
function stateAt(events: readonly Event[], instant: number, inclusive: boolean): string {
  const before = events.filter((e) => (inclusive ? parseTimestamp(e.event_time) <= instant : parseTimestamp(e.event_time) < instant));
  const state: Record<string, unknown> = { steps: before.map((e) => `${e.event}@${parseTimestamp(e.event_time)}`) };
  for (const key of ATTRIBUTES) {
    const carrier = before.filter((e) => given(e[key])).pop();
    state[key] = carrier ? (key === "deadline" ? parseTimestamp(carrier[key] as string) : carrier[key]) : null;
  }
  state.content = before.some((e) => given(e.content));
  state.satisfaction = before.filter((e) => given(e.satisfaction)).map((e) => e.satisfaction);
  return JSON.stringify(state);
}

function sameOrder(own: readonly Event[], fromRow: readonly Event[]): boolean {
  const first = parseTimestamp(own[0]!.event_time);
  const last = parseTimestamp(own[own.length - 1]!.event_time);
  const looks = [
    ...monthStarts(first, last).map((t) => [t, false] as const),
    ...own.filter((e) => e.event !== "登记").map((e) => [parseTimestamp(e.event_time), true] as const),
    [Number.MAX_SAFE_INTEGER, true] as const,
  ];
  return looks.every(([t, inclusive]) => stateAt(own, t, inclusive) === stateAt(fromRow, t, inclusive));
}
