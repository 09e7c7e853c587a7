// One work order's life: 登记 → 派发 → 签收 → (退回 → 派发 → 签收) → 办结 → 回访, with the
// deviations the pipeline must get right: reclassification and deadline extensions on later
// events, same-instant events, reopening (重启) with or without a second 办结, late closing, late
// acceptance (签收 exactly at and just after 24 h too), a caller's number given again on 回访.
// Choices added for REPORT.md's process figures draw from a second stream (`x`), so that they move
// the main stream's draws, and with them the orders' other figures, as little as they can.
import type { Emitted } from "./arrival.ts";
import type { Channel, HotlineEvent, HotlineEventType, Satisfaction } from "./feed-types.ts";
import { callerPhone, complaintText, unknownKeys } from "./hotline-content.ts";
import type { IdFactory } from "./ids.ts";
import type { Rng } from "./rng.ts";
import { DAY_MS, HOUR_MS, duration, formatTimestamp, shanghaiParts, shanghaiTime, type FormWeights, type TsForm } from "./time-format.ts";
import { CATEGORIES, type CategorySpec } from "./vocab.ts";

export interface OrderPlan {
  orderId: string;
  registeredAt: number;
  category: CategorySpec;
  community: string;
  repeatOf: string | null;
  /** the 重复件 mark is sometimes only added by the dispatcher, on 派发 */
  repeatMarkedOnDispatch: boolean;
  lateProbability: number;
  /** boundary cases pin the form of the 登记 timestamp, e.g. UTC for a Shanghai month start */
  registerForm?: TsForm;
  /** boundary cases pin the closing instant */
  closeAt?: number;
  /** a repeat caller's number instead of the one drawn */
  callerPhone?: string;
  /** a handling unit that closes late more often in this order's month */
  slowUnit?: { unit: string; lateProbability: number };
}

/** Orders left open (never closed in the data) are mostly the ones handled shortly before the export. */
const RECENT_MS = 30 * DAY_MS;
const STALE_OPEN_SHARE = 0.15;

const FORMS: FormWeights = [
  ["local", 40],
  ["utc", 28],
  ["offset", 24],
  ["offset-compact", 3],
  ["offset-hours", 2],
  ["offset-no-seconds", 3],
];

const MINUTE_MS = 60_000;

/** How residents reach 12345 (the 登记 record's channel). */
export const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [["电话", 60], ["微信", 20], ["网站", 10], ["APP", 10]];

type Fields = Omit<HotlineEvent, "msg_id" | "order_id" | "event" | "event_time">;

export function orderEvents(rng: Rng, x: Rng, ids: IdFactory, plan: OrderPlan, cutoff: number): Emitted<HotlineEvent>[] {
  const out: Emitted<HotlineEvent>[] = [];
  let stopped = false;
  const emit = (event: HotlineEventType, at: number, fields: Fields, form?: TsForm): void => {
    if (stopped || at >= cutoff) {
      stopped = true; // the export was taken at the cutoff: nothing later exists yet
      return;
    }
    const record: HotlineEvent = {
      msg_id: ids.msgId(),
      order_id: plan.orderId,
      event,
      event_time: formatTimestamp(at, form ?? rng.weighted(FORMS)),
      ...fields,
    };
    if (record.unit === undefined && rng.chance(0.02)) record.unit = null; // null means absent
    out.push(rng.chance(0.01) ? { record, at, extra: unknownKeys(rng) } : { record, at });
  };
  // Some systems stamp milliseconds; those can only be written in an ISO form.
  const jitter = () => (rng.chance(0.05) ? rng.int(1, 999) : 0);

  const t0 = plan.registeredAt;
  const day = shanghaiParts(t0);
  let deadline = shanghaiTime(day.year, day.month0, day.day + plan.category.days, 18);
  const fmtDeadline = (ms: number) => formatTimestamp(ms, rng.weighted(FORMS));
  const drawnPhone = rng.chance(0.75) ? callerPhone(rng) : null;
  const phone = plan.callerPhone ?? drawnPhone;
  const register: Fields = {
    category: plan.category.path,
    community: plan.community,
    deadline: fmtDeadline(deadline),
  };
  if (rng.chance(0.9)) register.channel = rng.weighted(CHANNEL_WEIGHTS);
  if (plan.repeatOf !== null && !plan.repeatMarkedOnDispatch) register.repeat_of = plan.repeatOf;
  if (phone !== null) register.caller_phone = phone;
  if (rng.chance(0.85)) register.content = complaintText(rng, plan.community, rng.pick(plan.category.issues), phone);
  emit("登记", t0, register, plan.registerForm);

  let unit = rng.pick(plan.category.units);
  // Auto-dispatch stamps the same instant as 登记; then only msg_id order says which is later.
  let t = rng.chance(0.05) ? t0 : t0 + duration(rng, 5 * MINUTE_MS, 8 * HOUR_MS) + jitter();
  const dispatch: Fields = { unit };
  if (rng.chance(0.06)) dispatch.category = rng.pick(CATEGORIES.filter((c) => c !== plan.category)).path;
  if (rng.chance(0.03)) {
    deadline += rng.int(5, 10) * DAY_MS; // 延期 approved: a later event carries the new deadline
    dispatch.deadline = fmtDeadline(deadline);
  }
  if (plan.repeatOf !== null && plan.repeatMarkedOnDispatch) dispatch.repeat_of = plan.repeatOf;
  emit("派发", t, dispatch);
  const dispatchedAt = t;
  t += duration(rng, 10 * MINUTE_MS, DAY_MS) + jitter();
  const acceptance = x.float();
  // REPORT.md's accept_hours (24 h by default) is inclusive: exactly 24 h is in time, 1 s more is not.
  if (acceptance < 0.01 && t0 + DAY_MS >= dispatchedAt) t = t0 + DAY_MS;
  else if (acceptance < 0.015 && t0 + DAY_MS >= dispatchedAt) t = t0 + DAY_MS + 1000;
  else if (acceptance < 0.035) t = dispatchedAt + duration(x, DAY_MS, 4 * DAY_MS);
  const accept: Fields = { unit };
  if (rng.chance(0.02)) accept.category = rng.pick(CATEGORIES).path;
  emit("签收", t, accept);
  if (rng.chance(0.05)) {
    emit("退回", (t += duration(rng, HOUR_MS, 2 * DAY_MS)), { unit });
    unit = rng.pick(plan.category.units);
    emit("派发", (t += duration(rng, 10 * MINUTE_MS, 4 * HOUR_MS)), { unit });
    emit("签收", (t += duration(rng, 10 * MINUTE_MS, DAY_MS)), { unit });
  }
  // still being handled at the export; the few stale ones stay open past their deadline for months
  if (plan.closeAt === undefined && rng.chance(0.06) && (t0 >= cutoff - RECENT_MS || x.chance(STALE_OPEN_SHARE))) return out;

  const closeTime = (after: number): number => {
    if (plan.closeAt !== undefined && plan.closeAt > after) return plan.closeAt;
    if (rng.chance(0.01) && deadline > after) return deadline; // exactly at the deadline: on time
    const slow = plan.slowUnit?.unit === unit ? plan.slowUnit.lateProbability : plan.lateProbability;
    if (rng.chance(slow) || deadline <= after + HOUR_MS) {
      return Math.max(after, deadline) + duration(rng, HOUR_MS, 10 * DAY_MS);
    }
    return after + duration(rng, HOUR_MS, deadline - after);
  };
  const visit = (after: number): Satisfaction | null => {
    if (!rng.chance(0.78)) return null;
    const rating = rng.weighted<Satisfaction>([["满意", 70], ["基本满意", 18], ["不满意", 12]]);
    const fields: Fields = { satisfaction: rating };
    // The visitor notes the number reached: the same one, or a new one that then is the caller's.
    if (x.chance(0.03)) fields.caller_phone = phone !== null && x.chance(0.5) ? phone : callerPhone(x);
    emit("回访", (t = after + duration(rng, 2 * HOUR_MS, 3 * DAY_MS)), fields);
    return rating;
  };
  emit("办结", (t = closeTime(t)), { unit });
  const rating = visit(t);
  if (!rng.chance(rating === "不满意" ? 0.3 : 0.06)) return out;
  t += duration(rng, DAY_MS, 10 * DAY_MS);
  const reopen: Fields = { unit };
  if (rng.chance(0.7)) {
    // A reopened order usually gets a fresh 办结时限, carried by the 重启 event itself.
    const day = shanghaiParts(t);
    deadline = shanghaiTime(day.year, day.month0, day.day + plan.category.days, 18);
    reopen.deadline = fmtDeadline(deadline);
  }
  emit("重启", t, reopen);
  if (rng.chance(0.25) && (t >= cutoff - RECENT_MS || x.chance(STALE_OPEN_SHARE))) return out; // reopened and not closed again
  emit("办结", (t = closeTime(t)), { unit });
  visit(t);
  return out;
}
