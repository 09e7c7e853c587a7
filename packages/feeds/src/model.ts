// The canonical model: what a valid record of each feed means once parsed.
// Timestamps are UTC epoch milliseconds; personal data is still present here and is
// removed by @casepulse/normalize before anything is stored or logged.

export const FEEDS = ["hotline", "mediation", "litigation"] as const;
export type Feed = (typeof FEEDS)[number];

export const HOTLINE_EVENTS = ["登记", "派发", "签收", "办结", "回访", "退回", "重启"] as const;
export const HOTLINE_CHANNELS = ["电话", "网站", "微信", "APP"] as const;
export const SATISFACTION = ["满意", "基本满意", "不满意"] as const;
export const MEDIATION_KINDS = ["人民调解", "诉前调解", "行政调解", "司法调解"] as const;
export const MEDIATION_STATUSES = ["受理", "调解中", "调解成功", "调解失败", "终止"] as const;
export const MEDIATION_CLOSED_STATUSES = ["调解成功", "调解失败", "终止"] as const;
export const LITIGATION_KINDS = ["reconsideration", "litigation"] as const;
export const LITIGATION_STATUSES = ["filed", "hearing", "decided", "closed", "withdrawn"] as const;
export const LITIGATION_OUTCOMES = [
  "upheld",
  "dismissed",
  "revoked",
  "confirmed_illegal",
  "ordered_to_perform",
  "withdrawn",
  "settled",
] as const;
export const LOST_OUTCOMES = ["revoked", "confirmed_illegal", "ordered_to_perform"] as const;

export interface HotlineEvent {
  msg_id: string;
  order_id: string;
  event: (typeof HOTLINE_EVENTS)[number];
  event_time: number;
  category: string | null;
  community: string | null;
  deadline: number | null;
  channel: (typeof HOTLINE_CHANNELS)[number] | null;
  repeat_of: string | null;
  satisfaction: (typeof SATISFACTION)[number] | null;
  unit: string | null;
  caller_phone: string | null;
  content: string | null;
}

export interface MediationSnapshot {
  msg_id: string;
  case_id: string;
  updated_at: number;
  registered_at: number;
  kind: (typeof MEDIATION_KINDS)[number];
  dispute_type: string;
  status: (typeof MEDIATION_STATUSES)[number];
  closed_at: number | null;
  community: string | null;
  /** Exact decimal string, e.g. "12500.00"; null when absent. */
  amount_yuan: string | null;
  parties: number | null;
  referral_order_id: string | null;
}

export interface LitigationSnapshot {
  msg_id: string;
  case_id: string;
  kind: (typeof LITIGATION_KINDS)[number];
  cause: string;
  filed_at: number;
  updated_at: number;
  status: (typeof LITIGATION_STATUSES)[number];
  hearing_at: number | null;
  head_appeared: boolean | null;
  outcome: (typeof LITIGATION_OUTCOMES)[number] | null;
  decided_at: number | null;
}

export interface FeedRecordMap {
  hotline: HotlineEvent;
  mediation: MediationSnapshot;
  litigation: LitigationSnapshot;
}
export type FeedRecord = FeedRecordMap[Feed];

export function isFeed(value: string): value is Feed {
  return (FEEDS as readonly string[]).includes(value);
}
