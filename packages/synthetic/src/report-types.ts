// The JSON report of shared/contracts/REPORT.md, field for field. Other packages import this type
// so that the pipeline's report and the oracle's expected report are checked against one shape.
import type { MediationKind, Quality } from "./feed-types.ts";

export type { Quality } from "./feed-types.ts";

export interface CategoryCount {
  category: string;
  orders: number;
}

export interface CommunityCount {
  community: string;
  orders: number;
}

export interface HotlineFigures {
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
  by_category: CategoryCount[];
  by_community: CommunityCount[];
}

export interface MediationFigures {
  registered: number;
  closed: number;
  succeeded: number;
  failed: number;
  success_rate: number | null;
  by_kind: Record<MediationKind, number>;
  amount_yuan: number;
  registered_prev: number;
  yoy: number | null;
}

export interface FiledFigures {
  filed: number;
  filed_prev: number;
  yoy: number | null;
}

export interface CauseCount {
  cause: string;
  filed: number;
}

export interface LitigationFigures {
  reconsideration: FiledFigures;
  litigation: FiledFigures;
  decided: number;
  lost: number;
  loss_rate: number | null;
  hearings: number;
  head_appeared: number;
  head_appearance_rate: number | null;
  causes: CauseCount[];
  new_causes: string[];
}

export const ALERT_RULES = ["yoy_increase", "new_cause", "lost_case", "head_appearance", "category_spike", "sla"] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

export interface Alert {
  rule: AlertRule;
  metric: string;
  value: number;
  message: string;
}

export interface Report {
  period: string;
  hotline: HotlineFigures;
  mediation: MediationFigures;
  litigation: LitigationFigures;
  alerts: Alert[];
  quality: Quality;
}
