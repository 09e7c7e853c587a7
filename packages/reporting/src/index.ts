export { buildReport } from "./build-report.ts";
export { evaluateAlerts, DEFAULT_THRESHOLDS, type AlertThresholds } from "./alerts.ts";
export { parsePeriod, previousMonth, PeriodError, type Period, type Interval } from "./period.ts";
export { renderMarkdown } from "./render-markdown.ts";
export { renderHtml } from "./render-html.ts";
export { monthlySeries, type MonthlySeries } from "./monthly-series.ts";
export * from "./report-types.ts";
export { explainMetric, type Explanation, type ExplainedRecord } from "./explain.ts";
export { UnknownMetricError, metricQuery } from "./explain-metrics.ts";
