// Turns generated records into a feed file's lines in arrival order: most records arrive minutes
// after they happen, some days or months late (so orders and cases arrive out of order and across
// months), and some are redelivered as the very same line, sometimes much later.
import type { Rng } from "./rng.ts";
import { DAY_MS, HOUR_MS } from "./time-format.ts";

/** A record plus when it happened (for arrival) and unknown keys to add on the wire. */
export interface Emitted<T> {
  record: T;
  at: number;
  extra?: Record<string, unknown>;
  /** held back by upstream (a backlog sent later) for this long before its usual arrival lag */
  heldBack?: number;
}

/** A line that must be rejected, placed near the record it was derived from. */
export interface MalformedLine {
  line: string;
  at: number;
}

export interface Arranged {
  lines: string[];
  redeliveries: number;
}

const MINUTE_MS = 60_000;

function arrivalLag(rng: Rng): number {
  const r = rng.float();
  if (r < 0.85) return rng.int(0, 20 * MINUTE_MS);
  if (r < 0.95) return rng.int(HOUR_MS, 2 * DAY_MS);
  if (r < 0.99) return rng.int(3 * DAY_MS, 20 * DAY_MS);
  return rng.int(30 * DAY_MS, 75 * DAY_MS);
}

function redeliveryDelay(rng: Rng): number {
  const r = rng.float();
  if (r < 0.7) return rng.int(1000, 10 * MINUTE_MS);
  if (r < 0.9) return rng.int(HOUR_MS, 3 * DAY_MS);
  return rng.int(15 * DAY_MS, 90 * DAY_MS);
}

export function serialize<T>(e: Emitted<T>): string {
  return JSON.stringify(e.extra ? { ...e.record, ...e.extra } : e.record);
}

export function arrange<T>(rng: Rng, items: Emitted<T>[], malformed: MalformedLine[], redeliveryRate: number): Arranged {
  const queue: { key: number; seq: number; line: string }[] = [];
  let redeliveries = 0;
  for (const item of items) {
    const line = serialize(item);
    const key = item.at + (item.heldBack ?? 0) + arrivalLag(rng);
    queue.push({ key, seq: queue.length, line });
    if (rng.chance(redeliveryRate)) {
      const copies = rng.chance(0.9) ? 1 : rng.int(2, 3);
      let again = key;
      for (let i = 0; i < copies; i++) {
        again += redeliveryDelay(rng);
        queue.push({ key: again, seq: queue.length, line });
        redeliveries++;
      }
    }
  }
  for (const m of malformed) queue.push({ key: m.at + arrivalLag(rng), seq: queue.length, line: m.line });
  queue.sort((a, b) => a.key - b.key || a.seq - b.seq);
  return { lines: queue.map((q) => q.line), redeliveries };
}
