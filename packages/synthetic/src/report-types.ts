// The JSON report of shared/contracts/REPORT.md is the pipeline's own contract type; the oracle
// fills the same shape, so the two can only differ in values, never in form. Types only: the
// oracle's figures never come from @casepulse/reporting.
import type { HotlineBlock, LitigationBlock, Report as ContractReport } from "@casepulse/reporting";

export type {
  Alert,
  AlertRule,
  DisputeTypeEntry as DisputeTypeFigures,
  FiledBlock as FiledFigures,
  HotlineBlock as HotlineFigures,
  LitigationBlock as LitigationFigures,
  LitigationKindBlock as LitigationKindFigures,
  MediationBlock as MediationFigures,
  OverdueOrder,
  Published,
  ReconsiderationBlock as ReconsiderationFigures,
  SupervisionBlock as SupervisionFigures,
  SupervisionKindEntry as SupervisionKindFigures,
  UnitEntry as UnitFigures,
} from "@casepulse/reporting";
export type { Quality } from "./feed-types.ts";

/**
 * REPORT.md's `scope` and `streets`, declared here until @casepulse/reporting's Report has them
 * (then these should be its types): the same names and types as the contract's JSON shape.
 */
export interface Scope {
  /** the sub-district of a `--street` report; null for the whole deployment */
  street: string | null;
}

/** One street's figures in the unscoped report's `streets`: those of its own scoped report. */
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

/** `streets` only on a report of the whole deployment (scope.street null). */
export type Report = ContractReport & { scope: Scope; streets?: StreetEntry[] };

/** The four blocks of figures (what a street's scope narrows, and what the alert rules read). */
export type Figures = Pick<Report, "hotline" | "mediation" | "litigation" | "supervision">;

export type CategoryCount = HotlineBlock["by_category"][number];
export type CommunityCount = HotlineBlock["by_community"][number];
export type CauseCount = LitigationBlock["causes"][number];

/** The hotline process figures of REPORT.md (returns, reopenings, acceptance, closing hours). */
export type HotlineProcessFigures = Pick<
  HotlineBlock,
  "returned" | "return_rate" | "reopened" | "reopen_rate" | "accepted_in_time" | "acceptance_rate" | "close_hours_median"
>;

/** REPORT.md's order of the rules; written out here, not imported, as the independent reference. */
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
