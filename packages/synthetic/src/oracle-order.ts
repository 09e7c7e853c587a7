// One work order's events folded into its state (FEEDS.md section 1, docs/semantics.md): each
// attribute is that of the latest event (by event_time, ties by the greater msg_id) carrying it,
// the street too (FEEDS.md "All feeds").
// The same fold over the events before an instant gives the order as it stood then.
import { compareCodePoints } from "./code-point.ts";
import type { HotlineEvent, HotlineEventType, Satisfaction } from "./feed-types.ts";
import { recordStreet } from "./street.ts";
import { parseTimestamp } from "./timestamp.ts";

export interface Visit {
  at: number;
  msgId: string;
  satisfaction: Satisfaction;
}

/** One event with the attributes the overdue figures need, its timestamps parsed. */
export interface OrderStep {
  at: number;
  msgId: string;
  event: HotlineEventType;
  deadline: number | null;
  category: string | null;
  community: string | null;
  unit: string | null;
}

/** What the latest events carrying each attribute say; lastEvent is the latest event itself. */
export interface OrderAttributes {
  category: string | null;
  community: string | null;
  deadline: number | null;
  unit: string | null;
  lastEvent: HotlineEventType | null;
}

export interface OrderState extends OrderAttributes {
  orderId: string;
  /** event_time of the latest 登记; null when no 登记 was received */
  registeredAt: number | null;
  isRepeat: boolean;
  /** latest 办结, set only when the order is closed (latest event is 办结 or 回访) */
  closedAt: number | null;
  visits: Visit[];
  /** the phone of the latest event carrying caller_phone (the pipeline keeps only its HMAC) */
  callerPhone: string | null;
  /** the street of the latest event carrying one (a transferred order's new street); null when none does */
  street: string | null;
  /** the earliest 签收 */
  firstAcceptAt: number | null;
  returned: boolean;
  reopened: boolean;
  /** every event, ascending by (event_time, msg_id) */
  steps: OrderStep[];
}

const CLOSING_EVENTS: readonly HotlineEventType[] = ["办结", "回访"];

export function isClosedBy(lastEvent: HotlineEventType | null): boolean {
  return lastEvent !== null && CLOSING_EVENTS.includes(lastEvent);
}

/** steps must be ascending: each later step that carries an attribute overwrites it. */
export function foldSteps(steps: readonly OrderStep[]): OrderAttributes {
  const a: OrderAttributes = { category: null, community: null, deadline: null, unit: null, lastEvent: null };
  for (const s of steps) {
    if (s.category !== null) a.category = s.category;
    if (s.community !== null) a.community = s.community;
    if (s.deadline !== null) a.deadline = s.deadline;
    if (s.unit !== null) a.unit = s.unit;
    a.lastEvent = s.event;
  }
  return a;
}

/** The order as its events before `instant` (exclusive) make it. */
export function attributesBefore(order: OrderState, instant: number): OrderAttributes {
  const end = order.steps.findIndex((s) => s.at >= instant);
  return foldSteps(end === -1 ? order.steps : order.steps.slice(0, end));
}

export function foldOrder(orderId: string, events: HotlineEvent[]): OrderState {
  const timed = events
    .map((e) => ({ e, at: parseTimestamp(e.event_time), msgId: e.msg_id }))
    .sort((a, b) => a.at - b.at || compareCodePoints(a.msgId, b.msgId));
  const steps = timed.map(({ e, at, msgId }): OrderStep => ({
    at,
    msgId,
    event: e.event,
    deadline: e.deadline == null ? null : parseTimestamp(e.deadline),
    category: e.category ?? null,
    community: e.community ?? null,
    unit: e.unit ?? null,
  }));
  const state: OrderState = {
    ...foldSteps(steps),
    orderId,
    registeredAt: null,
    isRepeat: false,
    closedAt: null,
    visits: [],
    callerPhone: null,
    street: null,
    firstAcceptAt: null,
    returned: false,
    reopened: false,
    steps,
  };
  let lastClose: number | null = null;
  for (const { e, at, msgId } of timed) {
    if (e.repeat_of != null) state.isRepeat = true;
    if (e.caller_phone != null) state.callerPhone = e.caller_phone;
    const street = recordStreet(e);
    if (street !== null) state.street = street;
    if (e.event === "登记") state.registeredAt = at;
    if (e.event === "签收" && state.firstAcceptAt === null) state.firstAcceptAt = at;
    if (e.event === "退回") state.returned = true;
    if (e.event === "重启") state.reopened = true;
    if (e.event === "办结") lastClose = at;
    if (e.event === "回访" && e.satisfaction != null) state.visits.push({ at, msgId, satisfaction: e.satisfaction });
  }
  if (isClosedBy(state.lastEvent) && lastClose !== null) state.closedAt = lastClose;
  return state;
}
