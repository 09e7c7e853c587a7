// hotline.overdue_open and overdue_list of REPORT.md: orders registered before the end of P that,
// judged on their events before the end of P only, are open with a deadline before the end of P.
// An order closed after the end of P is still overdue in P's report.
import { compareCodePoints } from "./code-point.ts";
import { attributesBefore, isClosedBy, type OrderState } from "./oracle-order.ts";
import type { Interval } from "./period.ts";
import type { OverdueOrder } from "./report-types.ts";
import { DAY_MS, formatTimestamp } from "./time-format.ts";

export const OVERDUE_LIST_LENGTH = 20;

interface Overdue {
  orderId: string;
  deadline: number;
  community: string | null;
  category: string | null;
  unit: string | null;
}

/** Registered before `end` means the order's registration time (its latest 登记) is before it. */
export function overdueAt(orders: OrderState[], end: number): Overdue[] {
  const out: Overdue[] = [];
  for (const o of orders) {
    if (o.registeredAt === null || o.registeredAt >= end) continue;
    const a = attributesBefore(o, end);
    if (isClosedBy(a.lastEvent) || a.deadline === null || a.deadline >= end) continue;
    out.push({ orderId: o.orderId, deadline: a.deadline, community: a.community, category: a.category, unit: a.unit });
  }
  return out.sort((x, y) => x.deadline - y.deadline || compareCodePoints(x.orderId, y.orderId));
}

/**
 * overdue_list gives the deadline as Shanghai wall time with +08:00, as REPORT.md's example
 * (2024-03-25T18:00:00+08:00), with milliseconds only when there are any.
 */
export function overdueFigures(orders: OrderState[], p: Interval): { overdue_open: number; overdue_list: OverdueOrder[] } {
  const all = overdueAt(orders, p.end);
  return {
    overdue_open: all.length,
    overdue_list: all.slice(0, OVERDUE_LIST_LENGTH).map((x) => ({
      order_id: x.orderId,
      deadline: formatTimestamp(x.deadline, "offset"),
      overdue_days: Math.floor((p.end - x.deadline) / DAY_MS),
      community: x.community,
      category: x.category,
      unit: x.unit,
    })),
  };
}
