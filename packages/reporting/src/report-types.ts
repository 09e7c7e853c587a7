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
  returned: number;
  return_rate: number | null;
  reopened: number;
  reopen_rate: number | null;
  accepted_in_time: number;
  acceptance_rate: number | null;
  /** Hours from registration to closing, median over the orders closed in P; null when none. */
  close_hours_median: number | null;
  overdue_open: number;
  overdue_list: OverdueOrder[];
  by_unit: UnitEntry[];
  repeat_callers: number;
  repeat_caller_orders: number;
}

/** An order open past its deadline at the end of P, as its events before the end of P give it. */
export interface OverdueOrder {
  order_id: string;
  /** Shanghai wall time with +08:00: 2024-03-25T18:00:00+08:00 (milliseconds only when there are any). */
  deadline: string;
  overdue_days: number;
  community: string | null;
  category: string | null;
  unit: string | null;
}

export interface UnitEntry {
  unit: string;
  orders: number;
  closed: number;
  closed_on_time: number;
  on_time_close_rate: number | null;
  satisfaction_rate: number | null;
}

export interface DisputeTypeEntry {
  dispute_type: string;
  registered: number;
  succeeded: number;
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
  referred: number;
  referred_succeeded: number;
  by_dispute_type: DisputeTypeEntry[];
}

export interface FiledBlock {
  filed: number;
  filed_prev: number;
  yoy: number | null;
}

/** 行政复议: corrected = decided against the agency (纠错). */
export interface ReconsiderationBlock extends FiledBlock {
  decided: number;
  corrected: number;
  correction_rate: number | null;
}

/** 行政诉讼: lost (败诉), and withdrawn or settled (调撤). */
export interface LitigationKindBlock extends FiledBlock {
  decided: number;
  lost: number;
  loss_rate: number | null;
  withdrawn_or_settled: number;
  withdrawal_rate: number | null;
}

export interface LitigationBlock {
  reconsideration: ReconsiderationBlock;
  litigation: LitigationKindBlock;
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

/** REPORT.md's rules, in its order: the order of a report's alerts. */
export const ALERT_RULES = [
  "yoy_increase",
  "new_cause",
  "lost_case",
  "head_appearance",
  "category_spike",
  "sla",
  "unit_sla",
  "overdue_open",
  "supervision_late",
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

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

/** A number of the published report that this one gives otherwise, by its JSON path. */
export interface Revision {
  metric: string;
  published: number | null;
  now: number | null;
}

export interface Published {
  /** When the latest report of this period and scope was published, ISO 8601 UTC. */
  at: string;
  revisions: Revision[];
}

/** A street of the unscoped report's `streets` table: figures of that street's own report. */
export interface StreetEntry {
  street: string;
  hotline_orders: number;
  on_time_close_rate: number | null;
  satisfaction_rate: number | null;
  mediation_registered: number;
  mediation_success_rate: number | null;
  reconsideration_filed: number;
  litigation_filed: number;
  lost: number;
  supervision_received: number;
}

export interface Scope {
  /** The street of a street's report (`report --street`); null for every street. */
  street: string | null;
}

export interface Report {
  period: string;
  hotline: HotlineBlock;
  mediation: MediationBlock;
  litigation: LitigationBlock;
  supervision: SupervisionBlock;
  scope: Scope;
  /** Every street's figures, in code-point order; only in the unscoped report. */
  streets?: StreetEntry[];
  /** null while no report of this period (and scope) has been published. */
  published: Published | null;
  alerts: Alert[];
  quality: Quality;
}

/** The figures the alert rules read: the report without what is added around them. */
export type ReportFigures = Omit<Report, "alerts" | "quality" | "published" | "scope" | "streets">;

/** A rate: null where the denominator is 0. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Year on year: null when the earlier figure is 0. */
export function yoy(current: number, previous: number): number | null {
  return previous === 0 ? null : (current - previous) / previous;
}
