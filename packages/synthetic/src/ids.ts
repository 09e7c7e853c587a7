// Identifiers. msg_ids are random (as upstream message ids are), so ties on a timestamp are broken
// by an unpredictable msg_id order; they are unique across all feeds, malformed records included,
// so that a rejected record never shares a msg_id with a valid one.
import type { Rng } from "./rng.ts";

export class IdFactory {
  private readonly used = new Set<string>();
  private readonly counters = new Map<string, number>();

  constructor(private readonly rng: Rng) {}

  msgId(): string {
    for (;;) {
      const h = this.rng.hex(32);
      const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }

  /** Next number in a named sequence, starting at `first`. */
  next(sequence: string, first = 1): number {
    const n = this.counters.get(sequence) ?? first;
    this.counters.set(sequence, n + 1);
    return n;
  }
}
