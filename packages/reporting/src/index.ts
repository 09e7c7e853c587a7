export { buildReport } from "./build-report.ts";
export { evaluateAlerts, DEFAULT_THRESHOLDS, type AlertThresholds } from "./alerts.ts";
export { parsePeriod, previousMonth, PeriodError, type Period, type Interval } from "./period.ts";
export { renderMarkdown } from "./render-markdown.ts";
export { renderHtml } from "./render-html.ts";
export * from "./report-types.ts";
