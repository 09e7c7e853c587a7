// hotline.by_unit and the repeat callers of REPORT.md. An order's unit and caller are those of its
// latest event carrying them (whenever that event is), as for every order attribute.
import { compareCodePoints } from "./code-point.ts";
import type { OrderState } from "./oracle-order.ts";
import { rate } from "./rates.ts";
import type { UnitFigures } from "./report-types.ts";

export const REPEAT_CALLER_MIN_ORDERS = 3;

interface UnitCounts {
  orders: number;
  closed: number;
  closedOnTime: number;
  visited: number;
  satisfied: number;
}

/** The orders of P, closed in P (and on time) and visited in P (and satisfied) of the figures. */
export interface UnitInputs {
  registered: OrderState[];
  closed: OrderState[];
  onTime: Set<OrderState>;
  visits: Map<OrderState, boolean>;
}

/**
 * Units with no order, closing or visit in P are left out (REPORT.md: all figures 0). Largest
 * orders first, then largest closed, ties by name.
 */
export function unitFigures(x: UnitInputs): UnitFigures[] {
  const units = new Map<string, UnitCounts>();
  const of = (o: OrderState): UnitCounts | null => {
    if (o.unit === null) return null;
    let c = units.get(o.unit);
    if (c === undefined) units.set(o.unit, (c = { orders: 0, closed: 0, closedOnTime: 0, visited: 0, satisfied: 0 }));
    return c;
  };
  for (const o of x.registered) {
    const c = of(o);
    if (c) c.orders++;
  }
  for (const o of x.closed) {
    const c = of(o);
    if (c) {
      c.closed++;
      if (x.onTime.has(o)) c.closedOnTime++;
    }
  }
  for (const [o, satisfied] of x.visits) {
    const c = of(o);
    if (c) {
      c.visited++;
      if (satisfied) c.satisfied++;
    }
  }
  return [...units]
    .map(([unit, c]) => ({
      unit,
      orders: c.orders,
      closed: c.closed,
      closed_on_time: c.closedOnTime,
      on_time_close_rate: rate(c.closedOnTime, c.closed),
      satisfaction_rate: rate(c.satisfied, c.visited),
    }))
    .sort((a, b) => b.orders - a.orders || b.closed - a.closed || compareCodePoints(a.unit, b.unit));
}

/** Callers with at least three orders of P, and those orders (orders without a caller are no caller's). */
export function repeatCallers(registered: OrderState[]): { repeat_callers: number; repeat_caller_orders: number } {
  const counts = new Map<string, number>();
  for (const o of registered) if (o.callerPhone !== null) counts.set(o.callerPhone, (counts.get(o.callerPhone) ?? 0) + 1);
  const repeat = [...counts.values()].filter((n) => n >= REPEAT_CALLER_MIN_ORDERS);
  return { repeat_callers: repeat.length, repeat_caller_orders: repeat.reduce((a, b) => a + b, 0) };
}
