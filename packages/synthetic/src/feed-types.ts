// Records as the upstream systems send them (FEEDS.md): timestamps, amounts and kinds are still
// in their raw forms, so the oracle has to read them the way the pipeline does. `null` on an
// optional key means absent (docs/semantics.md). `street` (FEEDS.md "All feeds") may be on any record.

export const HOTLINE_EVENTS = ["登记", "派发", "签收", "办结", "回访", "退回", "重启"] as const;
export type HotlineEventType = (typeof HOTLINE_EVENTS)[number];
export const CHANNELS = ["电话", "网站", "微信", "APP"] as const;
export type Channel = (typeof CHANNELS)[number];
export const SATISFACTIONS = ["满意", "基本满意", "不满意"] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export interface HotlineEvent {
  msg_id: string;
  order_id: string;
  event: HotlineEventType;
  event_time: string;
  category?: string | null;
  community?: string | null;
  deadline?: string | null;
  channel?: Channel | null;
  repeat_of?: string | null;
  satisfaction?: Satisfaction | null;
  unit?: string | null;
  caller_phone?: string | null;
  content?: string | null;
  street?: string | null;
}

export const MEDIATION_KINDS = ["人民调解", "诉前调解", "行政调解", "司法调解"] as const;
export type MediationKind = (typeof MEDIATION_KINDS)[number];
export const MEDIATION_STATUSES = ["受理", "调解中", "调解成功", "调解失败", "终止"] as const;
export type MediationStatus = (typeof MEDIATION_STATUSES)[number];

export interface MediationSnapshot {
  msg_id: string;
  case_id: string;
  updated_at: string;
  registered_at: string;
  kind: MediationKind;
  dispute_type: string;
  status: MediationStatus;
  closed_at?: string | null;
  community?: string | null;
  amount_yuan?: number | string | null;
  parties?: number | null;
  referral_order_id?: string | null;
  street?: string | null;
}

export const LITIGATION_KIND_VALUES = ["reconsideration", "litigation", "行政复议", "行政诉讼"] as const;
export type LitigationKindValue = (typeof LITIGATION_KIND_VALUES)[number];
export type LitigationKind = "reconsideration" | "litigation";
export const LITIGATION_STATUSES = ["filed", "hearing", "decided", "closed", "withdrawn"] as const;
export type LitigationStatus = (typeof LITIGATION_STATUSES)[number];
export const OUTCOMES = [
  "upheld",
  "dismissed",
  "revoked",
  "confirmed_illegal",
  "ordered_to_perform",
  "withdrawn",
  "settled",
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const LOST_OUTCOMES: readonly Outcome[] = ["revoked", "confirmed_illegal", "ordered_to_perform"];
/** REPORT.md's litigation.litigation.withdrawn_or_settled (调撤) */
export const WITHDRAWN_OR_SETTLED: readonly Outcome[] = ["withdrawn", "settled"];

export interface LitigationSnapshot {
  msg_id: string;
  case_id: string;
  kind: LitigationKindValue;
  cause: string;
  filed_at: string;
  updated_at: string;
  status: LitigationStatus;
  hearing_at?: string | null;
  head_appeared?: boolean | null;
  outcome?: Outcome | null;
  decided_at?: string | null;
  street?: string | null;
}

export const SUPERVISION_KINDS = ["人大建议", "政协提案", "司法建议", "检察建议"] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];
/** Only these kinds come from a congress or CPPCC of a level; the others carry none. */
export const LEVELED_KINDS: readonly SupervisionKind[] = ["人大建议", "政协提案"];
export const SUPERVISION_LEVELS = ["市", "区"] as const;
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];
export const SUPERVISION_STATUSES = ["办理中", "已答复", "已办结"] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];
export const REPLIED_STATUSES: readonly SupervisionStatus[] = ["已答复", "已办结"];

export interface SupervisionSnapshot {
  msg_id: string;
  item_id: string;
  kind: SupervisionKind;
  level?: SupervisionLevel | null;
  received_at: string;
  due_at: string;
  updated_at: string;
  status: SupervisionStatus;
  replied_at?: string | null;
  street?: string | null;
}

export interface Quality {
  received: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

/** What the oracle needs: the valid records (one per msg_id) and the ingest counts. */
export interface ReportTruth {
  hotline: HotlineEvent[];
  mediation: MediationSnapshot[];
  litigation: LitigationSnapshot[];
  supervision: SupervisionSnapshot[];
  quality: Quality;
}
