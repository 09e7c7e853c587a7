// The oracle: the exact REPORT.md JSON for a period, computed from the generator's truth in plain
// TypeScript (independent of the ClickHouse SQL it checks).
import type { ReportTruth } from "./feed-types.ts";
import { computeAlerts, DEFAULT_THRESHOLDS, type AlertThresholds } from "./oracle-alerts.ts";
import { DEFAULT_ACCEPT_HOURS } from "./oracle-hotline-process.ts";
import { hotlineFigures } from "./oracle-hotline.ts";
import { litigationFigures } from "./oracle-litigation.ts";
import { mediationFigures } from "./oracle-mediation.ts";
import { foldTruth, type FoldedTruth } from "./oracle-state.ts";
import { supervisionFigures } from "./oracle-supervision.ts";
import { parsePeriod } from "./period.ts";
import type { Report } from "./report-types.ts";

/** Configuration the figures depend on (REPORT.md's defaults). */
export interface ReportConfig {
  thresholds: AlertThresholds;
  /** CASEPULSE_ACCEPT_HOURS */
  acceptHours: number;
}

export const DEFAULT_CONFIG: ReportConfig = { thresholds: DEFAULT_THRESHOLDS, acceptHours: DEFAULT_ACCEPT_HOURS };

const heldOrderIds = new WeakMap<FoldedTruth, Set<string>>();

/** Use with foldTruth when computing many periods: the fold is the expensive part. */
export function reportFromFolded(folded: FoldedTruth, period: string, config: Partial<ReportConfig> = {}): Report {
  const { thresholds, acceptHours } = { ...DEFAULT_CONFIG, ...config };
  const p = parsePeriod(period);
  let held = heldOrderIds.get(folded);
  if (held === undefined) heldOrderIds.set(folded, (held = new Set(folded.orders.map((o) => o.orderId))));
  const figures = {
    hotline: hotlineFigures(folded.orders, p, acceptHours),
    mediation: mediationFigures(folded.mediation, p, held),
    litigation: litigationFigures(folded.litigation, p),
    supervision: supervisionFigures(folded.supervision, p),
  };
  return {
    period,
    ...figures,
    // Nothing is published by an ingest: a report is published only by `report --publish` or the reporter.
    published: null,
    alerts: computeAlerts(figures, folded.orders, p, thresholds),
    quality: { ...folded.quality },
  };
}

export function expectedReport(truth: ReportTruth, period: string, config: Partial<ReportConfig> = {}): Report {
  return reportFromFolded(foldTruth(truth), period, config);
}
