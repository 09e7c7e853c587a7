// The JSON report of shared/contracts/REPORT.md is the pipeline's own contract type; the oracle
// fills the same shape, so the two can only differ in values, never in form. The supervision
// block and its alert rule are declared here from REPORT.md until @casepulse/reporting has them.
import type { Alert as ReportingAlert, AlertRule as ReportingAlertRule, HotlineBlock, LitigationBlock, Report as ReportingReport } from "@casepulse/reporting";
import type { SupervisionKind, SupervisionLevel } from "./feed-types.ts";

export type {
  HotlineBlock as HotlineFigures,
  MediationBlock as MediationFigures,
  FiledBlock as FiledFigures,
  LitigationBlock as LitigationFigures,
} from "@casepulse/reporting";
export type { Quality } from "./feed-types.ts";

export type CategoryCount = HotlineBlock["by_category"][number];
export type CommunityCount = HotlineBlock["by_community"][number];
export type CauseCount = LitigationBlock["causes"][number];

export interface SupervisionKindFigures {
  kind: SupervisionKind;
  /** null for 司法建议 and 检察建议 */
  level: SupervisionLevel | null;
  received: number;
  replied: number;
  replied_on_time: number;
}

export interface SupervisionFigures {
  received: number;
  replied: number;
  replied_on_time: number;
  on_time_reply_rate: number | null;
  late: number;
  by_kind: SupervisionKindFigures[];
}

export type AlertRule = ReportingAlertRule | "supervision_late";

export interface Alert extends Omit<ReportingAlert, "rule"> {
  rule: AlertRule;
}

export interface Report extends Omit<ReportingReport, "alerts"> {
  supervision: SupervisionFigures;
  alerts: Alert[];
}

/** REPORT.md's order of the rules the oracle raises. */
export const ALERT_RULES = ["yoy_increase", "new_cause", "lost_case", "head_appearance", "category_spike", "sla", "supervision_late"] as const;
