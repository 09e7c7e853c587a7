// A small hand-built report for the rendering tests: every figure set by hand, alerts evaluated
// from them with the real rules, so a test reads its expected text off the numbers here.
import { evaluateAlerts } from "./alerts.ts";
import type { OverdueOrder, Published, Report, StreetEntry, SupervisionBlock, SupervisionKindEntry, UnitEntry } from "./report-types.ts";
import { rate, yoy } from "./report-types.ts";

/** The annual report's own year (七(一)): every item answered on time. */
const SEED_SUPERVISION: SupervisionKindEntry[] = [
  { kind: "人大建议", level: "市", received: 36, replied: 36, replied_on_time: 36 },
  { kind: "人大建议", level: "区", received: 17, replied: 17, replied_on_time: 17 },
  { kind: "政协提案", level: "市", received: 1, replied: 1, replied_on_time: 1 },
  { kind: "政协提案", level: "区", received: 19, replied: 19, replied_on_time: 19 },
  { kind: "司法建议", level: null, received: 2, replied: 2, replied_on_time: 2 },
];

/** Three units whose closings add up to the fixture's 100 closed, 95 on time. */
const UNITS: UnitEntry[] = [
  { unit: "蛇口街道执法队", orders: 60, closed: 50, closed_on_time: 48, on_time_close_rate: 0.96, satisfaction_rate: 0.9 },
  { unit: "蛇口街道城建办", orders: 40, closed: 35, closed_on_time: 33, on_time_close_rate: 33 / 35, satisfaction_rate: 0.85 },
  { unit: "南山区市场监督管理局蛇口监管所", orders: 20, closed: 15, closed_on_time: 14, on_time_close_rate: 14 / 15, satisfaction_rate: 0.95 },
];

/** A unit's entry from its counts (rates computed). */
export function unitEntry(unit: string, orders: number, closed: number, closedOnTime: number, satisfactionRate: number | null = null): UnitEntry {
  return { unit, orders, closed, closed_on_time: closedOnTime, on_time_close_rate: rate(closedOnTime, closed), satisfaction_rate: satisfactionRate };
}

/** The block of these entries: totals summed, `late` as given. */
export function supervisionBlock(entries: readonly SupervisionKindEntry[], late = 0): SupervisionBlock {
  const sum = (key: "received" | "replied" | "replied_on_time") => entries.reduce((n, e) => n + e[key], 0);
  return {
    received: sum("received"),
    replied: sum("replied"),
    replied_on_time: sum("replied_on_time"),
    on_time_reply_rate: rate(sum("replied_on_time"), sum("received")),
    late,
    by_kind: [...entries],
  };
}

export interface FixtureCounts {
  period?: string;
  rc?: [number, number];
  lt?: [number, number];
  decided?: number;
  lost?: number;
  hearings?: number;
  headAppeared?: number;
  newCauses?: string[];
  closed?: number;
  closedOnTime?: number;
  mediation?: [number, number];
  orders?: [number, number];
  /** supervision.by_kind (the seed report's year by default) and supervision.late (0). */
  supervision?: SupervisionKindEntry[];
  late?: number;
  /** hotline.by_unit (three units by default) and the backlog at the end of P (none). */
  units?: UnitEntry[];
  overdue?: OverdueOrder[];
  overdueOpen?: number;
  /** [decided, corrected] of reconsideration; [decided, lost, withdrawn_or_settled] of litigation. */
  reconsiderationDecided?: [number, number];
  litigationDecided?: [number, number, number];
  published?: Published | null;
  /** scope.street (null: the unscoped report) and the unscoped report's streets table (none by default). */
  street?: string | null;
  streets?: StreetEntry[];
}

export function fixtureReport(c: FixtureCounts = {}): Report {
  const [rc, rcPrev] = c.rc ?? [3, 3];
  const [lt, ltPrev] = c.lt ?? [2, 2];
  const [orders, ordersPrev] = c.orders ?? [120, 100];
  const [registered, registeredPrev] = c.mediation ?? [10, 10];
  const closed = c.closed ?? 100;
  const closedOnTime = c.closedOnTime ?? 95;
  const [rcDecided, rcCorrected] = c.reconsiderationDecided ?? [2, 0];
  const [ltDecided, ltLost, ltWithdrawn] = c.litigationDecided ?? [2, 0, 1];
  const decided = c.decided ?? rcDecided + ltDecided;
  const lost = c.lost ?? rcCorrected + ltLost;
  const overdue = c.overdue ?? [];
  const hearings = c.hearings ?? 2;
  const headAppeared = c.headAppeared ?? 2;
  const newCauses = c.newCauses ?? [];
  const figures = {
    period: c.period ?? "2024",
    hotline: {
      orders,
      repeat_orders: 12,
      closed,
      closed_on_time: closedOnTime,
      on_time_close_rate: rate(closedOnTime, closed),
      visited: 80,
      satisfied: 72,
      satisfaction_rate: rate(72, 80),
      orders_prev: ordersPrev,
      yoy: yoy(orders, ordersPrev),
      by_category: [
        { category: "城乡建设/违法建设", orders: 70 },
        { category: "环境保护/噪音扰民", orders: 50 },
      ],
      by_community: [
        { community: "湾厦社区", orders: 90 },
        { community: "蛇口社区", orders: 30 },
      ],
      returned: 6,
      return_rate: rate(6, orders),
      reopened: 3,
      reopen_rate: rate(3, orders),
      accepted_in_time: 110,
      acceptance_rate: rate(110, orders),
      close_hours_median: 52.5,
      overdue_open: c.overdueOpen ?? overdue.length,
      overdue_list: overdue,
      by_unit: c.units ?? UNITS,
      repeat_callers: 2,
      repeat_caller_orders: 7,
    },
    mediation: {
      registered,
      closed: 9,
      succeeded: 6,
      failed: 2,
      success_rate: rate(6, 8),
      by_kind: { 人民调解: registered, 诉前调解: 0, 行政调解: 0, 司法调解: 0 },
      amount_yuan: 12500.5,
      registered_prev: registeredPrev,
      yoy: yoy(registered, registeredPrev),
      referred: 2,
      referred_succeeded: 1,
      by_dispute_type: [
        { dispute_type: "物业纠纷", registered: 6, succeeded: 4 },
        { dispute_type: "邻里纠纷", registered: 4, succeeded: 2 },
      ],
    },
    litigation: {
      reconsideration: { filed: rc, filed_prev: rcPrev, yoy: yoy(rc, rcPrev), decided: rcDecided, corrected: rcCorrected, correction_rate: rate(rcCorrected, rcDecided) },
      litigation: {
        filed: lt,
        filed_prev: ltPrev,
        yoy: yoy(lt, ltPrev),
        decided: ltDecided,
        lost: ltLost,
        loss_rate: rate(ltLost, ltDecided),
        withdrawn_or_settled: ltWithdrawn,
        withdrawal_rate: rate(ltWithdrawn, ltDecided),
      },
      decided,
      lost,
      loss_rate: rate(lost, decided),
      hearings,
      head_appeared: headAppeared,
      head_appearance_rate: rate(headAppeared, hearings),
      causes: [{ cause: "行政处罚", filed: rc + lt - newCauses.length }, ...newCauses.map((cause) => ({ cause, filed: 1 }))],
      new_causes: newCauses,
    },
    supervision: supervisionBlock(c.supervision ?? SEED_SUPERVISION, c.late ?? 0),
  };
  const street = c.street ?? null;
  return {
    ...figures,
    scope: { street },
    ...(street === null ? { streets: c.streets ?? [] } : {}),
    published: c.published ?? null,
    alerts: evaluateAlerts(figures, null),
    quality: { received: 130, accepted: 120, duplicates: 6, rejected: 4 },
  };
}
