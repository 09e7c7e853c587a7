// The whole REPORT.md object for one period, of every street or of one (REPORT.md "Streets").
import { latestPublication, publishReport as storePublication, type Store } from "@casepulse/store";
import { DEFAULT_THRESHOLDS, evaluateAlerts, type AlertThresholds } from "./alerts.ts";
import { hotlineFigures } from "./hotline-figures.ts";
import { litigationFigures } from "./litigation-figures.ts";
import { mediationFigures } from "./mediation-figures.ts";
import { parsePeriod } from "./period.ts";
import { qualityFigures } from "./quality.ts";
import type { Published, Report } from "./report-types.ts";
import { revisions } from "./revisions.ts";
import { DEFAULT_ACCEPT_HOURS, periodParams, type ScopeOptions } from "./sql-params.ts";
import { streetTable } from "./street-figures.ts";
import { supervisionFigures } from "./supervision-figures.ts";

export interface ReportOptions extends ScopeOptions {
  thresholds?: AlertThresholds;
  /** CASEPULSE_ACCEPT_HOURS (hotline.accepted_in_time); REPORT.md's 24 when unset. */
  acceptHours?: number | undefined;
}

/**
 * `street` scopes every figure and alert to that street's orders, cases and items (quality is
 * never scoped); without it the report covers every street and lists each one's figures in
 * `streets`. Its `published` compares it with the publications of its own period and scope.
 */
export async function buildReport(store: Store, periodText: string, options: ReportOptions = {}): Promise<Report> {
  const period = parsePeriod(periodText);
  const street = options.street ?? null;
  const params = periodParams(period, options.acceptHours ?? DEFAULT_ACCEPT_HOURS, options);
  // Sequential on purpose: embedded ClickHouse runs one query at a time per process anyway.
  const { hotline, streets: hotlineStreets, categories } = await hotlineFigures(store, params);
  const mediation = await mediationFigures(store, params);
  const litigation = await litigationFigures(store, params);
  const supervision = await supervisionFigures(store, params);
  const spikes = period.kind === "month" ? categories : null;
  const streets = street === null ? await streetTable(store, params, hotlineStreets) : null;
  const quality = await qualityFigures(store);
  const figures = { period: period.label, hotline, mediation, litigation, supervision };
  const report: Report = {
    ...figures,
    scope: { street },
    ...(streets === null ? {} : { streets }),
    published: null,
    alerts: evaluateAlerts(figures, spikes, options.thresholds ?? DEFAULT_THRESHOLDS),
    quality,
  };
  const publication = await latestPublication(store, period.label, street);
  if (publication !== null) {
    const published: Published = { at: new Date(publication.at).toISOString(), revisions: revisions(publication.report, report) };
    report.published = published;
  }
  return report;
}

/**
 * Stores the report as the published one of its period and scope: later reports of the same
 * period and scope list what changed since (published.revisions). The report itself keeps the
 * `published` it was built with, so a republished report says what it revises.
 */
export async function publishReport(store: Store, report: Report, at = Date.now()): Promise<void> {
  await storePublication(store, report.period, report.scope.street, report, at);
}
