// hotline.* figures of REPORT.md for one period.
import { byCountThenName, compareCodePoints } from "./code-point.ts";
import { DEFAULT_ACCEPT_HOURS, processFigures } from "./oracle-hotline-process.ts";
import type { OrderState, Visit } from "./oracle-order.ts";
import { overdueFigures } from "./oracle-overdue.ts";
import { repeatCallers, unitFigures } from "./oracle-units.ts";
import { within, yearBefore, type Interval, type Period } from "./period.ts";
import { rate, yoy } from "./rates.ts";
import type { HotlineFigures } from "./report-types.ts";

export function ordersIn(orders: OrderState[], i: Interval): OrderState[] {
  return orders.filter((o) => within(o.registeredAt, i));
}

/** orders registered in the interval, per category (the order's current category) */
export function categoryCounts(orders: OrderState[], i: Interval): Map<string, number> {
  return countBy(ordersIn(orders, i), (o) => o.category);
}

function countBy(orders: OrderState[], key: (o: OrderState) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const o of orders) {
    const k = key(o);
    // A registered order always has category and community (required on 登记).
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

function latestVisit(visits: Visit[]): Visit | undefined {
  return visits.reduce<Visit | undefined>((best, v) => {
    if (best === undefined || v.at > best.at) return v;
    if (v.at === best.at && compareCodePoints(v.msgId, best.msgId) > 0) return v;
    return best;
  }, undefined);
}

export function hotlineFigures(orders: OrderState[], p: Period, acceptHours = DEFAULT_ACCEPT_HOURS): HotlineFigures {
  const registered = ordersIn(orders, p);
  const prev = ordersIn(orders, yearBefore(p)).length;
  const closed = orders.filter((o) => within(o.closedAt, p));
  const onTime = closed.filter((o) => o.deadline !== null && o.closedAt !== null && o.closedAt <= o.deadline);
  // orders visited in P → whether their latest 回访 in P rated 满意 or 基本满意
  const visits = new Map<OrderState, boolean>();
  for (const o of orders) {
    const rating = latestVisit(o.visits.filter((v) => within(v.at, p)));
    if (rating !== undefined) visits.set(o, rating.satisfaction === "满意" || rating.satisfaction === "基本满意");
  }
  const visited = visits.size;
  const satisfied = [...visits.values()].filter(Boolean).length;
  const byCategory = [...countBy(registered, (o) => o.category)]
    .map(([category, n]) => ({ category, orders: n }))
    .sort(byCountThenName((x) => x.orders, (x) => x.category));
  const byCommunity = [...countBy(registered, (o) => o.community)]
    .map(([community, n]) => ({ community, orders: n }))
    .sort(byCountThenName((x) => x.orders, (x) => x.community));
  return {
    orders: registered.length,
    repeat_orders: registered.filter((o) => o.isRepeat).length,
    closed: closed.length,
    closed_on_time: onTime.length,
    on_time_close_rate: rate(onTime.length, closed.length),
    visited,
    satisfied,
    satisfaction_rate: rate(satisfied, visited),
    orders_prev: prev,
    yoy: yoy(registered.length, prev),
    by_category: byCategory,
    by_community: byCommunity,
    ...processFigures(registered, closed, acceptHours),
    ...overdueFigures(orders, p),
    by_unit: unitFigures({ registered, closed, onTime: new Set(onTime), visits }),
    ...repeatCallers(registered),
  };
}
