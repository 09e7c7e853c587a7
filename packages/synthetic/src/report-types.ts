// The JSON report of shared/contracts/REPORT.md is the pipeline's own contract type; the oracle
// fills the same shape, so the two can only differ in values, never in form. Types only: the
// oracle's figures never come from @casepulse/reporting.
import type { HotlineBlock, LitigationBlock } from "@casepulse/reporting";

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
  Report,
  SupervisionBlock as SupervisionFigures,
  SupervisionKindEntry as SupervisionKindFigures,
  UnitEntry as UnitFigures,
} from "@casepulse/reporting";
export type { Quality } from "./feed-types.ts";

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
