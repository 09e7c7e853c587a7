// Tiny hand-written truths for the oracle's unit tests: every field explicit where it matters,
// sensible defaults elsewhere. Not used by the generator.
import type { HotlineEvent, LitigationSnapshot, MediationSnapshot, ReportTruth, SupervisionSnapshot } from "./feed-types.ts";

let counter = 0;
const nextMsgId = () => `t-${String(++counter).padStart(6, "0")}`;

export function hotline(order_id: string, event: HotlineEvent["event"], event_time: string, fields: Partial<HotlineEvent> = {}): HotlineEvent {
  return { msg_id: nextMsgId(), order_id, event, event_time, ...fields };
}

/** A 登记 with a far deadline unless one is given. */
export function register(order_id: string, event_time: string, fields: Partial<HotlineEvent> = {}): HotlineEvent {
  return hotline(order_id, "登记", event_time, {
    category: "城乡建设/违法建设",
    community: "湾厦社区",
    deadline: "2099-01-01 00:00:00",
    ...fields,
  });
}

export function mediation(case_id: string, updated_at: string, fields: Partial<MediationSnapshot> = {}): MediationSnapshot {
  return {
    msg_id: nextMsgId(),
    case_id,
    updated_at,
    registered_at: updated_at,
    kind: "人民调解",
    dispute_type: "邻里纠纷",
    status: "受理",
    ...fields,
  };
}

export function litigation(case_id: string, updated_at: string, fields: Partial<LitigationSnapshot> = {}): LitigationSnapshot {
  return {
    msg_id: nextMsgId(),
    case_id,
    kind: "litigation",
    cause: "行政处罚",
    filed_at: updated_at,
    updated_at,
    status: "filed",
    ...fields,
  };
}

/** A 区人大 suggestion received and due far apart, in progress, unless the fields say otherwise. */
export function supervision(item_id: string, updated_at: string, fields: Partial<SupervisionSnapshot> = {}): SupervisionSnapshot {
  return {
    msg_id: nextMsgId(),
    item_id,
    kind: "人大建议",
    level: "区",
    received_at: updated_at,
    due_at: "2099-01-01 00:00:00",
    updated_at,
    status: "办理中",
    ...fields,
  };
}

export function truth(parts: Partial<Omit<ReportTruth, "quality">>): ReportTruth {
  return {
    hotline: parts.hotline ?? [],
    mediation: parts.mediation ?? [],
    litigation: parts.litigation ?? [],
    supervision: parts.supervision ?? [],
    quality: { received: 0, accepted: 0, duplicates: 0, rejected: 0 },
  };
}
