// The whole REPORT.md object for one period.
import type { Store } from "@casepulse/store";
import { DEFAULT_THRESHOLDS, evaluateAlerts, type AlertThresholds } from "./alerts.ts";
import { categoryMonthCounts, hotlineFigures } from "./hotline-figures.ts";
import { litigationFigures } from "./litigation-figures.ts";
import { mediationFigures } from "./mediation-figures.ts";
import { parsePeriod } from "./period.ts";
import { qualityFigures } from "./quality.ts";
import type { Report } from "./report-types.ts";
import { periodParams } from "./sql-params.ts";
import { supervisionFigures } from "./supervision-figures.ts";

export async function buildReport(store: Store, periodText: string, thresholds: AlertThresholds = DEFAULT_THRESHOLDS): Promise<Report> {
  const period = parsePeriod(periodText);
  const params = periodParams(period);
  // Sequential on purpose: embedded ClickHouse runs one query at a time per process anyway.
  const hotline = await hotlineFigures(store, params);
  const mediation = await mediationFigures(store, params);
  const litigation = await litigationFigures(store, params);
  const supervision = await supervisionFigures(store, params);
  const spikes = period.kind === "month" ? await categoryMonthCounts(store, params) : null;
  const quality = await qualityFigures(store);
  const figures = { period: period.label, hotline, mediation, litigation, supervision };
  return { ...figures, alerts: evaluateAlerts(figures, spikes, thresholds), quality };
}
