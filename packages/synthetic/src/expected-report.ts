// The oracle: the exact REPORT.md JSON for a period, computed from the generator's truth in plain
// TypeScript (independent of the ClickHouse SQL it checks), for the whole deployment or one street.
import type { ReportTruth } from "./feed-types.ts";
import { computeAlerts, DEFAULT_THRESHOLDS, type AlertThresholds } from "./oracle-alerts.ts";
import { DEFAULT_ACCEPT_HOURS } from "./oracle-hotline-process.ts";
import { hotlineFigures } from "./oracle-hotline.ts";
import { litigationFigures } from "./oracle-litigation.ts";
import { mediationFigures } from "./oracle-mediation.ts";
import { foldTruth, type FoldedTruth } from "./oracle-state.ts";
import { scopeToStreet, streetEntry, streetsOf } from "./oracle-streets.ts";
import { supervisionFigures } from "./oracle-supervision.ts";
import { parsePeriod, type Period } from "./period.ts";
import type { Figures, Report } from "./report-types.ts";
import { DEFAULT_STREET } from "./street.ts";

/** Configuration the figures depend on (REPORT.md's defaults). */
export interface ReportConfig {
  thresholds: AlertThresholds;
  /** CASEPULSE_ACCEPT_HOURS */
  acceptHours: number;
  /** CASEPULSE_DEFAULT_STREET: the street of the orders, cases and items that name none */
  defaultStreet: string;
}

export const DEFAULT_CONFIG: ReportConfig = { thresholds: DEFAULT_THRESHOLDS, acceptHours: DEFAULT_ACCEPT_HOURS, defaultStreet: DEFAULT_STREET };

const heldOrderIds = new WeakMap<FoldedTruth, Set<string>>();

/** Every order the deployment holds, of any street: a street's referrals count against these. */
function heldOrders(folded: FoldedTruth): Set<string> {
  let held = heldOrderIds.get(folded);
  if (held === undefined) heldOrderIds.set(folded, (held = new Set(folded.orders.map((o) => o.orderId))));
  return held;
}

function figuresAndAlerts(folded: FoldedTruth, p: Period, held: ReadonlySet<string>, c: ReportConfig): Figures & Pick<Report, "alerts"> {
  const figures: Figures = {
    hotline: hotlineFigures(folded.orders, p, c.acceptHours),
    mediation: mediationFigures(folded.mediation, p, held),
    litigation: litigationFigures(folded.litigation, p),
    supervision: supervisionFigures(folded.supervision, p),
  };
  return { ...figures, alerts: computeAlerts(figures, folded.orders, p, c.thresholds) };
}

/** REPORT.md's key order; nothing is published by an ingest (only `report --publish` or the reporter publishes). */
function assemble(period: string, f: Figures & Pick<Report, "alerts">, scope: Pick<Report, "scope" | "streets">, folded: FoldedTruth): Report {
  const { alerts, ...figures } = f;
  return { period, ...figures, ...scope, published: null, alerts, quality: { ...folded.quality } };
}

export interface PeriodReports {
  /** the whole deployment's report, with its `streets` table */
  report: Report;
  /** each street's own report, in the table's order */
  streets: Map<string, Report>;
}

/** The unscoped report of a period and every street's scoped one, each street's figures computed once. */
export function reportsFromFolded(folded: FoldedTruth, period: string, config: Partial<ReportConfig> = {}): PeriodReports {
  const c = { ...DEFAULT_CONFIG, ...config };
  const p = parsePeriod(period);
  const held = heldOrders(folded);
  const streets = new Map<string, Report>();
  for (const street of streetsOf(folded, c.defaultStreet)) {
    const scoped = scopeToStreet(folded, street, c.defaultStreet);
    streets.set(street, assemble(period, figuresAndAlerts(scoped, p, held, c), { scope: { street } }, folded));
  }
  const table = [...streets].map(([street, r]) => streetEntry(street, r));
  const report = assemble(period, figuresAndAlerts(folded, p, held, c), { scope: { street: null }, streets: table }, folded);
  return { report, streets };
}

/**
 * Use with foldTruth when computing many periods: the fold is the expensive part. `street` scopes
 * the report to one sub-district (`report --street`); a street nothing belongs to has all zeros.
 */
export function reportFromFolded(folded: FoldedTruth, period: string, config: Partial<ReportConfig> = {}, street: string | null = null): Report {
  if (street === null) return reportsFromFolded(folded, period, config).report;
  const c = { ...DEFAULT_CONFIG, ...config };
  const scoped = scopeToStreet(folded, street, c.defaultStreet);
  return assemble(period, figuresAndAlerts(scoped, parsePeriod(period), heldOrders(folded), c), { scope: { street } }, folded);
}

export function expectedReport(truth: ReportTruth, period: string, config: Partial<ReportConfig> = {}, street: string | null = null): Report {
  return reportFromFolded(foldTruth(truth), period, config, street);
}
