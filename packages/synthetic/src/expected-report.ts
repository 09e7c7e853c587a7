// The oracle: the exact REPORT.md JSON for a period, computed from the generator's truth in plain
// TypeScript (independent of the ClickHouse SQL it checks).
import type { ReportTruth } from "./feed-types.ts";
import { computeAlerts, DEFAULT_THRESHOLDS, type AlertThresholds } from "./oracle-alerts.ts";
import { hotlineFigures } from "./oracle-hotline.ts";
import { litigationFigures } from "./oracle-litigation.ts";
import { mediationFigures } from "./oracle-mediation.ts";
import { foldTruth, type FoldedTruth } from "./oracle-state.ts";
import { supervisionFigures } from "./oracle-supervision.ts";
import { parsePeriod } from "./period.ts";
import type { Report } from "./report-types.ts";

/** Use with foldTruth when computing many periods: the fold is the expensive part. */
export function reportFromFolded(folded: FoldedTruth, period: string, thresholds = DEFAULT_THRESHOLDS): Report {
  const p = parsePeriod(period);
  const figures = {
    hotline: hotlineFigures(folded.orders, p),
    mediation: mediationFigures(folded.mediation, p),
    litigation: litigationFigures(folded.litigation, p),
    supervision: supervisionFigures(folded.supervision, p),
  };
  return {
    period,
    ...figures,
    alerts: computeAlerts(figures, folded.orders, p, thresholds),
    quality: { ...folded.quality },
  };
}

export function expectedReport(truth: ReportTruth, period: string, thresholds: AlertThresholds = DEFAULT_THRESHOLDS): Report {
  return reportFromFolded(foldTruth(truth), period, thresholds);
}
