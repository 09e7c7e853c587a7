// The JSON report of shared/contracts/REPORT.md is the pipeline's own contract type; the oracle
// fills the same shape, so the two can only differ in values, never in form.
import type { HotlineBlock, LitigationBlock } from "@casepulse/reporting";

export type {
  Alert,
  AlertRule,
  Report,
  HotlineBlock as HotlineFigures,
  MediationBlock as MediationFigures,
  FiledBlock as FiledFigures,
  LitigationBlock as LitigationFigures,
} from "@casepulse/reporting";
export type { Quality } from "./feed-types.ts";

export type CategoryCount = HotlineBlock["by_category"][number];
export type CommunityCount = HotlineBlock["by_community"][number];
export type CauseCount = LitigationBlock["causes"][number];

export const ALERT_RULES = ["yoy_increase", "new_cause", "lost_case", "head_appearance", "category_spike", "sla"] as const;
