// The report object of ../shared/contracts/REPORT.md: a contract read by other programs.
import type { SUPERVISION_KINDS, SUPERVISION_LEVELS } from "@casepulse/feeds/model";

export interface HotlineBlock {
  orders: number;
  repeat_orders: number;
  closed: number;
  closed_on_time: number;
  on_time_close_rate: number | null;
  visited: number;
  satisfied: number;
  satisfaction_rate: number | null;
  orders_prev: number;
  yoy: number | null;
  by_category: { category: string; orders: number }[];
  by_community: { community: string; orders: number }[];
}

export interface MediationBlock {
  registered: number;
  closed: number;
  succeeded: number;
  failed: number;
  success_rate: number | null;
  by_kind: { 人民调解: number; 诉前调解: number; 行政调解: number; 司法调解: number };
  amount_yuan: number;
  registered_prev: number;
  yoy: number | null;
}

export interface FiledBlock {
  filed: number;
  filed_prev: number;
  yoy: number | null;
}

export interface LitigationBlock {
  reconsideration: FiledBlock;
  litigation: FiledBlock;
  decided: number;
  lost: number;
  loss_rate: number | null;
  hearings: number;
  head_appeared: number;
  head_appearance_rate: number | null;
  causes: { cause: string; filed: number }[];
  new_causes: string[];
}

export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

/** The items of one (kind, level) received in P; level null for 司法建议 and 检察建议. */
export interface SupervisionKindEntry {
  kind: SupervisionKind;
  level: SupervisionLevel | null;
  received: number;
  replied: number;
  replied_on_time: number;
}

export interface SupervisionBlock {
  received: number;
  replied: number;
  replied_on_time: number;
  on_time_reply_rate: number | null;
  late: number;
  by_kind: SupervisionKindEntry[];
}

export type AlertRule = "yoy_increase" | "new_cause" | "lost_case" | "head_appearance" | "category_spike" | "sla" | "supervision_late";

export interface Alert {
  rule: AlertRule;
  metric: string;
  value: number;
  message: string;
}

export interface Quality {
  received: number;
  accepted: number;
  duplicates: number;
  rejected: number;
}

export interface Report {
  period: string;
  hotline: HotlineBlock;
  mediation: MediationBlock;
  litigation: LitigationBlock;
  supervision: SupervisionBlock;
  alerts: Alert[];
  quality: Quality;
}

/** A rate: null where the denominator is 0. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Year on year: null when the earlier figure is 0. */
export function yoy(current: number, previous: number): number | null {
  return previous === 0 ? null : (current - previous) / previous;
}
