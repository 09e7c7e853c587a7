// One work order's life: 登记 → 派发 → 签收 → (退回 → 派发 → 签收) → 办结 → 回访, with the
// deviations the pipeline must get right: reclassification and deadline extensions on later
// events, same-instant events, reopening (重启) with or without a second 办结, late closing.
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
}

const FORMS: FormWeights = [
  ["local", 40],
  ["utc", 28],
  ["offset", 24],
  ["offset-compact", 3],
  ["offset-hours", 2],
  ["offset-no-seconds", 3],
];

const MINUTE_MS = 60_000;

type Fields = Omit<HotlineEvent, "msg_id" | "order_id" | "event" | "event_time">;

export function orderEvents(rng: Rng, ids: IdFactory, plan: OrderPlan, cutoff: number): Emitted<HotlineEvent>[] {
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
  const phone = rng.chance(0.75) ? callerPhone(rng) : null;
  const register: Fields = {
    category: plan.category.path,
    community: plan.community,
    deadline: fmtDeadline(deadline),
  };
  if (rng.chance(0.9)) register.channel = rng.weighted<Channel>([["电话", 60], ["微信", 20], ["网站", 10], ["APP", 10]]);
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
  t += duration(rng, 10 * MINUTE_MS, DAY_MS) + jitter();
  const accept: Fields = { unit };
  if (rng.chance(0.02)) accept.category = rng.pick(CATEGORIES).path;
  emit("签收", t, accept);
  if (rng.chance(0.05)) {
    emit("退回", (t += duration(rng, HOUR_MS, 2 * DAY_MS)), { unit });
    unit = rng.pick(plan.category.units);
    emit("派发", (t += duration(rng, 10 * MINUTE_MS, 4 * HOUR_MS)), { unit });
    emit("签收", (t += duration(rng, 10 * MINUTE_MS, DAY_MS)), { unit });
  }
  if (plan.closeAt === undefined && rng.chance(0.06)) return out; // still being handled

  const closeTime = (after: number): number => {
    if (plan.closeAt !== undefined && plan.closeAt > after) return plan.closeAt;
    if (rng.chance(0.01) && deadline > after) return deadline; // exactly at the deadline: on time
    if (rng.chance(plan.lateProbability) || deadline <= after + HOUR_MS) {
      return Math.max(after, deadline) + duration(rng, HOUR_MS, 10 * DAY_MS);
    }
    return after + duration(rng, HOUR_MS, deadline - after);
  };
  const visit = (after: number): Satisfaction | null => {
    if (!rng.chance(0.78)) return null;
    const rating = rng.weighted<Satisfaction>([["满意", 70], ["基本满意", 18], ["不满意", 12]]);
    emit("回访", (t = after + duration(rng, 2 * HOUR_MS, 3 * DAY_MS)), { satisfaction: rating });
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
  if (rng.chance(0.25)) return out; // reopened and never closed again
  emit("办结", (t = closeTime(t)), { unit });
  visit(t);
  return out;
}
