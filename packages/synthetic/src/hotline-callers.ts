// Callers who ring 12345 again and again (REPORT.md's repeat_callers): a few habitual callers are
// given several orders in some months, and fresh callers exactly two, so that every month has
// callers at, just below and above the three orders that make a repeat caller.
import { callerPhone } from "./hotline-content.ts";
import type { Rng } from "./rng.ts";

export const HABITUAL_CALLERS = 6;

export class CallerBook {
  private readonly habitual: string[];

  constructor(private readonly rng: Rng) {
    this.habitual = Array.from({ length: HABITUAL_CALLERS }, () => callerPhone(rng));
  }

  /**
   * Phones for some of a month's `orders` orders, by their index: one or more habitual callers with
   * 3–5 orders, one with exactly 2 (so 2 in the month, more in the year) and fresh callers with
   * exactly 2 (in the month and in the year).
   */
  month(orders: number, scale: number): Map<number, string> {
    const rng = this.rng;
    const free = rng.shuffle(Array.from({ length: orders }, (_, i) => i));
    const phones = new Map<number, string>();
    const give = (phone: string, n: number): void => {
      for (let i = 0; i < n; i++) {
        const index = free.pop();
        if (index !== undefined) phones.set(index, phone);
      }
    };
    const extra = Math.round(2 * scale);
    const heavy = rng.shuffle([...this.habitual]);
    const nHeavy = rng.int(1, 1 + extra);
    heavy.slice(0, nHeavy).forEach((phone) => give(phone, rng.int(3, 5)));
    const twice = heavy[nHeavy];
    if (twice !== undefined) give(twice, 2);
    for (let i = rng.int(1, 2 + extra); i > 0; i--) give(callerPhone(rng), 2);
    return phones;
  }
}
