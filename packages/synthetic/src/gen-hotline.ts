// Hotline volumes: orders per Shanghai month with seasonality, slow growth between the years, one
// category spike, a few months with poor on-time closing (SLA alerts), a few more in which one
// handling unit closes late (unit SLA alerts), repeat orders, repeat callers, and pinned orders at
// every month boundary (instants that change month when written in UTC).
import type { Emitted } from "./arrival.ts";
import { daysIn } from "./calendar.ts";
import type { HotlineEvent } from "./feed-types.ts";
import { CallerBook } from "./hotline-callers.ts";
import { orderEvents, type OrderPlan } from "./hotline-order.ts";
import type { IdFactory } from "./ids.ts";
import type { Rng } from "./rng.ts";
import { DAY_MS, HOUR_MS, duration, shanghaiParts, shanghaiTime, type TsForm } from "./time-format.ts";
import { CATEGORIES, COMMUNITIES, type CategorySpec } from "./vocab.ts";

export interface HotlineOrderInfo {
  orderId: string;
  community: string;
  category: string;
  registeredAt: number;
}

export interface HotlineOutput {
  events: Emitted<HotlineEvent>[];
  orders: HotlineOrderInfo[];
}

export const HOTLINE_ORDERS_PER_YEAR = 6000;
/** Spring Festival dip in Feb, more noise and parking complaints in summer. */
const SEASON = [0.9, 0.7, 0.95, 1.0, 1.05, 1.1, 1.2, 1.2, 1.05, 1.0, 0.95, 0.9];
const GROWTH = 1.06;
export const SPIKE = { yearIndex: 1, month0: 4, category: "城乡建设/违法建设" } as const;
/** (yearIndex, month0) pairs where many orders close late */
const SLOW_MONTHS = new Set(["0-7", "1-1", "1-6"]);
/** (yearIndex, month0) pairs where this unit (about a fifth of the orders) closes many of its orders late */
export const SLOW_UNIT = { unit: "蛇口街道执法队", lateProbability: 0.4, months: new Set(["0-4", "0-10", "1-3", "1-9"]) } as const;
export const CATEGORY_WEIGHTS = CATEGORIES.map((c) => [c, c.weight] as const);
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 1, 1, 3, 10, 10, 10, 10, 7, 7, 10, 10, 10, 10, 7, 7, 7, 7, 3, 3].map(
  (w, h) => [h, w] as const,
);

export function randomInstant(rng: Rng, year: number, month0: number): number {
  return shanghaiTime(year, month0, rng.int(1, daysIn(year, month0)), rng.weighted(HOUR_WEIGHTS), rng.int(0, 59), rng.int(0, 59));
}

/** 工单编号 like SZ24033100012: registration day (Shanghai) and a sequence within the day. */
export function orderIdAt(ids: IdFactory, at: number): string {
  const day = shanghaiParts(at);
  const ymd = [day.year % 100, day.month0 + 1, day.day].map((n) => String(n).padStart(2, "0")).join("");
  return `SZ${ymd}${String(ids.next(`order:${ymd}`)).padStart(5, "0")}`;
}

interface Slot {
  at: number;
  category: CategorySpec;
  form?: TsForm;
  closeAt?: number;
}

function boundarySlots(rng: Rng, year: number, month0: number): Slot[] {
  const start = shanghaiTime(year, month0, 1);
  const end = shanghaiTime(year, month0 + 1, 1);
  const cat = () => rng.weighted(CATEGORY_WEIGHTS);
  return [
    { at: start, category: cat(), form: "utc", closeAt: end }, // 00:00 on the 1st, closed at the next 1st
    { at: start + 90 * 60_000, category: cat(), form: "utc" }, // like 2024-03-31T17:30:00Z = April
    { at: end - 1000, category: cat(), form: "offset" }, // 23:59:59+08:00 on the last day
    { at: end - 1, category: cat(), form: "utc" }, // 15:59:59.999Z: still this month
  ];
}

/**
 * Orders registered before the feed starts: only their later steps are in the data (no 登记), so
 * they can be closed or visited without ever being registered in any period. Most keep a deadline
 * because the first event in the feed re-sends it; the others are closed without one.
 */
function carryOverOrders(rng: Rng, x: Rng, ids: IdFactory, firstYear: number, scale: number, cutoff: number): Emitted<HotlineEvent>[] {
  const start = shanghaiTime(firstYear, 0, 1);
  const out: Emitted<HotlineEvent>[] = [];
  const n = Math.max(3, Math.round(HOTLINE_ORDERS_PER_YEAR * scale * 0.005));
  for (let i = 0; i < n; i++) {
    const at = start - duration(rng, HOUR_MS, 10 * DAY_MS);
    const category = rng.weighted(CATEGORY_WEIGHTS);
    const plan: OrderPlan = {
      orderId: orderIdAt(ids, at),
      registeredAt: at,
      category,
      community: rng.weighted(COMMUNITIES),
      repeatOf: null,
      repeatMarkedOnDispatch: false,
      lateProbability: 0.02,
    };
    const all = orderEvents(rng, x, ids, plan, cutoff);
    const deadline = all.find((e) => e.record.event === "登记")?.record.deadline;
    const inFeed = all.filter((e) => e.at >= start);
    const first = inFeed[0];
    if (first && deadline && rng.chance(0.7)) first.record.deadline = deadline;
    out.push(...inFeed);
  }
  return out;
}

export function generateHotline(rng: Rng, ids: IdFactory, years: [number, number], scale: number, cutoff: number): HotlineOutput {
  const x = rng.fork("process");
  const callers = new CallerBook(rng.fork("callers"));
  const events: Emitted<HotlineEvent>[] = carryOverOrders(rng, x, ids, years[0], scale, cutoff);
  const orders: HotlineOrderInfo[] = [];
  const recent = new Map<string, HotlineOrderInfo[]>();
  const seasonTotal = SEASON.reduce((a, b) => a + b, 0);
  const weightTotal = CATEGORIES.reduce((a, c) => a + c.weight, 0);
  for (let yi = 0; yi <= years[1] - years[0]; yi++) {
    const year = years[0] + yi;
    for (let month0 = 0; month0 < 12; month0++) {
      const expected = (HOTLINE_ORDERS_PER_YEAR * scale * GROWTH ** yi * (SEASON[month0] ?? 1)) / seasonTotal;
      const n = Math.round(expected * (0.92 + 0.16 * rng.float()));
      const slots: Slot[] = [];
      for (let i = 0; i < n; i++) {
        slots.push({ at: randomInstant(rng, year, month0), category: rng.weighted(CATEGORY_WEIGHTS) });
      }
      if (yi === SPIKE.yearIndex && month0 === SPIKE.month0) {
        const spec = CATEGORIES.find((c) => c.path === SPIKE.category);
        if (!spec) throw new Error("spike category missing from vocab");
        const extra = Math.max(12, Math.round((3 * expected * spec.weight) / weightTotal));
        for (let i = 0; i < extra; i++) slots.push({ at: randomInstant(rng, year, month0), category: spec });
      }
      slots.push(...boundarySlots(rng, year, month0));
      slots.sort((a, b) => a.at - b.at); // so a repeat can only point at an earlier order
      const lateProbability = SLOW_MONTHS.has(`${yi}-${month0}`) ? 0.2 : 0.02;
      const slowUnit = SLOW_UNIT.months.has(`${yi}-${month0}`) ? SLOW_UNIT : undefined;
      const phones = callers.month(slots.length, scale);
      for (const [index, slot] of slots.entries()) {
        const community = rng.weighted(COMMUNITIES);
        const key = `${community}|${slot.category.path}`;
        const earlier = (recent.get(key) ?? []).filter((o) => o.registeredAt < slot.at && o.registeredAt > slot.at - 60 * DAY_MS);
        const repeat = earlier.length > 0 && rng.chance(0.12) ? rng.pick(earlier) : null;
        const orderId = orderIdAt(ids, slot.at);
        const callerPhone = phones.get(index);
        const plan: OrderPlan = {
          orderId,
          registeredAt: slot.at,
          category: slot.category,
          community,
          repeatOf: repeat?.orderId ?? null,
          repeatMarkedOnDispatch: rng.chance(0.15),
          lateProbability,
          ...(slot.form ? { registerForm: slot.form } : {}),
          ...(slot.closeAt !== undefined ? { closeAt: slot.closeAt } : {}),
          ...(callerPhone !== undefined ? { callerPhone } : {}),
          ...(slowUnit ? { slowUnit } : {}),
        };
        events.push(...orderEvents(rng, x, ids, plan, cutoff));
        const info = { orderId, community, category: slot.category.path, registeredAt: slot.at };
        orders.push(info);
        recent.set(key, [...(recent.get(key) ?? []).filter((o) => o.registeredAt > slot.at - 60 * DAY_MS), info]);
      }
    }
  }
  return { events, orders };
}
